#!/usr/bin/env python3
"""Independent checks of what sakip writes, read back by other programs than sakip itself.

- The JSON of `sakip validate` on samples/ is parsed with Python's json module and compared with
  the facts the sample generator recorded (samples/expected.json), not with sakip's own output.
- (Once `sakip recap` writes workbooks: opened with openpyxl and compared with the JSON.)

Prints `independent: N passed, M failed` and exits non-zero when anything failed.
"""
import hashlib
import json
import os
import tempfile

from checklib import ROOT, check, finish, sakip

EXPECTED = json.load(open(os.path.join(ROOT, "samples", "expected.json"), encoding="utf-8"))
SPEC_CHECKS = {
    "missing-form", "missing-indicator", "missing-value", "missing-budget", "unreadable-file",
    "no-header", "duplicate-code", "unknown-code", "invalid-number", "orphan-value", "extra-cells",
    "conflict", "year-mismatch", "period-mismatch", "target-mismatch", "unit-mismatch",
    "budget-over-ceiling", "fraction-percent", "outlier", "missing-explanation", "missing-evidence",
    "invalid-definition",
}



def validate_json(period, folder):
    run = sakip("validate", "--definitions", "samples/indikator.csv", "--period", period,
                "--format", "json", folder)
    return run.returncode, json.loads(run.stdout.decode("utf-8"))


# TW I: clean.
status, report = validate_json("TW1", "samples/formulir-tw1")
check("tw1 exit 0", status == 0, status)
check("tw1 no errors", [f for f in report["findings"] if f["severity"] == "error"] == [],
      report["findings"][:3])

# TW II: every planted problem found where the generator put it.
status, report = validate_json("TW2", "samples/formulir-tw2")
check("tw2 exit 1", status == 1, status)
check("json top-level keys", list(report)[:4] == ["tool", "version", "year", "period"], list(report))
check("json period", report["period"] == "TW2")
check("json year", report["year"] == EXPECTED["year"])
for finding in report["findings"]:
    check("finding keys", list(finding) == ["severity", "check", "section", "file", "line", "column",
                                          "code", "message"], list(finding))
    check("check id in SPEC §8.1", finding["check"] in SPEC_CHECKS, finding["check"])
    check("message present", bool(finding["message"]))
for planted in EXPECTED["tw2_planted"]:
    def matches(f):
        where = planted["file"]
        same_file = (f["file"] is None) if where.endswith("/") else (f["file"] or "").endswith(where)
        return (f["check"] == planted["check"] and same_file
                and f["line"] == planted.get("line")
                and f["column"] == (None if planted.get("column") in (None, "–") else planted["column"])
                and f["code"] == planted.get("code"))
    found = [f for f in report["findings"] if matches(f)]
    check(f"planted {planted['check']} {planted.get('code')} line {planted.get('line')}", found, planted)
sections = {s["name"]: s for s in report["sections"]}
for name, count in EXPECTED["per_section"].items():
    check(f"section {name} assigned", sections.get(name, {}).get("assigned") == count)
check("statistik has no form", sections["Bidang Statistik Sektoral"]["status"] == "no-form")
inputs = report["inputs"]
check("inputs: definitions + 6 forms", len(inputs) == 7, len(inputs))
for entry in inputs:
    path = os.path.join(ROOT, entry["file"])
    check(f"bytes of {entry['file']}", os.path.getsize(path) == entry["bytes"])
    check(f"sha256 of {entry['file']}", hashlib.sha256(open(path, "rb").read()).hexdigest() == entry["sha256"])


# Recap JSON: every period value, achievement, category and budget figure re-derived here from
# the quarter values with SPEC §5's rules, written out again in Python.
tmp = tempfile.mkdtemp()
run = sakip("recap", "--definitions", "samples/indikator.csv", "--period", "TW2",
            "--out", os.path.join(tmp, "r.xlsx"), "--json", os.path.join(tmp, "r.json"),
            "samples/formulir-tw2")
check("recap exit 0", run.returncode == 0, run.stderr[-300:])
recap = json.load(open(os.path.join(tmp, "r.json"), encoding="utf-8"))
check("recap keys", list(recap) == ["tool", "version", "year", "period", "indicators", "sections",
                                     "findings", "inputs"], list(recap))
check("recap covers every indicator", len(recap["indicators"]) == EXPECTED["indicators"])
AGG = {"akhir": lambda v: v[-1], "jumlah": sum, "rata-rata": lambda v: sum(v) / len(v),
       "maks": max, "min": min}
SPANS = {"TW1": ["TW1"], "TW2": ["TW2"], "S1": ["TW1", "TW2"], "YTD": ["TW1", "TW2"]}


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def capaian(t, r, polarity):
    if polarity == "positif":
        return None if t == 0 else r / t * 100
    if t == 0:
        return 100.0 if r <= 0 else 0.0
    return max(0.0, (2 * t - r) / t * 100)


def category(a):
    return ("Sangat Tinggi" if a >= 91 else "Tinggi" if a >= 76 else "Sedang" if a >= 66
            else "Rendah" if a >= 51 else "Sangat Rendah")


for ind in recap["indicators"]:
    code = ind["code"]
    periods = ind["periods"]
    check(f"{code} periods", list(periods) == ["TW1", "TW2", "S1", "YTD"], list(periods))
    if ind["qualitative"]:
        for key, p in periods.items():
            check(f"{code} {key} qualitative has no percentage", p["achievement"] is None)
        continue
    quarters = {q: periods[q]["realisation"] for q in ("TW1", "TW2")}
    for key, p in periods.items():
        values = [quarters[q] for q in SPANS[key]]
        if any(v is None for v in values):
            # Not reported (quarters named in `missing`) or not a number (said in `reason`).
            check(f"{code} {key} incomplete is null", p["realisation"] is None and p["achievement"] is None
                  and p["reason"] and (p["missing"] or "not a number" in p["reason"]), p)
            continue
        check(f"{code} {key} realisation by {ind['aggregation']}",
              close(AGG[ind["aggregation"]](values), p["realisation"]), (values, p["realisation"]))
        if p["target"] is None:
            check(f"{code} {key} no target, no achievement", p["achievement"] is None)
            continue
        expected = capaian(p["target"], p["realisation"], ind["polarity"])
        if expected is None:
            check(f"{code} {key} zero target undefined", p["achievement"] is None and p["reason"])
            continue
        check(f"{code} {key} achievement", close(expected, p["achievement"]), (expected, p["achievement"]))
        check(f"{code} {key} category", p["category"] == category(p["achievement"]), p)
    annual = ind["annual"]
    if annual["progress"] is not None:
        check(f"{code} annual progress", close(capaian(annual["target"], annual["realisation"],
                                                        ind["polarity"]), annual["progress"]))
        check(f"{code} annual realisation is YTD", close(annual["realisation"], periods["YTD"]["realisation"]))
    budget = ind["budget"]
    if budget and budget["to_date"] is not None:
        to_date = sum(budget["quarters"].values())
        check(f"{code} budget to date", close(to_date, budget["to_date"]))
        check(f"{code} absorption", close(to_date / budget["ceiling"] * 100, budget["absorption"]))
        check(f"{code} remaining", close(budget["ceiling"] - to_date, budget["remaining"]))

finish("independent")
