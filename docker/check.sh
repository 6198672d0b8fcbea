#!/usr/bin/env bash
# What can be checked of the Docker packaging on a machine with no Docker engine. Exits non-zero on any failure.
#
#   docker/check.sh            all three parts (the build replay takes a few minutes)
#   QUICK=1 docker/check.sh    skips part 2 and runs part 3 on the jar already in service/target/
#
# 1. static: docker/Dockerfile, .dockerignore, compose.yaml, prometheus.yml (docker/dockerfile_tool.py; plus
#    when installed, the linter of shell scripts and `docker-compose config`: apt-get install shellcheck docker-compose)
# 2. build stage: the build context (the work tree less .dockerignore; SOURCE=head: a git clone of HEAD
#    instead) is copied as the Dockerfile's COPY lines say and the stage's RUN lines run in plain sh,
#    against a Maven local repository that is ~/.m2/repository without org/hicserve (so that a stale
#    installed module cannot hide a missing one): offline first, online again if that fails (ONLINE=0: offline
#    only, ONLINE=1: online only); new downloads are kept in ~/.m2/repository
# 3. runtime stage: its COPY lines (the jar from part 2) under a temporary root, docker/entrypoint.sh run with
#    the image's ENV (paths moved under that root, PORT a free port) as an unprivileged user, the
#    Dockerfile's HEALTHCHECK command polled until it passes, then /actuator/health, /api/v1/files and
#    /actuator/prometheus asked
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
tool=(/usr/bin/python3 "$here/dockerfile_tool.py")
QUICK="${QUICK:-0}"
SOURCE="${SOURCE:-worktree}"
ONLINE="${ONLINE:-auto}"

tmp="$(mktemp -d /tmp/hicserve-docker-check.XXXXXX)"
chmod 0755 "$tmp"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

failures=0
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
pass() { echo "  ok   $*"; }
section() { echo; echo "== $*"; }

# ---------------------------------------------------------------- 1. static
section "1. static checks"
if ! /usr/bin/python3 -c 'import yaml' 2> /dev/null; then
  echo "  python3-yaml is missing (apt-get install python3-yaml)"; exit 1
fi
"${tool[@]}" static "$repo" || failures=$((failures + 1))
if command -v shellcheck > /dev/null; then
  if shellcheck -s sh "$here/entrypoint.sh" && shellcheck "$here/check.sh"; then
    pass "shellcheck entrypoint.sh (as POSIX sh) and check.sh"
  else fail "shellcheck"; fi
else
  echo "  skip shellcheck (not installed)"
fi
if command -v docker-compose > /dev/null; then
  if (cd "$here" && docker-compose -f compose.yaml config -q); then
    pass "docker-compose $(docker-compose version --short 2> /dev/null) config -q accepts compose.yaml"
  else fail "docker-compose config"; fi
elif docker compose version > /dev/null 2>&1; then
  if (cd "$here" && docker compose -f compose.yaml config -q); then pass "docker compose config -q accepts compose.yaml"
  else fail "docker compose config"; fi
else
  echo "  skip compose config (neither docker-compose nor the compose plugin installed)"
fi

# ---------------------------------------------------------------- 2. build stage
build_root="$tmp/stage-build"
ctx=""
if [ "$QUICK" = 1 ]; then
  section "2. build stage: skipped (QUICK=1); part 3 uses service/target/hicserve.jar of the work tree"
  jar="$repo/service/target/hicserve.jar"
  if [ ! -f "$jar" ]; then echo "  FAIL $jar is missing: build it or run without QUICK=1"; exit 1; fi
  mkdir -p "$build_root/src/service/target"
  cp "$jar" "$build_root/src/service/target/hicserve.jar"
