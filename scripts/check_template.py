#!/usr/bin/env python3
"""Independent round trip of `sakip template` (SPEC §6), with other programs than sakip.

1. Generates the forms for samples/indikator.csv (TW II, pre-filled from samples/formulir-tw1).
2. Opens every XLSX with openpyxl: the form sheet is protected, locked cells are exactly the
   definition cells (and budget cells of rows without a pagu), every data-validation range
   covers exactly the input cells, with the right rule; A4 landscape, fitted to the width, the
   header row repeated; a `Petunjuk` sheet.
3. Fills the XLSX input cells with known values through openpyxl and saves them; when
   LibreOffice is available (one `apt-get install` is tried otherwise), converts each filled
   workbook to CSV as a section would save it — `;` and UTF-8 on Indonesian settings, and `,`
   on English settings — and checks that the CSV holds every value typed.
4. Fills the CSV forms directly (Python's csv module), as a section editing the CSV would.
5. Runs `sakip validate --format json` on every filled set: nothing unreadable or mistaken,
   `missing-value` exactly where a cell was left empty; and when sakip's JSON carries the
   indicators' values (`validate` or `recap --json`), compares every value with what was typed.

Prints `template: N passed, M failed` and exits non-zero when anything failed.
"""
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

from checklib import ROOT, check, finish, sakip

DEFINITIONS = os.path.join(ROOT, "samples", "indikator.csv")
FORBIDDEN = {
    "invalid-number", "unknown-code", "target-mismatch", "unit-mismatch", "orphan-value",
    "extra-cells", "no-header", "period-mismatch", "year-mismatch", "missing-form",
    "missing-indicator", "missing-budget", "duplicate-code", "unreadable-file", "conflict",
}
DEFINITION_HEADERS = {"Kode", "Indikator", "Satuan", "Target", "Pagu"}



