#!/usr/bin/env python3
"""Runs pyreview's benchmarks against named peers on the same input in the same run,
writes bench/out/results.json and the generated tables of docs/performance.md.

1. Batch, whole processes timed alternately (one unmeasured warm-up each; ratio = the
   median of pairwise ratios), on CORPUS (default: the standard library):
   - `pyreview check --jobs 1 --no-cache` against the floor (`pr_floor walk`: the same
     files read, parsed and walked once with a cursor, one thread);
   - `pyreview check --no-cache` (all cores) against the floor, and `--jobs 1` against
     `--jobs 2`;
   - a re-run over unchanged files with the result cache against a first run;
   - peers when installed: Ruff compiled to WebAssembly (bench/ruff_wasm.js, installed in
     bench/peers), pyflakes3, bandit.
2. Keystroke, per edit kind (bench/lsp_latency.js --kind char|paren|enter|newline|comment),
   on each KEYSTROKE_FILE (default: a 30,000+ line file made of the corpus's largest
   modules, and ../shared/bench-data/nova_libvirt_test_driver.py when present): median
   and p90 from didChange to the publishDiagnostics of that version, as ratios to the
   file's full parse (`pr_floor parse`, median of 9, timed right before each kind's edits), and the same less the server's
   own re-parse time (its verbose $/logTrace); pylsp on the same file and edits when installed.
3. Memory: the server's RSS with up to 1,000 files of the corpus open (bench/lsp_memory.js).

Usage: bench/run.py [--install-peers] [--corpus DIR] [--keystroke-file F]... [--runs 5] [--edits 40]
Nothing here is a test: no figure fails anything.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
NOVA = os.path.join(os.path.dirname(ROOT), "shared", "bench-data", "nova_libvirt_test_driver.py")
KINDS = ("char", "paren", "enter", "newline", "comment")


def default_corpus():
    for p in ("/usr/lib/python3.11", "/usr/lib/python3"):
        if os.path.isdir(p):
            return p
    return subprocess.check_output([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                                   text=True).strip()


def install_peers():
    """Debian's peers and the npm-pinned Ruff wasm (bench/peers/package-lock.json)."""
    missing = [p for p, exe in (("pyflakes3", "pyflakes3"), ("bandit", "bandit"), ("python3-pylsp", "pylsp"))
               if not shutil.which(exe)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends"] + missing, check=True)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=os.path.join(ROOT, "bench", "peers"),
                   check=True)


