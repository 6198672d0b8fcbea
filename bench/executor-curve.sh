#!/usr/bin/env bash
# When processes pay (issue #17): the cost curve of executor=threads (hicserve.threads=1 and 2) against
# executor=processes (1 and 2 local workers) across work sizes, and executor=auto on the 2-worker service.
#
# Work sizes per file, at each of RESOLUTIONS (default 10 kb and 100 kb): a 5 Mb window of the first chromosome
# (a `pixels` query: threads only, workers answer whole chromosomes), then `cis` of the smallest chromosome, of the
# first one, of chromosome sets of a quarter and a half of the genome, and of the whole genome; plus "one-task":
# the smallest chromosome at the file's coarsest resolution, a few rows, whose warm time is the per-task overhead
# of each mode. Each is one warm-up then REPEAT timed requests (curl on loopback, Arrow), the median kept.
#
# Per request it records: wall time; CPU seconds of the service and of its workers (utime+stime from /proc, over
# the timed requests / REPEAT); the bytes the workers wrote (/proc/PID/io wchar: their Flight answers, i.e. what
# crosses the Flight connection); the answer's rows and bytes (the request log); for executor=auto the estimate
# and the executor chosen (the request log line). Per service start: each worker's JVM start to listening (the
# WorkerLauncher log line) and the first answer of the fresh service (the one-task request, cold: JIT) against
# the same request warm.
#
# Writes OUT/executor-curve.tsv (one line per mode and work size), OUT/executor-curve-startup.tsv, and, through
# bench/src/main/java/org/hicserve/bench/ExecutorCurveReport.java (run as a single source file: JDK only, nothing
# to build, no dependency added to the service), OUT/executor-curve.md (the tables, the crossover read off them,
# the setting it suggests) and OUT/executor-curve-FILE.png (log-log: seconds against rows answered, one line per
# mode). OUT defaults to bench/out (git-ignored).
#
#   bench/executor-curve.sh [FILE...]   default: /work/scratch/large.mcool and /work/scratch/large.hic (those that
#                                       exist), else bench/data/large.mcool (bench/make-data.sh makes it)
#
# The human-sized measurement (a quiet machine; about 20-40 minutes on 2 cores with the defaults):
#   mvn -B -q package -DskipTests -pl service -am
#   bench/executor-curve.sh /work/scratch/large.mcool /work/scratch/large.hic
#   then copy OUT/executor-curve.md's tables and OUT/executor-curve-large.*.png (to docs/img/) into the README's
#   "When each mode pays off" and set hicserve.auto-processes-above from the suggested setting.
# The smoke run on the bundled sample (a minute or two; proves the script, measures nothing worth quoting):
#   REPEAT=1 bench/executor-curve.sh test-data/sample.mcool test-data/sample.hic
#
# Env: PORT (18081), REPEAT (3), RESOLUTIONS ("10000 100000"), CONFIGS ("threads-1 threads-2 processes-1
#      processes-2"; auto-2 is measured on the processes-2 service), HEAP (512m, the service's -Xmx), AUTO_ABOVE
#      (hicserve.auto-processes-above for the auto requests; unset: the service's default), OUT (bench/out).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
PORT="${PORT:-18081}"
REPEAT="${REPEAT:-3}"
RESOLUTIONS="${RESOLUTIONS:-10000 100000}"
CONFIGS="${CONFIGS:-threads-1 threads-2 processes-1 processes-2}"
HEAP="${HEAP:-512m}"
AUTO_ABOVE="${AUTO_ABOVE:-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
out="${OUT:-$here/out}"
jar="$root/service/target/hicserve.jar"
report="$here/src/main/java/org/hicserve/bench/ExecutorCurveReport.java"
mkdir -p "$out"
out="$(realpath "$out")"
tsv="$out/executor-curve.tsv"
startup_tsv="$out/executor-curve-startup.tsv"
log="$out/executor-curve-service.log"
hz=$(getconf CLK_TCK)

