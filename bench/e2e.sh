#!/usr/bin/env bash
# End-to-end benchmark of the service: starts hicserve.jar (-Xmx512m) on bench/data/ and measures, with curl on
# loopback,
#   - chr1 at 10 kb over HTTP as Arrow (raw, balanced), warm, median of 5;
#   - whole-genome cis at 10 kb as Arrow, executor=threads with hicserve.threads=1 and 2, and
#     executor=processes with 1 and 2 local workers (median of 3);
#   - 200 random 5 Mb windows (pixels, raw, Arrow), one client and 8 concurrent clients (requests/s);
#   - worker process start-up (from the service log);
# next to `cooler dump` on the same file (chr1 raw and balanced; whole-genome cis as one `cooler dump` per
# chromosome). Prints a table; raw numbers go to bench/out/e2e.tsv.
#
#   bench/e2e.sh [FILE.mcool]        default bench/data/large.mcool (bench/make-data.sh makes it)
#
# Env: PORT (18080), REPEAT (5), WINDOWS (200), SKIP_COOLER=1 to skip the cooler runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$(realpath "${1:-$here/data/large.mcool}")"
PORT="${PORT:-18080}"
REPEAT="${REPEAT:-5}"
WINDOWS="${WINDOWS:-200}"
COOLER="${COOLER:-cooler}"
PYTHON="${PYTHON:-/usr/bin/python3}"
jar="${JAR:-$root/service/target/hicserve.jar}"  # JAR=: another build, e.g. the commit before a change
out="$here/out"
mkdir -p "$out"
tsv="$out/e2e.tsv"
: > "$tsv"
log="$out/e2e-service.log"

[[ -f "$file" ]] || { echo "no $file: run bench/make-data.sh first" >&2; exit 1; }
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q package -DskipTests)
datadir="$(dirname "$file")"
name="$(basename "$file")"
base="http://127.0.0.1:$PORT/api/v1"
pid=""

stop() { if [[ -n "$pid" ]]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi; pid=""; }
trap stop EXIT

