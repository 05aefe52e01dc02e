"""What every independent check shares: where the package and the built sakip are, how to run
sakip reproducibly, and the pass/fail tally printed as `LABEL: N passed, M failed`."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, sys.argv[1] if len(sys.argv) > 1 else ".build/debug/sakip")

_tally = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        _tally["passed"] += 1
    else:
        _tally["failed"] += 1
        print(f"FAIL {name} {detail}"[:2000])


def sakip(*args):
    """Runs the built sakip from the package root with the creation time pinned."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1751328000")
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, env=env)


def finish(label):
    """Prints the closing line CI reads and exits non-zero when anything failed."""
    print(f"{label}: {_tally['passed']} passed, {_tally['failed']} failed")
    sys.exit(1 if _tally["failed"] else 0)
