#!/bin/sh
# Entrypoint of the hicserve image (POSIX sh). Serves HICSERVE_DATADIR (default /data, the volume); when that
# is the default and holds no .cool/.mcool/.hic file (nothing mounted), serves the bundled sample instead, so
# that `docker run -p 8080:8080 hicserve` shows something. Arguments go to the jar unchanged, so
# `docker run hicserve dump FILE --resolution R --range Q` runs the dump command line.
#
# HICSERVE_JAR and the sample folder are variables only so that docker/check.sh can run this very script
# outside a container; the image sets nothing but the defaults below.
set -eu

jar="${HICSERVE_JAR:-/app/hicserve.jar}"
data="${HICSERVE_DATADIR:-/data}"
sample="${HICSERVE_SAMPLE_DIR:-/app/sample-data}"
volume="${HICSERVE_VOLUME:-/data}"

has_matrix_files() {
  [ -d "$1" ] || return 1
  found=$(find "$1" \( -type f -o -type l \) \( -name '*.cool' -o -name '*.mcool' -o -name '*.hic' \) 2> /dev/null | head -n 1)
  [ -n "$found" ]
}

if [ "$data" = "$volume" ] && [ "${HICSERVE_SAMPLE_IF_EMPTY:-true}" = true ] && ! has_matrix_files "$data"; then
  echo "hicserve: no .cool/.mcool/.hic file under $data (mount your folder there); serving the bundled sample $sample" >&2
  data="$sample"
fi
HICSERVE_DATADIR="$data"
export HICSERVE_DATADIR

exec java -XX:MaxRAMPercentage=75 -jar "$jar" "$@"
