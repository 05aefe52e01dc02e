#!/usr/bin/env python3
"""Independent check of the recap workbook (`sakip recap`), read by other programs than sakip.

- Runs `sakip recap` on samples/ (TW II) with --json, opens the XLSX with openpyxl twice
  (formulas, and cached values with data_only=True) and compares every figure with the JSON:
  realisation, target, capaian and progress of every indicator, budget figures, sections,
  findings, inputs, category counts.
- Evaluates every formula with a small evaluator written here (cell references, + - * /,
  SUM AVERAGE MAX MIN IF ABS IFERROR) over the values in the file, and checks that it gives the
  cached value: the formulas compute what the engine computed.
- Checks that formula cells have cached values, text from forms stays text (a form with
  `=1+1`, `+62…`, `@…`, `-…` in free text), codes and the NIP are text, print setup, frozen
  and filtered headers, conditional formats and the chart.
- If LibreOffice is there (or can be installed once with apt-get), converts the workbook to
  PDF headless and checks the PDF.

Prints `workbook: N passed, M failed` and exits non-zero when anything failed.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile

import openpyxl

from checklib import ROOT, check, finish, sakip

SHEETS = ["Ringkasan", "Pengukuran", "Anggaran", "Kelengkapan", "Validasi", "E.81", "Sumber"]
NIP = "197001011990031001"


def close(a, b, tol=1e-9):
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def recap(folder, out, json_out):
    return sakip("recap", "--definitions", os.path.join(ROOT, "samples/indikator.csv"), "--period", "TW2",
                 "--out", out, "--json", json_out, "--title", "Dinas Kominfo Kabupaten Sukamaju",
                 "--signer", f"Budi Santoso|Kepala Dinas|{NIP}", folder)


# ---------------------------------------------------------------- formula evaluator

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?)|(?P<ref>(?:'(?:[^']|'')+'!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
                   r"|(?P<func>[A-Z]+)\(|(?P<str>\"[^\"]*\")|(?P<op><=|>=|<>|[-+*/(),<>=]))")


class Evaluator:
    """Evaluates the formula subset sakip writes, over cached values of the workbook."""

    def __init__(self, values_wb, formulas_wb):
        self.values = values_wb
        self.formulas = formulas_wb

    def cell(self, sheet, ref):
        ref = ref.replace("$", "")
        value = self.values[sheet][ref].value
        return value

    def tokens(self, text):
        pos, out = 0, []
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot read formula at {text[pos:]!r}")
            pos = m.end()
            for kind in ("num", "ref", "func", "str", "op"):
                if m.group(kind) is not None:
                    out.append((kind, m.group(kind)))
                    break
        return out

    def evaluate(self, sheet, formula):
        self.toks = self.tokens(formula.lstrip("="))
        self.i = 0
        self.sheet = sheet
        value = self.comparison()
        if self.i != len(self.toks):
            raise ValueError(f"trailing tokens in {formula}")
        return value

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, op=None):
        tok = self.peek()
        if op is not None and tok[1] != op:
            raise ValueError(f"expected {op}, got {tok}")
        self.i += 1
        return tok

    def comparison(self):
        left = self.expr()
        kind, op = self.peek()
        if kind == "op" and op in ("<=", ">=", "<>", "<", ">", "="):
            self.take()
            right = self.expr()
            return {"<=": left <= right, ">=": left >= right, "<>": left != right, "<": left < right,
                    ">": left > right, "=": left == right}[op]
        return left

    def expr(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self):
        value = self.factor()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            right = self.factor()
            value = value * right if op == "*" else value / right
        return value

    def factor(self):
        kind, text = self.take()
        if kind == "op" and text == "-":
            return -self.factor()
        if kind == "op" and text == "(":
            value = self.comparison()
            self.take(")")
            return value
        if kind == "num":
            return float(text)
        if kind == "str":
            return text[1:-1]
        if kind == "ref":
            values = self.ref_values(text)
            if len(values) != 1:
                raise ValueError(f"range {text} outside a function")
            return values[0]
        if kind == "func":
            args = []
            if self.peek()[1] != ")":
                while True:
                    if self.peek()[0] == "ref" and text in ("SUM", "AVERAGE", "MAX", "MIN"):
                        args.extend(self.ref_values(self.take()[1]))
                    else:
                        args.append(self.comparison())
                    if self.peek()[1] == ",":
                        self.take()
                        continue
                    break
            self.take(")")
            return self.call(text, args)
        raise ValueError(f"unexpected {text}")

    def ref_values(self, text):
        sheet = self.sheet
        if "!" in text:
            name, text = text.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'")
        text = text.replace("$", "")
        if ":" in text:
            cells = self.values[sheet][text]
            return [c.value for row in cells for c in row]
        return [self.cell(sheet, text)]

    @staticmethod
    def call(name, args):
        if name == "SUM":
            total = 0.0
            for a in args:
                total += a
            return total
        if name == "AVERAGE":
            total = 0.0
            for a in args:
                total += a
            return total / len(args)
        if name == "MAX":
            return max(args)
        if name == "MIN":
            return min(args)
        if name == "ABS":
            return abs(args[0])
        if name == "IF":
            return args[1] if args[0] else args[2]
        if name == "IFERROR":
            return args[0]
        raise ValueError(f"unknown function {name}")


# ---------------------------------------------------------------- checks

def header_map(ws, row):
    return {ws.cell(row=row, column=c).value: c for c in range(1, ws.max_column + 1)
            if ws.cell(row=row, column=c).value is not None}


def data_rows(ws, first):
    r = first
    while ws.cell(row=r, column=1).value not in (None, ""):
        yield r
        r += 1


def same_value(cell_value, expected):
    """A figure from the JSON against a cell: numbers to 1e-9, text equal; null → a text reason."""
    if expected is None:
        return isinstance(cell_value, str) or cell_value is None
    if isinstance(expected, str):
        return cell_value == expected
    return close(cell_value, expected)


def check_everything(xlsx, report):
    wf = openpyxl.load_workbook(xlsx, data_only=False)
    wv = openpyxl.load_workbook(xlsx, data_only=True)
    check("sheets in order", wf.sheetnames == SHEETS, wf.sheetnames)
    indicators = {i["code"]: i for i in report["indicators"]}
    period = report["period"]
    n = int(period[2:])
    roman = ["I", "II", "III", "IV"][:n]

    # Every formula has a cached value, and the formula computes that value.
    evaluator = Evaluator(wv, wf)
    formulas = mismatches = 0
    for name in wf.sheetnames:
        for row in wf[name].iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    formulas += 1
                    cached = wv[name][c.coordinate].value
                    if cached is None:
                        check(f"{name}!{c.coordinate} has a cached value", False, c.value)
                        continue
                    try:
                        computed = evaluator.evaluate(name, c.value)
                    except Exception as e:  # noqa: BLE001 — report, do not stop
                        check(f"{name}!{c.coordinate} formula readable", False, f"{c.value}: {e}")
                        continue
                    if not close(computed, cached, 1e-12):
                        mismatches += 1
                        check(f"{name}!{c.coordinate} formula gives its cached value", False,
                              f"{c.value} = {computed!r}, cached {cached!r}")
    check("formulas present", formulas > 100, formulas)
    check("every formula gives its cached value", mismatches == 0, mismatches)

    # Pengukuran
    ws, vs = wf["Pengukuran"], wv["Pengukuran"]
    h = header_map(ws, 5)
    periods = [(f"TW{i + 1}", f"TW {r}") for i, r in enumerate(roman)]
    spans = ([("S1", "S1")] if n >= 2 else []) + ([("S2", "S2")] if n == 4 else []) + [("YTD", f"s.d. TW {roman[-1]}")]
    seen = set()
    for r in data_rows(vs, 6):
        code_cell = ws.cell(row=r, column=h["Kode"])
        code = code_cell.value
        check(f"Pengukuran {code} code is text", code_cell.data_type == "s")
        ind = indicators.get(code)
        if ind is None:
            check(f"Pengukuran {code} in JSON", False)
            continue
        seen.add(code)
        v = lambda label: vs.cell(row=r, column=h[label]).value  # noqa: E731
        for key, label in periods:
            p = ind["periods"][key]
            check(f"{code} {key} target", same_value(v(f"Target {label}"), p["target"]), (v(f"Target {label}"), p["target"]))
            check(f"{code} {key} realisation", same_value(v(f"Realisasi {label}"), p["realisation"]),
                  (v(f"Realisasi {label}"), p["realisation"]))
        for key, label in spans:
            p = ind["periods"][key]
            check(f"{code} {key} target", same_value(v(f"Target {label}"), p["target"]), (v(f"Target {label}"), p["target"]))
            check(f"{code} {key} realisation", same_value(v(f"Realisasi {label}"), p["realisation"]),
                  (v(f"Realisasi {label}"), p["realisation"]))
            cap = v(f"Capaian {label} (%)")
            expected = p["achievement"] if p["achievement"] is not None else p.get("status")
            check(f"{code} {key} capaian", same_value(cap, expected), (cap, expected))
            if p["achievement"] is not None:
                check(f"{code} {key} capaian is a formula",
                      str(ws.cell(row=r, column=h[f"Capaian {label} (%)"]).value).startswith("="))
        ytd = ind["periods"]["YTD"]
        category = v("Kategori")
        if ytd["category"] is not None:
            check(f"{code} category", category == ytd["category"], (category, ytd["category"]))
        progress = v("Progres terhadap target tahunan (%)")
        a = ind["annual"]
        expected = a["progress"] if a["progress"] is not None else a.get("status")
        check(f"{code} progress", same_value(progress, expected), (progress, expected))
        for label, key in (("Kendala", "kendala"), ("Tindak lanjut", "tindak_lanjut"), ("Bukti dukung", "bukti_dukung")):
            cell = ws.cell(row=r, column=h[label])
            text = ind["text"][key]
            check(f"{code} {key}", (cell.value or None) == text, (cell.value, text))
            if text:
                check(f"{code} {key} is text", cell.data_type == "s", cell.data_type)
    check("every indicator on Pengukuran", seen == set(indicators), set(indicators) - seen)
    cap_col = h[f"Capaian s.d. TW {roman[-1]} (%)"]
    check("Pengukuran capaian number format", ws.cell(row=6, column=cap_col).number_format == "0.00",
          ws.cell(row=6, column=cap_col).number_format)
    nip = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and NIP in c.value]
    check("signer NIP present as text", len(nip) == 1 and nip[0].data_type == "s", nip)
    check("Pengukuran conditional formats", len(list(ws.conditional_formatting)) >= 1)
    for name in SHEETS:
        s = wf[name]
        check(f"{name} landscape", s.page_setup.orientation == "landscape", s.page_setup.orientation)
        check(f"{name} A4", str(s.page_setup.paperSize) == "9", s.page_setup.paperSize)
        check(f"{name} fit to width", s.sheet_properties.pageSetUpPr is not None and s.sheet_properties.pageSetUpPr.fitToPage
              and s.page_setup.fitToWidth in (None, 1, "1"), s.page_setup.fitToWidth)  # absent = 1
        check(f"{name} frozen", s.freeze_panes is not None)
        if name != "Ringkasan":
            check(f"{name} filtered", bool(s.auto_filter.ref), s.auto_filter.ref)
            check(f"{name} header rows repeated", bool(s.print_title_rows), s.print_title_rows)

    # Anggaran
    ws, vs = wf["Anggaran"], wv["Anggaran"]
    h = header_map(ws, 4)
    rows = list(data_rows(vs, 5))
    with_budget = [i for i in report["indicators"] if i["budget"] is not None]
    check("Anggaran one row per pagu", len(rows) == len(with_budget), (len(rows), len(with_budget)))
    for r in rows:
        code = vs.cell(row=r, column=1).value
        b = indicators[code]["budget"]
        v = lambda label: vs.cell(row=r, column=h[label]).value  # noqa: E731
        check(f"{code} pagu", close(v("Pagu (Rp)"), b["ceiling"]), (v("Pagu (Rp)"), b["ceiling"]))
        for i, ro in enumerate(roman):
            check(f"{code} budget TW{i + 1}", same_value(v(f"Realisasi anggaran TW {ro} (Rp)"), b["quarters"].get(f"TW{i + 1}")))
        check(f"{code} to date", same_value(v(f"Realisasi anggaran s.d. TW {roman[-1]} (Rp)"), b["to_date"]))
        check(f"{code} serapan", same_value(v("Serapan (%)"), b["absorption"]), (v("Serapan (%)"), b["absorption"]))
        check(f"{code} sisa", same_value(v("Sisa anggaran (Rp)"), b["remaining"]))
        check(f"{code} efisiensi", same_value(v("Efisiensi (%)"), b["efficiency"]), (v("Efisiensi (%)"), b["efficiency"]))
        ach = indicators[code]["periods"]["YTD"]
        expected = ach["achievement"] if ach["achievement"] is not None else ach.get("status")
        check(f"{code} capaian kinerja", same_value(v(f"Capaian kinerja s.d. TW {roman[-1]} (%)"), expected))
        check(f"{code} pagu format", ws.cell(row=r, column=h["Pagu (Rp)"]).number_format == "#,##0")

    # E.81
    ws, vs = wf["E.81"], wv["E.81"]
    h = header_map(ws, 5)
    e81 = [i for i in report["indicators"] if i["level"] in ("program", "kegiatan", "subkegiatan")]
    rows = list(data_rows(vs, 6))
    check("E.81 one row per program/kegiatan/subkegiatan", len(rows) == len(e81), (len(rows), len(e81)))
    for r in rows:
        code = vs.cell(row=r, column=1).value
        ind = indicators[code]
        v = lambda label: vs.cell(row=r, column=h[label]).value  # noqa: E731
        a, b = ind["annual"], ind["budget"]
        check(f"E.81 {code} K to date", same_value(v(f"Realisasi s.d. TW {roman[-1]} (K)"), a["realisation"]))
        expected = a["progress"] if a["progress"] is not None else a.get("status")
        check(f"E.81 {code} K level", same_value(v("Tingkat capaian (K) (%)"), expected), (v("Tingkat capaian (K) (%)"), expected))
        if b is not None:
            check(f"E.81 {code} Rp to date", same_value(v(f"Realisasi s.d. TW {roman[-1]} (Rp)"), b["to_date"]))
            check(f"E.81 {code} Rp level", same_value(v("Tingkat capaian (Rp) (%)"), b["absorption"]))

    # Kelengkapan
    vs = wv["Kelengkapan"]
    sections = {s["name"]: s for s in report["sections"]}
    rows = list(data_rows(vs, 5))
    check("Kelengkapan one row per section", len(rows) == len(sections))
    states = {"complete": "lengkap", "incomplete": "belum lengkap", "no-form": "belum mengirim formulir"}
    for r in rows:
        s = sections[vs.cell(row=r, column=1).value]
        got = [vs.cell(row=r, column=c).value for c in range(3, 9)]
        want = [s["assigned"], s["reported"], s["missing_values"], None, None, states[s["status"]]]
        check(f"Kelengkapan {s['name']}", got[:3] == want[:3] and got[5] == want[5], (got, want))

    # Validasi
    ws = wf["Validasi"]
    rows = list(data_rows(ws, 5))
    findings = report["findings"]
    check("Validasi one row per finding", len(rows) == len(findings), (len(rows), len(findings)))
    for r, f in zip(rows, findings):
        got = [ws.cell(row=r, column=c).value for c in range(1, 9)]
        sev = "KESALAHAN" if f["severity"] == "error" else "PERINGATAN"
        check(f"Validasi row {r}", got[0] == sev and got[1] == f["check"] and got[3] == f["file"]
              and got[4] == f["line"] and got[6] == f["code"] and got[7] == f["message"], (got, f))

    # Sumber
    ws = wf["Sumber"]
    rows = list(data_rows(ws, 5))
    check("Sumber one row per input", len(rows) == len(report["inputs"]))
    for r, i in zip(rows, report["inputs"]):
        got = [ws.cell(row=r, column=c).value for c in (1, 2, 3, 6)]
        check(f"Sumber {i['file']}", got == [i["file"], i["bytes"], i["sha256"], i["rows"]], (got, i))
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check("Sumber command line", any("recap" in t and "--period" in t for t in texts))

    # Ringkasan: counts per category equal the JSON's.
    ws, vs = wf["Ringkasan"], wv["Ringkasan"]
    counts = {}
    for i in report["indicators"]:
        counts[i["periods"]["YTD"]["category"]] = counts.get(i["periods"]["YTD"]["category"], 0) + 1
    found = {}
    for row in vs.iter_rows(max_col=3):
        if row[0].value in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah") and isinstance(row[2].value, (int, float)):
            found.setdefault(row[0].value, row[2].value)
    for category in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"):
        check(f"Ringkasan {category}", found.get(category) == counts.get(category, 0), (found.get(category), counts.get(category, 0)))
    check("Ringkasan chart", len(ws._charts) == 1, len(ws._charts))


def check_form_text_stays_text(tmp):
    """A copy of the samples with free text that a spreadsheet would take for a formula."""
    folder = os.path.join(tmp, "formulir")
    shutil.copytree(os.path.join(ROOT, "samples", "formulir-tw2"), folder)
    path = os.path.join(folder, "Bidang_Aplikasi_Informatika_TW2.csv")
    data = open(path, "rb").read()
    planted = ["=1+1", "+62 812 3456", "@petugas", "-tidak ada-"]
    for text in planted:
        data = data.replace(b"Tidak ada kendala berarti.", text.encode(), 1)
    open(path, "wb").write(data)
    out, js = os.path.join(tmp, "planted.xlsx"), os.path.join(tmp, "planted.json")
    run = recap(folder, out, js)
    check("recap with planted text runs", run.returncode == 0, run.stderr.decode()[-300:])
    if run.returncode != 0:
        return
    ws = openpyxl.load_workbook(out)["Pengukuran"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value in planted}
    for text in planted:
        cell = cells.get(text)
        check(f"form text {text!r} stays text", cell is not None and cell.data_type == "s",
              None if cell is None else cell.data_type)


def check_pdf(xlsx, tmp):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None and os.geteuid() == 0 and shutil.which("apt-get"):
        for package in ("libreoffice-calc-nogui", "libreoffice-calc"):
            try:
                subprocess.run(["apt-get", "install", "-y", "-qq", package], capture_output=True,
                               timeout=900, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            except subprocess.TimeoutExpired:
                pass
            soffice = shutil.which("soffice") or shutil.which("libreoffice")
            if soffice:
                break
    if soffice is None:
        print("note: LibreOffice not available (could not be installed); PDF conversion skipped")
        return
    profile = "file://" + os.path.join(tmp, "lo-profile")
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", tmp, xlsx], capture_output=True, timeout=300)
    pdf = os.path.join(tmp, os.path.splitext(os.path.basename(xlsx))[0] + ".pdf")
    ok = run.returncode == 0 and os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-"
    check("LibreOffice converts the workbook to PDF", ok, run.stderr.decode()[-300:])
    if ok:
        print(f"note: PDF by LibreOffice: {os.path.getsize(pdf)} bytes")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, js = os.path.join(tmp, "rekap-TW2.xlsx"), os.path.join(tmp, "rekap-TW2.json")
        run = recap(os.path.join(ROOT, "samples/formulir-tw2"), xlsx, js)
        check("sakip recap exit 0", run.returncode == 0, run.stderr.decode()[-500:])
        if run.returncode == 0:
            report = json.load(open(js, encoding="utf-8"))
            check_everything(xlsx, report)
            first = open(xlsx, "rb").read()
            recap(os.path.join(ROOT, "samples/formulir-tw2"), xlsx, js)
            check("two runs give identical bytes", open(xlsx, "rb").read() == first)
            check_form_text_stays_text(tmp)
            check_pdf(xlsx, tmp)
    finish("workbook")


if __name__ == "__main__":
    main()
