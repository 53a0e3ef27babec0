#!/usr/bin/env python3
"""Runs pyreview's benchmarks and reports ratios to named peers on the same input in the same run.

1. Batch: `pyreview check --jobs 1 CORPUS` against the floor (`pr_floor walk CORPUS`: the
   same files read, parsed and walked once with a cursor), whole processes timed
   alternately A B A B ...; ratio = median of the pairwise ratios. Optional peers from
   Debian (pyflakes3, bandit) are timed the same way when installed.
2. Keystroke: on a file of 30,000+ lines, the median time from a one-character
   didChange to the publishDiagnostics of that version (bench/lsp_latency.js), as a
   ratio to that file's full parse (`pr_floor parse`, median of 15).

Usage: bench/run.py [--build build-bench] [--corpus DIR] [--runs 5] [--edits 40]
Writes bench/out/results.json. Nothing here is a test: no figure fails anything.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def default_corpus():
    for p in ("/usr/lib/python3.11", "/usr/lib/python3"):
        if os.path.isdir(p):
            return p
    return subprocess.check_output([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], text=True).strip()


def timed(cmd):
    """Wall seconds and child CPU seconds of one whole-process run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def alternate(a, b, runs):
    """Times a and b alternately (one unmeasured warm-up each); medians and the median pairwise ratio."""
    timed(a), timed(b)
    wa, wb, ca, cb, ratios = [], [], [], [], []
    for _ in range(runs):
        x = timed(a); y = timed(b)
        wa.append(x[0]); wb.append(y[0]); ca.append(x[1]); cb.append(y[1]); ratios.append(x[0] / y[0])
    return {"a_wall_s": statistics.median(wa), "b_wall_s": statistics.median(wb),
            "a_cpu_s": statistics.median(ca), "b_cpu_s": statistics.median(cb),
            "ratio_wall": statistics.median(ratios)}


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--edits", type=int, default=40)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    subprocess.run(["cmake", "-S", ROOT, "-B", args.build, "-DCMAKE_BUILD_TYPE=Release", "-DPYREVIEW_TESTS=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", args.build, "-j", str(os.cpu_count()), "--target", "pyreview", "pr_floor"],
                   check=True, stdout=subprocess.DEVNULL)
    pyreview = os.path.join(args.build, "pyreview")
    floor = os.path.join(args.build, "pr_floor")
    results = {"corpus": args.corpus, "machine": os.uname().machine, "cpus": os.cpu_count(),
               "date": time.strftime("%Y-%m-%d")}

    info = subprocess.run([floor, "walk", args.corpus], capture_output=True, text=True).stdout.strip()
    results["corpus_floor_in_process"] = info
    batch = alternate([pyreview, "check", "--jobs", "1", "--exit-zero", args.corpus], [floor, "walk", args.corpus], args.runs)
    results["batch"] = {"pyreview_check_jobs1": batch["a_wall_s"], "floor": batch["b_wall_s"],
                        "ratio_to_floor": batch["ratio_wall"], "cpu_ratio": batch["a_cpu_s"] / batch["b_cpu_s"]}
    peers = {}
    for name, cmd in (("pyflakes3", ["pyflakes3", args.corpus]), ("bandit", ["bandit", "-r", "-q", args.corpus])):
        if shutil.which(cmd[0]):
            r = alternate(cmd, [floor, "walk", args.corpus], max(1, args.runs // 2))
            peers[name] = {"wall_s": r["a_wall_s"], "ratio_to_floor": r["ratio_wall"],
                           "pyreview_over_peer": batch["ratio_wall"] / r["ratio_wall"]}
    results["batch_peers"] = peers

    big = big_file(args.corpus)
    parse = subprocess.run([floor, "parse", big, "-n", "15"], capture_output=True, text=True, check=True).stdout
    kv = dict(x.split("=") for x in parse.split())
    node = shutil.which("node")
    lat = json.loads(subprocess.run([node, os.path.join(ROOT, "bench", "lsp_latency.js"), "--server", f"{pyreview} serve",
                                     "--file", big, "--edits", str(args.edits)],
                                    capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    results["keystroke"] = {"file_lines": int(kv["lines"]), "full_parse_ms": float(kv["parse_ms_median"]),
                            "didchange_to_diagnostics_ms_median": lat["latency_ms_median"],
                            "p90_ms": lat["latency_ms_p90"], "open_ms": lat["open_to_diagnostics_ms"],
                            "ratio_to_full_parse": lat["latency_ms_median"] / float(kv["parse_ms_median"]),
                            "server_memory": lat["memory"]}
    if shutil.which("pylsp"):
        peer = json.loads(subprocess.run([node, os.path.join(ROOT, "bench", "lsp_latency.js"), "--server", "pylsp",
                                          "--file", big, "--edits", "6"], capture_output=True, text=True, cwd=ROOT).stdout or "{}")
        results["keystroke_peers"] = {"pylsp": peer}
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
