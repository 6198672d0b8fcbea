#!/usr/bin/env bash
# Whole-genome cis of one map, in the same run: hicserve's own `GET /api/v1/cis` (the service jar, streamed to
# /dev/null by curl), the Spark data source on local[1] and local[2] (count(*) and sum(count) WHERE chrom1 = chrom2),
# and the reader alone on one thread (the floor both stand on). Best of RUNS after one warm-up each; one after the
# other, never two at once.
#
#   bench/spark-cis.sh [FILE.mcool|FILE.hic] [RESOLUTION]     default /work/scratch/large.mcool 10000
#
# Env: RUNS (3), PORT (a free one). Builds the service jar and the spark module first when they are missing.
# Prints a table and writes bench/out/spark-cis.tsv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$(realpath "${1:-/work/scratch/large.mcool}")"
res="${2:-10000}"
RUNS="${RUNS:-3}"
out="$here/out"
mkdir -p "$out"
[[ -f "$file" ]] || { echo "no $file" >&2; exit 1; }
cd "$root"

if [[ ! -f service/target/hicserve.jar ]]; then
  mvn -B -q -pl service -am package -DskipTests
fi
# the spark module's classpath (Spark is "provided": there, but not in the module's jar); test classes hold the bench
mvn -B -q -pl reader,spark package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/classpath.txt" > /dev/null
cp="spark/target/classes:spark/target/test-classes:$(cat "$out/classpath.txt")"
# the JVM options Spark needs on Java 17, from the one place they are written (spark/pom.xml)
spark_opts="$(sed -n '/<spark.java.options>/,/<\/spark.java.options>/p' spark/pom.xml | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ')"

results="$out/spark-cis.tsv"
: > "$results"

# 1. the service
port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
java -jar service/target/hicserve.jar --hicserve.data-dir="$(dirname "$file")" --server.address=127.0.0.1 \
  --server.port="$port" > "$out/spark-cis-service.log" 2>&1 &
svc=$!
trap 'kill $svc 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
url="http://127.0.0.1:$port/api/v1/cis?file=$(basename "$file")&resolution=$res"
best=""
for run in $(seq 0 "$RUNS"); do
  t="$(curl -sf -o /dev/null -w '%{time_total}' "$url")"
  echo "service run $run: $t s" >&2
  if [[ "$run" -gt 0 ]] && { [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; }; then
    best="$t"
  fi
done
bytes="$(curl -sf "$url" | wc -c)"
printf 'service /cis\t%.3f\t%s bytes of Arrow\n' "$best" "$bytes" >> "$results"
kill "$svc"; wait "$svc" 2> /dev/null || true
trap - EXIT

# 2. Spark local[1], local[2], and the reader alone
for mode in "local[1]" "local[2]" reader; do
  # shellcheck disable=SC2086
  java $spark_opts -Xmx4g -cp "$cp" org.hicserve.spark.SparkCisBench "$file" "$res" "$mode" "$RUNS" \
    2> "$out/spark-cis-$mode.log" >> "$results"
done

echo "whole-genome cis of $(basename "$file") at $res bp, best of $RUNS (seconds), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg):"
awk -F'\t' 'NR==1 {base=$2} {printf "  %-14s %8.3f s  %5.2fx the service  %s\n", $1, $2, $2/base, $3}' "$results"