files=()
if [[ $# -gt 0 ]]; then
  for f in "$@"; do files+=("$(realpath "$f")"); done
else
  for f in /work/scratch/large.mcool /work/scratch/large.hic; do [[ -f "$f" ]] && files+=("$f"); done
  [[ ${#files[@]} -gt 0 ]] || files=("$here/data/large.mcool")
fi
for f in "${files[@]}"; do
  [[ -f "$f" ]] || { echo "no $f (bench/make-data.sh makes bench/data/large.mcool)" >&2; exit 1; }
done
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q package -DskipTests -pl service -am)
# one service per data directory (the service refuses links out of its directory, so files are served in place)
dirs=$(for f in "${files[@]}"; do dirname "$f"; done | awk '!seen[$0]++')

printf 'file\tconfig\tresolution\twork\trows\testimate\tchosen\tseconds\tservice_cpu_s\tworker_cpu_s\tflight_bytes\tanswer_bytes\n' > "$tsv"
printf 'data\tconfig\tlistening_ms\tfirst_answer_s\twarm_s\twork\n' > "$startup_tsv"

pid=""
stop() { if [[ -n "$pid" ]]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi; pid=""; }
trap stop EXIT

start() { # start DATADIR WORKERS [service args...]
  local dir="$1" workers="$2"
  shift 2
  stop
  java -Xmx"$HEAP" -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" --hicserve.data-dir="$dir" \
    --hicserve.max-streams-per-client=0 "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 480); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then
      [[ "$workers" -eq 0 ]] && return 0
      healthy=$(curl -sf "http://127.0.0.1:$PORT/actuator/prometheus" | awk '/^hicserve_worker_healthy/ {print int($2)}')
      [[ "${healthy:-0}" -ge "$workers" ]] && return 0
    fi
    sleep 0.5
  done
  echo "service did not start; see $log" >&2
  exit 1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
worker_pids() { sed -nE 's/.*worker [0-9]+ started: pid ([0-9]+),.*/\1/p' "$log" | while read -r p; do
  [[ -r /proc/$p/stat ]] && echo "$p"; done; }
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2> /dev/null || echo 0))); done; echo "$t"; }
wchar() { local t=0 p; for p in "$@"; do t=$((t + $(awk '/^wchar/ {print $2}' "/proc/$p/io" 2> /dev/null || echo 0))); done; echo "$t"; }
requests() { grep -c 'hicserve.requests' "$log" || true; }