start() { # start [extra service args...]
  stop
  java -Xmx512m -jar "$jar" --server.port="$PORT" --hicserve.data-dir="$datadir" "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service did not start; see $log" >&2
  exit 1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_url NAME URL REPEAT: warm-up once, then REPEAT timed downloads; records the median and the rows streamed
time_url() {
  local what="$1" url="$2" n="$3" t
  curl -sf -o /dev/null "$url"
  t=$(for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | median)
  rows=$(grep 'hicserve.requests' "$log" | tail -1 | sed -E 's/.* rows=([0-9]+).*/\1/')
  echo -e "hicserve\t$what\t$rows\t$t" | tee -a "$tsv"
}

windows() { # random 5 Mb windows on chr1..chr22, seeded
  "$PYTHON" - "$WINDOWS" <<'PY'
import random, sys
random.seed(7)
sizes = {"chr1": 248956422, "chr2": 242193529, "chr3": 198295559, "chr4": 190214555, "chr5": 181538259,
         "chr6": 170805979, "chr7": 159345973, "chr8": 145138636, "chr9": 138394717, "chr10": 133797422,
         "chr11": 135086622, "chr12": 133275309, "chr13": 114364328, "chr14": 107043718, "chr15": 101991189,
         "chr16": 90338345, "chr17": 83257441, "chr18": 80373285, "chr19": 58617616, "chr20": 64444167,
         "chr21": 46709983, "chr22": 50818468}
names = list(sizes)
for _ in range(int(sys.argv[1])):
    c = random.choice(names)
    s = random.randrange(0, sizes[c] - 5_000_000)
    print(f"{c}:{s}-{s + 5_000_000}")
PY
}

small_queries() { # small_queries CONCURRENCY
  local conc="$1" t0 t1
  windows > "$out/windows.txt"
  t0=$(date +%s.%N)
  xargs -P "$conc" -I{} curl -sf -o /dev/null "$base/pixels?file=$name&resolution=10000&range1={}" < "$out/windows.txt"
  t1=$(date +%s.%N)
  echo -e "hicserve\twindows-5Mb-x$conc\t$WINDOWS\t$(echo "$t1 - $t0" | bc -l)" | tee -a "$tsv"
}

echo "== threads=2: chr1, small queries" >&2
start --hicserve.threads=2
time_url "chr1-raw" "$base/pixels?file=$name&resolution=10000&range1=chr1" "$REPEAT"
time_url "chr1-balanced" "$base/pixels?file=$name&resolution=10000&range1=chr1&normalization=weight" "$REPEAT"
small_queries 1
small_queries 8
time_url "cis-threads-2" "$base/cis?file=$name&resolution=10000" 3
echo "== threads=2, decode-threads=2: chr1" >&2
start --hicserve.threads=2 --hicserve.decode-threads=2
time_url "chr1-raw-decoders-2" "$base/pixels?file=$name&resolution=10000&range1=chr1" "$REPEAT"
time_url "chr1-balanced-decoders-2" "$base/pixels?file=$name&resolution=10000&range1=chr1&normalization=weight" "$REPEAT"
echo "== threads=1" >&2
start --hicserve.threads=1
time_url "cis-threads-1" "$base/cis?file=$name&resolution=10000" 3
for w in 1 2; do
  echo "== processes, $w workers" >&2
  start --hicserve.threads=2 --hicserve.workers.local="$w"
  grep -E 'WorkerLauncher.*started' "$log" | head -1 >&2 || true
  time_url "cis-processes-$w" "$base/cis?file=$name&resolution=10000&executor=processes" 3
done
stop
# worker start-up: from the service starting the process to the worker listening, as the worker logs it
startup=$(grep -hE 'worker [0-9]+ started' "$log" | head -1 || true)
echo "worker start-up (last run): $startup" >&2

if [[ "${SKIP_COOLER:-0}" != 1 ]]; then
  uri="$file::/resolutions/10000"
  for mode in raw balanced; do
    flag=""; [[ $mode == balanced ]] && flag="--balanced"
    rows=$("$COOLER" dump $flag -r chr1 "$uri" | wc -l)
    t=$(for _ in 1 2 3; do
          t0=$(date +%s.%N); "$COOLER" dump $flag -r chr1 "$uri" > /dev/null; t1=$(date +%s.%N)
          echo "$t1 - $t0" | bc -l
        done | median)
    echo -e "cooler\tchr1-$mode\t$rows\t$t" | tee -a "$tsv"
  done
  chroms=$("$COOLER" dump -t chroms "$uri" | cut -f1)
  t0=$(date +%s.%N)
  rows=0
  for c in $chroms; do
    n=$("$COOLER" dump -r "$c" "$uri" | wc -l)
    rows=$((rows + n))
  done
  t1=$(date +%s.%N)
  echo -e "cooler\tcis-per-chromosome\t$rows\t$(echo "$t1 - $t0" | bc -l)" | tee -a "$tsv"
fi

"$PYTHON" - "$tsv" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
t = {(r[0], r[1]): (int(r[2]), float(r[3])) for r in rows}
print(f"\n{'tool':<9} {'query':<22} {'rows/requests':>14} {'seconds':>9} {'per second':>14}")
for (tool, what), (n, s) in t.items():
    print(f"{tool:<9} {what:<22} {n:>14,} {s:>9.3f} {n / s:>14,.0f}")
def ratio(a, b, label):
    if a in t and b in t:
        print(f"{label}: {t[b][1] / t[a][1]:.2f}x")
ratio(("hicserve", "cis-threads-2"), ("hicserve", "cis-threads-1"), "cis speed-up, 2 threads vs 1")
ratio(("hicserve", "cis-processes-2"), ("hicserve", "cis-processes-1"), "cis speed-up, 2 workers vs 1")
ratio(("hicserve", "cis-threads-2"), ("hicserve", "cis-processes-2"), "cis threads(2) vs processes(2), time ratio processes/threads")
ratio(("hicserve", "chr1-raw"), ("cooler", "chr1-raw"), "chr1 raw, hicserve over HTTP vs cooler dump")
ratio(("hicserve", "chr1-balanced"), ("cooler", "chr1-balanced"), "chr1 balanced, hicserve over HTTP vs cooler dump")
ratio(("hicserve", "cis-threads-2"), ("cooler", "cis-per-chromosome"), "whole-genome cis, hicserve (2 threads) vs cooler dump per chromosome")
PY
