#!/usr/bin/env python3
"""Compares a peer's recap workbook with sakip's, sheet by sheet (openpyxl).

    python3 bench/peers/compare.py SAKIP.xlsx PEER.xlsx [--diffs N] [--values-only]

Per sheet: the row count, every cell's value (a formula by its cached result, numbers within
1e-9 relative, a blank equal to an empty text), the formula texts and number formats where
both have a value, and, for workbooks small enough to load in full, the sheet setup (frozen
panes, filter, print titles and page setup, footer, column widths, merged cells, conditional
formats). Validasi is also compared as a multiset of findings by check. In Sumber the rows
`Perintah` and `Versi program` name each program's own command line and version: they are
counted as expected differences. Prints a summary per sheet and the first differences; exits
1 when a sheet is missing or any unexpected value differs.
"""
import argparse
import math
import os
import sys
from collections import Counter

import openpyxl

EXPECTED = {"Sumber": ("Perintah", "Versi program")}


def same_value(a, b):
    if a == "":
        a = None
    if b == "":
        b = None
    number = (int, float)
    if isinstance(a, number) and isinstance(b, number) and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)
    return a == b


def same_text(a, b):
    """Formula or format texts, numbers in them compared as numbers (`90.999999999909` vs `90.99999999990899`)."""
    if a == b:
        return True
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-12)
    except (TypeError, ValueError):
        return False


def style(cell):
    """Font, fill, alignment and border of a cell, as far as the recap uses them."""
    f, a = cell.font, cell.alignment
    fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    colour = f.color.rgb if f and f.color is not None and f.color.type == "rgb" else None
    return (bool(f.b), bool(f.i), f.sz, colour if colour not in ("FF000000",) else None, fill,
            a.horizontal, a.vertical if a.vertical != "bottom" else None, bool(a.wrap_text), a.indent or 0,
            cell.border.left.style if cell.border and cell.border.left else None)


def rows(ws_values, ws_formulas, styles):
    """Per row: a list of (value, formula text or None, number format, style) cells."""
    if ws_formulas is None:
        for row in ws_values.iter_rows():
            yield [(c.value, None, None, None) for c in row]
        return
    for vrow, frow in zip(ws_values.iter_rows(), ws_formulas.iter_rows()):
        out = []
        for vc, fc in zip(vrow, frow):
            f = fc.value if isinstance(fc.value, str) and fc.value.startswith("=") else None
            out.append((vc.value, f, getattr(vc, "number_format", None), style(vc) if styles else None))
        yield out


def column_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def setup(ws):
    """What a sheet sets besides its cells (full load only)."""
    ps, pm = ws.page_setup, ws.page_margins
    cf = []
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            cf.append((str(rng.sqref), rule.type, rule.operator, tuple(rule.formula or ())))
    return {
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "print_title_rows": ws.print_title_rows,
        "page": (ps.orientation, str(ps.paperSize), ps.fitToWidth, ps.fitToHeight,
                 ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None),
        "margins": (pm.left, pm.right, pm.top, pm.bottom),
        "footer": (ws.oddFooter.left.text, ws.oddFooter.right.text),
        "widths": {column_letter(c - 1): round(v.width, 2) for v in ws.column_dimensions.values() if v.width
                   for c in range(v.min, v.max + 1)},
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "conditional formats": cf,
        "charts": len(getattr(ws, "_charts", [])),
    }


