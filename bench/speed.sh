#!/usr/bin/env bash
# Speed round 2 (issue #20): every row of the issue in one run, hicserve over HTTP next to the peers on the same
# queries, with the hictk goal read through them. The human-sized map (the lead engineer's run, on a quiet machine):
#
#   bench/speed.sh /work/scratch          # DIR holding large.mcool and large.hic (its .hic twin, weight as ICE)
#
# Smoke run on the bundled sample (proves the script, measures nothing worth reporting):
#
#   MCOOL=sample.mcool HIC=sample.hic HIC_NORM=VC WINDOW=chr2:2000000-7000000 REPEAT=1 CIS_REPEAT=1 \
#     LOAD_SECONDS=2 RSS_SECONDS=3 bench/speed.sh test-data
#
# Rows (all at RES, 10 kb):
#   chr1 raw/balanced, Arrow and TSV, .mcool and .hic: the warm service (JAVA_OPTS, default -Xmx256m as in the README), curl draining
#     the body, one warm-up then the median of REPEAT; once with the decoded-block cache off (every request inflates,
#     as a peer process does: the column compared with the peers) and once with the default settings (cache on, so
#     a repeated query is answered from decoded blocks);
#   one 5 Mb window (WINDOW), raw, both formats, the same way;
#   CLIENTS (8) clients on random 5 Mb cis windows for LOAD_SECONDS per format (bench LoadGenerator windows):
#     requests/s, p50/p99, and the decoded-block cache's hit ratio over the load (cache_gets_total of
#     /actuator/prometheus, before and after);
#   whole-genome cis of the .mcool and the .hic with hicserve.threads=1 and 2 (cache off; median of CIS_REPEAT):
#     the speed-up of the second thread;
#   the service's peak RSS (VmRSS sampled every 0.2 s, and VmHWM) while CLIENTS clients stream whole chromosomes
#     (LoadGenerator stream) for RSS_SECONDS per format, from a fresh start with the default settings;
#   the peers on the same queries, whole processes writing to /dev/null, median of PEER_REPEAT, with their peak RSS
#     (/usr/bin/time): `cooler dump` (.mcool) and hic-straw 2.1.4 (../shared/peers/hicstraw-dump.mjs, .hic).
# hictk is in no registry here: its time in this run is estimated as peer time x (hictk / peer) measured side by side
# in ../shared/docs/PERFORMANCE.md; the outside checks' own hictk figures (../shared/peers/README.md) are shown too.
# Prints a markdown table (also bench/out/speed.md); raw numbers in bench/out/speed.tsv; service logs bench/out/speed-*.log.
#
# Env: JAR (service/target/hicserve.jar: another build to compare), OUT (bench/out), MCOOL (large.mcool), HIC (large.hic), RES (10000), CHROM (chr1), WINDOW (chr2:100000000-105000000),
#      COOL_NORM (weight), HIC_NORM (ICE), REPEAT (5), PEER_REPEAT (REPEAT), CIS_REPEAT (3), CLIENTS (8),
#      LOAD_SECONDS (10), RSS_SECONDS (30), PORT (18090), JAVA_OPTS (-Xmx256m), SKIP_PEERS=1, SKIP_CIS=1.
# Needs: java, curl, node (hic-straw is installed into reader/src/test/node with npm ci when missing), cooler,
# /usr/bin/python3, /usr/bin/time. Builds service/target/hicserve.jar and bench/target/benchmarks.jar when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dir="$(realpath "${1:?usage: bench/speed.sh DIR (holding large.mcool and large.hic)}")"
MCOOL="${MCOOL:-large.mcool}"
HIC="${HIC:-large.hic}"
RES="${RES:-10000}"
CHROM="${CHROM:-chr1}"
WINDOW="${WINDOW:-chr2:100000000-105000000}"
COOL_NORM="${COOL_NORM:-weight}"
HIC_NORM="${HIC_NORM:-ICE}"
REPEAT="${REPEAT:-5}"
PEER_REPEAT="${PEER_REPEAT:-$REPEAT}"
CIS_REPEAT="${CIS_REPEAT:-3}"
CLIENTS="${CLIENTS:-8}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
RSS_SECONDS="${RSS_SECONDS:-30}"
PORT="${PORT:-18090}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"  # the README start command's heap
COOLER="${COOLER:-cooler}"
PYTHON="${PYTHON:-/usr/bin/python3}"
jar="${JAR:-$root/service/target/hicserve.jar}"  # JAR=: another build, e.g. the commit before a change
bench="$here/target/benchmarks.jar"
out="${OUT:-$here/out}"
mkdir -p "$out"
tsv="$out/speed.tsv"
: > "$tsv"
base="http://127.0.0.1:$PORT"
api="$base/api/v1"
pid=""
sampler=""

