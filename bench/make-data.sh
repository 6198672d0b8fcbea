#!/usr/bin/env bash
# Generates the synthetic human-sized benchmark map (see ../shared/bench/README.md beside the repo) into bench/data/
# (git-ignored). Idempotent: files that already exist are kept.
#
#   bench/make-data.sh          # LARGE: 110e6 reads, ~54.6 M pixels at 10 kb -> bench/data/large.mcool
#   bench/make-data.sh SMALL    # SMALL: 3.5e6 reads, ~2.9 M pixels            -> bench/data/small.mcool
#
# Env: PYTHON (default /usr/bin/python3, needs Debian's python3-cooler), COOLER (default cooler),
#      SYNTH (default ../shared/bench/make_synth_cool.py beside the repo), SEED (default 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
size="${1:-LARGE}"
PYTHON="${PYTHON:-/usr/bin/python3}"
COOLER="${COOLER:-cooler}"
SYNTH="${SYNTH:-$here/../../shared/bench/make_synth_cool.py}"
SEED="${SEED:-1}"
case "$size" in
  LARGE|large) name=large; reads=110e6 ;;
  SMALL|small) name=small; reads=3.5e6 ;;
  *) echo "usage: $0 [LARGE|SMALL]" >&2; exit 2 ;;
esac
data="$here/data"
mkdir -p "$data"
base="$data/${name}_10k.cool"
mcool="$data/${name}.mcool"

if [[ -s "$mcool" ]] && "$PYTHON" -c "import cooler,sys; cooler.Cooler(sys.argv[1]+'::/resolutions/10000').info" "$mcool" 2>/dev/null; then
  echo "up to date: $mcool"
  exit 0
fi
if [[ ! -s "$base" ]] || ! "$PYTHON" -c "import cooler,sys; cooler.Cooler(sys.argv[1]).info" "$base" 2>/dev/null; then
  echo "generating $base ($reads reads, seed $SEED) ..."
  rm -f "$base" "$base.tmp"
  "$PYTHON" "$SYNTH" "$base.tmp" "$reads" "$SEED"
  mv "$base.tmp" "$base"
fi
echo "zoomifying + balancing -> $mcool ..."
rm -f "$mcool" "$mcool.tmp"
"$COOLER" zoomify -p 2 -r 10000,50000,100000,500000,1000000 --balance -o "$mcool.tmp" "$base"
mv "$mcool.tmp" "$mcool"
echo "done: $mcool"
