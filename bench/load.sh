#!/usr/bin/env bash
# Load and soak of hicserve.jar on loopback, with resource counts before and after.
#   load: random 5 Mb windows at 10 kb from 8, 32 and 64 concurrent clients, LOAD_SECONDS each;
#   soak: whole chromosomes at 10 kb from SOAK_CLIENTS clients for SOAK_SECONDS, a third of them hanging up
#         after the first 64 KiB of every answer.
# Before and after (after a full GC, the service idle), and again after 65 s idle: open reader handles (the
# service's gauge), file descriptors, memory-mapped regions and threads of the process, heap used.
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
  --hicserve.max-concurrent-streams=64 --hicserve.max-streams-per-client=0 > "$out/load-service.log" 2>&1 &
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
  heap=$(echo "$metrics" | grep '^jvm_memory_used_bytes{area="heap"' | awk '{s += $NF} END {printf "%.0f", s / 1048576}')
  fds=$(ls /proc/"$pid"/fd | wc -l)
  maps=$(wc -l < /proc/"$pid"/maps)
  threads=$(ls /proc/"$pid"/task | wc -l)
  echo -e "$1\thandles=$handles\tfds=$fds\tmaps=$maps\tthreads=$threads\theap_MB=$heap"
}

# warm up with the same load (metadata cached, JIT compiled, thread pools, heap and malloc arenas grown), so
# that "before" and "after" compare a warm service with itself: growth past this is a leak
for c in 8 64; do
  java -cp "$bench" org.hicserve.bench.LoadGenerator windows "$base" "$name" 10000 "$c" 10 > /dev/null
done
java -cp "$bench" org.hicserve.bench.LoadGenerator soak "$base" "$name" 10000 "$SOAK_CLIENTS" 15 > /dev/null
sleep 65
{
  resources before
  for c in 8 32 64; do
    java -cp "$bench" org.hicserve.bench.LoadGenerator windows "$base" "$name" 10000 "$c" "$LOAD_SECONDS"
  done
  java -cp "$bench" org.hicserve.bench.LoadGenerator soak "$base" "$name" 10000 "$SOAK_CLIENTS" "$SOAK_SECONDS"
  resources after
  # Tomcat lets idle request threads go after 60 s; their stacks are most of the mappings added under load
  sleep 65
  resources after-idle
} | tee "$out/load.tsv"
