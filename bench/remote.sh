#!/usr/bin/env bash
# Serving from object storage (README "Serving from object storage"): S3Mock (the S3-compatible server of the tests)
# on loopback holding the files given, and on the same machine
#   - replica A and replica B: two hicserve.jar on two ports, both with --hicserve.data-dir=s3://bench/ (stateless:
#     each answers its requests alone);
#   - L: one hicserve.jar on a local folder with the same files.
# It measures, per file: the bytes fetched from the store (the hicserve_remote_bytes_fetched metric of replica A, fresh)
# for the metadata, a 5 Mb window and chr1, against the file size; the time of the first (cold) and the median of
# REPEAT warm requests, S3 (A) against local (L); then checks that A, B and L give byte-identical answers (TSV) to a
# set of seeded random windows and chr1, and runs the load generator on A and B at once.
#
#   bench/remote.sh FILE.mcool [FILE.hic]
#
# Env: RES (10000), REPEAT (5), CLIENTS (4 per replica), SECONDS_LOAD (15), WINDOWS (20), S3PORT (19090),
#      PORTS ("18181 18182 18183"); for the .hic: HIC_CHROM (chr1), HIC_RES ($RES), HIC_WINDOW_START (100000000),
#      HIC_CHROM_LENGTH (248956422); REPLICA_ARGS: more options of the two S3 replicas (e.g.
#      --hicserve.remote.block-size=64KB). Raw numbers go to bench/out/remote.tsv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
[[ $# -ge 1 ]] || { sed -n 2,15p "$0"; exit 2; }
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
RES="${RES:-10000}"
REPEAT="${REPEAT:-5}"
CLIENTS="${CLIENTS:-4}"
SECONDS_LOAD="${SECONDS_LOAD:-15}"
WINDOWS="${WINDOWS:-20}"
S3PORT="${S3PORT:-19090}"
read -r PA PB PL <<< "${PORTS:-18181 18182 18183}"
jar="$root/service/target/hicserve.jar"
bench="$root/bench/target/benchmarks.jar"
s3jar="$root/service/target/s3mock/s3mock.jar"
loop="$root/service/target/test-classes/org/hicserve/testsupport/s3mock/LoopbackConnectors.class"
out="$here/out"
work="$(mktemp -d)"
mkdir -p "$out"
tsv="$out/remote.tsv"
: > "$tsv"

[[ -f "$jar" && -f "$bench" ]] || (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
[[ -f "$s3jar" && -f "$loop" ]] || (cd "$root" && mvn -B -q -pl service -am test-compile)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

wait_url() { # wait_url URL LOG
  for _ in $(seq 1 480); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "no answer from $1; see $2" >&2; exit 1
}

# S3Mock, its plain-HTTP connector bound to 127.0.0.1 (LoopbackConnectors, as in the tests)
mkdir -p "$work/loader/org/hicserve/testsupport/s3mock" "$work/loader/META-INF/spring"
cp "$loop" "$work/loader/org/hicserve/testsupport/s3mock/"
echo org.hicserve.testsupport.s3mock.LoopbackConnectors \
  > "$work/loader/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"
COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS=bench java -Xmx1g -XX:+UseSerialGC -Dloader.path="$work/loader" \
  -cp "$s3jar" org.springframework.boot.loader.launch.PropertiesLauncher --com.adobe.testing.s3mock.httpPort="$S3PORT" \
  --server.port=$((S3PORT + 1)) --server.address=127.0.0.1 --com.adobe.testing.s3mock.store.root="$work/store" \
  > "$out/remote-s3mock.log" 2>&1 &
pids+=($!)
wait_url "http://127.0.0.1:$S3PORT/bench" "$out/remote-s3mock.log"
mkdir -p "$work/local"
for f in "${files[@]}"; do
  curl -sf -T "$f" "http://127.0.0.1:$S3PORT/bench/$(basename "$f")" -o /dev/null
  cp "$f" "$work/local/"  # a copy: the data directory never follows a link out of itself
done

start() { # start PORT LOG DATADIR
  java -Xmx1g -jar "$jar" --server.port="$1" --hicserve.data-dir="$3" --hicserve.s3.endpoint="http://127.0.0.1:$S3PORT" \
    --hicserve.s3.path-style=true --management.endpoints.web.exposure.include=health,prometheus ${4:-} > "$2" 2>&1 &
  pids+=($!)
}
AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret start "$PA" "$out/remote-A.log" s3://bench/ "${REPLICA_ARGS:-}"
AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret start "$PB" "$out/remote-B.log" s3://bench/ "${REPLICA_ARGS:-}"
start "$PL" "$out/remote-L.log" "$work/local"
for p in "$PA" "$PB" "$PL"; do wait_url "http://127.0.0.1:$p/actuator/health" "$out/remote-*.log"; done

fetched() { curl -sf "http://127.0.0.1:$PA/actuator/prometheus" | awk '/^hicserve_remote_bytes_fetched_bytes_total/ {printf "%d", $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { curl -sf -o /dev/null -w '%{time_total}\n' "$1"; }

# per file: chromosome, resolution, window start, chromosome length
params() {
  case "$1" in
    *.hic) echo "${HIC_CHROM:-chr1} ${HIC_RES:-$RES} ${HIC_WINDOW_START:-100000000} ${HIC_CHROM_LENGTH:-248956422}" ;;
    *) echo "chr1 $RES 100000000 248956422" ;;
  esac
}
for f in "${files[@]}"; do
  name="$(basename "$f")"
  size=$(stat -c %s "$f")
  read -r chrom res wstart clen <<< "$(params "$name")"
  window="$chrom:$wstart-$((wstart + 5000000))"
  q="file=$name&resolution=$res"
  b0=$(fetched)
  curl -sf -o /dev/null "http://127.0.0.1:$PA/api/v1/describe?file=$name"
  b1=$(fetched)
  for what in "window $window" "$chrom $chrom"; do
    read -r label range <<< "$what"
    url="/api/v1/pixels?$q&range1=$range"
    before=$(fetched)
    cold_s3=$(timed "http://127.0.0.1:$PA$url")
    after=$(fetched)
    cold_local=$(timed "http://127.0.0.1:$PL$url")
    warm_s3=$(for _ in $(seq 1 "$REPEAT"); do timed "http://127.0.0.1:$PA$url"; done | median)
    warm_local=$(for _ in $(seq 1 "$REPEAT"); do timed "http://127.0.0.1:$PL$url"; done | median)
    rows=$(grep 'hicserve.requests' "$out/remote-A.log" | tail -1 | sed -E 's/.* rows=([0-9]+).*/\1/')
    echo -e "$name\t$size\t$label\trows=$rows\tmetadata_bytes=$((b1 - b0))\tquery_bytes=$((after - before))\tcold_s3=$cold_s3\tcold_local=$cold_local\twarm_s3=$warm_s3\twarm_local=$warm_local" | tee -a "$tsv"
  done
done

# the same answers from A, B and L: seeded random 5 Mb windows of the file's chromosome and the whole of it, as TSV
same=0; differ=0
for f in "${files[@]}"; do
  name="$(basename "$f")"
  read -r chrom res wstart clen <<< "$(params "$name")"
  "${PYTHON:-python3}" - "$WINDOWS" "$chrom" "$clen" > "$work/windows" <<'PY'
import random, sys
random.seed(11)
n, chrom, length = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for _ in range(n):
    s = random.randrange(0, length - 5_000_000)
    print(f"{chrom}:{s}-{s + 5_000_000}")
print(chrom)
PY
  while read -r range; do
    url="/api/v1/pixels?file=$name&resolution=$res&range1=$range&format=tsv"
    curl -sf "http://127.0.0.1:$PL$url" > "$work/l.tsv" || { echo "local failed: $name $range" >&2; differ=$((differ + 1)); continue; }
    a=$(curl -sf "http://127.0.0.1:$PA$url" | md5sum); b=$(curl -sf "http://127.0.0.1:$PB$url" | md5sum)
    l=$(md5sum < "$work/l.tsv")
    if [[ -s "$work/l.tsv" && "$a" == "$l" && "$b" == "$l" ]]; then same=$((same + 1)); else differ=$((differ + 1)); echo "DIFFER: $name $range" >&2; fi
  done < "$work/windows"
done
echo -e "answers\tsame=$same\tdiffer=$differ" | tee -a "$tsv"

# the load generator spread over both replicas at once
name="$(basename "${files[0]}")"
java -cp "$bench" org.hicserve.bench.LoadGenerator windows "http://127.0.0.1:$PA" "$name" "$RES" "$CLIENTS" "$SECONDS_LOAD" > "$work/load-A" &
la=$!
java -cp "$bench" org.hicserve.bench.LoadGenerator windows "http://127.0.0.1:$PB" "$name" "$RES" "$CLIENTS" "$SECONDS_LOAD" > "$work/load-B" &
lb=$!
wait "$la" "$lb"
echo -e "load-A\t$(cat "$work/load-A")" | tee -a "$tsv"
echo -e "load-B\t$(cat "$work/load-B")" | tee -a "$tsv"
for p in "$PA" "$PB"; do
  echo -e "replica-$p\t$(curl -sf "http://127.0.0.1:$p/actuator/prometheus" | grep -E '^hicserve_remote_(bytes_fetched_bytes|requests|retries|failures)_total|^cache_gets_total\{cache="remote-blocks"' | tr '\n' ' ')" | tee -a "$tsv"
done
[[ $differ == 0 ]]
