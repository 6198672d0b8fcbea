#!/usr/bin/env bash
# .hic reader vs the Cooler reader and vs npm hic-straw, on the bundled sample pair (the same contacts in
# test-data/sample.hic and test-data/sample.mcool): a whole chromosome at a resolution, raw, warm.
# hicserve: JMH (HicFetchBenchmark / CoolerFetchBenchmark .wholeChromosome), mean per fetch.
# hic-straw: getContactRecords in one node process, a new Straw per run (its block cache would otherwise
# answer), median of the runs after the first (reader/src/test/node/node_modules,
# `npm ci` there first).
#
#   bench/run-hic-bench.sh [RESOLUTION] [CHROM]          defaults 5000 chr1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
RES="${1:-5000}"
CHROM="${2:-chr1}"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 5 -i 5}"
jar="$here/target/benchmarks.jar"
out="$here/out"
mkdir -p "$out"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
hic="$root/test-data/sample.hic"
cool="$root/test-data/sample.mcool"
len=$(java -jar "$root/service/target/hicserve.jar" dump "$hic" --resolution "$RES" --range "$CHROM" --join | awk 'NR > 1 {if ($6 > m) m = $6} END {print m}')

java -jar "$jar" "HicFetchBenchmark.wholeChromosome" -p file="$hic" -p resolution="$RES" -p chromosome="$CHROM" \
  -p window="$CHROM" $JMH_ARGS -rf csv -rff "$out/hic-jmh.csv" > "$out/hic-jmh.log"
java -jar "$jar" "CoolerFetchBenchmark.wholeChromosome" -p file="$cool" -p resolution="$RES" -p chromosome="$CHROM" \
  -p normalization=NONE -p window="$CHROM" $JMH_ARGS -rf csv -rff "$out/cool-jmh.csv" > "$out/cool-jmh.log"
straw=$(node "$here/hic-straw-time.mjs" "$hic" NONE "$RES" "$CHROM" "$len" 6)

python3 - "$out/hic-jmh.csv" "$out/cool-jmh.csv" "$out/hic-jmh.log" "$straw" "$RES" "$CHROM" <<'PY'
import csv, sys
hic_csv, cool_csv, hic_log, straw, res, chrom = sys.argv[1:7]
def secs(path):
    r = list(csv.DictReader(open(path)))[0]
    return float(r["Score"]) * {"ms/op": 1e-3, "s/op": 1.0, "us/op": 1e-6}[r["Unit"]]
pixels = next(int(l.split("PIXELS\t")[1].split("\t")[3]) for l in open(hic_log) if "PIXELS\t" in l and "wholeChromosome" in l)
_, straw_n, straw_s = straw.split("\t")
rows = [("hicserve .hic", pixels, secs(hic_csv)), ("hicserve .mcool", pixels, secs(cool_csv)),
        ("hic-straw .hic", int(straw_n), float(straw_s))]
print(f"\n{chrom} x {chrom} at {int(res) // 1000} kb, bundled sample (same contacts in both files), raw, warm")
print(f"{'reader':<17} {'pixels':>9} {'seconds':>9} {'pixels/s':>13}")
for name, n, s in rows:
    print(f"{name:<17} {n:>9,} {s:>9.4f} {n / s:>13,.0f}")
print(f".hic vs .mcool per pixel: {rows[1][2] / rows[0][2]:.2f}x; hicserve .hic vs hic-straw: {rows[2][2] / rows[0][2]:.1f}x")
PY
