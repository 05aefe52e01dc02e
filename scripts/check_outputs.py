#!/usr/bin/env python3
"""Independent checks of what sakip writes, read back by other programs than sakip itself.

- The JSON of `sakip validate` on samples/ is parsed with Python's json module and compared with
  the facts the sample generator recorded (samples/expected.json), not with sakip's own output.
- (Once `sakip recap` writes workbooks: opened with openpyxl and compared with the JSON.)

Prints `independent: N passed, M failed` and exits non-zero when anything failed.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, sys.argv[1] if len(sys.argv) > 1 else ".build/debug/sakip")
EXPECTED = json.load(open(os.path.join(ROOT, "samples", "expected.json"), encoding="utf-8"))
SPEC_CHECKS = {
    "missing-form", "missing-indicator", "missing-value", "missing-budget", "unreadable-file",
    "no-header", "duplicate-code", "unknown-code", "invalid-number", "orphan-value", "extra-cells",
    "conflict", "year-mismatch", "period-mismatch", "target-mismatch", "unit-mismatch",
    "budget-over-ceiling", "fraction-percent", "outlier", "missing-explanation", "missing-evidence",
    "invalid-definition",
}

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def sakip(*args):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1751328000")
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, env=env)


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
    import hashlib
    check(f"sha256 of {entry['file']}", hashlib.sha256(open(path, "rb").read()).hexdigest() == entry["sha256"])

print(f"independent: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
