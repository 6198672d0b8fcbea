#!/usr/bin/env python3
"""Checks and replays docker/Dockerfile without a Docker engine (used by docker/check.sh).

  dockerfile_tool.py static REPO            lint Dockerfile, .dockerignore, compose.yaml, prometheus.yml
  dockerfile_tool.py context REPO DIR       copy the build context (REPO less .dockerignore) to DIR
  dockerfile_tool.py replay-build CTX ROOT  run the build stage: its COPY lines from CTX into ROOT (the stage's
                                            filesystem root), then its RUN lines with sh in the mapped WORKDIR
  dockerfile_tool.py stage-final CTX BUILDROOT ROOT
                                            the final stage's COPY lines (--from=build read from BUILDROOT) into ROOT;
                                            its RUN lines are listed, not run (they would change this machine)
  dockerfile_tool.py final-env ROOT         the final stage's ENV as shell assignments, absolute paths under ROOT
  dockerfile_tool.py healthcheck            the final stage's HEALTHCHECK command (shell form)

Only the subset of Dockerfile syntax this project uses is understood; anything else is reported as an error
rather than guessed at.
"""
import fnmatch
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCKERFILE = os.path.join(HERE, "Dockerfile")


# ---------------------------------------------------------------- parsing
class Instr:
    def __init__(self, line, kw, args):
        self.line, self.kw, self.args = line, kw, args

    def __repr__(self):
        return f"{self.line}: {self.kw} {self.args}"


def parse_dockerfile(path=DOCKERFILE):
    instrs, buf, start = [], "", None
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not buf and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if buf and line.lstrip().startswith("#"):
                continue  # comment inside a continuation
            if start is None:
                start = n
            if line.endswith("\\"):
                buf += line[:-1] + " "
                continue
            buf += line
            kw, _, args = buf.strip().partition(" ")
            instrs.append(Instr(start, kw.upper(), args.strip()))
            buf, start = "", None
    if buf:
        raise SystemExit(f"{path}: ends inside a line continuation")
    return instrs


def split_flags(args):
    """'--from=build a b' -> ({'from': 'build'}, 'a b')"""
    flags = {}
    rest = args
    while rest.startswith("--"):
        tok, _, rest = rest.partition(" ")
        k, _, v = tok[2:].partition("=")
        flags[k] = v
        rest = rest.lstrip()
    return flags, rest


def words(args):
    args = args.strip()
    if args.startswith("["):
        return json.loads(args)
    return shlex.split(args)


class Stage:
    def __init__(self, idx, image, name, line):
        self.idx, self.image, self.name, self.line = idx, image, name, line
        self.instrs = []


def stages(instrs):
    out = []
    for i in instrs:
        if i.kw == "FROM":
            flags, rest = split_flags(i.args)
            w = rest.split()
            name = w[2] if len(w) == 3 and w[1].upper() == "AS" else None
            if len(w) not in (1, 3):
                raise SystemExit(f"Dockerfile:{i.line}: cannot read FROM {i.args}")
            out.append(Stage(len(out), w[0], name, i.line))
        elif not out:
            if i.kw != "ARG":
                raise SystemExit(f"Dockerfile:{i.line}: {i.kw} before the first FROM")
        else:
            out[-1].instrs.append(i)
    return out


def env_of(instr):
    """ENV a=b c=d, or the legacy ENV a b"""
    w = shlex.split(instr.args)
    if w and "=" not in w[0]:
        return {w[0]: instr.args.split(None, 1)[1] if len(w) > 1 else ""}
    return dict(x.split("=", 1) for x in w)


# ---------------------------------------------------------------- .dockerignore
def ignore_patterns(repo):
    p = os.path.join(repo, ".dockerignore")
    if not os.path.exists(p):
        return []
    pats = []
    for line in open(p):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        neg = line.startswith("!")
        pat = os.path.normpath(line[1:] if neg else line).lstrip("/")
        pats.append((neg, pattern_regex(pat)))
    return pats


def pattern_regex(pat):
    """Docker's rules: Go filepath.Match per segment, plus ** for any number of folders."""
    rx, i = "", 0
    while i < len(pat):
        if pat.startswith("**/", i):
            rx += "(?:.*/)?"
            i += 3
        elif pat.startswith("**", i):
            rx += ".*"
            i += 2
        elif pat[i] == "*":
            rx += "[^/]*"
            i += 1
        elif pat[i] == "?":
            rx += "[^/]"
            i += 1
        else:
            rx += re.escape(pat[i])
            i += 1
    return re.compile(rx + r"\Z")


