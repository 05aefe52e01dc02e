#!/usr/bin/env python3
"""Compares the shape of two workbooks, sheet by sheet: sakip's (REF) and the C floor's (OUT).

    python3 bench/floor/shape.py REF.xlsx OUT.xlsx

Per sheet (matched by name, in REF's order): rows, cells by kind — `s` (shared string),
`inlineStr`, `n` (number), `f` (formula, with its cached value), `blank` (styled, no value),
`other` (t="str"/"b"/"e") —, `strings` (s + inlineStr, so that a workbook with shared strings
compares with one without), the bytes of string text, and the uncompressed XML bytes; each
with OUT/REF. Standard library only; each sheet is read from the zip in 4 MiB chunks (a 160 MB
sheet is never held whole). Shared strings, when present, are read once to measure the text.
"""
import re
import sys
import zipfile

CELL = re.compile(rb'<c [^>]*?(?:/>|>.*?</c>)', re.S)
TEXT = re.compile(rb'<t(?: [^>]*)?>(.*?)</t>', re.S)
SI = re.compile(rb'<si>(.*?)</si>', re.S)
KINDS = ("s", "inlineStr", "n", "f", "blank", "other")


def sheets(z):
    """(name, member) of each sheet in workbook order."""
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    target.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = []
    for m in re.finditer(r'<sheet name="([^"]+)"[^>]*?r:id="([^"]+)"', wb):
        t = target[m.group(2)].lstrip("/")
        out.append((m.group(1).replace("&amp;", "&"), t if t.startswith("xl/") else "xl/" + t))
    return out


def shared_lengths(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    data = z.read("xl/sharedStrings.xml")
    return [sum(len(t) for t in TEXT.findall(si)) for si in SI.findall(data)]


def measure(z, member, sst):
    c = dict.fromkeys(KINDS, 0)
    c["rows"] = c["text"] = 0
    c["xml"] = z.getinfo(member).file_size
    with z.open(member) as f:
        tail = b""
        while True:
            chunk = f.read(1 << 22)
            data = tail + chunk
            cut = len(data) if not chunk else data.rfind(b"</row>") + 6
            if cut < 6 and chunk:
                tail = data
                continue
            part, tail = data[:cut], data[cut:]
            c["rows"] += part.count(b"<row ")
            for cell in CELL.findall(part):
                head = cell[:cell.index(b">")]
                if b't="s"' in head:
                    c["s"] += 1
                    v = re.search(rb"<v>(\d+)</v>", cell)
                    c["text"] += sst[int(v.group(1))] if v else 0
                elif b't="inlineStr"' in head:
                    c["inlineStr"] += 1
                    c["text"] += sum(len(t) for t in TEXT.findall(cell))
                elif b"<f>" in cell or b"<f " in cell:
                    c["f"] += 1
                elif b"<v>" in cell:
                    c["n"] += 1 if b' t="' not in head else 0
                    c["other"] += 1 if b' t="' in head else 0
                else:
                    c["blank"] += 1
            if not chunk:
                break
    c["strings"] = c["s"] + c["inlineStr"]
    return c


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ref, out = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
    ref_sheets, out_sheets = sheets(ref), dict(sheets(out))
    ref_sst, out_sst = shared_lengths(ref), shared_lengths(out)
    names = [n for n, _ in ref_sheets] + [n for n in out_sheets if n not in dict(ref_sheets)]
    metrics = ("rows", "strings", "s", "inlineStr", "n", "f", "blank", "other", "text", "xml")
    print(f"{'sheet':<14} {'':<9} " + " ".join(f"{m:>12}" for m in metrics))
    totals = {"ref": dict.fromkeys(metrics, 0), "out": dict.fromkeys(metrics, 0)}
    for name in names:
        r = measure(ref, dict(ref_sheets)[name], ref_sst) if name in dict(ref_sheets) else None
        o = measure(out, out_sheets[name], out_sst) if name in out_sheets else None
        for label, c in (("ref", r), ("out", o)):
            if c is None:
                print(f"{name:<14} {label:<9} (missing)")
                continue
            for m in metrics:
                totals[label][m] += c[m]
            print(f"{name:<14} {label:<9} " + " ".join(f"{c[m]:>12,}" for m in metrics))
        if r and o:
            print(f"{'':<14} {'out/ref':<9} " + " ".join(
                f"{(o[m] / r[m] if r[m] else (1.0 if not o[m] else float('inf'))):>12.3f}" for m in metrics))
    r, o = totals["ref"], totals["out"]
    print(f"{'total':<14} {'ref':<9} " + " ".join(f"{r[m]:>12,}" for m in metrics))
    print(f"{'':<14} {'out':<9} " + " ".join(f"{o[m]:>12,}" for m in metrics))
    print(f"{'':<14} {'out/ref':<9} " + " ".join(
        f"{(o[m] / r[m] if r[m] else 1.0):>12.3f}" for m in metrics))


if __name__ == "__main__":
    main()