def read_definitions():
    with open(DEFINITIONS, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return {r["kode"]: r for r in rows}


DEFS = read_definitions()


def is_number_text(text):
    try:
        float(text.replace(".", "").replace(",", "."))
        return True
    except ValueError:
        return False


def is_qualitative(code):
    return not is_number_text(DEFS[code]["target"])


def has_pagu(code):
    return DEFS[code]["pagu"].strip() != ""


# What each filled input cell should read back as: (file stem, code, header) -> value.
def fill_value(code, header, row_index):
    if header.startswith("Realisasi Anggaran"):
        return 1000000.5 + row_index if has_pagu(code) else None
    if header.startswith("Realisasi"):
        return "BB" if is_qualitative(code) else round(row_index * 1.25 + 0.5, 2)
    if header == "Kendala":
        return f"Kendala {code}; \"cuaca\"\nbaris dua"
    if header == "Bukti Dukung":
        return f"https://contoh.go.id/bukti/{code}"
    return None


def cells_of(sqref):
    out = set()
    for part in str(sqref).split():
        min_col, min_row, max_col, max_row = range_boundaries(part)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                out.add(f"{get_column_letter(c)}{r}")
    return out


def table(ws):
    """The header row number, its headers by column number, and the data rows (number, code)."""
    header_row = next(r for r in range(1, 30) if ws.cell(r, 1).value == "Kode")
    headers = {c: ws.cell(header_row, c).value for c in range(1, ws.max_column + 1)
               if ws.cell(header_row, c).value}
    rows = []
    r = header_row + 1
    while ws.cell(r, 1).value:
        rows.append((r, ws.cell(r, 1).value))
        r += 1
    return header_row, headers, rows


def is_input(code, header):
    if header.startswith("Realisasi Anggaran"):
        return has_pagu(code)
    if header in DEFINITION_HEADERS or header.startswith("Target"):
        return False
    return True


def check_workbook(path):
    stem = os.path.basename(path)
    wb = openpyxl.load_workbook(path)
    check(f"{stem} sheets", wb.sheetnames == ["Formulir", "Petunjuk"], wb.sheetnames)
    ws = wb["Formulir"]
    check(f"{stem} protected", ws.protection.sheet is True)
    header_row, headers, rows = table(ws)
    section = next(ws.cell(r, 2).value for r in range(1, header_row) if ws.cell(r, 1).value == "Unit Kerja")
    check(f"{stem} one row per indicator of the section",
          [c for _, c in rows] == [c for c, d in DEFS.items() if d["penanggung_jawab"] == section],
          [c for _, c in rows])
    inputs = set()
    for r, code in rows:
        for c, header in headers.items():
            cell = ws.cell(r, c)
            expected_input = is_input(code, header)
            if expected_input:
                inputs.add(cell.coordinate)
            check(f"{stem} {cell.coordinate} {header} locked", cell.protection.locked != expected_input,
                  f"locked={cell.protection.locked}")
    for r in range(1, header_row + 1):
        for c in range(1, ws.max_column + 1):
            check(f"{stem} title/header {ws.cell(r, c).coordinate} locked", ws.cell(r, c).protection.locked)

    covered = {}
    for dv in ws.data_validations.dataValidation:
        for cell in cells_of(dv.sqref):
            check(f"{stem} {cell} one validation", cell not in covered)
            covered[cell] = dv
    check(f"{stem} validations cover exactly the input cells", set(covered) == inputs,
          sorted(set(covered) ^ inputs)[:10])
    pagu_col = next((get_column_letter(c) for c, h in headers.items() if h == "Pagu"), None)
    for r, code in rows:
        for c, header in headers.items():
            dv = covered.get(f"{get_column_letter(c)}{r}")
            if dv is None:
                continue
            check(f"{stem} {code} {header} input message", bool(dv.prompt), dv.prompt)
            if header.startswith("Realisasi Anggaran"):
                ok = (dv.type == "decimal" and dv.operator in (None, "between") and dv.formula1 == "0"
                      and pagu_col and f"${pagu_col}" in (dv.formula2 or "") and dv.error)
                check(f"{stem} {code} {header} budget ≤ pagu rule", ok, (dv.type, dv.formula1, dv.formula2))
            elif header.startswith("Realisasi"):
                if is_qualitative(code):
                    check(f"{stem} {code} {header} text input", dv.type in (None, "none"), dv.type)
                else:
                    ok = dv.type == "decimal" and dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
                    check(f"{stem} {code} {header} number ≥ 0 rule", ok and bool(dv.error), (dv.type, dv.operator))
    ps = ws.page_setup
    check(f"{stem} A4 landscape", str(ps.paperSize) == "9" and ps.orientation == "landscape")
    check(f"{stem} fit to width", ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToHeight in (0, "0"))
    check(f"{stem} header repeated", str(ws.print_title_rows or "").replace("$", "") in
          (f"{header_row}:{header_row}",), ws.print_title_rows)
    petunjuk = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    for phrase in ["Kosong tidak sama dengan nol", "CSV UTF-8 (Comma delimited)", "CSV (Comma delimited)",
                   "LibreOffice"]:
        check(f"{stem} Petunjuk mentions {phrase}", phrase in petunjuk)
    return wb


def fill_workbook(path, out_path, expected, left_empty):
    stem = os.path.splitext(os.path.basename(path))[0]
    wb = openpyxl.load_workbook(path)
    ws = wb["Formulir"]
    _, headers, rows = table(ws)
    for i, (r, code) in enumerate(rows):
        for c, header in headers.items():
            cell = ws.cell(r, c)
            if not is_input(code, header):
                continue
            if cell.value not in (None, ""):
                expected[(stem, code, header)] = cell.value  # pre-filled from --from
                continue
            if header == "Realisasi TW II" and i == 0:
                left_empty.add((code, header))
                continue
            value = fill_value(code, header, i)
            if value is not None:
                cell.value = value
                expected[(stem, code, header)] = value
    wb.save(out_path)


def parse_number(text, mark):
    text = text.strip()
    if mark == ",":
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return float(text)


def read_csv_form(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    first = next(line for line in text.splitlines() if line.startswith("Kode") or line.startswith('"Kode"'))
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header_index = next(i for i, r in enumerate(rows) if r and r[0] == "Kode")
    return rows, header_index, delimiter, raw


def compare_csv_values(label, folder, expected):
    """The CSV written by the spreadsheet program holds every value typed."""
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        rows, h, delimiter, _ = read_csv_form(path)
        mark = "," if delimiter == ";" else "."
        header = rows[h]
        for row in rows[h + 1:]:
            if not row or not row[0]:
                continue
            for c, name in enumerate(header):
                key = (stem, row[0], name)
                if key not in expected:
                    continue
                want = expected[key]
                got = row[c] if c < len(row) else ""
                if isinstance(want, (int, float)):
                    try:
                        ok = abs(parse_number(got, mark) - float(want)) <= 1e-9 * max(1, abs(float(want)))
                    except ValueError:
                        ok = False
                else:
                    ok = got.replace("\r\n", "\n") == want
                check(f"{label} {stem} {row[0]} {name} kept", ok, f"{got!r} != {want!r}")


def validate(label, folder, expected, left_empty):
    run = sakip("validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "--year", "2025",
                "--format", "json", folder)
    try:
        report = json.loads(run.stdout.decode("utf-8"))
    except ValueError:
        check(f"{label} validate JSON", False, run.stderr.decode()[:500])
        return
    checks = [f["check"] for f in report["findings"]]
    bad = [f for f in report["findings"] if f["check"] in FORBIDDEN]
    check(f"{label} no unreadable or mistaken cell", not bad, bad[:3])
    missing = {(f["code"], f["column"]) for f in report["findings"] if f["check"] == "missing-value"}
    check(f"{label} missing-value only where left empty", missing == left_empty,
          sorted(missing ^ left_empty)[:5])
    check(f"{label} every section complete but the cells left empty",
          all(s["missing_values"] == 1 for s in report["sections"]), report["sections"])
    values = sakip_values(folder, report)
    if values is None:
        print(f"note: {label}: sakip's JSON has no indicator values yet (no `recap --json`); "
              "values compared in the CSV itself and through in-process tests only")
        return
    for (stem, code, header), want in expected.items():
        got = values.get((code, header))
        if isinstance(want, (int, float)):
            ok = got is not None and abs(float(got) - float(want)) <= 1e-9 * max(1, abs(float(want)))
        else:
            ok = got == want
        check(f"{label} sakip read {code} {header}", ok, f"{got!r} != {want!r}")


def sakip_values(folder, report):
    """Values sakip read, by (code, form header), from `validate` JSON or `recap --json`."""
    indicators = report.get("indicators")
    if indicators is None:
        recap_help = sakip("recap", "--help")
        if recap_help.returncode != 0 or b"--json" not in recap_help.stdout:
            return None
        tmp = tempfile.mkdtemp(prefix="sakip-recap-")
        run = sakip("recap", "--definitions", "samples/indikator.csv", "--period", "TW2",
                    "--out", os.path.join(tmp, "rekap.xlsx"), "--json", os.path.join(tmp, "rekap.json"), folder)
        path = os.path.join(tmp, "rekap.json")
        if not os.path.exists(path):
            check("recap --json written", False, run.stderr.decode()[:500])
            return None
        indicators = json.load(open(path, encoding="utf-8")).get("indicators", [])
    values = {}
    names = {"TW1": "TW I", "TW2": "TW II", "TW3": "TW III", "TW4": "TW IV"}
    for ind in indicators:
        for key, period in (ind.get("periods") or {}).items():
            if key in names and period.get("realisation") is not None:
                values[(ind["code"], f"Realisasi {names[key]}")] = period["realisation"]
        for key, amount in ((ind.get("budget") or {}).get("quarters") or {}).items():
            if key in names and amount is not None:
                values[(ind["code"], f"Realisasi Anggaran {names[key]}")] = amount
        for field, header in (("kendala", "Kendala"), ("bukti_dukung", "Bukti Dukung")):
            text = (ind.get("text") or {}).get(field)
            if text is not None:
                values[(ind["code"], header)] = text
    return values


def fill_csv_forms(folder, out_folder, expected, left_empty):
    os.makedirs(out_folder, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        rows, h, delimiter, raw = read_csv_form(path)
        check(f"csv {stem} UTF-8 BOM, ';', CRLF", raw.startswith(b"\xef\xbb\xbf") and delimiter == ";"
              and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""))
        header = rows[h]
        for i, row in enumerate(rows[h + 1:]):
            code = row[0]
            for c, name in enumerate(header):
                if not is_input(code, name):
                    continue
                if row[c] != "":
                    text_value = is_qualitative(code) and not name.startswith("Realisasi Anggaran")
                    expected[(stem, code, name)] = row[c] if text_value else parse_number(row[c], ",")
                    continue
                if name == "Realisasi TW II" and i == 0:
                    left_empty.add((code, name))
                    continue
                value = fill_value(code, name, i)
                if value is None:
                    continue
                expected[(stem, code, name)] = value
                row[c] = str(value).replace(".", ",") if isinstance(value, float) else value
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
        with open(os.path.join(out_folder, stem + ".csv"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def find_soffice():
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("note: LibreOffice not found; trying one apt-get install of libreoffice-calc-nogui")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "libreoffice-calc-nogui"], capture_output=True, env=env)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(soffice, sources, out_folder, filter_options, locale):
    os.makedirs(out_folder, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="sakip-lo-profile-")
    env = dict(os.environ, LC_ALL=locale, LANG=locale, HOME=profile)
    run = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         f"csv:Text - txt - csv (StarCalc):{filter_options}", "--outdir", out_folder, *sources],
        capture_output=True, env=env, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    return run


def main():
    work = tempfile.mkdtemp(prefix="sakip-template-check-")
    forms = os.path.join(work, "formulir")
    run = sakip("template", "--definitions", "samples/indikator.csv", "--year", "2025", "--period", "TW2",
                "--out", forms, "--from", "samples/formulir-tw1", "--agency", "Dinas Komunikasi dan Informatika")
    check("template exit 0", run.returncode == 0, run.stderr.decode()[:500])
    workbooks = sorted(glob.glob(os.path.join(forms, "*.xlsx")))
    check("one XLSX and one CSV per section", len(workbooks) == 6 and len(glob.glob(os.path.join(forms, "*.csv"))) == 6)

    # The XLSX forms, read by openpyxl; then filled through openpyxl.
    filled_xlsx = os.path.join(work, "diisi-xlsx")
    os.makedirs(filled_xlsx)
    expected_xlsx, empty_xlsx = {}, set()
    for path in workbooks:
        check_workbook(path)
        fill_workbook(path, os.path.join(filled_xlsx, os.path.basename(path)), expected_xlsx, empty_xlsx)

    soffice = find_soffice()
    if soffice is None:
        print("note: LibreOffice cannot be installed here; the XLSX → CSV round trip through a real "
              "spreadsheet program was skipped")
    else:
        sources = sorted(glob.glob(os.path.join(filled_xlsx, "*.xlsx")))
        for label, options, locale in (("libreoffice-id ;", "59,34,76,1", "id_ID.UTF-8"),
                                       ("libreoffice-en ,", "44,34,76,1", "en_US.UTF-8")):
            out = os.path.join(work, "lo-" + label.split()[0])
            conversion = convert(soffice, sources, out, options, locale)
            written = glob.glob(os.path.join(out, "*.csv"))
            check(f"{label} converted every form", len(written) == len(sources), conversion.stderr.decode()[:500])
            compare_csv_values(label, out, expected_xlsx)
            validate(label, out, expected_xlsx, empty_xlsx)

    # The CSV forms, filled directly.
    filled_csv = os.path.join(work, "diisi-csv")
    expected_csv, empty_csv = {}, set()
    fill_csv_forms(forms, filled_csv, expected_csv, empty_csv)
    compare_csv_values("csv", filled_csv, expected_csv)
    validate("csv", filled_csv, expected_csv, empty_csv)

    shutil.rmtree(work, ignore_errors=True)
    finish("template")


if __name__ == "__main__":
    main()