else
  section "2. build stage replayed in plain sh (source: $SOURCE)"
  ctx="$tmp/context"
  if [ "$SOURCE" = head ]; then
    git clone -q "$repo" "$tmp/clone"
    # the committed sources with this work tree's docker/ and .dockerignore (which may not be committed yet)
    rm -rf "$tmp/clone/docker"; cp -r "$here" "$tmp/clone/docker"
    if [ -f "$repo/.dockerignore" ]; then cp "$repo/.dockerignore" "$tmp/clone/"; fi
    echo "  git clone of HEAD $(git -C "$tmp/clone" rev-parse --short HEAD), with the work tree's docker/ and .dockerignore"
    "${tool[@]}" context "$tmp/clone" "$ctx"
  else
    "${tool[@]}" context "$repo" "$ctx"
  fi
  # Maven local repository: ~/.m2/repository linked entry by entry, less this project's own artifacts
  m2="$tmp/m2"
  mkdir -p "$m2/org"
  src_m2="${MAVEN_REPO:-$HOME/.m2/repository}"
  for e in "$src_m2"/*; do [ "$(basename "$e")" = org ] || ln -s "$e" "$m2/"; done
  for e in "$src_m2"/org/*; do [ "$(basename "$e")" = hicserve ] || ln -s "$e" "$m2/org/"; done
  # Maven options that the image does not need go to .mvn/maven.config of the replayed WORKDIR, so the RUN
  # lines run exactly as written in the Dockerfile
  replay() { # replay OFFLINE(0|1)
    rm -rf "$build_root"
    mkdir -p "$build_root/src/.mvn"
    { echo "-Dmaven.repo.local=$m2"; echo "-Dstyle.color=never"; [ "$1" = 0 ] || echo "-o"; } > "$build_root/src/.mvn/maven.config"
    echo "  maven options outside the Dockerfile: $(tr '\n' ' ' < "$build_root/src/.mvn/maven.config")"
    "${tool[@]}" replay-build "$ctx" "$build_root" 2>&1 | tee "$tmp/replay.log"
  }
  start=$(date +%s)
  case "$ONLINE" in
    1) replay 0 && ok=1 || ok=0;;
    0) replay 1 && ok=1 || ok=0;;
    *) if replay 1; then ok=1
       elif grep -q "in offline mode" "$tmp/replay.log"; then
         echo "  offline replay failed: the local Maven repository lacks what is listed above; again online"
         replay 0 && ok=1 || ok=0
       else ok=0
       fi;;
  esac
  # what Maven downloaded into new groups of the linked local repository: keep it in the real one
  for e in "$m2"/* "$m2"/org/*; do
    rel="${e#"$m2"/}"
    if [ ! -L "$e" ] && [ "$rel" != org ] && [ "$rel" != org/hicserve ] && [ ! -e "$src_m2/$rel" ]; then
      mv "$e" "$src_m2/$rel" && echo "  kept new Maven downloads: $rel"
    fi
  done
  if [ "$ok" = 1 ]; then
    pass "build stage RUN lines succeeded in $(($(date +%s) - start)) s"
  else
    fail "build stage"; echo "$failures failure(s)"; exit 1
  fi
  if [ -f "$build_root/src/service/target/hicserve.jar" ]; then
    pass "service/target/hicserve.jar built ($(du -h "$build_root/src/service/target/hicserve.jar" | cut -f1))"
  else
    fail "service/target/hicserve.jar not built"; exit 1
  fi
fi

# ---------------------------------------------------------------- 3. runtime stage
section "3. runtime stage: entrypoint, HEALTHCHECK and endpoints in plain sh"
root="$tmp/stage-final"
"${tool[@]}" stage-final "${ctx:-$repo}" "$build_root" "$root"
mkdir -p "$root/data"   # VOLUME /data with nothing mounted
chmod -R a+rX "$root"
ep="$root/app/entrypoint.sh"
# the image's ENV, absolute paths moved under $root
mapfile -t image_env < <("${tool[@]}" final-env "$root")
echo "  image ENV: ${image_env[*]}"
run_env=(env -i PATH="$PATH" HOME="$root/app" "${image_env[@]}"
  HICSERVE_JAR="$root/app/hicserve.jar" HICSERVE_VOLUME="$root/data")

# 3a. the entrypoint's choice of data folder and its arguments, with a stub java that reports what it got
stub="$tmp/stub-bin"
mkdir -p "$stub"
# shellcheck disable=SC2016  # $HICSERVE_DATADIR and $* are for the stub to expand
printf '#!/bin/sh\necho "datadir=$HICSERVE_DATADIR args=$*"\n' > "$stub/java"
chmod 0755 "$stub/java"
decide() { "${run_env[@]}" PATH="$stub:$PATH" "$@" 2> /dev/null; }
expect() { # expect NAME EXPECTED ACTUAL
  if [ "$3" = "$2" ]; then pass "entrypoint, $1"; else fail "entrypoint, $1: expected '$2', got '$3'"; fi
}
expect "empty /data -> bundled sample" \
  "datadir=$root/app/sample-data args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar" "$(decide sh "$ep")"
mkdir -p "$tmp/full/sub"; ln -s "$root/app/sample-data/sample.hic" "$tmp/full/sub/x.hic"
expect "/data with a .hic in a sub-folder -> /data" \
  "datadir=$tmp/full args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar" \
  "$(decide HICSERVE_VOLUME="$tmp/full" HICSERVE_DATADIR="$tmp/full" sh "$ep")"
mkdir -p "$tmp/other"
expect "HICSERVE_DATADIR set elsewhere -> kept even when empty" \
  "datadir=$tmp/other args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar" \
  "$(decide HICSERVE_DATADIR="$tmp/other" sh "$ep")"
expect "HICSERVE_SAMPLE_IF_EMPTY=false -> /data kept" \
  "datadir=$root/data args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar" \
  "$(decide HICSERVE_SAMPLE_IF_EMPTY=false sh "$ep")"
expect "arguments passed to the jar" \
  "datadir=$root/app/sample-data args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar dump a.hic --resolution 5000" \
  "$(decide sh "$ep" dump a.hic --resolution 5000)"
if command -v dash > /dev/null; then
  expect "runs under dash (POSIX sh)" \
    "datadir=$root/app/sample-data args=-XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar" "$(decide dash "$ep")"
fi

# 3b. the real service, as the image would start it
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  as_user=(setpriv --reuid=10001 --regid=10001 --clear-groups)   # the image's USER hicserve (uid 10001)
fi
log="$tmp/service.log"
echo "  starting $ep on port $port${as_user:+ as uid 10001}"
(cd "$root/app" && exec "${as_user[@]}" "${run_env[@]}" PORT="$port" "$ep") > "$log" 2>&1 &
pid=$!
hc="$("${tool[@]}" healthcheck)"
echo "  HEALTHCHECK: $hc"
healthy=0
for _ in $(seq 1 90); do
  if PORT="$port" sh -c "$hc" 2> /dev/null; then healthy=1; break; fi
  if ! kill -0 "$pid" 2> /dev/null; then break; fi
  sleep 1
done
if [ "$healthy" = 1 ]; then
  pass "HEALTHCHECK command passes"
else
  fail "HEALTHCHECK never passed; service log:"; tail -40 "$log" | sed 's/^/    /'
  echo "$failures failure(s)"; exit 1
fi
health=$(curl -fsS "http://127.0.0.1:$port/actuator/health")
if echo "$health" | grep -q '"status":"UP"'; then pass "/actuator/health: $health"; else fail "/actuator/health: $health"; fi
files=$(curl -fsS "http://127.0.0.1:$port/api/v1/files")
if echo "$files" | grep -q '"sample.mcool"'; then pass "/api/v1/files lists sample.mcool: $files"
else fail "/api/v1/files: $files"; fi
# (into a variable first: `curl | grep -q` fails under pipefail when grep stops reading early)
metrics=$(curl -fsS "http://127.0.0.1:$port/actuator/prometheus")
if printf '%s\n' "$metrics" | grep -q '^jvm_memory_used_bytes'; then
  pass "/actuator/prometheus answers metrics (what compose's Prometheus scrapes)"
else fail "/actuator/prometheus"; fi
if grep -q "serving the bundled sample" "$log"; then pass "entrypoint logged its fallback to the sample"
else fail "no fallback line in the log"; fi
if [ ${#as_user[@]} -gt 0 ]; then
  uid=$(ps -o uid= -p "$pid" | tr -d ' ')
  if [ "$uid" = 10001 ]; then pass "service ran as uid 10001, not root"; else fail "service uid $uid"; fi
fi
cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline")
case "$cmdline" in
  "java -XX:MaxRAMPercentage=75 -jar $root/app/hicserve.jar "*) pass "process is: $cmdline";;
  *) fail "process is: $cmdline";;
esac
kill "$pid"; wait "$pid" 2> /dev/null || true; pid=""
pass "service stopped"

echo
if [ "$failures" = 0 ]; then echo "docker/check.sh: all checks passed"; else echo "docker/check.sh: $failures failure(s)"; exit 1; fi
