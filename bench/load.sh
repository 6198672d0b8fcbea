#!/usr/bin/env bash
# Load and soak of hicserve.jar on loopback, with resource counts before and after.
#   load: random 5 Mb windows at 10 kb from 8, 32 and 64 concurrent clients, LOAD_SECONDS each;
#   soak: whole chromosomes at 10 kb from SOAK_CLIENTS clients for SOAK_SECONDS, a third of them hanging up
#         after the first 64 KiB of every answer.
# Before and after (after a full GC, the service idle): open reader handles (the service's gauge), file
# descriptors and memory-mapped regions of the process, heap used.
#
#   bench/load.sh [FILE.mcool]      default bench/data/large.mcool
# Env: PORT (18081), LOAD_SECONDS (20), SOAK_SECONDS (120), SOAK_CLIENTS (12), HEAP (1g)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$(realpath "${1:-$here/data/large.mcool}")"
PORT="${PORT:-18081}"
LOAD_SECONDS="${LOAD_SECONDS:-20}"
SOAK_SECONDS="${SOAK_SECONDS:-120}"
SOAK_CLIENTS="${SOAK_CLIENTS:-12}"
HEAP="${HEAP:-1g}"
jar="$root/service/target/hicserve.jar"
bench="$here/target/benchmarks.jar"
out="$here/out"
mkdir -p "$out"
[[ -f "$file" ]] || { echo "no $file: run bench/make-data.sh first" >&2; exit 1; }
[[ -f "$jar" && -f "$bench" ]] || (cd "$root" && mvn -B -q package -DskipTests)

java -Xmx"$HEAP" -jar "$jar" --server.port="$PORT" --hicserve.data-dir="$(dirname "$file")" \
  --hicserve.max-concurrent-streams=64 > "$out/load-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && break; sleep 0.5; done
base="http://127.0.0.1:$PORT"
name="$(basename "$file")"

resources() { # label
  sleep 2
  jcmd "$pid" GC.run > /dev/null
  sleep 1
  local metrics handles heap fds maps
  metrics=$(curl -sf "$base/actuator/prometheus")
  handles=$(echo "$metrics" | awk '/^hicserve_reader_handles_open/ {print $2}')
  heap=$(echo "$metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $2} END {printf "%.0f", s / 1048576}')
  fds=$(ls /proc/"$pid"/fd | wc -l)
  maps=$(wc -l < /proc/"$pid"/maps)
  echo -e "$1\thandles=$handles\tfds=$fds\tmaps=$maps\theap_MB=$heap"
}

# warm up: metadata cached, JIT compiled
java -cp "$bench" org.hicserve.bench.LoadGenerator windows "$base" "$name" 10000 4 10 > /dev/null
{
  resources before
  for c in 8 32 64; do
    java -cp "$bench" org.hicserve.bench.LoadGenerator windows "$base" "$name" 10000 "$c" "$LOAD_SECONDS"
  done
  java -cp "$bench" org.hicserve.bench.LoadGenerator soak "$base" "$name" 10000 "$SOAK_CLIENTS" "$SOAK_SECONDS"
  resources after
} | tee "$out/load.tsv"