def ignored(rel, pats):
    """A path is left out when it or a folder above it matches (the last matching pattern decides)."""
    parts = rel.split("/")
    prefixes = ["/".join(parts[: k + 1]) for k in range(len(parts))]
    out = False
    for neg, rx in pats:
        if any(rx.match(p) for p in prefixes):
            out = not neg
    return out


def context_files(repo):
    pats = ignore_patterns(repo)
    for dirpath, dirnames, filenames in os.walk(repo):
        rel_dir = os.path.relpath(dirpath, repo)
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = [d for d in dirnames if not ignored(rel_dir + d, pats)]
        for fn in filenames:
            if not ignored(rel_dir + fn, pats):
                yield rel_dir + fn


# ---------------------------------------------------------------- static checks
class Report:
    def __init__(self):
        self.errors, self.oks = [], []

    def ok(self, msg):
        self.oks.append(msg)
        print(f"  ok   {msg}")

    def err(self, msg):
        self.errors.append(msg)
        print(f"  FAIL {msg}")

    def check(self, cond, msg, why=""):
        if cond:
            self.ok(msg)
        else:
            self.err(msg + (f" ({why})" if why else ""))
        return cond


def image_tag_ok(image):
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and not last.endswith(":latest")


def app_port(repo):
    props = open(os.path.join(repo, "service/src/main/resources/application.properties")).read()
    m = re.search(r"^server\.port=\$\{PORT:(\d+)\}", props, re.M)
    return m.group(1) if m else None


def pom_modules(repo):
    pom = open(os.path.join(repo, "pom.xml")).read()
    return re.findall(r"<module>([^<]+)</module>", pom)


def module_closure(repo, selected, also_make):
    """The modules `mvn -pl SELECTED [-am]` builds: with -am, the org.hicserve modules they depend on too."""
    by_artifact = {}
    deps = {}
    for m in pom_modules(repo):
        pom = open(os.path.join(repo, m, "pom.xml")).read()
        body = re.sub(r"<parent>.*?</parent>", "", pom, flags=re.S)
        by_artifact[re.search(r"<artifactId>([^<]+)</artifactId>", body).group(1)] = m
        deps[m] = re.findall(r"<groupId>org\.hicserve</groupId>\s*<artifactId>([^<]+)</artifactId>", body)
    out, todo = [], [s.lstrip(":") for s in selected]
    todo = [by_artifact.get(t, t) for t in todo]
    while todo:
        m = todo.pop()
        if m in out:
            continue
        out.append(m)
        if also_make:
            todo += [by_artifact[a] for a in deps.get(m, []) if a in by_artifact]
    return sorted(out)


