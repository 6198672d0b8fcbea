#!/usr/bin/env bash
# HiGlass-like tile bursts on the human-sized benchmark map: tiles/s for .mcool and its .hic twin, with the same
# regions as dense pixels?format=npy queries as the peer measured in the same run (TileBurst's javadoc says what a
# burst is). One service for both files; a warm-up burst round first (file metadata parsed, page cache warm).
#
#   bench/tiles.sh [DIR]     DIR holds large.mcool (and large.hic, used when large.hic.done is there too, or
#                            DIR is not /work/scratch); default /work/scratch. FILES="a.mcool b.hic" overrides.
# Env: PORT (18082), VIEWERS (8), BURSTS (10), RESOLUTION (10000), TRANSFORM (None: raw counts, the same in both
#      formats; or a normalization both files have), HEAP (2g)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dir="$(realpath "${1:-/work/scratch}")"
PORT="${PORT:-18082}"
VIEWERS="${VIEWERS:-8}"
BURSTS="${BURSTS:-10}"
RESOLUTION="${RESOLUTION:-10000}"
HEAP="${HEAP:-2g}"
TRANSFORM="${TRANSFORM:-None}"
jar="$root/service/target/hicserve.jar"
bench="$here/target/benchmarks.jar"
out="$here/out"
mkdir -p "$out"
[[ -f "$jar" && -f "$bench" ]] || (cd "$root" && mvn -B -q package -DskipTests)

java -Xmx"$HEAP" -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" --hicserve.data-dir="$dir" \
  > "$out/tiles-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 1 480); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && break; sleep 0.5; done
base="http://127.0.0.1:$PORT"

if [[ -n "${FILES:-}" ]]; then
  read -r -a files <<< "$FILES"
else
  files=(large.mcool)
  [[ -f "$dir/large.hic" && ( -f "$dir/large.hic.done" || "$dir" != /work/scratch ) ]] && files+=(large.hic)
fi
for f in "${files[@]}"; do [[ -f "$dir/$f" ]] || { echo "no $dir/$f" >&2; exit 1; }; done
echo -e "mode\tfile\tviewers\tbursts\ttiles\terrors\tseconds\ttiles_per_s\tp50_ms\tp99_ms"
for f in "${files[@]}"; do
  transform="$TRANSFORM"
  java -cp "$bench" org.hicserve.bench.TileBurst tiles "$base" "$f" "$RESOLUTION" "$transform" 2 2 > /dev/null # warm-up
  for mode in tiles npy; do
    java -cp "$bench" org.hicserve.bench.TileBurst "$mode" "$base" "$f" "$RESOLUTION" "$transform" "$VIEWERS" "$BURSTS"
  done
done
