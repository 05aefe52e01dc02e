#!/usr/bin/env python3
"""`make bench` / `make bench-country`: sakip recap against its peers and the C floor (SPEC §9).

    python3 bench/run.py [SIZE ...] [--rounds N] [--timeout SECONDS] [--memory-limit GIB] [--no-build]
                         [--tools sakip,csv+xw,pandas,floor]
    SIZE = agency | province | country (default: agency province)

For each size: generates the corpus into bench/out/<size>/ if missing (bench/gen_corpus.py), then
runs interleaved rounds (agency 7, province 3, country 1; the order rotates each round so drift
hits every program alike) of

  sakip    .build/release/sakip recap --definitions … --period TW2 --out … --json … formulir/
  csv+xw   bench/peers/csv_xlsxwriter.py   (csv module, XlsxWriter constant_memory)
  pandas   bench/peers/pandas_openpyxl.py  (pandas read_csv, openpyxl write-only mode)
  floor    bench/out/floor                 (libcsv + libxlsxwriter alone, bench/floor/floor.c)

Wall time is time.perf_counter() around the child; peak memory is the child's maximum resident set
from GNU time (`/usr/bin/time -f %M`, Debian package `time`). A run over --timeout (default 1800 s)
is killed, recorded as such, and that program is not run again for that size.

Every output is a workbook of the same seven sheets (bench/peers/common_layout.md); the table shows
how much sheet XML each program wrote (uncompressed), so a reader sees they did the same work.

Prints a table of medians and ratios (peer/sakip wall time, sakip/floor wall time), sakip's peak
memory per indicator and the SPEC §9 targets; writes bench/out/results-<size>.json and
regenerates bench/out/results.md from every size measured so far, with the machine it ran on.
Logs of every run: bench/out/logs/.
"""
import argparse
import zipfile
import datetime
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
SAKIP = os.path.join(ROOT, ".build", "release", "sakip")
FLOOR = os.path.join(OUT, "floor")
ROUNDS = {"agency": 7, "province": 3, "country": 1}
INDICATORS = {"agency": 200, "province": 100_000, "country": 2_000_000}
FORMS = {"agency": 8, "province": 2_000, "country": 20_000}
TOOLS = ("sakip", "csv+xw", "pandas", "floor")
LABEL = {"sakip": "sakip recap", "csv+xw": "csv + XlsxWriter", "pandas": "pandas + openpyxl",
         "floor": "C floor (libcsv + libxlsxwriter)"}


def sh(cmd, **kw):
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def ensure_tools(build):
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if not os.path.exists("/usr/bin/time"):
        sh(sudo + ["apt-get", "update", "-qq"])
        sh(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "time"])
    missing = [m for m in ("xlsxwriter", "pandas", "openpyxl")
               if subprocess.run([sys.executable, "-c", "import " + m], capture_output=True).returncode]
    if missing:
        pip = [sys.executable, "-m", "pip", "install", "-q"] + missing
        if subprocess.run(pip, cwd=ROOT).returncode:
            sh(pip + ["--break-system-packages"])
    if build or not os.path.exists(SAKIP):
        sh(["swift", "build", "-c", "release", "--product", "sakip"])
    os.makedirs(OUT, exist_ok=True)
    src = os.path.join(ROOT, "bench", "floor", "floor.c")
    if not os.path.exists(FLOOR) or os.path.getmtime(FLOOR) < os.path.getmtime(src):
        sh(["cc", "-O2", "-Wall", "-Wextra", "-o", FLOOR, src, "-lcsv", "-lxlsxwriter"])


def corpus(size):
    d = os.path.join(OUT, size)
    if not os.path.exists(os.path.join(d, "indikator.csv")):
        sh([sys.executable, os.path.join("bench", "gen_corpus.py"), size, d])
    return d


def command(tool, d, out):
    defs, forms = os.path.join(d, "indikator.csv"), os.path.join(d, "formulir")
    if tool == "sakip":
        return [SAKIP, "recap", "--definitions", defs, "--period", "TW2", "--out", out + ".xlsx",
                "--json", out + ".json", forms + "/"]
    if tool == "csv+xw":
        return [sys.executable, os.path.join(ROOT, "bench", "peers", "csv_xlsxwriter.py"), defs, forms, out + ".xlsx"]
    if tool == "pandas":
        return [sys.executable, os.path.join(ROOT, "bench", "peers", "pandas_openpyxl.py"), defs, forms, out + ".xlsx"]
    return [FLOOR, defs, forms, out + ".xlsx"]


MEMORY_LIMIT = None  # bytes of address space per run (--memory-limit), so a peer cannot take the machine down


