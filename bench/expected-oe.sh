#!/usr/bin/env bash
# Whole-genome cis observed/expected next to cis observed, on the same service and file in the same run:
# starts hicserve.jar with -Xmx512m (loopback only) and times with curl, Arrow, at RES (10 kb):
#   - cis observed (raw and NORM), median of REPEAT warm requests;
#   - the first cis?matrix_type=oe (raw and NORM): computes the cooler expected table, then streams;
#   - cis?matrix_type=oe again (the table cached), median of REPEAT;
#   - GET /api/v1/expected (the cached table as Arrow).
# Rows and times go to bench/out/expected-oe.tsv; the service log shows the heap never grew past -Xmx512m.
#
#   bench/expected-oe.sh [FILE.mcool]     default bench/data/large.mcool
#
# Env: PORT (18081), RES (10000), NORM (weight), REPEAT (3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$(realpath "${1:-$here/data/large.mcool}")"
PORT="${PORT:-18081}"
RES="${RES:-10000}"
NORM="${NORM:-weight}"
REPEAT="${REPEAT:-3}"
jar="${JAR:-$root/service/target/hicserve.jar}"
out="$here/out"
mkdir -p "$out"
tsv="$out/expected-oe.tsv"
log="$out/expected-oe-service.log"
[[ -f "$file" ]] || { echo "no $file" >&2; exit 1; }
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q package -DskipTests)
base="http://127.0.0.1:$PORT/api/v1"
name="$(basename "$file")"

java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --hicserve.data-dir="$(dirname "$file")" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true; wait $pid 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && break
  sleep 0.5
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rows() { grep 'hicserve.requests' "$log" | tail -1 | sed -E 's/.* rows=([0-9]+).*/\1/'; }
once() { curl -sf -o /dev/null -w '%{time_total}\n' "$1"; }
warm() { # warm URL: one untimed request, then the median of REPEAT
  curl -sf -o /dev/null "$1"
  for _ in $(seq 1 "$REPEAT"); do once "$1"; done | median
}

printf 'query\trows\tseconds\n' > "$tsv"
for norm in NONE "$NORM"; do
  q="file=$name&resolution=$RES&normalization=$norm"
  t=$(warm "$base/cis?$q"); printf 'cis observed %s\t%s\t%s\n' "$norm" "$(rows)" "$t" >> "$tsv"
  t=$(once "$base/cis?$q&matrix_type=oe"); printf 'cis oe %s, first (computes expected)\t%s\t%s\n' "$norm" "$(rows)" "$t" >> "$tsv"
  t=$(warm "$base/cis?$q&matrix_type=oe"); printf 'cis oe %s, expected cached\t%s\t%s\n' "$norm" "$(rows)" "$t" >> "$tsv"
  t=$(warm "$base/expected?$q"); printf 'expected table %s\t-\t%s\n' "$norm" "$t" >> "$tsv"
done
column -t -s $'\t' "$tsv"
