#!/usr/bin/env bash
# shellcheck disable=SC2015  # `[ test ] && pass ... || fail ...` throughout: pass never fails, so it is if-then-else
# Builds docker/Dockerfile with a real Docker engine and tests the image and compose.yaml, on a machine that
# can reach Debian's apt mirror and Maven Central but no container registry. Exits non-zero, with a FAIL line
# per failed check, when anything fails. Not part of `mvn test`; `.ci/run` calls it when HICSERVE_DOCKER=1.
#
#   docker/verify.sh 2>&1 | tee verify.log      (as root: it installs packages and may start dockerd)
#
# 1. docker.io, docker-compose, debootstrap installed when missing; dockerd started when none answers, as
#    `dockerd --bridge=none --iptables=false`: every build and container here uses the host's network
#    (--network host, network_mode: host), so no bridge network and no private address is ever made
# 2. local stand-ins for the images that docker/Dockerfile's FROM lines and compose.yaml name, tagged exactly as
#    they name them, made only when a tag is absent (so a machine that can pull uses the real images):
#    a Debian 12 base made by debootstrap from the apt mirror this machine uses, then docker/standins/*.Dockerfile
#    (Debian's OpenJDK 17 JRE; OpenJDK 17 JDK + Maven 3.9 from Maven Central; Debian's prometheus)
# 3. the real `docker build -f docker/Dockerfile .`, unchanged (its Maven stage downloads from Maven Central),
#    with the legacy builder and again with the engine's BuildKit (BUILDKIT=0 skips that)
# 4. the image run: bundled sample when nothing is mounted; a mounted folder (TEST_DATA, read-only) served
#    instead; HEALTHCHECK healthy in `docker inspect`; non-root user; dump and validate; `docker stop` within
#    the grace period with worker JVMs running; image size
# 5. compose: `docker-compose config`; compose.yaml up with a host-network override, Prometheus scrapes
#    hicserve and its HTTP API answers hicserve_rows_streamed_total
#
# Environment: TEST_DATA (default: the repository's ../shared/test-data), DEBIAN_MIRROR (default: the one in
# /etc/apt/sources.list*), MAVEN_VERSION (of the Maven stand-in, default 3.9.9), KEEP_DOCKERD=1 (leave a dockerd
# this script started running; default: stopped at the end), BUILDKIT=0 (skip the BuildKit build), WORK (scratch
# folder, default a new one in /tmp).
set -euo pipefail
# shellcheck disable=SC2015  # `test && pass ... || fail ...`: pass never fails, so this is an if-then-else

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
TEST_DATA="${TEST_DATA:-$(cd "$repo/.." && pwd)/shared/test-data}"
MAVEN_VERSION="${MAVEN_VERSION:-3.9.9}"
WORK="${WORK:-$(mktemp -d /tmp/hicserve-docker-verify.XXXXXX)}"
mkdir -p "$WORK"
NAME=hicserve-verify          # prefix of every container and compose project this script makes
STANDIN_BASE=hicserve-standin/debian:bookworm

failures=0
started_dockerd=""
compose_files=()
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }
info() { echo "     $*"; }
section() { echo; echo "== $* ($(date -u +%H:%M:%S))"; }
# a prerequisite failed: nothing after it can be checked
abort() { fail "$*"; echo; echo "docker/verify.sh: aborted, $failures failure(s)"; exit 1; }