def timed(cmd, env=None):
    """Wall seconds and child CPU seconds of one whole-process run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternate(a, b, runs, before_a=None):
    """Times a and b alternately (one unmeasured warm-up each); medians and the median pairwise ratio a/b."""
    if before_a: before_a()
    timed(a); timed(b)
    wa, wb, ca, cb, ratios = [], [], [], [], []
    for _ in range(runs):
        if before_a: before_a()
        x = timed(a); y = timed(b)
        wa.append(x[0]); wb.append(y[0]); ca.append(x[1]); cb.append(y[1]); ratios.append(x[0] / y[0])
    return {"a_s": statistics.median(wa), "b_s": statistics.median(wb), "a_cpu_s": statistics.median(ca),
            "b_cpu_s": statistics.median(cb), "ratio": statistics.median(ratios)}


def big_file(corpus, min_lines=30000):
    """A 30,000+ line Python file made of the corpus's largest modules, concatenated in a fixed order."""
    path = os.path.join(OUT, "big.py")
    files = []
    for d, dirs, names in os.walk(corpus):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and x not in ("__pycache__", "site-packages"))
        files += [os.path.join(d, n) for n in names if n.endswith(".py")]
    files.sort(key=lambda p: (-os.path.getsize(p), p))
    lines, parts = 0, []
    for p in files:
        try:
            text = open(p, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        if "\t" in text[:2000]:
            continue
        parts.append(text if text.endswith("\n") else text + "\n")
        lines += text.count("\n")
        if lines >= min_lines:
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return path


def node_json(args):
    r = subprocess.run([shutil.which("node")] + args, capture_output=True, text=True, cwd=ROOT)
    return json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else None


def batch(results, pyreview, floor, corpus, runs):
    b = results["batch"] = {}
    check1 = [pyreview, "check", "--no-cache", "--jobs", "1", "--exit-zero", corpus]
    check = [pyreview, "check", "--no-cache", "--exit-zero", corpus]
    walk = [floor, "walk", corpus]
    r = alternate(check1, walk, runs)
    b["jobs1_vs_floor"] = {"check_s": r["a_s"], "floor_s": r["b_s"], "ratio": r["ratio"], "cpu_ratio": r["a_cpu_s"] / r["b_cpu_s"]}
    # the floor with the per-file arena check uses for tree-sitter's memory
    # (tsarena.h): what the review itself adds, without the parse's own speed-up
    r = alternate(check1, walk + ["--arena"], runs)
    b["jobs1_vs_arena_floor"] = {"check_s": r["a_s"], "floor_s": r["b_s"], "ratio": r["ratio"]}
    r = alternate(check, walk, runs)
    b["default_vs_floor"] = {"check_s": r["a_s"], "floor_s": r["b_s"], "ratio": r["ratio"]}
    r = alternate(check1, [pyreview, "check", "--no-cache", "--jobs", "2", "--exit-zero", corpus], runs)
    b["jobs2_speedup"] = {"jobs1_s": r["a_s"], "jobs2_s": r["b_s"], "speedup": r["ratio"]}
    cache = tempfile.mkdtemp(prefix="pyreview-bench-cache-")
    cached = [pyreview, "check", "--cache-dir", cache, "--exit-zero", corpus]
    first = [pyreview, "check", "--cache-dir", cache + "-first", "--exit-zero", corpus]
    r = alternate(first, cached, runs, before_a=lambda: shutil.rmtree(cache + "-first", ignore_errors=True))
    b["cache_rerun"] = {"first_run_s": r["a_s"], "rerun_s": r["b_s"], "speedup": r["ratio"]}
    shutil.rmtree(cache, ignore_errors=True); shutil.rmtree(cache + "-first", ignore_errors=True)
    peers = b["peers"] = {}
    ruff = os.path.join(ROOT, "bench", "peers", "node_modules", "@astral-sh", "ruff-wasm-nodejs")
    if os.path.isdir(ruff):
        r = alternate(check, [shutil.which("node"), os.path.join(ROOT, "bench", "ruff_wasm.js"), corpus], runs)
        peers["ruff_wasm"] = {"peer_s": r["b_s"], "pyreview_s": r["a_s"], "pyreview_over_peer": r["ratio"]}
    for name, cmd in (("pyflakes3", ["pyflakes3", corpus]), ("bandit", ["bandit", "-r", "-q", corpus])):
        if shutil.which(cmd[0]):
            r = alternate(check1, cmd, max(1, runs // 2))
            peers[name] = {"peer_s": r["b_s"], "pyreview_s": r["a_s"], "pyreview_over_peer": r["ratio"]}


def keystroke(results, pyreview, floor, files, edits):
    ks = results["keystroke"] = {}
    for f in files:
        entry = ks[os.path.basename(f)] = {"kinds": {}}
        fulls = []
        for kind in KINDS:
            # the full parse is timed right before each kind's edits, and that kind's ratios use it: this
            # VM's speed drifts by up to 1.5x within minutes, and a parse timed once set every ratio
            parse = subprocess.run([floor, "parse", f, "-n", "9"], capture_output=True, text=True, check=True).stdout
            kv = dict(x.split("=") for x in parse.split())
            full = float(kv["parse_ms_median"])
            fulls.append(full)
            entry["lines"] = int(kv["lines"])
            entry["full_parse_ms"] = statistics.median(fulls)
            lat = node_json(["bench/lsp_latency.js", "--server", f"{pyreview} serve", "--file", f, "--edits",
                             str(edits), "--kind", kind, "--trace", "verbose"])
            if lat:
                entry["kinds"][kind] = {"median_ms": lat["latency_ms_median"], "p90_ms": lat["latency_ms_p90"],
                                        "edit_median_ms": lat.get("edit_ms_median"),
                                        "undo_median_ms": lat.get("undo_ms_median"),
                                        # the server's own parse times: the rest is the review's share on top
                                        "parse_median_ms": lat.get("parse_ms_median"),
                                        "rest_ratio": lat["rest_ms_median"] / full if "rest_ms_median" in lat else None,
                                        "rest_p90_ratio": lat["rest_ms_p90"] / full if "rest_ms_p90" in lat else None,
                                        "median_ratio": lat["latency_ms_median"] / full,
                                        "p90_ratio": lat["latency_ms_p90"] / full, "full_parse_ms": full,
                                        "open_ms": lat["open_to_diagnostics_ms"],
                                        "rss_kib": (lat.get("memory") or {}).get("rss_kib")}
        if shutil.which("pylsp"):
            peer = node_json(["bench/lsp_latency.js", "--server", "pylsp", "--file", f, "--edits", "6", "--kind", "char"])
            if peer:
                entry["pylsp_char"] = {"median_ms": peer["latency_ms_median"], "open_ms": peer["open_to_diagnostics_ms"],
                                       "rss_kib": (peer.get("memory") or {}).get("rss_kib")}


def memory(results, pyreview, corpus):
    results["memory"] = node_json(["bench/lsp_memory.js", "--server", f"{pyreview} serve", "--dir", corpus,
                                   "--docs", "1000"])


def fmt(x, digits=2):
    return "—" if x is None else f"{x:,.{digits}f}"


def render(results):
    """The generated part of docs/performance.md."""
    r, out = results, []
    out.append(f"Run of {r['date']} on {r['machine']}, {r['cpus']} CPUs; corpus `{r['corpus']}` "
               f"({r['corpus_floor_in_process']}); {r['rules']} rules enabled. Reproduce: `bench/run.py --install-peers`.")
    b = r.get("batch", {})
    if b:
        out += ["", "### Batch (whole processes, alternated, medians)", "", "| measure | seconds | ratio |", "|---|---:|---:|"]
        j = b["jobs1_vs_floor"]
        out.append(f"| floor (`pr_floor walk`) | {fmt(j['floor_s'])} | 1.00 |")
        out.append(f"| `check --jobs 1 --no-cache` | {fmt(j['check_s'])} | **{fmt(j['ratio'])}** × floor (CPU {fmt(j['cpu_ratio'])}) |")
        a = b.get("jobs1_vs_arena_floor")
        if a:
            out.append(f"| floor with check's tree-sitter arena (`pr_floor walk --arena`) | {fmt(a['floor_s'])} | "
                       f"`check --jobs 1` is {fmt(a['ratio'])} × it |")
        d = b["default_vs_floor"]
        out.append(f"| `check --no-cache` (all cores) | {fmt(d['check_s'])} | {fmt(d['ratio'])} × floor |")
        s = b["jobs2_speedup"]
        out.append(f"| `--jobs 2` against `--jobs 1` | {fmt(s['jobs2_s'])} | {fmt(s['speedup'])}× faster |")
        c = b["cache_rerun"]
        out.append(f"| re-run with the result cache against a first run | {fmt(c['rerun_s'], 3)} | {fmt(c['speedup'], 1)}× faster |")
        for name, p in b.get("peers", {}).items():
            label = {"ruff_wasm": "Ruff (WebAssembly, review rules) against `check`",
                     "pyflakes3": "pyflakes3 against `check --jobs 1`", "bandit": "bandit against `check --jobs 1`"}[name]
            out.append(f"| {label} | {fmt(p['peer_s'])} | pyreview takes **{fmt(p['pyreview_over_peer'])}** × its time |")
    for name, e in r.get("keystroke", {}).items():
        out += ["", f"### Keystroke: `{name}`, {e['lines']:,} lines, full parse {fmt(e['full_parse_ms'], 1)} ms "
                "(median; each kind against the full parse timed right before it)", "",
                "| edit | median ms | p90 ms | median × full parse | p90 × full parse | edits' median ms | undos' median ms "
                "| re-parse median ms | the rest: median × full parse | the rest: p90 × full parse | full parse ms |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for kind, k in e["kinds"].items():
            out.append(f"| {kind} | {fmt(k['median_ms'], 1)} | {fmt(k['p90_ms'], 1)} | **{fmt(k['median_ratio'], 3)}** | "
                       f"{fmt(k['p90_ratio'], 3)} | {fmt(k.get('edit_median_ms'), 1)} | {fmt(k.get('undo_median_ms'), 1)} | "
                       f"{fmt(k.get('parse_median_ms'), 1)} | {fmt(k.get('rest_ratio'), 3)} | {fmt(k.get('rest_p90_ratio'), 3)} | "
                       f"{fmt(k.get('full_parse_ms', e['full_parse_ms']), 1)} |")
        if "pylsp_char" in e and e["kinds"].get("char"):
            p = e["pylsp_char"]
            out.append("")
            out.append(f"pylsp on the same file and `char` edits: {fmt(p['median_ms'], 0)} ms median, "
                       f"{fmt(p['median_ms'] / e['kinds']['char']['median_ms'], 0)}× pyreview's.")
    m = r.get("memory")
    if m:
        out += ["", "### Memory", "",
                f"{m['docs']} files of the corpus open ({m['text_kib']:,} KiB of text): server RSS {m['rss_start_kib']:,} KiB "
                f"at start, {m['rss_open_kib']:,} KiB with all open ({fmt(m['per_doc_kib'], 1)} KiB per document, "
                f"{fmt(m['per_doc_over_text'], 2)}× its text), {m['rss_closed_kib']:,} KiB after closing them."]
    return "\n".join(out) + "\n"


def write_doc(text):
    path = os.path.join(ROOT, "docs", "performance.md")
    doc = open(path, encoding="utf-8").read()
    begin, end = "<!-- bench/run.py: begin -->", "<!-- bench/run.py: end -->"
    if begin in doc and end in doc:
        doc = doc[:doc.index(begin) + len(begin)] + "\n" + text + doc[doc.index(end):]
    else:
        doc += f"\n## Latest run\n\n{begin}\n{text}{end}\n"
    open(path, "w", encoding="utf-8").write(doc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--keystroke-file", action="append", default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--install-peers", action="store_true")
    ap.add_argument("--skip", action="append", default=[], choices=["batch", "keystroke", "memory"])
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.install_peers:
        install_peers()
    subprocess.run(["cmake", "-S", ROOT, "-B", args.build, "-DCMAKE_BUILD_TYPE=Release"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", args.build, "-j", str(os.cpu_count()), "--target", "pyreview", "pr_floor"],
                   check=True, stdout=subprocess.DEVNULL)
    pyreview = os.path.join(args.build, "pyreview")
    floor = os.path.join(args.build, "pr_floor")
    rules = len(json.loads(subprocess.check_output([pyreview, "rules", "--format", "json"])))
    results = {"corpus": args.corpus, "machine": os.uname().machine, "cpus": os.cpu_count(),
               "date": time.strftime("%Y-%m-%d"), "rules": rules,
               "corpus_floor_in_process": subprocess.run([floor, "walk", args.corpus], capture_output=True,
                                                         text=True).stdout.strip()}
    if "batch" not in args.skip:
        batch(results, pyreview, floor, args.corpus, args.runs)
    files = args.keystroke_file or [big_file(args.corpus)] + ([NOVA] if os.path.isfile(NOVA) else [])
    if "keystroke" not in args.skip:
        keystroke(results, pyreview, floor, files, args.edits)
    if "memory" not in args.skip:
        memory(results, pyreview, args.corpus)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    write_doc(render(results))
    print(render(results))


if __name__ == "__main__":
    main()