def same_setup(key, a, b):
    if key == "conditional formats":
        return len(a) == len(b) and all(
            x[:3] == y[:3] and len(x[3]) == len(y[3]) and all(same_text(p, q) for p, q in zip(x[3], y[3]))
            for x, y in zip(a, b))
    if key == "widths":  # only the widths both set, and within a character
        return set(a) == set(b) and all(abs(a[k] - b[k]) < 1.0 for k in a)
    return a == b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sakip")
    ap.add_argument("peer")
    ap.add_argument("--diffs", type=int, default=8, help="differences listed per sheet (default 8)")
    ap.add_argument("--values-only", action="store_true", help="skip formula texts, formats and setup (faster)")
    args = ap.parse_args()

    full = max(os.path.getsize(args.sakip), os.path.getsize(args.peer)) < 20_000_000 and not args.values_only
    load = lambda path, data_only: openpyxl.load_workbook(path, read_only=not full, data_only=data_only)
    books = {name: (load(path, True), None if args.values_only else load(path, False))
             for name, path in (("sakip", args.sakip), ("peer", args.peer))}
    sv, sf = books["sakip"]
    pv, pf = books["peer"]
    print(f"sheets  sakip: {', '.join(sv.sheetnames)}\n        peer:  {', '.join(pv.sheetnames)}")
    failed = sv.sheetnames != pv.sheetnames
    print(f"\n{'sheet':14s} {'rows s/p':>15s} {'cells':>9s} {'same':>9s} {'differ':>7s} {'expected':>8s} "
          f"{'formulas same/differ/one-sided':>31s} {'formats differ':>14s} {'styles differ':>13s}")
    details = []
    for name in sv.sheetnames:
        if name not in pv.sheetnames:
            print(f"{name:14s} missing in the peer's workbook")
            failed = True
            continue
        srows = list(rows(sv[name], sf[name] if sf else None, full))
        prows = list(rows(pv[name], pf[name] if pf else None, full))
        cells = same = differ = expected = f_same = f_diff = f_one = fmt_diff = style_diff = 0
        diffs = []
        for r in range(max(len(srows), len(prows))):
            a = srows[r] if r < len(srows) else []
            b = prows[r] if r < len(prows) else []
            label = a[0][0] if a else None
            for c in range(max(len(a), len(b))):
                va, fa, na, sa = a[c] if c < len(a) else (None, None, None, None)
                vb, fb, nb, sb = b[c] if c < len(b) else (None, None, None, None)
                if sa != sb and (va not in (None, "") or vb not in (None, "") or sa and sb):
                    style_diff += 1
                    if len(diffs) < args.diffs:
                        diffs.append(f"  {column_letter(c)}{r + 1}: style sakip {sa}  peer {sb}")
                if va in (None, "") and vb in (None, "") and fa is None and fb is None:
                    continue
                cells += 1
                where = f"{column_letter(c)}{r + 1}"
                if same_value(va, vb):
                    same += 1
                elif label in EXPECTED.get(name, ()):
                    expected += 1
                else:
                    differ += 1
                    if len(diffs) < args.diffs:
                        diffs.append(f"  {where}: sakip {va!r}{' ' + fa if fa else ''}  peer {vb!r}{' ' + fb if fb else ''}")
                if fa or fb:
                    if fa and fb:
                        if fa == fb:
                            f_same += 1
                        else:
                            f_diff += 1
                            if len(diffs) < args.diffs:
                                diffs.append(f"  {where}: formula sakip {fa}  peer {fb}")
                    else:
                        f_one += 1
                        if len(diffs) < args.diffs:
                            diffs.append(f"  {where}: formula only in {'sakip' if fa else 'peer'}: {fa or fb}")
                if na is not None and nb is not None and va not in (None, "") and na != nb:
                    fmt_diff += 1
                    if len(diffs) < args.diffs:
                        diffs.append(f"  {where}: number format sakip {na!r}  peer {nb!r}")
        failed |= differ > 0
        formulas = "-" if args.values_only else f"{f_same}/{f_diff}/{f_one}"
        print(f"{name:14s} {len(srows):>7,d}/{len(prows):<7,d} {cells:>9,d} {same:>9,d} {differ:>7,d} {expected:>8,d} "
              f"{formulas:>31s} {'-' if args.values_only else fmt_diff:>14} {style_diff if full else '-':>13}")
        if full:
            a, b = setup(sv[name] if sf is None else sf[name]), setup(pv[name] if pf is None else pf[name])
            for key in a:
                if not same_setup(key, a[key], b[key]):
                    diffs.append(f"  setup {key}: sakip {a[key]!r}\n{' ' * (9 + len(key))}peer  {b[key]!r}")
        if name.startswith("Validasi"):
            sc = Counter(row[1][0] for row in srows[4:] if len(row) > 1)
            pc = Counter(row[1][0] for row in prows[4:] if len(row) > 1)
            for check in sorted(set(sc) | set(pc)):
                if sc[check] != pc[check]:
                    diffs.append(f"  findings {check}: sakip {sc[check]}, peer {pc[check]}")
            srow = Counter(tuple(cell[0] for cell in row) for row in srows[4:])
            prow = Counter(tuple(cell[0] for cell in row) for row in prows[4:])
            diffs.append(f"  findings as a multiset: {sum((srow & prow).values())} in both, "
                         f"{sum((srow - prow).values())} only in sakip, {sum((prow - srow).values())} only in the peer")
        if diffs:
            details.append((name, diffs))
    for name, diffs in details:
        print(f"\n{name}:")
        print("\n".join(diffs))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