def static(repo):
    r = Report()
    df = parse_dockerfile()
    st = stages(df)
    pats = ignore_patterns(repo)
    print("Dockerfile")
    r.check(len(st) >= 2, f"multi-stage ({len(st)} stages)")
    names = set()
    for s in st:
        if s.image in names:
            continue
        r.check(image_tag_ok(s.image), f"FROM {s.image}: pinned tag, not latest", "add a tag other than latest")
        if s.name:
            names.add(s.name)
    final, build = st[-1], st[0]
    kws = [i.kw for i in final.instrs]

    users = [i for i in final.instrs if i.kw == "USER"]
    r.check(users and users[-1].args.split(":")[0] not in ("root", "0"),
            f"final stage runs as a non-root USER ({users[-1].args if users else 'none'})")
    if users:
        u = users[-1].args.split(":")[0]
        runs = " ".join(i.args for i in final.instrs if i.kw == "RUN")
        r.check(re.search(rf"useradd\b[^&;]*\b{re.escape(u)}\b", runs) is not None or u.isdigit(),
                f"USER {u} is created in the final stage")

    hcs = [i for i in final.instrs if i.kw == "HEALTHCHECK"]
    r.check(hcs and not hcs[-1].args.upper().startswith("NONE"), "HEALTHCHECK in the final stage")
    hc = healthcheck_cmd(df)
    r.check("/actuator/health" in hc, "HEALTHCHECK calls /actuator/health")
    runs = " ".join(i.args for i in final.instrs if i.kw == "RUN")
    tool = hc.split()[0]
    r.check(tool not in ("curl", "wget") or re.search(rf"apt-get install[^&;]*\b{tool}\b", runs)
            or final.image.startswith("busybox"), f"HEALTHCHECK's {tool} is installed in the final stage")

    # apt hygiene (hadolint DL3009, DL3014, DL3015)
    for s in st:
        for i in s.instrs:
            if i.kw == "RUN" and "apt-get install" in i.args:
                r.check("--no-install-recommends" in i.args, f"line {i.line}: apt-get install --no-install-recommends")
                r.check(re.search(r"apt-get install\s[^&;]*-y\b", i.args) is not None, f"line {i.line}: apt-get install -y")
                r.check("rm -rf /var/lib/apt/lists" in i.args, f"line {i.line}: apt lists removed in the same RUN")
            if i.kw == "RUN" and re.fullmatch(r"apt-get update\s*", i.args):
                r.err(f"line {i.line}: apt-get update alone in a RUN (stale cache layer)")
            if i.kw == "ADD":
                r.err(f"line {i.line}: ADD: use COPY for local files")
            if i.kw == "WORKDIR":
                r.check(i.args.startswith("/"), f"line {i.line}: WORKDIR {i.args} is absolute")

    # COPY sources: exist in the repository and are not left out by .dockerignore
    for s in st:
        for i in s.instrs:
            if i.kw != "COPY":
                continue
            flags, rest = split_flags(i.args)
            w = words(rest)
            srcs = w[:-1]
            if "from" in flags:
                r.check(flags["from"] in {x.name for x in st[: s.idx] if x.name},
                        f"line {i.line}: COPY --from={flags['from']} names an earlier stage")
                continue
            for src in srcs:
                hits = glob.glob(os.path.join(repo, src))
                bad = [h for h in hits if ignored(os.path.relpath(h, repo), pats)]
                r.check(hits and not bad, f"line {i.line}: COPY source {src} exists, not left out by .dockerignore",
                        "missing" if not hits else f"excluded: {bad}")

    # every Maven module reaches the build stage (a new module must be added here)
    copied = set()
    for i in build.instrs:
        if i.kw == "COPY" and "--from" not in i.args:
            copied.update(os.path.normpath(x) for x in words(split_flags(i.args)[1])[:-1])
    r.check("pom.xml" in copied, "root pom.xml copied into the build stage")
    for m in pom_modules(repo):
        r.check(f"{m}/pom.xml" in copied, f"module {m}: pom.xml copied into the build stage (the parent lists it)")
    pkg = [i.args.strip() for i in build.instrs if i.kw == "RUN" and " package" in i.args]
    readme_cmd = "mvn -B -q package -DskipTests"
    r.check(pkg and (pkg[-1] == readme_cmd or pkg[-1].startswith(readme_cmd + " -pl ")),
            f"build stage runs the README's build command ({pkg[-1] if pkg else None})")
    if pkg:
        m = re.search(r"-pl (\S+)( -am)?", pkg[-1])
        built = pom_modules(repo) if not m else module_closure(repo, m.group(1).split(","), bool(m.group(2)))
        for mod in built:
            r.check(f"{mod}/src" in copied, f"module {mod} is built: its src is copied into the build stage")
    # the jar the runtime copies is the one the service module builds
    # (the service pom copies its runnable jar, classifier exec, to target/<name>.jar with antrun)
    fin = re.search(r'tofile="\$\{project.build.directory\}/([^"]+)\.jar"', open(os.path.join(repo, "service/pom.xml")).read())
    cf = [i for i in final.instrs if i.kw == "COPY" and "--from" in i.args]
    r.check(fin and any(f"/service/target/{fin.group(1)}.jar" in i.args for i in cf),
            f"COPY --from=build takes service/target/{fin.group(1) if fin else '?'}.jar")

    # port
    port = app_port(repo)
    exposed = [p.split("/")[0] for i in final.instrs if i.kw == "EXPOSE" for p in i.args.split()]
    r.check(port and port in exposed, f"EXPOSE {exposed} includes the service's default port {port}")
    env = {}
    for i in final.instrs:
        if i.kw == "ENV":
            env.update(env_of(i))
    r.check(env.get("PORT", port) == port, f"ENV PORT={env.get('PORT')} matches EXPOSE")
    r.check(f"${{PORT:-{port}}}" in hc or f":{port}/" in hc, f"HEALTHCHECK asks port {port}")
    r.check(env.get("HICSERVE_DATADIR") == "/data", "ENV HICSERVE_DATADIR=/data")
    vols = [v for i in final.instrs if i.kw == "VOLUME" for v in words(i.args)]
    r.check("/data" in vols, "VOLUME /data")

    # entrypoint: exec form; a script it names is COPY'd, executable, and starts the jar with the flags
    eps = [i for i in final.instrs if i.kw == "ENTRYPOINT"]
    r.check(eps and eps[-1].args.startswith("["), "ENTRYPOINT in exec (JSON) form")
    if eps:
        ep = words(eps[-1].args)
        jar_line = None
        if ep[0] == "java":
            jar_line = " ".join(ep)
        else:
            src = None
            for i in final.instrs:
                if i.kw == "COPY" and "--from" not in i.args:
                    w = words(split_flags(i.args)[1])
                    if w[-1] == ep[0]:
                        src = w[0]
            r.check(src is not None, f"ENTRYPOINT {ep[0]} is COPY'd from the repository")
            if src:
                p = os.path.join(repo, src)
                r.check(os.access(p, os.X_OK) or re.search(rf"chmod [0-7]*7[0-7]* {re.escape(ep[0])}", runs),
                        f"{src} is executable")
                text = open(p).read()
                r.check(text.startswith("#!/bin/sh"), f"{src} is a POSIX sh script")
                m = re.search(r"^exec java .*$", text, re.M)
                jar_line = m.group(0) if m else None
        r.check(jar_line and "-XX:MaxRAMPercentage=75" in jar_line and "-jar" in jar_line,
                f"entrypoint starts java -XX:MaxRAMPercentage=75 -jar ({jar_line})")

    print("compose.yaml, prometheus.yml")
    import yaml  # python3-yaml
    compose_path = os.path.join(HERE, "compose.yaml")
    compose = yaml.safe_load(open(compose_path))
    r.ok("compose.yaml parses as YAML")
    prom = yaml.safe_load(open(os.path.join(HERE, "prometheus.yml")))
    r.ok("prometheus.yml parses as YAML")
    svcs = compose.get("services", {})
    r.check({"hicserve", "prometheus"} <= set(svcs), "services hicserve and prometheus")
    hs = svcs.get("hicserve", {})
    b = hs.get("build", {})
    ctx = os.path.normpath(os.path.join(HERE, b.get("context", ".")))
    r.check(ctx == os.path.normpath(repo), f"hicserve build context {b.get('context')} is the repository root")
    r.check(os.path.normpath(os.path.join(ctx, b.get("dockerfile", "Dockerfile"))) == DOCKERFILE,
            f"hicserve dockerfile {b.get('dockerfile')} is docker/Dockerfile")
    ports = [str(p) for p in hs.get("ports", [])]
    r.check(any(p.endswith(f":{port}") for p in ports), f"hicserve publishes container port {port} ({ports})")
    test = " ".join(hs.get("healthcheck", {}).get("test", []))
    r.check(f":{port}/actuator/health" in test, "hicserve healthcheck asks /actuator/health on that port")
    for name, svc in svcs.items():
        if "build" not in svc:
            r.check(image_tag_ok(svc.get("image", "")), f"{name}: image {svc.get('image')} has a pinned tag")
        for v in svc.get("volumes", []):
            src = volume_parts(v)[0]
            m = re.fullmatch(r"\$\{(\w+):-([^}]*)\}", src)
            if m:
                src = m.group(2)
            if src.startswith((".", "/")):
                p = os.path.normpath(os.path.join(HERE, src))
                r.check(os.path.exists(p), f"{name}: bind mount source {src} exists ({os.path.relpath(p, repo)})")
    dep = svcs.get("prometheus", {}).get("depends_on", {})
    r.check(isinstance(dep, dict) and dep.get("hicserve", {}).get("condition") == "service_healthy",
            "prometheus depends_on hicserve: service_healthy")
    hmounts = [v for v in hs.get("volumes", []) if volume_parts(v)[1] == "/data"]
    r.check(bool(hmounts), "hicserve mounts a host folder at /data")
    jobs = prom.get("scrape_configs", [])
    targets = [t for j in jobs for sc in j.get("static_configs", []) for t in sc.get("targets", [])]
    r.check(f"hicserve:{port}" in targets, f"prometheus scrapes hicserve:{port} ({targets})")
    r.check(any(j.get("metrics_path") == "/actuator/prometheus" for j in jobs), "metrics_path /actuator/prometheus")
    iv = {j.get("scrape_interval", prom.get("global", {}).get("scrape_interval")) for j in jobs}
    r.check(iv == {"15s"}, f"scrape interval 15s ({iv})")
    props = open(os.path.join(repo, "service/src/main/resources/application.properties")).read()
    r.check(re.search(r"management\.endpoints\.web\.exposure\.include=.*\bprometheus\b", props) is not None,
            "the service exposes the prometheus actuator endpoint")
    return r