cleanup() {
  set +e
  for c in $(docker ps -aq --filter "name=^$NAME-" 2> /dev/null); do docker rm -f "$c" > /dev/null 2>&1; done
  if [ ${#compose_files[@]} -gt 0 ]; then
    (cd "$here" && docker-compose -p "$NAME" "${compose_files[@]}" down --remove-orphans > /dev/null 2>&1)
  fi
  if [ -n "$started_dockerd" ] && [ "${KEEP_DOCKERD:-0}" != 1 ]; then
    kill "$started_dockerd" 2> /dev/null
    for _ in $(seq 1 30); do kill -0 "$started_dockerd" 2> /dev/null || break; sleep 1; done
  fi
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_http URL SECONDS: until URL answers 2xx
wait_http() {
  for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2> /dev/null && return 0; sleep 1; done
  return 1
}
# rows and sum of the last column of a TSV with one header line
tsv_rows_sum() { awk -F'\t' 'NR > 1 { n++; s += $NF } END { printf "%d %.10g\n", n, s }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.0f MiB", b / 1048576 }'; }

# ---------------------------------------------------------------- 1. engine
section "1. Docker engine"
if [ "$(id -u)" != 0 ]; then abort "must run as root (installs packages, starts dockerd)"; fi
missing=()
command -v dockerd > /dev/null || missing+=(docker.io)
command -v docker-compose > /dev/null || missing+=(docker-compose)
command -v debootstrap > /dev/null || missing+=(debootstrap)
command -v curl > /dev/null || missing+=(curl)
/usr/bin/python3 -c 'import yaml' 2> /dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  echo "     installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
command -v docker > /dev/null || abort "no docker client after installing docker.io"
if docker info > /dev/null 2>&1; then
  info "a dockerd already answers; using it (this script only ever uses --network host)"
else
  info "starting dockerd --bridge=none --iptables=false (log: $WORK/dockerd.log)"
  dockerd --bridge=none --iptables=false --ip6tables=false > "$WORK/dockerd.log" 2>&1 &
  started_dockerd=$!
  for _ in $(seq 1 60); do docker info > /dev/null 2>&1 && break; sleep 1; done
  docker info > /dev/null 2>&1 || { tail -20 "$WORK/dockerd.log"; abort "dockerd did not start"; }
fi
pass "engine: $(docker version --format 'server {{.Server.Version}}, client {{.Client.Version}}' 2> /dev/null)," \
  "compose: $(docker-compose version --short 2> /dev/null), $(docker info --format '{{.Driver}}') storage"
networks_before="$(docker network ls -q | sort)"

# ---------------------------------------------------------------- 2. stand-ins
section "2. base images: the tags the Dockerfile and compose.yaml name, stand-ins made only where absent"
mapfile -t from_tags < <(awk 'toupper($1) == "FROM" { print $2 }' "$here/Dockerfile")
prom_tag="$(/usr/bin/python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["services"]["prometheus"]["image"])' "$here/compose.yaml")"
app_tag="$(/usr/bin/python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["services"]["hicserve"]["image"])' "$here/compose.yaml")"
[ ${#from_tags[@]} = 2 ] || abort "expected two FROM lines in docker/Dockerfile, found: ${from_tags[*]}"
build_tag="${from_tags[0]}"; runtime_tag="${from_tags[1]}"
info "Dockerfile FROM: $build_tag (build stage), $runtime_tag (runtime stage); compose.yaml: $prom_tag"

# The apt mirror this machine uses for Debian (its first bookworm 'main' source that is not the security archive)
debian_mirror() {
  /usr/bin/python3 - << 'EOF'
import glob, re
for path in sorted(glob.glob("/etc/apt/sources.list") + glob.glob("/etc/apt/sources.list.d/*")):
    try:
        text = open(path).read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            f = dict((m.group(1).lower(), m.group(2).split()) for m in re.finditer(r"^(\w[\w-]*):\s*(.*)$", stanza, re.M))
            if "bookworm" in f.get("suites", []) and "main" in f.get("components", []):
                for uri in f.get("uris", []):
                    if "security" not in uri:
                        print(uri); raise SystemExit
    else:
        for line in text.splitlines():
            m = re.match(r"^deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+bookworm\s+.*\bmain\b", line)
            if m and "security" not in m.group(1):
                print(m.group(1)); raise SystemExit
print("http://deb.debian.org/debian")
EOF
}
has_image() { docker image inspect "$1" > /dev/null 2>&1; }
describe_image() {
  docker image inspect -f '{{.Id}} {{.Size}} {{index .Config.Labels "org.hicserve.standin"}}' "$1" |
    awk '{ id = substr($1, 8, 12); size = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "%s, %.0f MiB, %s", id, size / 1048576, ($0 == "" ? "not a stand-in of this script" : $0) }'
}

# host_ca_certs ROOT: the certificates this machine's CA bundle holds beyond the base's Debian ca-certificates
# (a TLS-inspecting proxy's CA, say) added to the base, so that the builds in it reach Maven Central as the host
# does. On a machine whose bundle is Debian's own, nothing is added.
host_ca_certs() {
  local n
  n=$(/usr/bin/python3 - /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/ca-certificates.crt" "$1/usr/local/share/ca-certificates" << 'EOF'
import os, re, sys
pem = re.compile(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", re.S)
norm = lambda c: "".join(c.split())
def certs(path):
    try:
        return pem.findall(open(path).read())
    except OSError:
        return []
known = {norm(c) for c in certs(sys.argv[2])}
extra = [c for c in certs(sys.argv[1]) if norm(c) not in known]
for i, c in enumerate(extra):
    open(os.path.join(sys.argv[3], "host-%d.crt" % i), "w").write(c + "\n")
print(len(extra))
EOF
)
  if [ "$n" -gt 0 ]; then
    chroot "$1" update-ca-certificates > /dev/null 2>&1 || abort "update-ca-certificates in the base"
    for f in "$1"/usr/local/share/ca-certificates/host-*.crt; do
      info "host CA certificate added to the base: $(openssl x509 -noout -subject -in "$f" 2> /dev/null || basename "$f")"
    done
  fi
}
base_image() {
  if has_image "$STANDIN_BASE"; then return 0; fi
  local mirror root start
  mirror="${DEBIAN_MIRROR:-$(debian_mirror)}"
  root="$WORK/rootfs"
  start=$(date +%s)
  info "debootstrap --variant=minbase bookworm from $mirror"
  if ! debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror" > "$WORK/debootstrap.log" 2>&1; then
    tail -20 "$WORK/debootstrap.log"; abort "debootstrap (log: $WORK/debootstrap.log)"
  fi
  local security="${mirror%/debian}/debian-security"
  [ "$security" != "$mirror/debian-security" ] || security=http://deb.debian.org/debian-security
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$mirror" "$mirror" "$security" > "$root/etc/apt/sources.list"
  # apt as the official debian/ubuntu images set it: no package caches or translations left in a layer (without
  # this, every `apt-get update` in an image keeps ~40 MB of /var/cache/apt/*.bin)
  cat > "$root/etc/apt/apt.conf.d/docker-clean" << 'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' > "$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' > "$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  host_ca_certs "$root"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' \
    --change "LABEL org.hicserve.standin=\"debootstrap --variant=minbase bookworm from $mirror\"" \
    - "$STANDIN_BASE" > /dev/null
  rm -rf "$root"
  pass "made $STANDIN_BASE in $(($(date +%s) - start)) s: $(describe_image "$STANDIN_BASE")"
}
# standin TAG DOCKERFILE CONTEXT [BUILD ARG...]
standin() {
  local tag="$1" file="$2" ctx="$3" start; shift 3
  if has_image "$tag"; then pass "$tag present, used as it is: $(describe_image "$tag")"; return 0; fi
  base_image
  start=$(date +%s)
  if docker build --network host -q -f "$file" --build-arg "BASE=$STANDIN_BASE" "$@" -t "$tag" "$ctx" > "$WORK/standin.log" 2>&1; then
    pass "made stand-in $tag in $(($(date +%s) - start)) s: $(describe_image "$tag")"
  else
    tail -30 "$WORK/standin.log"; abort "stand-in $tag"
  fi
}
standin "$runtime_tag" "$here/standins/jre.Dockerfile" "$here/standins"
if ! has_image "$build_tag"; then
  mvn_ctx="$WORK/maven-context"; mkdir -p "$mvn_ctx"
  url="https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.tar.gz"
  curl -fsS -o "$mvn_ctx/apache-maven-bin.tar.gz" "$url" || abort "download $url"
  want="$(curl -fsS "$url.sha512" | awk '{ print $1 }')" || abort "download $url.sha512"
  got="$(sha512sum "$mvn_ctx/apache-maven-bin.tar.gz" | awk '{ print $1 }')"
  [ -n "$want" ] && [ "$want" = "$got" ] || abort "apache-maven-$MAVEN_VERSION-bin.tar.gz: sha512 $got, Central says $want"
  pass "apache-maven-$MAVEN_VERSION-bin.tar.gz from Maven Central, sha512 as Central lists it"
  standin "$build_tag" "$here/standins/maven.Dockerfile" "$mvn_ctx" --build-arg "MAVEN_VERSION=$MAVEN_VERSION"
else
  standin "$build_tag" "$here/standins/maven.Dockerfile" "$here/standins"
fi
standin "$prom_tag" "$here/standins/prometheus.Dockerfile" "$here/standins"
info "Java in $runtime_tag: $(docker run --rm --network host --entrypoint java "$runtime_tag" -version 2>&1 | head -1)"
info "Maven in $build_tag: $(docker run --rm --network host "$build_tag" mvn --version 2>&1 | head -1)"
info "$prom_tag: $(docker run --rm --network host "$prom_tag" --version 2>&1 | head -1)"

# ---------------------------------------------------------------- 3. build
section "3. docker build -f docker/Dockerfile . (unchanged; --network host: its Maven stage downloads from Maven Central)"
start=$(date +%s)
if (cd "$repo" && docker build --network host -f docker/Dockerfile -t "$app_tag" -t hicserve .) > "$WORK/build.log" 2>&1; then
  pass "built $app_tag (also tagged hicserve) in $(($(date +%s) - start)) s (log: $WORK/build.log)"
else
  tail -40 "$WORK/build.log"; abort "docker build (log: $WORK/build.log)"
fi
size=$(docker image inspect -f '{{.Size}}' "$app_tag")
base_size=$(docker image inspect -f '{{.Size}}' "$runtime_tag")
pass "image size $(mib "$size") ($size bytes): $(mib "$base_size") of $runtime_tag and $(mib $((size - base_size))) of its own layers"
docker history --format '     {{printf "%10s" .Size}}  {{.CreatedBy}}' "$app_tag" | cut -c1-150 | head -n 12
user="$(docker image inspect -f '{{.Config.User}}' "$app_tag")"
[ "$user" = "hicserve:hicserve" ] && pass "image USER $user" || fail "image USER '$user'"

# The builder most users have (BuildKit, Docker's default since 23.0): the engine's own, through docker.io's
# client (a newer client without the buildx plugin refuses DOCKER_BUILDKIT=1). Its image is run in 4a below.
bk_tag=""
if [ "${BUILDKIT:-1}" = 1 ]; then
  section "3b. the same build with BuildKit (DOCKER_BUILDKIT=1)"
  if [ -x /usr/bin/docker ] && /usr/bin/docker version --format '{{.Client.Version}}' 2> /dev/null | grep -q '^20\.'; then
    start=$(date +%s)
    if (cd "$repo" && DOCKER_BUILDKIT=1 /usr/bin/docker build --progress plain --network host -f docker/Dockerfile -t hicserve:verify-buildkit .) > "$WORK/build-buildkit.log" 2>&1; then
      bk_tag=hicserve:verify-buildkit
      pass "built $bk_tag with BuildKit in $(($(date +%s) - start)) s, $(mib "$(docker image inspect -f '{{.Size}}' "$bk_tag")") (log: $WORK/build-buildkit.log)"
    else
      tail -30 "$WORK/build-buildkit.log"; fail "BuildKit build (log: $WORK/build-buildkit.log)"
    fi
  else
    info "skip: no docker.io 20.x client at /usr/bin/docker to drive the engine's BuildKit (BUILDKIT=0 to silence)"
  fi
fi

# ---------------------------------------------------------------- 4. container
# run_service NAME [docker run options...]: starts the image on a free loopback port, sets $port
run_service() {
  local name="$1"; shift
  port=$(free_port)
  docker run -d --name "$NAME-$name" --network host -e PORT="$port" -e SERVER_ADDRESS=127.0.0.1 "$@" "$app_tag" > /dev/null
}
logs_of() { docker logs "$NAME-$1" 2>&1; }

section "4a. nothing mounted: the bundled sample, HEALTHCHECK, non-root"
run_service sample
if wait_http "http://127.0.0.1:$port/actuator/health" 120; then
  pass "service answers on 127.0.0.1:$port (PORT=$port, --network host)"
else
  logs_of sample | tail -30; abort "service did not answer on port $port"
fi
files=$(curl -fsS "http://127.0.0.1:$port/api/v1/files")
names=$(printf '%s' "$files" | /usr/bin/python3 -c 'import json, sys; print(" ".join(sorted(f["name"] for f in json.load(sys.stdin))))')
[ "$names" = "sample.hic sample.mcool" ] && pass "/api/v1/files: $names" || fail "/api/v1/files with nothing mounted: $files"
logs_of sample | grep -q "serving the bundled sample" && pass "entrypoint logged its fallback to the bundled sample" \
  || fail "no fallback line in the log"
# sample/REFERENCE.csv (cooler 0.9.1): sample.mcool, 5000, chr3 x chr3, NONE -> 53076 pixels, sum 128737
got=$(curl -fsS "http://127.0.0.1:$port/api/v1/pixels?file=sample.mcool&resolution=5000&range1=chr3&format=tsv" | tsv_rows_sum)
[ "$got" = "53076 128737" ] && pass "pixels sample.mcool 5 kb chr3: 53076 rows, sum 128737 (as cooler)" \
  || fail "pixels sample.mcool 5 kb chr3: got '$got', cooler says '53076 128737'"
health=$(curl -fsS "http://127.0.0.1:$port/actuator/health")
printf '%s' "$health" | grep -q '"status":"UP"' && pass "/actuator/health: $health" || fail "/actuator/health: $health"
# the image's own HEALTHCHECK (interval 30 s, start period 40 s): its first probe runs about 30 s after start
status=""
for _ in $(seq 1 150); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$NAME-sample")
  [ "$status" = starting ] || break
  sleep 1
done
if [ "$status" = healthy ]; then
  pass "docker inspect: Health.Status healthy, $(docker inspect -f '{{json .State.Health.Log}}' "$NAME-sample" | /usr/bin/python3 -c '
import json, sys
log = json.load(sys.stdin)
print("%d probe(s) of the image HEALTHCHECK, exit codes %s" % (len(log), " ".join(str(p["ExitCode"]) for p in log)))')"
else
  fail "docker inspect: Health.Status '$status': $(docker inspect -f '{{json .State.Health}}' "$NAME-sample")"
fi
uid_in=$(docker exec "$NAME-sample" id -u)
pid1=$(docker exec "$NAME-sample" sh -c 'tr "\0" " " < /proc/1/cmdline')
host_pid=$(docker inspect -f '{{.State.Pid}}' "$NAME-sample")
uid_host=$(ps -o uid= -p "$host_pid" | tr -d ' ')
if [ "$uid_in" = 10001 ] && [ "$uid_host" = 10001 ]; then
  pass "process runs as uid 10001 ($(docker exec "$NAME-sample" id -un)), in the container and on the host (pid $host_pid)"
else fail "process uid: $uid_in in the container, $uid_host on the host"; fi
case "$pid1" in
  "java -XX:MaxRAMPercentage=75 -jar /app/hicserve.jar "*) pass "PID 1 is the JVM (entrypoint exec'd it): $pid1";;
  *) fail "PID 1 is '$pid1', not java (SIGTERM would not reach the JVM)";;
esac
docker exec "$NAME-sample" sh -c 'touch /app/x' 2> /dev/null && fail "uid 10001 can write /app" || pass "/app not writable by the service user"
docker rm -f "$NAME-sample" > /dev/null

if [ -n "$bk_tag" ]; then
  section "4a'. the BuildKit-built image, nothing mounted"
  port=$(free_port)
  docker run -d --name "$NAME-buildkit" --network host -e PORT="$port" -e SERVER_ADDRESS=127.0.0.1 "$bk_tag" > /dev/null
  if wait_http "http://127.0.0.1:$port/actuator/health" 180; then
    names=$(curl -fsS "http://127.0.0.1:$port/api/v1/files" | /usr/bin/python3 -c 'import json, sys; print(" ".join(sorted(f["name"] for f in json.load(sys.stdin))))')
    got=$(curl -fsS "http://127.0.0.1:$port/api/v1/pixels?file=sample.mcool&resolution=5000&range1=chr3&format=tsv" | tsv_rows_sum)
    uid_in=$(docker exec "$NAME-buildkit" id -u)
    [ "$names $got $uid_in" = "sample.hic sample.mcool 53076 128737 10001" ] \
      && pass "BuildKit image: serves the sample (sample.mcool chr3: 53076 rows, sum 128737), as uid 10001" \
      || fail "BuildKit image: files '$names', pixels '$got', uid '$uid_in'"
  else
    logs_of buildkit | tail -30; fail "BuildKit image: service did not answer on port $port"
  fi
  docker rm -f "$NAME-buildkit" > /dev/null
fi

section "4b. $TEST_DATA mounted read-only at /data"
if [ ! -d "$TEST_DATA" ]; then abort "TEST_DATA $TEST_DATA is missing"; fi
want_names=$(find "$TEST_DATA" -maxdepth 1 -type f \( -name '*.cool' -o -name '*.mcool' -o -name '*.hic' \) -printf '%f\n' | sort | tr '\n' ' ' | sed 's/ $//')
run_service mounted -v "$TEST_DATA:/data:ro"
wait_http "http://127.0.0.1:$port/actuator/health" 120 || { logs_of mounted | tail -30; abort "service with /data mounted did not answer"; }
names=$(curl -fsS "http://127.0.0.1:$port/api/v1/files" | /usr/bin/python3 -c 'import json, sys; print(" ".join(sorted(f["name"] for f in json.load(sys.stdin))))')
[ "$names" = "$want_names" ] && pass "/api/v1/files lists the mounted folder's $(echo "$names" | wc -w) files, not the sample" \
  || fail "/api/v1/files: '$names', the folder holds '$want_names'"
logs_of mounted | grep -q "serving the bundled sample" && fail "fell back to the sample with a folder mounted" \
  || pass "no fallback to the sample"
# REFERENCE.md (cooler 0.9.1): dm6 100 kb chr2R:10,000,000-15,000,000 raw -> 1275 pixels, sum 4519080
got=$(curl -fsS "http://127.0.0.1:$port/api/v1/pixels?file=cooler_dm6_100kb_1mb_weights.mcool&resolution=100000&range1=chr2R:10,000,000-15,000,000&format=tsv" | tsv_rows_sum)
[ "$got" = "1275 4519080" ] && pass "pixels dm6 100 kb chr2R:10-15 Mb over HTTP: 1275 rows, sum 4519080 (as cooler)" \
  || fail "pixels dm6 100 kb chr2R:10-15 Mb: got '$got', cooler says '1275 4519080'"
docker rm -f "$NAME-mounted" > /dev/null

section "4c. the command line: docker run ... dump|validate /data/..."
run_cli() { docker run --rm --network host -v "$TEST_DATA:/data:ro" "$app_tag" "$@"; }
# REFERENCE.md (hic-straw 2.1.4): juicer_v8_hg19_2500kb_allnorms.hic 2.5 Mb 1:50000000-100000000 NONE -> 210, 24622
got=$(run_cli dump /data/juicer_v8_hg19_2500kb_allnorms.hic --resolution 2500000 --range 1:50000000-100000000 2> "$WORK/dump.err" | tsv_rows_sum)
[ "$got" = "210 24622" ] && pass "dump .hic 2.5 Mb 1:50-100 Mb: 210 rows, sum 24622 (as hic-straw)" \
  || { cat "$WORK/dump.err"; fail "dump .hic: got '$got', hic-straw says '210 24622'"; }
got=$(run_cli dump /data/cooler_dm6_100kb_1mb_weights.mcool --resolution 100000 --range chr2R --normalization weight 2> "$WORK/dump.err" | tsv_rows_sum)
[ "$got" = "28919 304.2987256" ] && pass "dump .mcool 100 kb chr2R weight: 28919 rows, sum 304.2987256 (as cooler)" \
  || { cat "$WORK/dump.err"; fail "dump .mcool balanced: got '$got', cooler says '28919 304.2987256'"; }
if out=$(run_cli validate /data/cooler_toy_5res.mcool /data/juicer_v9_dm6_100kb_ice.hic 2>&1) && [ "$(printf '%s\n' "$out" | grep -c ': OK (')" = 2 ]; then
  pass "validate two sound files: exit 0, $(printf '%s' "$out" | tr '\n' ';' | cut -c1-150)"
else fail "validate two sound files: $out"; fi
rc=0; out=$(run_cli validate /data/REFERENCE.md 2>&1) || rc=$?
[ "$rc" = 1 ] && pass "validate a Markdown file: exit 1, $(printf '%s' "$out" | head -1 | cut -c1-120)" \
  || fail "validate a Markdown file: exit $rc, $out"

section "4d. docker stop with worker JVMs running (executor=processes, 2 local workers)"
run_service stop -v "$TEST_DATA:/data:ro" -e HICSERVE_EXECUTOR=processes -e HICSERVE_WORKERS_LOCAL=2
wait_http "http://127.0.0.1:$port/actuator/health" 180 || { logs_of stop | tail -30; abort "service with workers did not answer"; }
for _ in $(seq 1 60); do [ "$(docker top "$NAME-stop" -eo pid,args | grep -c ' worker --id ')" -ge 2 ] && break; sleep 1; done
mapfile -t pids < <(docker top "$NAME-stop" -eo pid | tail -n +2 | tr -d ' ')
workers=$(docker top "$NAME-stop" -eo pid,args | grep -c ' worker --id ' || true)
[ "$workers" = 2 ] && pass "2 worker JVMs running next to the service (host pids: ${pids[*]})" \
  || fail "expected 2 worker JVMs, docker top shows: $(docker top "$NAME-stop" -eo pid,args | tail -n +2 | cut -c1-100 | tr '\n' ';')"
got=$(curl -fsS "http://127.0.0.1:$port/api/v1/cis?file=cooler_dm6_100kb_1mb_weights.mcool&resolution=100000&chromosomes=chr2R&executor=processes&format=tsv" | tsv_rows_sum)
[ "$got" = "31900 21513984" ] && pass "cis chr2R through the workers: 31900 rows, sum 21513984 (as cooler)" \
  || fail "cis chr2R through the workers: got '$got', cooler says '31900 21513984'"
grace=10
start_ns=$(date +%s%N)
docker stop -t "$grace" "$NAME-stop" > /dev/null
took_ms=$((($(date +%s%N) - start_ns) / 1000000))
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME-stop")
left=0
for p in "${pids[@]}"; do if kill -0 "$p" 2> /dev/null; then left=$((left + 1)); fi; done
if [ "$exit_code" != 137 ] && [ "$took_ms" -lt $((grace * 1000)) ]; then
  pass "docker stop: exited with code $exit_code after $took_ms ms, within the ${grace} s grace period (SIGTERM handled, not SIGKILLed)"
else fail "docker stop: exit code $exit_code after $took_ms ms (137 = SIGKILL after the ${grace} s grace period)"; fi
[ "$left" = 0 ] && pass "none of the container's ${#pids[@]} processes is left on the host" || fail "$left of the container's processes still run"
logs_of stop | grep -Eiq "graceful shutdown|Shutdown completed|shutting down" \
  && pass "service log: $(logs_of stop | grep -Ei 'graceful shutdown|Shutdown completed|shutting down' | tail -1 | sed 's/^.*  : //' | cut -c1-100)" \
  || info "(no shutdown line in the service log)"
docker logs "$NAME-stop" > "$WORK/stop.log" 2>&1
docker rm -f "$NAME-stop" > /dev/null

# ---------------------------------------------------------------- 5. compose
section "5. compose: docker-compose config, then compose.yaml up with a host-network override"
if (cd "$here" && docker-compose -f compose.yaml config -q); then
  pass "docker-compose $(docker-compose version --short) config -q accepts compose.yaml" \
    "(services: $(cd "$here" && docker-compose -f compose.yaml config --services | tr '\n' ' '))"
else fail "docker-compose config on compose.yaml"; fi
app_port=$(free_port); prom_port=$(free_port)
# docker/prometheus.yml as it is, but for the scrape target (the service on the host's loopback) and a short interval
/usr/bin/python3 - "$here/prometheus.yml" "$WORK/prometheus.yml" "127.0.0.1:$app_port" << 'EOF'
import sys, yaml
conf = yaml.safe_load(open(sys.argv[1]))
for job in conf["scrape_configs"]:
    job["scrape_interval"] = "2s"
    for sc in job["static_configs"]:
        sc["targets"] = [sys.argv[3]]
yaml.safe_dump(conf, open(sys.argv[2], "w"))
EOF
chmod 0644 "$WORK/prometheus.yml"
cat > "$WORK/compose.host-network.yaml" << EOF
# docker/verify.sh: compose.yaml on the host's network (no bridge network), loopback ports chosen free
services:
  hicserve:
    network_mode: host
    environment:
      PORT: "$app_port"
      SERVER_ADDRESS: 127.0.0.1
    healthcheck:
      test: ["CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:$app_port/actuator/health"]
  prometheus:
    network_mode: host
    command:
      - --config.file=/etc/prometheus/prometheus.yml
      - --storage.tsdb.path=/prometheus
      - --web.listen-address=127.0.0.1:$prom_port
    volumes:
      - $WORK/prometheus.yml:/etc/prometheus/prometheus.yml:ro
EOF
# An override cannot remove the base's `ports:` (compose 1.x merges them), and compose 1.x refuses ports with
# network_mode: host (Docker would discard them anyway). So the two files are merged by `config`, and the
# merged file less the ports of host-network services is what runs.
if (cd "$here" && docker-compose -p "$NAME" -f compose.yaml -f "$WORK/compose.host-network.yaml" config) > "$WORK/compose.merged.yaml"; then
  /usr/bin/python3 - "$WORK/compose.merged.yaml" << 'EOF'
import sys, yaml
conf = yaml.safe_load(open(sys.argv[1]))
for svc in conf["services"].values():
    if svc.get("network_mode") == "host":
        svc.pop("ports", None)
yaml.safe_dump(conf, open(sys.argv[1], "w"), sort_keys=False)
EOF
  pass "compose.yaml + host-network override merged by docker-compose config ($WORK/compose.merged.yaml, ports of host-network services dropped)"
else abort "docker-compose config of compose.yaml + host-network override"; fi
compose_files=(-f "$WORK/compose.merged.yaml")
if (cd "$here" && docker-compose -p "$NAME" "${compose_files[@]}" up -d --no-build) > "$WORK/compose-up.log" 2>&1; then
  pass "docker-compose up -d"
else cat "$WORK/compose-up.log"; abort "docker-compose up"; fi
app_id=$(cd "$here" && docker-compose -p "$NAME" "${compose_files[@]}" ps -q hicserve)
prom_id=$(cd "$here" && docker-compose -p "$NAME" "${compose_files[@]}" ps -q prometheus)
[ -n "$app_id" ] && [ -n "$prom_id" ] || abort "docker-compose ps: hicserve '$app_id', prometheus '$prom_id'"
# depends_on condition service_healthy: Prometheus started only after a passing probe of hicserve's health check
order=$(/usr/bin/python3 - "$(docker inspect -f '{{json .State}}' "$app_id")" "$(docker inspect -f '{{json .State}}' "$prom_id")" << 'EOF'
import json, re, sys
from datetime import datetime
t = lambda s: datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", s).replace("Z", "+00:00"))
app, prom = json.loads(sys.argv[1]), json.loads(sys.argv[2])
passed = [t(p["End"]) for p in app["Health"]["Log"] if p["ExitCode"] == 0]
print("%s %s" % (app["Health"]["Status"], "before" if passed and min(passed) <= t(prom["StartedAt"]) else "not-seen-before"))
EOF
)
case "$order" in
  "healthy before") pass "hicserve healthy, and its first passing probe came before Prometheus started (depends_on: service_healthy)";;
  *) fail "compose start order / health: $order";;
esac
new_networks=$(comm -13 <(echo "$networks_before") <(docker network ls -q | sort) | tr '\n' ' ')
[ -z "$new_networks" ] && pass "no network created" || fail "networks created: $new_networks"
wait_http "http://127.0.0.1:$app_port/actuator/health" 120 || abort "compose's hicserve did not answer"
got=$(curl -fsS "http://127.0.0.1:$app_port/api/v1/pixels?file=sample.mcool&resolution=5000&range1=chr3&format=tsv" | tsv_rows_sum)
[ "$got" = "53076 128737" ] && pass "compose's hicserve serves test-data/ (sample.mcool chr3: 53076 rows)" \
  || fail "compose's hicserve: pixels sample.mcool chr3 got '$got'"
wait_http "http://127.0.0.1:$prom_port/-/ready" 60 || abort "Prometheus not ready on $prom_port"
sample=""
for _ in $(seq 1 60); do
  sample=$(curl -fsS "http://127.0.0.1:$prom_port/api/v1/query?query=hicserve_rows_streamed_total" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(" ".join("%s=%s" % (",".join("%s:%s" % kv for kv in sorted(x["metric"].items()) if kv[0] != "__name__"), x["value"][1]) for x in r if float(x["value"][1]) > 0))') || true
  [ -n "$sample" ] && break
  sleep 1
done
if [ -n "$sample" ]; then pass "Prometheus query hicserve_rows_streamed_total: $sample"
else fail "Prometheus has no sample of hicserve_rows_streamed_total > 0: $(curl -fsS "http://127.0.0.1:$prom_port/api/v1/targets" | cut -c1-400)"; fi
target=$(curl -fsS "http://127.0.0.1:$prom_port/api/v1/targets" | /usr/bin/python3 -c '
import json, sys
print(" ".join("%s %s %s" % (t["labels"]["job"], t["scrapeUrl"], t["health"]) for t in json.load(sys.stdin)["data"]["activeTargets"]))')
case "$target" in *" up") pass "Prometheus target: $target";; *) fail "Prometheus target: $target";; esac
if (cd "$here" && docker-compose -p "$NAME" "${compose_files[@]}" down) > "$WORK/compose-down.log" 2>&1; then
  pass "docker-compose down"; compose_files=()
else cat "$WORK/compose-down.log"; fail "docker-compose down"; fi

echo
if [ "$failures" = 0 ]; then echo "docker/verify.sh: all checks passed"; else echo "docker/verify.sh: $failures failure(s)"; exit 1; fi