def limit_memory():
    if MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def measure(tool, size, rnd, timeout):
    """One run: (wall seconds, peak RSS bytes) or None when it failed or timed out."""
    run_dir = os.path.join(OUT, "run", size)
    logs = os.path.join(OUT, "logs")
    os.makedirs(run_dir, exist_ok=True)
    os.makedirs(logs, exist_ok=True)
    out = os.path.join(run_dir, tool.replace("+", "_"))
    for ext in (".xlsx", ".json"):
        if os.path.exists(out + ext):
            os.remove(out + ext)
    rss_file = os.path.join(logs, f"{size}-{tool.replace('+', '_')}-{rnd}.rss")
    log = os.path.join(logs, f"{size}-{tool.replace('+', '_')}-{rnd}.log")
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + command(tool, corpus(size), out)
    with open(log, "wb") as f:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True,
                             preexec_fn=limit_memory)
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return "timeout"
        wall = time.perf_counter() - start
    if rc != 0 or not os.path.exists(out + ".xlsx"):
        # GNU time exits 128 + N when the child died of signal N (not our timeout: that is SIGKILL)
        why = f"killed by signal {rc - 128}" if rc > 128 else f"exit {rc}"
        print(f"  {tool}: {why} after {wall:.0f} s, see {log}", file=sys.stderr)
        return f"failed ({why} after {wall:.0f} s)"
    with open(rss_file) as f:
        rss_kb = int(f.read().split()[-1])
    return wall, rss_kb * 1024


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    csv_v = version(["dpkg-query", "-W", "-f", "${Version}", "libcsv-dev"])
    xlsx_v = version(["dpkg-query", "-W", "-f", "${Version}", "libxlsxwriter-dev"])
    py = version([sys.executable, "-c", "import xlsxwriter, pandas, openpyxl; print("
                  "f'XlsxWriter {xlsxwriter.__version__}, pandas {pandas.__version__}, openpyxl {openpyxl.__version__}')"])
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical CPUs", "memory": f"{mem:.1f} GiB",
        "os": f"{platform.system()} {platform.release()}", "swift": version(["swift", "--version"]),
        "python": f"Python {platform.python_version()}; {py}",
        "c": f"{version(['cc', '--version'])}; libcsv {csv_v}, libxlsxwriter {xlsx_v}",
        "commit": version(["git", "rev-parse", "--short", "HEAD"]),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def sheet_xml_bytes(path):
    """Uncompressed bytes of the worksheets in a workbook (None when it cannot be read)."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(i.file_size for i in z.infolist() if i.filename.startswith("xl/worksheets/"))
    except (OSError, zipfile.BadZipFile):
        return None


def run_size(size, rounds, timeout, tools):
    d = corpus(size)
    nbytes = sum(os.path.getsize(os.path.join(r, n)) for r, _, ns in os.walk(d) for n in ns)
    samples = {t: [] for t in TOOLS}
    dead = {}
    for rnd in range(rounds):
        order = TOOLS[rnd % len(TOOLS):] + TOOLS[:rnd % len(TOOLS)]
        for tool in order:
            if tool not in tools:
                dead.setdefault(tool, "not run")
            if tool in dead:
                continue
            r = measure(tool, size, rnd, timeout)
            if isinstance(r, str):
                dead[tool] = r
                print(f"{size} round {rnd + 1}/{rounds} {tool:7s} {r}", flush=True)
            else:
                samples[tool].append(r)
                print(f"{size} round {rnd + 1}/{rounds} {tool:7s} {r[0]:9.3f} s {r[1] / 2**20:9.1f} MiB", flush=True)
    result = {"size": size, "indicators": INDICATORS[size], "forms": FORMS[size], "input_bytes": nbytes,
              "rounds": rounds, "timeout": timeout, "tools": {}}
    for tool in TOOLS:
        s = samples[tool]
        result["tools"][tool] = {
            "wall": statistics.median(w for w, _ in s) if s else None,
            "rss": statistics.median(m for _, m in s) if s else None,
            "runs": len(s), "walls": [round(w, 4) for w, _ in s], "status": dead.get(tool, "ok"),
            "sheet_xml": sheet_xml_bytes(os.path.join(OUT, "run", size, tool.replace("+", "_") + ".xlsx"))
            if s else None,
        }
    with open(os.path.join(OUT, f"results-{size}.json"), "w") as f:
        json.dump(result, f, indent=2)
    return result


def fmt_wall(t):
    if t["wall"] is not None:
        return f"{t['wall']:.3f} s"
    return "> timeout" if t["status"] == "timeout" else t["status"]


def table(res):
    """Markdown table for one size."""
    t = res["tools"]
    s = t["sakip"]
    lines = [f"### {res['size']}: {res['indicators']:,} indicators, {res['forms']:,} forms, "
             f"{res['input_bytes'] / 1e6:,.1f} MB of CSV; median of {res['rounds']} interleaved round(s)",
             "", "| program | wall time | peak memory | sheet XML written | wall time / sakip's | sakip's wall time / this |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for tool in TOOLS:
        x = t[tool]
        rss = f"{x['rss'] / 2**20:,.1f} MiB" if x["rss"] is not None else "–"
        if x["status"] == "timeout" and x["wall"] is None:
            rss = "–"
        ratio = inv = "–"
        if tool != "sakip":
            if x["wall"] is not None and s["wall"] is not None:
                ratio = f"{x['wall'] / s['wall']:.2f}×"
                inv = f"{s['wall'] / x['wall']:.2f}×"
            elif x["wall"] is not None and s["status"] == "timeout":
                inv = f"> {res['timeout'] / x['wall']:.0f}×"
        xml = f"{x['sheet_xml'] / 1e6:,.1f} MB" if x.get("sheet_xml") else "–"
        lines.append(f"| {LABEL[tool]} | {fmt_wall(x)} | {rss} | {xml} | {ratio} | {inv} |")
    lines.append("")
    if s["rss"] is not None:
        lines.append(f"sakip peak memory per indicator: {s['rss'] / res['indicators']:,.0f} bytes.")
    lines += targets(res)
    return "\n".join(lines)


def targets(res):
    if res["size"] not in ("province", "country"):
        return []
    t = res["tools"]
    s, out = t["sakip"], ["", "SPEC §9 targets:", ""]

    def check(name, ok, got):
        out.append(f"- {name}: {'met' if ok else 'NOT met'} ({got})")

    if s["wall"] is None:
        out.append(f"- sakip did not finish ({s['status']}, limit {res['timeout']} s): no target can be met.")
        return out
    if res["size"] == "province":
        for tool, want, name in (("floor", 1.3, "within 1.3× of the C floor"),
                                 ("csv+xw", 5, "≥ 5× faster than csv+XlsxWriter"),
                                 ("pandas", 10, "≥ 10× faster than pandas+openpyxl")):
            w = t[tool]["wall"]
            if w is None:
                out.append(f"- {name}: not measured ({t[tool]['status']})")
            elif tool == "floor":
                check(name, s["wall"] <= want * w, f"sakip/floor {s['wall'] / w:.2f}×")
            else:
                check(name, w >= want * s["wall"], f"{tool}/sakip {w / s['wall']:.2f}×")
        check("peak memory < 200 MB", s["rss"] < 200e6, f"{s['rss'] / 1e6:,.1f} MB")
    else:
        per = s["rss"] / res["indicators"]
        check("< 500 bytes per indicator", per < 500, f"{per:,.0f} bytes")
    return out


def write_markdown(info):
    parts = ["# sakip benchmark results (generated by bench/run.py)", "",
             "Machine: " + info["cpu"] + "; " + info["memory"] + " RAM; " + info["os"], "",
             f"- {info['swift']}", f"- {info['python']}", f"- {info['c']}",
             f"- commit {info['commit']}, {info['date']}", ""]
    for size in ("agency", "province", "country"):
        p = os.path.join(OUT, f"results-{size}.json")
        if os.path.exists(p):
            with open(p) as f:
                parts += [table(json.load(f)), ""]
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", default=["agency", "province"], choices=list(ROUNDS))
    ap.add_argument("--rounds", type=int, help="rounds for every size (default: agency 7, province 3, country 1)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed (default 1800)")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build of sakip")
    ap.add_argument("--tools", default=",".join(TOOLS),
                    help="comma-separated programs to run (default: all: " + ",".join(TOOLS) + ")")
    ap.add_argument("--memory-limit", type=float, default=16,
                    help="GiB of address space each run may take (default 16; a run over it fails and is recorded)")
    args = ap.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown or "sakip" not in tools:
        ap.error(f"--tools takes sakip plus any of {', '.join(TOOLS[1:])}; got {args.tools}")
    global MEMORY_LIMIT
    MEMORY_LIMIT = int(args.memory_limit * 2**30) if args.memory_limit > 0 else None
    ensure_tools(not args.no_build)
    info = machine()
    for size in args.sizes:
        res = run_size(size, args.rounds or ROUNDS[size], args.timeout, tools)
        print()
        print(table(res))
        print(flush=True)
    write_markdown(info)
    print(f"written {os.path.relpath(os.path.join(OUT, 'results.md'), ROOT)}")


if __name__ == "__main__":
    main()