def volume_parts(v):
    """'${HOST:-../x}:/data:ro' -> ('${HOST:-../x}', '/data', 'ro')"""
    m = re.fullmatch(r"(\$\{[^}]*\}|[^:]+):([^:]+)(?::([\w,]+))?", v)
    if not m:
        raise SystemExit(f"compose.yaml: cannot read volume {v}")
    return m.group(1), m.group(2), m.group(3)


def healthcheck_cmd(df=None):
    st = stages(df or parse_dockerfile())
    hcs = [i for i in st[-1].instrs if i.kw == "HEALTHCHECK"]
    if not hcs:
        return ""
    _, rest = split_flags(hcs[-1].args)
    if not rest.upper().startswith("CMD "):
        raise SystemExit("HEALTHCHECK without CMD")
    cmd = rest[4:].strip()
    if cmd.startswith("["):
        return " ".join(shlex.quote(w) for w in json.loads(cmd))
    return cmd


# ---------------------------------------------------------------- replay
def copy_into(src_paths, dest, root, workdir):
    d = dest if dest.startswith("/") else os.path.join(workdir, dest)
    target = root + d
    many = len(src_paths) > 1
    if many or dest.endswith("/"):
        os.makedirs(target, exist_ok=True)
    for s in src_paths:
        if os.path.isdir(s):  # a folder's contents go to dest
            shutil.copytree(s, target, dirs_exist_ok=True, symlinks=True)
        elif many or dest.endswith("/") or os.path.isdir(target):
            shutil.copy2(s, os.path.join(target, os.path.basename(s)))
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(s, target)


