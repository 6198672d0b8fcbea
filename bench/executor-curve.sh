#!/usr/bin/env bash
# Where processes pay off against threads (issue #17, groundwork for executor=auto): times the same answers with
# executor=threads (hicserve.threads=1 and 2) and executor=processes (1 and 2 local workers) across work sizes,
# from a 5 Mb window to the whole genome, at 10 kb and 100 kb. The cis work sizes are chromosome sets of growing
# total length (the smallest chromosome, chr1, about a quarter, half, the whole genome); the 5 Mb window is a
# `pixels` query (threads only: processes serve cis). Median of REPEAT warm requests, curl on loopback, Arrow.
# Writes bench/out/executor-curve.tsv (config, resolution, work, rows, seconds), prints a table, and draws
# bench/out/executor-curve.png (seconds against rows, log-log; needs python3 with matplotlib, Debian
# python3-matplotlib; without it the table is all there is).
#
#   bench/executor-curve.sh [FILE.mcool]     default /work/scratch/large.mcool, else bench/data/large.mcool
#
# Env: PORT (18081), REPEAT (3), RESOLUTIONS ("10000 100000").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
default=/work/scratch/large.mcool
[[ -f "$default" ]] || default="$here/data/large.mcool"
file="$(realpath "${1:-$default}")"
PORT="${PORT:-18081}"
REPEAT="${REPEAT:-3}"
RESOLUTIONS="${RESOLUTIONS:-10000 100000}"
PYTHON="${PYTHON:-/usr/bin/python3}"
jar="$root/service/target/hicserve.jar"
out="$here/out"
mkdir -p "$out"
tsv="$out/executor-curve.tsv"
log="$out/executor-curve-service.log"
printf 'config\tresolution\twork\trows\tseconds\n' > "$tsv"

[[ -f "$file" ]] || { echo "no $file (bench/make-data.sh makes bench/data/large.mcool)" >&2; exit 1; }
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q package -DskipTests)
datadir="$(dirname "$file")"
name="$(basename "$file")"
base="http://127.0.0.1:$PORT/api/v1"
pid=""

stop() { if [[ -n "$pid" ]]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi; pid=""; }
trap stop EXIT

start() { # start [extra service args...]
  stop
  java -Xmx512m -jar "$jar" --server.port="$PORT" --hicserve.data-dir="$datadir" --hicserve.max-streams-per-client=0 \
    "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service did not start; see $log" >&2
  exit 1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure CONFIG RES WORK URL: one warm-up, then REPEAT timed downloads; the rows come from the request log
measure() {
  local config="$1" res="$2" work="$3" url="$4" t rows
  curl -sf -o /dev/null "$url"
  t=$(for _ in $(seq 1 "$REPEAT"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | median)
  rows=$(grep 'hicserve.requests' "$log" | tail -1 | sed -E 's/.* rows=([0-9]+).*/\1/')
  printf '%s\t%s\t%s\t%s\t%s\n' "$config" "$res" "$work" "$rows" "$t" | tee -a "$tsv"
}

# chromosome sets of growing length, from describe: "label=chrA,chrB,..." lines
start --hicserve.threads=1
sets=$(curl -sf "$base/describe?file=$name" | "$PYTHON" -c '
import json, sys
chroms = json.load(sys.stdin)["chromosomes"]
total = sum(c["length"] for c in chroms)
by_len = sorted(chroms, key=lambda c: c["length"])
print("smallest=" + by_len[0]["name"])
print("chr1=" + chroms[0]["name"])
for frac, label in ((0.25, "quarter"), (0.5, "half")):
    acc, names = 0, []
    for c in chroms:
        names.append(c["name"]); acc += c["length"]
        if acc >= frac * total:
            break
    print(label + "=" + ",".join(names))
print("genome=")
')
first=$(echo "$sets" | sed -n 's/^chr1=//p')

run_config() { # run_config CONFIG EXECUTOR [service args...]
  local config="$1" executor="$2"
  shift 2
  start "$@"
  for res in $RESOLUTIONS; do
    if [[ "$executor" == threads ]]; then
      measure "$config" "$res" "window-5Mb" "$base/pixels?file=$name&resolution=$res&range1=$first:0-5,000,000"
    fi
    while IFS='=' read -r label chroms; do
      q="$base/cis?file=$name&resolution=$res&executor=$executor"
      [[ -n "$chroms" ]] && q="$q&chromosomes=$chroms"
      measure "$config" "$res" "cis-$label" "$q"
    done <<< "$sets"
  done
}

run_config threads-1 threads --hicserve.threads=1
run_config threads-2 threads --hicserve.threads=2
run_config processes-1 processes --hicserve.threads=2 --hicserve.workers.local=1
run_config processes-2 processes --hicserve.threads=2 --hicserve.workers.local=2
stop

echo
echo "seconds (rows) per work size; $(nproc) cores, $(date -u +%FT%TZ), $file"
"$PYTHON" - "$tsv" "$out/executor-curve.png" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
configs = list(dict.fromkeys(r["config"] for r in rows))
keys = list(dict.fromkeys((r["resolution"], r["work"]) for r in rows))
cell = {(r["config"], r["resolution"], r["work"]): r for r in rows}
print("| resolution | work | rows | " + " | ".join(configs) + " |")
print("|---|---|---:|" + "---:|" * len(configs))
for res, work in keys:
    n = next(cell[(c, res, work)]["rows"] for c in configs if (c, res, work) in cell)
    print(f"| {res} | {work} | {int(n):,} | " + " | ".join(
        f'{float(cell[(c, res, work)]["seconds"]):.3f} s' if (c, res, work) in cell else "n/a" for c in configs) + " |")
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("no matplotlib (Debian python3-matplotlib): no plot drawn")
    sys.exit(0)
fig, ax = plt.subplots(figsize=(7, 5))
for res, marker in zip(sorted({r["resolution"] for r in rows}, key=int), "os^v"):
    for c in configs:
        pts = sorted((int(r["rows"]), float(r["seconds"])) for r in rows if r["config"] == c and r["resolution"] == res)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, label=f"{c} @{int(res)//1000} kb")
ax.set_xscale("log"); ax.set_yscale("log")
ax.set_xlabel("rows in the answer"); ax.set_ylabel("seconds (median)")
ax.set_title("hicserve: threads vs worker processes by work size")
ax.grid(True, which="both", alpha=0.3); ax.legend(fontsize=7)
fig.tight_layout(); fig.savefig(sys.argv[2], dpi=120)
print("plot: " + sys.argv[2])
PY
