#!/usr/bin/env bash
# Two (or more) builds or settings of the service side by side in one run: each is started on its own port on the
# same files, then the same queries are sent to them in turn (A, B, C, A, B, C, ...), so that a busy moment of the
# machine falls on every contender alike; prints the median of each query per contender and its ratio to the first.
# For "no slowdown beyond noise against the previous commit" (build the older jar in a git worktree first).
#
#   bench/ab.sh DIR NAME=JAR[@SETTINGS] NAME=JAR[@SETTINGS] ...
#     e.g. bench/ab.sh /work/scratch prev=/tmp/prev.jar now=service/target/hicserve.jar \
#            now-no-decode=service/target/hicserve.jar@--hicserve.decode-threads=0
#   SETTINGS: extra service arguments, comma-separated.
# Env: ROUNDS (9), PORT (18200: contenders take PORT, PORT+1, ...), HEAP (512m), QUERIES (a file of
#      "name<TAB>path?query" lines; default: chr1 raw/balanced Arrow and a 5 Mb window of large.mcool and large.hic).
set -euo pipefail
dir="$(realpath "${1:?usage: bench/ab.sh DIR NAME=JAR[@SETTINGS] ...}")"
shift
ROUNDS="${ROUNDS:-9}"
PORT="${PORT:-18200}"
HEAP="${HEAP:-512m}"
names=()
ports=()
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done' EXIT
port=$PORT
for spec in "$@"; do
  name="${spec%%=*}"
  rest="${spec#*=}"
  jar="${rest%%@*}"
  settings=""
  [[ "$rest" == *@* ]] && settings="${rest#*@}"
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --hicserve.data-dir="$dir" \
    --hicserve.max-streams-per-client=0 ${settings//,/ } > "/tmp/ab-$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
  ports+=("$port")
  port=$((port + 1))
done
for p in "${ports[@]}"; do
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$p/actuator/health" > /dev/null 2>&1 && break; sleep 0.5; done
done

queries="${QUERIES:-}"
if [[ -z "$queries" ]]; then
  queries=$(mktemp)
  cat > "$queries" << 'EOF'
mcool-chr1-raw	/api/v1/pixels?file=large.mcool&resolution=10000&range1=chr1
mcool-chr1-balanced	/api/v1/pixels?file=large.mcool&resolution=10000&range1=chr1&normalization=weight
mcool-window	/api/v1/pixels?file=large.mcool&resolution=10000&range1=chr2:100000000-105000000
hic-chr1-raw	/api/v1/pixels?file=large.hic&resolution=10000&range1=chr1
hic-chr1-balanced	/api/v1/pixels?file=large.hic&resolution=10000&range1=chr1&normalization=ICE
hic-window	/api/v1/pixels?file=large.hic&resolution=10000&range1=chr2:100000000-105000000
EOF
fi

raw=$(mktemp)
while IFS=$'\t' read -r q path; do
  [[ -z "$q" ]] && continue
  for i in "${!ports[@]}"; do # warm-up: metadata parsed, JIT
    curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}$path"
    curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}$path"
  done
  for _ in $(seq 1 "$ROUNDS"); do
    for i in "${!ports[@]}"; do
      t=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:${ports[$i]}$path")
      echo -e "$q\t${names[$i]}\t$t" >> "$raw"
    done
  done
done < "$queries"

/usr/bin/python3 - "$raw" "${names[@]}" << 'EOF'
import sys, statistics, collections
raw, names = sys.argv[1], sys.argv[2:]
t = collections.defaultdict(list)
order = []
for line in open(raw):
    q, n, s = line.rstrip("\n").split("\t")
    if q not in order:
        order.append(q)
    t[(q, n)].append(float(s))
print("| query | " + " | ".join(f"{n} (median s)" for n in names) + " | " + " | ".join(f"{n} / {names[0]}" for n in names[1:]) + " |")
print("|---|" + "---:|" * (2 * len(names) - 1))
for q in order:
    m = [statistics.median(t[(q, n)]) for n in names]
    print(f"| {q} | " + " | ".join(f"{x:.4f}" for x in m) + " | " + " | ".join(f"{x / m[0]:.2f}" for x in m[1:]) + " |")
EOF