def replay(stage, ctx, root, roots, run):
    workdir = "/"
    env = dict(os.environ)
    for i in stage.instrs:
        if i.kw == "WORKDIR":
            workdir = os.path.join(workdir, i.args)
            os.makedirs(root + workdir, exist_ok=True)
            print(f"  WORKDIR {i.args}  -> {root + workdir}")
        elif i.kw == "COPY":
            flags, rest = split_flags(i.args)
            w = words(rest)
            base = roots[flags["from"]] if "from" in flags else ctx
            srcs = []
            for s in w[:-1]:
                hits = sorted(glob.glob(base + "/" + s.lstrip("/") if "from" in flags else os.path.join(base, s)))
                if not hits:
                    raise SystemExit(f"Dockerfile:{i.line}: COPY source {s} not found in {base}")
                srcs += hits
            copy_into(srcs, w[-1], root, workdir)
            print(f"  COPY {rest}")
        elif i.kw == "ENV":
            env.update(env_of(i))
        elif i.kw == "RUN":
            if run:
                print(f"  RUN {i.args}   (in {root + workdir})", flush=True)
                rc = subprocess.call(["sh", "-c", i.args], cwd=root + workdir, env=env)
                if rc != 0:
                    raise SystemExit(f"Dockerfile:{i.line}: RUN exited {rc}")
            else:
                print(f"  not run here: RUN {i.args}")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "static":
        r = static(os.path.abspath(argv[2]))
        print(f"static: {len(r.oks)} passed, {len(r.errors)} failed")
        return 1 if r.errors else 0
    if cmd == "context":
        repo, out = os.path.abspath(argv[2]), argv[3]
        n = 0
        for rel in context_files(repo):
            dst = os.path.join(out, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(repo, rel), dst, follow_symlinks=False)
            n += 1
        print(f"  build context: {n} files")
        return 0
    if cmd == "replay-build":
        st = stages(parse_dockerfile())
        replay(st[0], argv[2], argv[3], {}, run=True)
        return 0
    if cmd == "stage-final":
        st = stages(parse_dockerfile())
        replay(st[-1], argv[2], argv[4], {st[0].name: argv[3]}, run=False)
        return 0
    if cmd == "final-env":
        root = argv[2]
        env = {}
        for i in stages(parse_dockerfile())[-1].instrs:
            if i.kw == "ENV":
                env.update(env_of(i))
        for k, v in env.items():
            print(f"{k}={shlex.quote(root + v if v.startswith('/') else v)}")
        return 0
    if cmd == "healthcheck":
        print(healthcheck_cmd())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