for f in "$MCOOL" "$HIC"; do
  [[ -f "$dir/$f" ]] || { echo "no $dir/$f" >&2; exit 1; }
done
[[ -f "$jar" && -f "$bench" ]] || (cd "$root" && mvn -B -q package -DskipTests -pl service,bench -am)
window_bp=$(echo "$WINDOW" | sed -E 's/.*:([0-9]+)-([0-9]+)$/\2 - \1/' | bc)
cool_uri="$dir/$MCOOL"
[[ "$MCOOL" == *.mcool ]] && cool_uri="$dir/$MCOOL::/resolutions/$RES"
# the map's chromosomes, for the random windows and the streamed chromosomes
chroms=$("$COOLER" dump -t chroms "$cool_uri" | awk '{printf "%s%s:%s", (NR > 1 ? "," : ""), $1, $2}')

stop() {
  if [[ -n "$sampler" ]]; then kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true; sampler=""; fi
  if [[ -n "$pid" ]]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; pid=""; fi
}
trap stop EXIT

log=""
start() { # start NAME [service args...]
  stop
  log="$out/speed-$1.log"
  shift
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --hicserve.data-dir="$dir" --hicserve.max-streams-per-client=0 \
    "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "$base/actuator/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service did not start; see $log" >&2
  exit 1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
record() { echo -e "$*" | tee -a "$tsv" >&2; }

# hicserve ROW URL N: one warm-up, then the median of N downloads drained by curl; rows from the request log
hicserve() {
  local row="$1" url="$2" n="$3" t rows
  curl -sf -o /dev/null "$url"
  t=$(for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | median)
  rows=$(grep 'hicserve.requests' "$log" | tail -1 | sed -E 's/.* rows=([0-9]+).*/\1/')
  record "$phase\t$row\t$rows\t$t"
}

queries() { # every single-request row, in this service
  local m="$api/pixels?file=$MCOOL&resolution=$RES" h="$api/pixels?file=$HIC&resolution=$RES"
  hicserve "mcool-chr1-raw-arrow" "$m&range1=$CHROM" "$REPEAT"
  hicserve "mcool-chr1-raw-tsv" "$m&range1=$CHROM&format=tsv" "$REPEAT"
  hicserve "mcool-chr1-balanced-arrow" "$m&range1=$CHROM&normalization=$COOL_NORM" "$REPEAT"
  hicserve "mcool-chr1-balanced-tsv" "$m&range1=$CHROM&normalization=$COOL_NORM&format=tsv" "$REPEAT"
  hicserve "hic-chr1-raw-arrow" "$h&range1=$CHROM" "$REPEAT"
  hicserve "hic-chr1-raw-tsv" "$h&range1=$CHROM&format=tsv" "$REPEAT"
  hicserve "hic-chr1-balanced-arrow" "$h&range1=$CHROM&normalization=$HIC_NORM" "$REPEAT"
  hicserve "hic-chr1-balanced-tsv" "$h&range1=$CHROM&normalization=$HIC_NORM&format=tsv" "$REPEAT"
  hicserve "mcool-window-raw-arrow" "$m&range1=$WINDOW" "$REPEAT"
  hicserve "hic-window-raw-arrow" "$h&range1=$WINDOW" "$REPEAT"
}

cache_gets() { # hits and misses of the decoded-block cache so far
  curl -sf "$base/actuator/prometheus" | awk '
    /^cache_gets_total\{/ && /cache="decoded-blocks"/ && /result="hit"/ {h = $NF}
    /^cache_gets_total\{/ && /cache="decoded-blocks"/ && /result="miss"/ {m = $NF}
    END {printf "%d %d\n", h, m}'
}

load() { # load MODE FILE SECONDS: LoadGenerator's one line
  java -Dhicserve.chroms="$chroms" -Dhicserve.window="$window_bp" -cp "$bench" org.hicserve.bench.LoadGenerator \
    "$1" "$base" "$2" "$RES" "$CLIENTS" "$3"
}

field() { echo "$1" | tr '\t' '\n' | sed -n "s|^$2=||p"; }

echo "== 1. single requests, decoded-block cache off (every request inflates)" >&2
phase=cold
start cold --hicserve.block-cache-size=0
queries

echo "== 2. default settings: the same requests (repeated: cache warm), then $CLIENTS clients on random windows" >&2
phase=cached
start cached
queries
for f in "$MCOOL" "$HIC"; do
  load windows "$f" 2 > /dev/null # warm-up: JIT, pools; its hits are not counted
  read -r h0 m0 < <(cache_gets)
  line=$(load windows "$f" "$LOAD_SECONDS")
  read -r h1 m1 < <(cache_gets)
  kind=${f##*.}; [[ "$kind" == cool ]] && kind=mcool
  hits=$((h1 - h0)); misses=$((m1 - m0))
  ratio=$(echo "scale=3; $hits / ($hits + $misses + 0.000001)" | bc)
  record "load\t$kind-windows-x$CLIENTS\t$(field "$line" requests)\t$(field "$line" 'req/s')\tp50_ms=$(field "$line" p50_ms)\tp99_ms=$(field "$line" p99_ms)\terrors=$(field "$line" errors)\thit_ratio=$ratio\thits=$hits\tmisses=$misses"
done

if [[ "${SKIP_CIS:-0}" != 1 ]]; then
  echo "== 3. whole-genome cis, 1 and 2 threads (cache off)" >&2
  for t in 1 2; do
    phase="cis-threads-$t"
    start "cis-$t" --hicserve.threads="$t" --hicserve.block-cache-size=0
    hicserve "mcool-cis" "$api/cis?file=$MCOOL&resolution=$RES" "$CIS_REPEAT"
    hicserve "hic-cis" "$api/cis?file=$HIC&resolution=$RES" "$CIS_REPEAT"
  done
fi

echo "== 4. peak RSS, $CLIENTS clients streaming whole chromosomes, default settings, fresh start" >&2
phase=rss
start rss
: > "$out/speed-rss.kb"
( while kill -0 "$pid" 2> /dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2> /dev/null; sleep 0.2; done ) \
  >> "$out/speed-rss.kb" &
sampler=$!
start_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
for f in "$MCOOL" "$HIC"; do
  kind=${f##*.}; [[ "$kind" == cool ]] && kind=mcool
  : > "$out/speed-rss.kb"
  line=$(load stream "$f" "$RSS_SECONDS")
  peak=$(sort -n "$out/speed-rss.kb" | tail -1)
  record "rss\t$kind-stream-x$CLIENTS\t$(field "$line" requests)\t$((peak / 1024))\terrors=$(field "$line" errors)\tMB/s=$(field "$line" 'MB/s')\tstart_MB=$((start_kb / 1024))\tjava=$JAVA_OPTS"
done
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
record "rss\tservice-VmHWM\t-\t$((hwm / 1024))"
stop

if [[ "${SKIP_PEERS:-0}" != 1 ]]; then
  echo "== 5. peers: cooler dump, hic-straw (whole processes to /dev/null)" >&2
  node_dir="$root/reader/src/test/node"
  [[ -d "$node_dir/node_modules/hic-straw" ]] || (cd "$node_dir" && npm ci --no-audit --no-fund)
  mkdir -p "$out/peers"
  cp "$root/../shared/peers/hicstraw-dump.mjs" "$out/peers/hicstraw-dump.mjs"
  ln -sfn "$node_dir" "$out/peers/node"
  peer() { # peer TOOL ROW COMMAND...: a counting run (warm-up), then PEER_REPEAT timed runs
    local tool="$1" row="$2" rows t
    shift 2
    rows=$("$@" | wc -l)
    for _ in $(seq 1 "$PEER_REPEAT"); do
      /usr/bin/time -f '%e %M' -o "$out/speed-time.txt" "$@" > /dev/null
      tail -1 "$out/speed-time.txt"
    done > "$out/speed-peer.txt"
    t=$(awk '{print $1}' "$out/speed-peer.txt" | median)
    record "$tool\t$row\t$rows\t$t\tpeak_MB=$(awk '{if ($2 > m) m = $2} END {printf "%d", m / 1024}' "$out/speed-peer.txt")"
  }
  peer cooler mcool-chr1-raw "$COOLER" dump -r "$CHROM" "$cool_uri"
  peer cooler mcool-chr1-balanced "$COOLER" dump --balanced -r "$CHROM" "$cool_uri"
  peer cooler mcool-window-raw "$COOLER" dump -r "$WINDOW" "$cool_uri"
  peer hic-straw hic-chr1-raw node "$out/peers/hicstraw-dump.mjs" NONE "$dir/$HIC" "$CHROM" "$CHROM" BP "$RES"
  peer hic-straw hic-chr1-balanced node "$out/peers/hicstraw-dump.mjs" "$HIC_NORM" "$dir/$HIC" "$CHROM" "$CHROM" BP "$RES"
  peer hic-straw hic-window-raw node "$out/peers/hicstraw-dump.mjs" NONE "$dir/$HIC" "$WINDOW" "$WINDOW" BP "$RES"
fi

"$PYTHON" - "$tsv" "$dir" "$MCOOL" "$HIC" "$RES" "$CHROM" "$WINDOW" "$CLIENTS" "$JAVA_OPTS" <<'PY' | tee "$out/speed.md"
import statistics, sys
tsv, folder, mcool, hic, res, chrom, window, clients, java = sys.argv[1:10]
rows = [l.rstrip("\n").split("\t") for l in open(tsv) if l.strip()]
t = {(r[0], r[1]): r[2:] for r in rows}
def secs(phase, row):
    v = t.get((phase, row))
    return float(v[1]) if v else None
# hictk / peer, measured side by side on the same map and machine class (../shared/docs/PERFORMANCE.md)
ref = {"mcool-chr1-raw": (0.75, 3.88), "mcool-chr1-balanced": (1.04, 9.91), "mcool-window-raw": (0.04, 0.75),
       "hic-chr1-raw": (1.16, 2.09), "hic-chr1-balanced": (1.06, 8.84), "hic-window-raw": (0.10, 0.62)}
# the outside checks' hictk (../shared/peers/README.md, 2026-12-02)
readme = {"mcool-chr1-raw": 0.86, "mcool-chr1-balanced": 0.90, "mcool-window-raw": 0.036,
          "hic-chr1-raw": 0.93, "hic-chr1-balanced": 0.96, "hic-window-raw": 0.080}
goal = {"mcool-chr1": 5, "hic-chr1": 10, "mcool-window": 4, "hic-window": 4}
fmt = lambda s: "" if s is None else f"{s:.3f} s"
print(f"\n### bench/speed.sh: {folder}/{{{mcool}, {hic}}} at {int(res) // 1000} kb, `{java}`\n")
print("| query | rows | hicserve, cache off | hicserve, cache warm | peer (this run) | peer peak RSS | hictk est. "
      "(peer x hictk/peer) | hictk (peers README) | hicserve vs hictk est. (vs README) | goal |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in ["mcool-chr1-raw-arrow", "mcool-chr1-raw-tsv", "mcool-chr1-balanced-arrow", "mcool-chr1-balanced-tsv",
            "hic-chr1-raw-arrow", "hic-chr1-raw-tsv", "hic-chr1-balanced-arrow", "hic-chr1-balanced-tsv",
            "mcool-window-raw-arrow", "hic-window-raw-arrow"]:
    key = row.rsplit("-", 1)[0]
    cold, warm = secs("cold", row), secs("cached", row)
    n = t.get(("cold", row), ["?"])[0]
    tool = "cooler" if row.startswith("mcool") else "hic-straw"
    peer = t.get((tool, key))
    peer_s = float(peer[1]) if peer else None
    peer_rss = peer[2].split("=")[1] + " MB" if peer else ""
    est = peer_s * ref[key][0] / ref[key][1] if peer_s else None
    vs = (f"{est / cold:.1f}x" if est and cold else "") + (f" ({readme[key] / cold:.1f}x)" if cold else "")
    g = goal[key.rsplit("-", 1)[0]]
    label = row.replace("-", " ").replace("mcool", ".mcool").replace("hic ", ".hic ", 1).replace("chr1", chrom)
    label = label.replace("window", window)
    print(f"| {label} | {n} | {fmt(cold)} | {fmt(warm)} | {fmt(peer_s)} {tool if peer else ''} | {peer_rss} | "
          f"{fmt(est)} | {readme[key]:.3f} s | {vs} | >= {g}x |")
print()
print(f"| load, {clients} clients, random 5 Mb cis windows | requests | requests/s | p50 | p99 | errors | decoded-block cache hit ratio | goal |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for kind in ("mcool", "hic"):
    v = t.get(("load", f"{kind}-windows-x{clients}"))
    if v:
        kv = dict(x.split("=", 1) for x in v[2:])
        print(f"| .{kind} | {v[0]} | {float(v[1]):.1f} | {kv['p50_ms']} ms | {kv['p99_ms']} ms | {kv['errors']} | "
              f"{float(kv['hit_ratio']):.3f} ({kv['hits']} hits, {kv['misses']} misses) | >= 500/s |")
if ("cis-threads-1", "mcool-cis") in t:
    print()
    print("| whole-genome cis | rows | 1 thread | 2 threads | speed-up | goal |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in ("mcool", "hic"):
        one, two = secs("cis-threads-1", f"{kind}-cis"), secs("cis-threads-2", f"{kind}-cis")
        if one and two:
            print(f"| .{kind} | {t[('cis-threads-1', kind + '-cis')][0]} | {fmt(one)} | {fmt(two)} | {one / two:.2f}x | >= 1.6x |")
print()
print(f"| memory, {clients} clients streaming whole chromosomes | requests | service peak RSS | errors | MB/s | goal |")
print("|---|---:|---:|---:|---:|---:|")
for kind in ("mcool", "hic"):
    v = t.get(("rss", f"{kind}-stream-x{clients}"))
    if v:
        kv = dict(x.split("=", 1) for x in v[2:] if "=" in x)
        print(f"| .{kind} | {v[0]} | {v[1]} MB (idle after start: {kv['start_MB']} MB) | {kv['errors']} | {kv['MB/s']} | <= 512 MB |")
v = t.get(("rss", "service-VmHWM"))
if v:
    print(f"| whole run (VmHWM) | | {v[1]} MB | | | |")
print("\nhicserve: the warm service over HTTP, curl draining the body, median; peers: whole processes to /dev/null, "
      "median. 'cache off' is the column to compare with the peers (every request inflates); 'cache warm' repeats "
      "a query the decoded-block cache already holds. hictk est. = the peer's time in this run x hictk/peer of "
      "PERFORMANCE.md (same map, measured side by side); the README column is the outside checks' hictk.")
PY