# measure FILE CONFIG RES WORK URL: one warm-up, REPEAT timed requests; the rest from /proc and the request log
measure() {
  local file="$1" config="$2" res="$3" work="$4" url="$5" n0 t line rows bytes estimate="" chosen=""
  local -a wp
  mapfile -t wp < <(worker_pids)
  n0=$(requests)
  curl -sf -o /dev/null "$url"
  local s0 w0 c0 s1 w1 c1
  s0=$(ticks "$pid"); w0=$(ticks "${wp[@]}"); c0=$(wchar "${wp[@]}")
  t=$(for _ in $(seq 1 "$REPEAT"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | median)
  s1=$(ticks "$pid"); w1=$(ticks "${wp[@]}"); c1=$(wchar "${wp[@]}")
  for _ in $(seq 1 100); do [[ $(requests) -ge $((n0 + 1 + REPEAT)) ]] && break; sleep 0.05; done
  line=$(grep 'hicserve.requests' "$log" | tail -1)
  rows=$(sed -E 's/.* rows=([0-9]+).*/\1/' <<< "$line")
  bytes=$(sed -E 's/.* bytes=([0-9]+).*/\1/' <<< "$line")
  if [[ "$line" == *"(auto: "* ]]; then
    chosen=$(sed -E 's/.* executor=([a-z]+) \(auto: .*/\1/' <<< "$line")
    [[ "$line" == *"(auto: estimated "* ]] && estimate=$(sed -E 's/.*\(auto: estimated ([0-9]+) pixels.*/\1/' <<< "$line")
  fi
  local wcpu="" flight=""
  if [[ ${#wp[@]} -gt 0 ]]; then
    wcpu=$(awk -v a="$w0" -v b="$w1" -v r="$REPEAT" -v hz="$hz" 'BEGIN {printf "%.3f", (b - a) / hz / r}')
    flight=$(( (c1 - c0) / REPEAT ))
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$file")" "$config" "$res" "$work" "$rows" \
    "$estimate" "$chosen" "$t" "$(awk -v a="$s0" -v b="$s1" -v r="$REPEAT" -v hz="$hz" 'BEGIN {printf "%.3f", (b - a) / hz / r}')" \
    "$wcpu" "$flight" "$bytes" | tee -a "$tsv"
}

# the work sizes of a file, from describe: smallest, first, coarsest, quarter, half (comma-separated chromosome sets)
declare -A work_sets
describe() { # describe FILE -> "key=value" lines
  curl -sf "http://127.0.0.1:$PORT/api/v1/describe?file=$(basename "$1")" | "$PYTHON" -c '
import json, sys
d = json.load(sys.stdin)
chroms = d["chromosomes"]
total = sum(c["length"] for c in chroms)
print("smallest=" + min(chroms, key=lambda c: c["length"])["name"])
print("first=" + chroms[0]["name"])
print("coarsest=" + str(max(d["resolutions"])))
for frac, label in ((0.25, "quarter"), (0.5, "half")):
    acc, names = 0, []
    for c in chroms:
        names.append(c["name"]); acc += c["length"]
        if acc >= frac * total:
            break
    print(label + "=" + ",".join(names))
'
}
get() { sed -n "s/^$2=//p" <<< "${work_sets[$1]}"; }

run_config() { # run_config CONFIG EXECUTOR WORKERS [service args...]
  local config="$1" executor="$2" workers="$3" dir f name base one first_s warm_s listening
  shift 3
  for dir in $dirs; do
    start "$dir" "$workers" "$@"
    for f in "${files[@]}"; do
      [[ "$(dirname "$f")" == "$dir" ]] || continue
      [[ -n "${work_sets[$f]:-}" ]] || work_sets[$f]="$(describe "$f")"
    done
    base="http://127.0.0.1:$PORT/api/v1"
    # start-up: the workers' listening times, then the first answer of this fresh service (cold) and warm
    for f in "${files[@]}"; do [[ "$(dirname "$f")" == "$dir" ]] && break; done
    name=$(basename "$f")
    one="$base/cis?file=$name&resolution=$(get "$f" coarsest)&chromosomes=$(get "$f" smallest)&executor=$executor"
    first_s=$(curl -sf -o /dev/null -w '%{time_total}' "$one")
    warm_s=$(for _ in $(seq 1 "$REPEAT"); do curl -sf -o /dev/null -w '%{time_total}\n' "$one"; done | median)
    listening=$(sed -nE 's/.*worker [0-9]+ started: .* listening ([0-9]+) ms after .*/\1/p' "$log" | paste -sd, -)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$dir")" "$config" "${listening:--}" "$first_s" "$warm_s" \
      "cis $(get "$f" smallest) at $(get "$f" coarsest) of $name" | tee -a "$startup_tsv"
    for f in "${files[@]}"; do
      [[ "$(dirname "$f")" == "$dir" ]] || continue
      name=$(basename "$f")
      local executors="$executor"
      [[ "$config" == processes-2 ]] && executors="processes auto"
      for ex in $executors; do
        local label="$config"
        [[ "$ex" == auto ]] && label=auto-2
        measure "$f" "$label" "$(get "$f" coarsest)" one-task \
          "$base/cis?file=$name&resolution=$(get "$f" coarsest)&chromosomes=$(get "$f" smallest)&executor=$ex"
        for res in $RESOLUTIONS; do
          if [[ "$ex" == threads ]]; then
            measure "$f" "$label" "$res" window-5Mb "$base/pixels?file=$name&resolution=$res&range1=$(get "$f" first):0-5,000,000"
          fi
          local seen=" "
          for set in smallest first quarter half genome; do
            q="$base/cis?file=$name&resolution=$res&executor=$ex"
            [[ "$set" != genome ]] && q="$q&chromosomes=$(get "$f" "$set")"
            [[ "$seen" == *" $q "* ]] && continue # e.g. a first chromosome longer than a quarter of the genome
            seen="$seen$q "
            measure "$f" "$label" "$res" "cis-$set" "$q"
          done
        done
      done
    done
  done
}

auto_args=()
[[ -n "$AUTO_ABOVE" ]] && auto_args=(--hicserve.auto-processes-above="$AUTO_ABOVE")
for config in $CONFIGS; do
  case "$config" in
    threads-1) run_config threads-1 threads 0 --hicserve.threads=1 ;;
    threads-2) run_config threads-2 threads 0 --hicserve.threads=2 ;;
    processes-1) run_config processes-1 processes 1 --hicserve.threads=2 --hicserve.workers.local=1 ;;
    processes-2) run_config processes-2 processes 2 --hicserve.threads=2 --hicserve.workers.local=2 "${auto_args[@]}" ;;
    *) echo "unknown config $config (threads-1 threads-2 processes-1 processes-2)" >&2; exit 2 ;;
  esac
done
stop

{
  echo "## executor curve: $(nproc) cores, $(date -u +%FT%TZ), REPEAT=$REPEAT, $(java -version 2>&1 | head -1)"
  echo
  java "$report" "$tsv" "$startup_tsv" "$out"
} > "$out/executor-curve.md"
echo
cat "$out/executor-curve.md"
echo
echo "written: $out/executor-curve.md, $tsv, $startup_tsv, $(ls "$out"/executor-curve-*.png | paste -sd' ' -)"
