#!/usr/bin/env bash
# hicserve's cooler reader vs `cooler dump` (Debian python3-cooler) on one query: chr1 x chr1 at 10 kb, raw and
# balanced. cooler: 3 runs of `cooler dump [--balanced] -r chr1 URI > /dev/null`, median wall time (a whole process:
# interpreter start, metadata, decoding, text output). hicserve: the JMH CoolerFetchBenchmark.wholeChromosome
# (metadata cached, new handle per fetch, every pixel consumed), mean time per fetch.
#
#   bench/run-reader-bench.sh [FILE.mcool]     default bench/data/large.mcool (bench/make-data.sh makes it)
#
# Env: TABLE_ONLY=1 re-prints the table from bench/out/ without running anything.
#      RES (10000), CHROM (chr1), JMH_ARGS (-f 1 -wi 3 -i 5), COOLER (cooler), PYTHON (/usr/bin/python3).
# Builds bench/target/benchmarks.jar first when it is missing (mvn -pl bench -am package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$(realpath "${1:-$here/data/large.mcool}")"
RES="${RES:-10000}"
CHROM="${CHROM:-chr1}"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -i 5}"
COOLER="${COOLER:-cooler}"
PYTHON="${PYTHON:-/usr/bin/python3}"
jar="$here/target/benchmarks.jar"
out="$here/out"
mkdir -p "$out"

[[ -f "$file" ]] || { echo "no $file: run bench/make-data.sh first" >&2; exit 1; }
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi
uri="$file"
if "$PYTHON" -c "import h5py,sys; sys.exit(0 if 'resolutions' in h5py.File(sys.argv[1],'r') else 1)" "$file"; then
  uri="$file::/resolutions/$RES"
fi

now() { date +%s.%N; }
results="$out/results.tsv"
if [[ "${TABLE_ONLY:-0}" == 1 ]]; then
  grep -v '^hicserve' "$results" > "$results.tmp"; mv "$results.tmp" "$results"
else
: > "$results"
for mode in raw balanced; do
  flag=""; [[ $mode == balanced ]] && flag="--balanced"
  pixels=$("$COOLER" dump $flag -r "$CHROM" "$uri" | wc -l)
  times=()
  for run in 1 2 3; do
    t0=$(now); "$COOLER" dump $flag -r "$CHROM" "$uri" > /dev/null; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  echo -e "cooler\t$mode\t$pixels\t$median" >> "$results"
  echo "cooler dump $flag -r $CHROM: $pixels pixels, runs ${times[*]} s" >&2
done

# hicserve: JMH, the same query, NONE and weight
java -jar "$jar" 'CoolerFetchBenchmark.wholeChromosome' -p file="$file" -p resolution="$RES" -p chromosome="$CHROM" \
  -p normalization=NONE,weight $JMH_ARGS -rf csv -rff "$out/jmh.csv" | tee "$out/jmh.log" >&2
fi
"$PYTHON" - "$out/jmh.csv" "$out/jmh.log" "$results" <<'PY'
import csv, sys
csv_path, log_path, results = sys.argv[1:4]
pixels = {}
for line in open(log_path):
    at = line.find("PIXELS\t")  # JMH may print it after "# Warmup Iteration 1: " on the same line
    f = line[at:].rstrip("\n").split("\t") if at >= 0 else []
    if f and f[1].endswith("wholeChromosome"):
        pixels[f[3]] = int(f[4])
rows = list(csv.DictReader(open(csv_path)))
with open(results, "a") as out:
    for r in rows:
        norm = r["Param: normalization"]
        unit = r["Unit"]
        scale = {"ms/op": 1e-3, "s/op": 1.0, "us/op": 1e-6, "ns/op": 1e-9}[unit]
        secs = float(r["Score"]) * scale
        out.write(f"hicserve\t{'raw' if norm == 'NONE' else 'balanced'}\t{pixels[norm]}\t{secs}\n")
PY

"$PYTHON" - "$results" "$file" "$RES" "$CHROM" <<'PY'
import sys
results, file, res, chrom = sys.argv[1:5]
rows = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]
print(f"\n{chrom} x {chrom} at {int(res)//1000} kb of {file}")
print(f"{'reader':<10} {'query':<9} {'pixels':>12} {'seconds':>9} {'pixels/s':>13}")
rate = {}
for tool, mode, px, s in rows:
    px, s = int(px), float(s)
    rate[(tool, mode)] = px / s
    print(f"{tool:<10} {mode:<9} {px:>12,} {s:>9.3f} {px / s:>13,.0f}")
for mode in ("raw", "balanced"):
    if ("cooler", mode) in rate and ("hicserve", mode) in rate:
        print(f"hicserve/cooler pixels/s, {mode}: {rate[('hicserve', mode)] / rate[('cooler', mode)]:.1f}x")
print("(cooler: median of 3 `cooler dump` processes, whole process; balanced dump keeps NaN-weight pixels, "
      "hicserve drops them. hicserve: JMH mean per fetch, metadata cached.)")
PY
