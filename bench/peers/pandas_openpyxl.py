#!/usr/bin/env python3
"""Peer 2 of `make bench`: the TW II recap workbook of SPEC §8, written with pandas and openpyxl.

    python3 bench/peers/pandas_openpyxl.py DEFINITIONS.csv FORMS_DIR OUT.xlsx

What a competent pandas user writes to produce the workbook `sakip recap --period TW2` writes,
from the same definitions and forms (SPEC §2-§5, §7, §8):

- Reading: each file is read once as bytes (size, hashlib SHA-256, encoding: UTF-8 with or
  without BOM, else Windows-1252), its delimiter taken from the header row, then parsed with
  `pandas.read_csv` (all cells as text). The title block (Unit Kerja, Tahun, Periode) and the
  header row are found per form; the columns are recognised by their folded header names.
  The rows of all forms are concatenated into one DataFrame and everything after that is
  vectorised: numbers in the file's decimal mark (`1.250.000,50` / `1,250,000.50`, `Rp`, `%`;
  empty, `-`, `n/a` = not reported; anything else an invalid number), values merged per
  (indicator, quarter) as sakip merges them (the first cell holding a value or an invalid
  number is kept; a different later value is a conflict), texts with `groupby().last()`,
  then joined to the definitions in their order.
- Measurement (SPEC §5) with numpy over the whole table: period values by `agregasi`, targets
  from the quarterly targets or the annual one, capaian `positif`/`negatif` (standard formula,
  zero and negative targets as §5.3), the Permendagri 86/2017 category, qualitative grades,
  progress to the annual target, budget, serapan, sisa and efisiensi; what cannot be measured
  carries the same reason text sakip writes (`belum lengkap: TW II`, `tanpa target periode`, …).
- Validasi: missing-form, missing-indicator, missing-value, missing-budget, no-header,
  duplicate-code, unknown-code (without sakip's nearest-code hint), invalid-number,
  orphan-value, conflict, year-mismatch, period-mismatch, budget-over-ceiling,
  fraction-percent, outlier, missing-explanation, missing-evidence, with sakip's Indonesian
  messages, sorted as sakip sorts them (section, file, line).
- Writing: the seven sheets in sakip's order (`Ringkasan`, `Pengukuran`, `Anggaran`,
  `Kelengkapan`, `Validasi`, `E.81`, `Sumber`), same title rows, group and header rows,
  columns, number formats, styles, conditional formatting of the capaian columns, frozen and
  filtered headers, widths sized to the content, A4 landscape fitted to the width with the
  same footer, the category chart; a table past Excel's last row goes on in `Name (2)`.
  Capaian, period values, sums and serapan are formulas over the cells they come from.
  openpyxl cannot store a formula's cached result: those cells hold the formula only
  (openpyxl marks the workbook `fullCalcOnLoad`; Excel and LibreOffice compute them on open),
  and the figures computed here serve for the categories, counts, notes and column widths.

Why openpyxl's write-only mode: `DataFrame.to_excel(engine="openpyxl")` writes values only,
through an in-memory workbook (a Python object per cell: the earlier one-sheet peer's 2.1
million unstyled cells peaked at 1 GB on the province corpus, and this workbook has 5 million,
all styled), and styling them or turning them into formulas afterwards means walking that
workbook cell by cell. `Workbook(write_only=True)` streams each row to the sheet's XML as it is
appended, so memory stays at the DataFrames (570 MB for the province). Every cell is a
`WriteOnlyCell` (each carries a border and a style); the styles are registered once as
`NamedStyle`s and assigned by name (assigning fonts, borders and number formats cell by cell is
about 50 % slower). Rows are appended from columns that pandas/numpy prepared whole: one value
and one style name per cell. openpyxl streams through lxml when it is installed (about 15 %
faster here), else through its pure-Python et_xmlfile.

Left out (sakip has it, a user would not write it for this recap): the JSON, the definitions
checks (invalid-definition), target-mismatch, unit-mismatch, extra-cells, the nearest-code
hint, `--cap`, `--negative-formula ratio`, `--categories`, `--signer`, unreadable-file
findings (an unreadable file stops the run), texts cut at Excel's 32,767 characters.
"""
import datetime
import glob
import hashlib
import io
import itertools
import os
import re
import shlex
import sys
import time

import numpy as np
import openpyxl
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

TITLE = "Rekapitulasi Capaian Kinerja"
PERIOD = 2  # the recap is for TW II, as `make bench` asks sakip for
QUARTERS = (1, 2)  # TW I … the period: S1 and "s.d. TW II" both span them
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
TW = {q: f"TW {r}" for q, r in ROMAN.items()}
NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
PERIOD_LABEL = f"{TW[PERIOD]} (s.d. {TW[PERIOD]})"
MAX_ROWS = 1_048_576  # rows of an Excel sheet
PADDING = 0.7109375  # Excel stores a column's width with the cell padding; openpyxl writes it as given
BANDS = [("Sangat Tinggi", 91.0), ("Tinggi", 76.0), ("Sedang", 66.0), ("Rendah", 51.0)]
CATEGORIES = [c for c, _ in BANDS] + ["Sangat Rendah"]
TOLERANCE = 1e-12  # sakip's allowance for binary rounding at a category bound
NOT_REPORTED = ["", "-", "–", "—", "n/a", "na", "n.a.", "#n/a"]
GRADES = [["AA", "A", "BB", "B", "CC", "C", "D"], ["WTP", "WDP", "TW", "TMP"]]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]

# --- column names ------------------------------------------------------------------------------

CODE_HEADERS = {"kode", "code", "kodeindikator", "indicatorcode"}
TEXT_HEADERS = {
    "kendala": {"kendala", "penghambat", "permasalahan", "hambatan", "obstacles", "obstacle"},
    "tindak_lanjut": {"tindaklanjut", "solusi", "upaya", "followup", "rencanatindaklanjut"},
    "bukti_dukung": {"buktidukung", "bukti", "evidence", "datadukung"},
}
DEFINITION_HEADERS = {
    "kode": CODE_HEADERS, "indikator": {"indikator", "indicator"}, "satuan": {"satuan", "unit"},
    "penanggung_jawab": {"penanggungjawab", "section", "unitkerja", "pj"},
    "target": {"target", "annualtarget", "targettahunan", "targetpk"},
    "level": {"level", "tingkat", "jenjang"}, "polaritas": {"polaritas", "polarity"},
    "agregasi": {"agregasi", "aggregation"}, "pagu": {"pagu", "budget", "paguanggaran"},
}
QUARTER_SUFFIX = re.compile(r"(?:triwulan|quarter|tw|q)(iv|iii|ii|i|1|2|3|4)")
LEVELS = {"tujuan": "Tujuan", "goal": "Tujuan", "sasaran": "Sasaran", "sasaranstrategis": "Sasaran",
          "objective": "Sasaran", "program": "Program", "kegiatan": "Kegiatan", "activity": "Kegiatan",
          "subkegiatan": "Subkegiatan", "subactivity": "Subkegiatan"}
POLARITIES = {"positif": "positif", "positive": "positif", "+": "positif", "negatif": "negatif",
              "negative": "negatif"}
AGGREGATIONS = {"akhir": "akhir", "last": "akhir", "jumlah": "jumlah", "sum": "jumlah", "total": "jumlah",
                "ratarata": "rata-rata", "rerata": "rata-rata", "mean": "rata-rata", "average": "rata-rata",
                "maks": "maks", "max": "maks", "maksimum": "maks", "maximum": "maks", "min": "min",
                "minimum": "min"}


def fold(text):
    """A header as sakip compares it: lower case, without spaces, `_`, `-`, `.`."""
    return re.sub(r"[\s_.\-\u00a0]+", "", str(text).lower())


def quarter_of(rest):
    """`tw2`, `triwulanii`, `q2` → 2; '' → 0 (the form's own period); else None."""
    if not rest:
        return 0
    m = QUARTER_SUFFIX.fullmatch(rest)
    return NUMERALS[m.group(1)] if m else None


def form_role(header):
    """What a form column holds (SPEC §3), as the name used in the row table, or None."""
    h = fold(header)
    if h in CODE_HEADERS:
        return "kode"
    if h in ("satuan", "unit"):
        return "satuan"
    for field, names in TEXT_HEADERS.items():
        if h in names:
            return field
    for prefixes, key in ((("realisasianggaran", "budgetrealisation", "budgetrealization", "anggaran"), "ra"),
                          (("realisasi", "realisation", "realization"), "r")):
        for prefix in prefixes:
            if h.startswith(prefix):
                q = quarter_of(h[len(prefix):])
                if q is not None:
                    return f"{key}{q}"
    return None


def definition_column(header):
    h = fold(header)
    for name, aliases in DEFINITION_HEADERS.items():
        if h in aliases:
            return name
    if h.startswith("target"):
        q = quarter_of(h[len("target"):])
        if q:
            return f"target_tw{q}"
    return None


# --- reading -----------------------------------------------------------------------------------


def load(path):
    """The file's text and what `Sumber` says of it: size, SHA-256, encoding, delimiter."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
        encoding = "UTF-8 BOM" if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding = "Windows-1252"
    # The delimiter is the one the header row (the row with `Kode`) is split by.
    head = text[:65536].splitlines()
    line = next((x for x in head if re.search(r"(?i)\b(kode|code)\b", x)), head[0] if head else "")
    delimiter = max((";", ",", "\t"), key=line.count)
    return text, {"file": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                  "encoding": encoding, "delimiter": delimiter}


NUMBER = {  # a number in the decimal comma / decimal point, thousands in groups of three
    True: re.compile(r"(?=.*\d)[-+\u2212]?\s*(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?(?:[eE][-+]?\d+)?"),
    False: re.compile(r"(?=.*\d)[-+\u2212]?\s*(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?"),
}
LOOKS_NUMERIC = re.compile(r"[\d., \-%]*\d[\d., \-%]*")


def parse_numbers(text, comma):
    """Numbers of a Series of stripped texts, by decimal mark (`comma`: bool, per row or for all).

    Returns (values, problems): NaN where not reported or invalid; the problem of an invalid
    cell (`other`: it reads only with the other mark, `ambiguous`, `text`), None elsewhere.
    """
    comma = pd.Series(comma, index=text.index) if np.ndim(comma) == 0 else comma
    values = pd.Series(np.nan, index=text.index)
    problems = pd.Series(None, index=text.index, dtype=object)
    reported = ~text.str.lower().isin(NOT_REPORTED)
    for mark in (True, False):
        part = text[reported & (comma == mark)]
        if part.empty:
            continue
        core = part.str.replace(r"^([-+\u2212]?)\s*[Rr][Pp]\.?\s*", r"\1", regex=True).str.replace(
            r"\s*%$", "", regex=True)
        ok = core.str.fullmatch(NUMBER[mark])
        sep, dec = (".", ",") if mark else (",", ".")
        digits = (core[ok].str.replace(sep, "", regex=False).str.replace(dec, ".", regex=False)
                  .str.replace("\u2212", "-", regex=False).str.replace(" ", "", regex=False))
        values[digits.index] = pd.to_numeric(digits, errors="coerce")
        bad = core[~ok]
        if not bad.empty:
            problems[bad.index] = np.where(bad.str.fullmatch(NUMBER[not mark]), "other",
                                           np.where(bad.str.fullmatch(LOOKS_NUMERIC), "ambiguous", "text"))
    return values, problems


def read_definitions(path):
    text, source = load(path)
    defs = pd.read_csv(io.StringIO(text), sep=source["delimiter"], dtype=str, na_filter=False)
    source["rows"] = len(defs) + 1
    defs.columns = [definition_column(c) or f"_{i}" for i, c in enumerate(defs.columns)]
    defs = defs.loc[:, ~defs.columns.duplicated()]
    for c in ("level", "polaritas", "agregasi", "pagu") + tuple(f"target_tw{q}" for q in range(1, 5)):
        if c not in defs.columns:
            defs[c] = ""
    for c in defs.columns:
        defs[c] = defs[c].str.strip()
    comma = source["delimiter"] != ","
    defs["T"], _ = parse_numbers(defs["target"], comma)
    defs["qual"] = defs["T"].isna()  # a target that is not a number is a grade (SPEC §5.5)
    for q in range(1, 5):
        t = defs[f"target_tw{q}"]
        defs[f"tq{q}"], _ = parse_numbers(t, comma)
        defs[f"tq{q}_given"] = ~t.str.lower().isin(NOT_REPORTED)
    defs["has_qt"] = defs[[f"tq{q}_given" for q in range(1, 5)]].any(axis=1)
    defs["pagu_n"], _ = parse_numbers(defs["pagu"], comma)
    defs["level_label"] = defs["level"].map(fold).map(LEVELS).fillna("")
    defs["polaritas"] = defs["polaritas"].map(fold).map(POLARITIES).fillna("positif")
    defs["agregasi"] = defs["agregasi"].map(fold).map(AGGREGATIONS).fillna("akhir")
    defs["section"] = defs["penanggung_jawab"]
    return defs.reset_index(drop=True), source


def title_block(rows):
    """Unit Kerja, Tahun and Periode from the (cells, line) rows above the header."""
    found = {}
    for cells, line in rows:
        cells = [c.strip() for c in cells if c.strip()]
        if not cells:
            continue
        label, value = cells[0], cells[1] if len(cells) > 1 else None
        if value is None and ":" in label:
            label, value = label.split(":", 1)
            value = value.strip()
        if not value:
            continue
        key = fold(label.replace(":", ""))
        if key in ("unitkerja", "bidang", "bagian", "seksi", "penanggungjawab", "section", "subbagian",
                   "perangkatdaerah"):
            found.setdefault("section", value)
        elif key in ("tahun", "year", "tahunanggaran") and value.isdigit() and 1900 <= int(value) <= 2200:
            found.setdefault("year", (int(value), line))
        elif key in ("periode", "triwulan", "period", "quarter"):
            m = re.match(r"(?:triwulan|quarter|tw|q)?[\s\-_.]*([ivx\d]+)", value.lower())
            if m and m.group(1) in NUMERALS:
                found.setdefault("period", (NUMERALS[m.group(1)], line))
    return found


ROW_COLUMNS = ("kode", "r1", "r2", "ra1", "ra2", "kendala", "tindak_lanjut", "bukti_dukung")


def read_form(path, number):
    """One form: (its rows as a DataFrame, what is known of the form, its `Sumber` entry)."""
    text, source = load(path)
    delimiter = source["delimiter"]
    width = max((line.count(delimiter) for line in text.splitlines()), default=0) + 1
    raw = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, names=range(width), dtype=str,
                      na_filter=False, skip_blank_lines=False)
    source["rows"] = len(raw)
    cells = raw.to_numpy()
    # Physical line of each record: 1 + its index + the line breaks quoted in the records before.
    lines = np.arange(1, len(raw) + 1)
    if text.count("\n") > len(raw) - (0 if text.endswith("\n") else 1):
        inner = pd.Series(cells.ravel()).str.count("\n").to_numpy().reshape(cells.shape).sum(axis=1)
        lines[1:] += np.cumsum(inner)[:-1]
    form = {"file": path, "comma": delimiter != ",", "columns": {}}
    header = next((i for i, row in enumerate(cells) if any(fold(c) in CODE_HEADERS for c in row if c)), None)
    form.update(title_block(zip(cells[:header if header is not None else len(cells)], lines)))
    form["header"] = header is not None
    if header is None:
        form["first_line"] = int(lines[0]) if len(lines) else None
        return None, form, source
    own = form.get("period", (PERIOD, 0))[0]
    keep = {}
    for i, name in enumerate(cells[header]):
        role = form_role(name)
        if role in ("r0", "ra0"):
            role = role[:-1] + str(own)
        if role in ROW_COLUMNS and role not in keep:
            keep[role] = i
            form["columns"][role] = name.strip()
    body = pd.DataFrame(cells[header + 1:, list(keep.values())], columns=list(keep))
    # A row of column numbers under the header (`1;2;3;…`), as many Indonesian forms have, is not data.
    numbered = [i for i, row in enumerate(cells[header + 1:], header + 1) if str(row[keep["kode"]]).strip() == "1"
                and len(filled := [c.strip() for c in row if c.strip()]) >= 3
                and filled == [str(k) for k in range(1, len(filled) + 1)]]
    body = body.assign(form=number, line=lines[header + 1:])
    return body.drop(index=[i - header - 1 for i in numbered]), form, source


# --- measurement (SPEC §5), over whole columns ----------------------------------------------


def quarter_list(masks):
    """`TW I`, `TW I dan TW II` from one boolean array per quarter of QUARTERS (object array)."""
    names = [TW[q] for q in QUARTERS]
    out = np.full(len(masks[0]), "", dtype=object)
    for combo in itertools.product((False, True), repeat=len(masks)):
        chosen = [n for n, c in zip(names, combo) if c]
        if not chosen:
            continue
        hit = np.logical_and.reduce([m if c else ~m for m, c in zip(masks, combo)])
        out[hit] = chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " dan " + chosen[-1]
    return out


def combine(values, agg):
    """Quarter values combined by `agregasi`: the last, sum, mean, largest, smallest."""
    total = values[0]
    for v in values[1:]:
        total = total + v
    return np.select([agg == "akhir", agg == "jumlah", agg == "rata-rata", agg == "maks"],
                     [values[-1], total, total / len(values), np.maximum.reduce(values)],
                     np.minimum.reduce(values))


SHORT = {"nr": "belum lengkap: {q}", "qtm": "tanpa target: {q}", "tnn": "target bukan angka: {q}",
         "ntp": "tanpa target periode", "zero": "target 0", "qual": "kualitatif"}
LONG = {"nr": "realisasi {q} belum dilaporkan", "qtm": "target triwulan {q} tidak ada di Rencana Aksi",
        "tnn": "target {q} bukan angka",
        "ntp": "tidak ada target untuk periode ini: indikator dijumlahkan dan hanya punya target tahunan",
        "zero": "target 0: capaian indikator positif tidak dapat dihitung",
        "qual": "indikator kualitatif: hanya status tercapai/tidak tercapai, tanpa persentase"}
NOTES = {"clamp": "realisasi lebih dari dua kali target: capaian ditetapkan 0",
         "zerox": "target 0 dan realisasi di atas 0: capaian ditetapkan 0"}


def reason_text(kind, quarters, table):
    """The text of each reason (`kind`: object array of SHORT/LONG keys or None)."""
    out = np.full(len(kind), None, dtype=object)
    for key, template in table.items():
        hit = kind == key
        if hit.any():
            out[hit] = [template.format(q=q) for q in quarters[hit]] if "{q}" in template else template
    return out


def achievement(t, r, negative):
    """Capaian in percent (SPEC §5.3) and its note; NaN where T = 0 for a `positif` indicator."""
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = np.where(t > 0, r * 100 / t, 100 + (r - t) * 100 / np.abs(t))
        neg = np.where(t > 0, (2 * t - r) * 100 / t, 100 + (t - r) * 100 / np.abs(t))
    neg_zero = np.where(r <= 0, 100.0, 0.0)
    value = np.where(negative, np.where(t == 0, neg_zero, np.maximum(neg, 0)), np.where(t == 0, np.nan, pos))
    note = np.full(len(t), None, dtype=object)
    note[negative & (t != 0) & (neg < 0)] = "clamp"
    note[negative & (t == 0) & (r > 0)] = "zerox"
    return value + 0.0, note


def grade_status(target, real):
    """`tercapai` / `tidak tercapai` of text realisations against text targets (SPEC §5.5)."""
    t = pd.Series(target).fillna("").str.replace(r"\s+", "", regex=True).str.upper()
    r = pd.Series(real).fillna("").str.replace(r"\s+", "", regex=True).str.upper()
    achieved = (t == r).to_numpy()
    for scale in GRADES:
        rank = {g: i for i, g in enumerate(scale)}
        tr, rr = t.map(rank), r.map(rank)
        on = (tr.notna() & rr.notna()).to_numpy()
        achieved = np.where(on, (rr <= tr).to_numpy(), achieved)
    return np.where(achieved, "tercapai", "tidak tercapai").astype(object)


def category(value):
    out = np.full(len(value), None, dtype=object)
    out[~np.isnan(value)] = "Sangat Rendah"
    for name, bound in reversed(BANDS):  # best last, so a value on a bound gets the higher one
        out[value >= bound - TOLERANCE * max(abs(bound), 1)] = name
    return out


def outcome(target, ttext, treason, real, rtext, rreason, polarity_negative, n):
    """Achievement, note, status and the reason that applies first (realisation, target, formula)."""
    reason = np.where(rreason != None, rreason, treason)  # noqa: E711 (object arrays)
    numbers = (reason == None) & ~np.isnan(target) & ~np.isnan(real)  # noqa: E711
    ach, note = achievement(np.where(numbers, target, 1.0), np.where(numbers, real, 0.0), polarity_negative)
    ach = np.where(numbers, ach, np.nan)
    note = np.where(numbers, note, None)
    reason = np.where(numbers & np.isnan(ach), "zero", reason)
    qual = (reason == None) & ~numbers  # noqa: E711
    status = np.full(n, None, dtype=object)
    if qual.any():
        status[qual] = grade_status(ttext[qual], rtext[qual])
    reason = np.where(qual, "qual", reason)
    return ach, note, status, reason


def measure(df, merged):
    """Every figure of the recap at TW II, as columns (numpy arrays) named by what they are."""
    n = len(df)
    m = {}
    agg = df["agregasi"].to_numpy()
    qual = df["qual"].to_numpy()
    negative = (df["polaritas"] == "negatif").to_numpy()
    last_only = (agg == "akhir") | qual
    has_qt = df["has_qt"].to_numpy()
    annual = df["T"].to_numpy()
    annual_text = df["target"].to_numpy(dtype=object)
    for q in QUARTERS:
        m[f"r{q}"] = merged[f"r{q}"].to_numpy(dtype=float)
        m[f"r{q}t"] = merged[f"r{q}t"].to_numpy(dtype=object)
        m[f"rep{q}"] = ~np.isnan(m[f"r{q}"]) | pd.notna(m[f"r{q}t"])

    def period(quarters):
        """Target, realisation and outcome over `quarters` (SPEC §5.1-§5.3)."""
        p = {}
        needed = {q: (q == quarters[-1]) | ~last_only for q in quarters}
        # Realisation: every quarter it needs reported, else `notReported` naming them.
        missing = [needed[q] & ~m[f"rep{q}"] for q in quarters]
        if len(quarters) < len(QUARTERS):
            missing = [missing[0] if q == quarters[0] else np.zeros(n, bool) for q in QUARTERS]
        any_missing = np.logical_or.reduce(missing)
        p["missing"] = quarter_list(missing)
        rreason = np.where(any_missing, "nr", None)
        p["real"] = np.where(any_missing | qual, np.nan, combine([m[f"r{q}"] for q in quarters], agg))
        p["real_text"] = np.where(~any_missing & qual, m[f"r{quarters[-1]}t"], None)
        # Target: from the quarterly targets when there are any, else the annual target.
        tq = [df[f"tq{q}"].to_numpy() for q in quarters]
        given = [df[f"tq{q}_given"].to_numpy() for q in quarters]
        tmiss = [needed[q] & has_qt & ~g for q, g in zip(quarters, given)]
        tnn = [needed[q] & has_qt & g & np.isnan(t) for q, g, t in zip(quarters, given, tq)]
        pad = (lambda a: a) if len(quarters) == len(QUARTERS) else (
            lambda a: [a[0] if q == quarters[0] else np.zeros(n, bool) for q in QUARTERS])
        no_period = ~has_qt & (agg == "jumlah")  # an annual target only: none for part of a year
        treason = np.select([qual, np.logical_or.reduce(tmiss), np.logical_or.reduce(tnn), no_period],
                            [None, "qtm", "tnn", "ntp"], None)
        p["tquarters"] = np.where(treason == "qtm", quarter_list(pad(tmiss)), quarter_list(pad(tnn)))
        p["target"] = np.where((treason == None) & ~qual,  # noqa: E711
                               np.where(has_qt, combine(tq, agg), annual), np.nan)
        last_target = df[f"target_tw{quarters[-1]}"].to_numpy(dtype=object)
        p["target_text"] = np.where(qual, np.where(given[-1], last_target, annual_text), None)
        p["treason"] = treason
        p["ach"], p["note"], p["status"], p["reason"] = outcome(
            p["target"], p["target_text"], treason, p["real"], p["real_text"], rreason, negative, n)
        p["category"] = category(p["ach"])
        p["reason_q"] = np.where(p["reason"] == "nr", p["missing"], p["tquarters"])
        return p

    m["quarters"] = {q: period((q,)) for q in QUARTERS}
    m["ytd"] = period(QUARTERS)  # S1 and s.d. TW II are the same quarters at TW II
    ytd = m["ytd"]
    # Progress: the realisation to date against the annual target.
    rreason = np.where(ytd["reason"] == "nr", "nr", None)
    a = {}
    a["ach"], a["note"], a["status"], a["reason"] = outcome(
        np.where(qual, np.nan, annual), np.where(qual, annual_text, None), np.full(n, None, dtype=object),
        ytd["real"], ytd["real_text"], rreason, negative, n)
    a["reason_q"] = ytd["missing"]
    m["annual"] = a
    # Budget (SPEC §5.6): summed over quarters whatever the agregasi.
    pagu = df["pagu_n"].to_numpy()
    b = {"has": ~np.isnan(pagu), "pagu": pagu}
    for q in QUARTERS:
        b[f"ra{q}"] = merged[f"ra{q}"].to_numpy(dtype=float)
    bmiss = [np.isnan(b[f"ra{q}"]) for q in QUARTERS]
    b["missing"] = quarter_list(bmiss)
    b["incomplete"] = np.logical_or.reduce(bmiss)
    b["to_date"] = np.where(b["incomplete"], np.nan, sum(b[f"ra{q}"] for q in QUARTERS))
    with np.errstate(divide="ignore", invalid="ignore"):
        b["absorption"] = np.where(pagu > 0, b["to_date"] * 100 / pagu, np.nan)
    b["remaining"] = pagu - b["to_date"]
    b["efficiency"] = ytd["ach"] - b["absorption"]
    m["budget"] = b
    return m


# --- workbook ----------------------------------------------------------------------------------

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)


def solid(rgb):
    return PatternFill("solid", start_color="FF" + rgb, end_color="FF" + rgb)


CATEGORY_COLOURS = {"Sangat Tinggi": ("1E8449", "FFFFFF"), "Tinggi": ("82E0AA", "000000"),
                    "Sedang": ("F9E79F", "000000"), "Rendah": ("F5B041", "000000"),
                    "Sangat Rendah": ("C0392B", "FFFFFF")}
STYLES = {
    "text": dict(border=BOX, alignment=TOP),
    "wrapped": dict(border=BOX, alignment=WRAP),
    "reason": dict(font=Font(italic=True, color="FF7F7F7F"), border=BOX, alignment=WRAP),
    "integer": dict(border=BOX, alignment=TOP, number_format="#,##0"),
    "decimal": dict(border=BOX, alignment=TOP, number_format="#,##0.00##"),
    "percent": dict(border=BOX, alignment=TOP, number_format="0.00"),
    "rupiah": dict(border=BOX, alignment=TOP, number_format="#,##0"),
    "header": dict(font=Font(bold=True), fill=solid("D9E1F2"), border=BOX,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
    "group": dict(font=Font(bold=True), fill=solid("B4C6E7"), border=BOX,
                  alignment=Alignment(horizontal="center", vertical="center")),
    "title": dict(font=Font(bold=True, size=14)),
    "bold": dict(font=Font(bold=True)),
    "legend": dict(font=Font(italic=True)),
    "integer left": dict(alignment=Alignment(horizontal="left"), number_format="0"),
    "total label": dict(font=Font(bold=True), border=BOX),
    "total number": dict(font=Font(bold=True), border=BOX, number_format="#,##0"),
    "tercapai": dict(font=Font(bold=True), fill=solid("C6EFCE"), border=BOX, alignment=TOP),
    "tidak tercapai": dict(font=Font(bold=True), fill=solid("FFC7CE"), border=BOX, alignment=TOP),
    "lengkap": dict(font=Font(bold=True), fill=solid("C6EFCE"), border=BOX, alignment=TOP),
    "belum lengkap": dict(font=Font(bold=True), fill=solid("FFEB9C"), border=BOX, alignment=TOP),
    "belum mengirim formulir": dict(font=Font(bold=True), fill=solid("FFC7CE"), border=BOX, alignment=TOP),
    "KESALAHAN": dict(font=Font(bold=True, color="FF9C0006"), fill=solid("FFC7CE"), border=BOX, alignment=TOP),
    "PERINGATAN": dict(font=Font(bold=True, color="FF9C5700"), fill=solid("FFEB9C"), border=BOX, alignment=TOP),
    **{f"level {i}": dict(border=BOX, alignment=Alignment(vertical="top", indent=i)) for i in range(3)},
    **{c: dict(font=Font(bold=True, color=None if fg == "000000" else "FF" + fg), fill=solid(bg), border=BOX,
                alignment=TOP)
       for c, (bg, fg) in CATEGORY_COLOURS.items()},
}
FORMULA_STYLES = {"integer", "decimal", "percent", "rupiah", "total number"}  # a "=…" here is a formula
UNGROUPED = {"integer", "rupiah"}  # number formats without decimals (for column widths)


def new_workbook():
    wb = Workbook(write_only=True)
    for name, kw in STYLES.items():
        wb.add_named_style(NamedStyle(name=name, **kw))
    wb.properties.title = TITLE
    wb.properties.creator = "pandas + openpyxl peer"
    return wb


def cell(ws, value, style):
    """A styled cell; text from the inputs stays text even when it begins with `=`."""
    c = WriteOnlyCell(ws, value)
    if c.data_type == "f" and style not in FORMULA_STYLES:
        c.data_type = "s"
    if style:
        c.style = style
    return c


def number_style(values):
    """`integer` for whole numbers, `decimal` for fractions, as sakip chooses per cell."""
    return np.where((values == np.round(values)) & (np.abs(values) < 1e15), "integer", "decimal")


def objects(values):
    """An object array of Python values with None for NaN (a styled blank cell)."""
    out = np.asarray(values, dtype=object)
    if out.dtype == object and len(out):
        out = out.copy()
        out[pd.isna(out)] = None
    return out


def pick(n, *choices, default=(None, "text")):
    """Per row, the (value, style) of the first choice whose mask holds (masks, values, styles)."""
    masks = [np.broadcast_to(c[0], (n,)) for c in choices]
    values = np.select(masks, [np.broadcast_to(objects(c[1]) if np.ndim(c[1]) else c[1], (n,)).astype(object)
                               for c in choices], default[0])
    styles = np.select(masks, [np.broadcast_to(np.asarray(c[2], dtype=object), (n,)) for c in choices], default[1])
    return values, styles


def page_rows(n, first_row, trailer=0):
    """The sheet (0, 1, …) and the 1-based row of each of n table rows, and rows per sheet."""
    per_page = MAX_ROWS - trailer - (first_row - 1)
    i = np.arange(n)
    return i // per_page, first_row + i % per_page, per_page


def formulas(template, kinds, rows):
    """`template[kind]` with `{r}` the row number, per row (None where no template)."""
    out = np.full(len(rows), None, dtype=object)
    numbers = rows.astype(str).astype(object)
    for kind, text in template.items():
        hit = kinds == kind
        if hit.any():
            parts = text.split("{r}")
            f = np.full(int(hit.sum()), parts[0], dtype=object)
            for part in parts[1:]:
                f = f + numbers[hit] + part
            out[hit] = f
    return out


def widths(columns, labels, fixed):
    """Column widths from the widest content, as sakip sizes them (between 6 and 40)."""
    out = []
    for i, (label, (values, styles, shown)) in enumerate(zip(labels, columns)):
        words = max((len(w) for w in label.split(" ")), default=0)
        widest = min(len(label), max(12, words))
        v = pd.Series(shown if shown is not None else values, dtype=object)
        s = pd.Series(np.broadcast_to(np.asarray(styles, dtype=object), (len(v),)))
        is_num = v.map(type) == float
        if is_num.any():
            x = v[is_num].astype(float).abs()
            digits = np.where(x < 1, 1, np.floor(np.log10(np.maximum(x, 1))) + 1)
            w = digits + (digits - 1) // 3 + np.where(s[is_num].isin(UNGROUPED), 0, 3) + (v[is_num] < 0)
            widest = max(widest, int(w.max()))
        is_text = v.map(type) == str
        if is_text.any():
            t = v[is_text]
            w = t.str.len()
            multi = t.str.contains("\n", regex=False)
            if multi.any():
                w[multi] = t[multi].map(lambda x: max(len(p) for p in x.split("\n")))
            w = np.where(s[is_text] == "reason", np.minimum(w, 14), w)
            widest = max(widest, int(w.max()))
        out.append(fixed.get(i, min(max(widest + 2, 6), 40)))
    return out


def prepare_print(ws):
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.oddFooter.left.text = TITLE.replace("&", "&&")
    ws.oddFooter.right.text = "Halaman &P dari &N"


def colour_rules(ws, ref):
    """Conditional formats of a capaian range: one `between` rule per category, best first."""
    lowered = [b - TOLERANCE * max(abs(b), 1) for _, b in BANDS]
    bounds = [1e300] + lowered + [-1e300]
    for name, high, low in zip(CATEGORIES, bounds, bounds[1:]):
        bg, fg = CATEGORY_COLOURS[name]
        ws.conditional_formatting.add(ref, CellIsRule(operator="between", formula=[repr(low), repr(high)],
                                                      font=Font(color="FF" + fg) if fg != "000000" else None,
                                                      fill=solid(bg)))


def table_sheets(wb, name, heading, year, labels, columns, fixed, legend=None, groups=None,
                 frozen=0, colour=(), trailer=0, after=None):
    """A table over as many sheets as Excel's row limit needs: `name`, `name (2)`, …

    `columns`: one (values, styles, shown) per column: the cell values (formulas as `=…`),
    their style names (one per cell, or one for the column) and, for formula columns, the
    figures they compute (for the widths). Returns the sheet names.
    """
    n = len(columns[0][0]) if columns else 0
    header_row = 5 if groups else 4
    first = header_row + 1
    _, _, per_page = page_rows(n, first, trailer)
    sizes = widths(columns, labels, fixed)
    names = []
    for page, start in enumerate(range(0, max(n, 1), per_page)):
        stop = min(n, start + per_page)
        title = name if page == 0 else f"{name} ({page + 1})"
        ws = wb.create_sheet(title)
        names.append(title)
        for i, w in enumerate(sizes):
            ws.column_dimensions[get_column_letter(i + 1)].width = w + PADDING
        last_col = get_column_letter(len(labels))
        ws.freeze_panes = f"{get_column_letter(frozen + 1)}{first}"
        ws.print_title_rows = f"{header_row - 1 if groups else header_row}:{header_row}"
        ws.auto_filter.ref = f"A{header_row}:{last_col}{max(header_row, first + stop - start - 1)}"
        prepare_print(ws)
        if stop > start:
            for col in colour:
                letter = get_column_letter(col + 1)
                colour_rules(ws, f"{letter}{first}:{letter}{first + stop - start - 1}")
        suffix = f" (lanjutan {page + 1})" if page else ""
        ws.append([cell(ws, TITLE, "title")])
        ws.append([cell(ws, f"{heading}{suffix} — {PERIOD_LABEL}, tahun {year}", "bold")])
        ws.append([cell(ws, legend, "legend")] if legend else [])
        if groups:
            row = [cell(ws, None, "group") for _ in labels]
            for text, a, b in groups:
                row[a] = cell(ws, text, "group")
                ws.merged_cells.add(f"{get_column_letter(a + 1)}4:{get_column_letter(b + 1)}4")
            ws.append(row)
        ws.append([cell(ws, label, "header") for label in labels])
        values = [v[start:stop] for v, _, _ in columns]
        styles = [itertools.repeat(s) if isinstance(s, str) else s[start:stop] for _, s, _ in columns]
        for vals, stys in zip(zip(*values), zip(*styles)):
            ws.append([cell(ws, v, s) for v, s in zip(vals, stys)])
        if after and page == max(n - 1, 0) // per_page:
            after(ws)
    return names


def write_summary(wb, ctx, m, df, status):
    """`Ringkasan`: facts, the categories (with a chart) and the categories per section."""
    ws = wb.create_sheet("Ringkasan")
    ws.freeze_panes = "A2"
    ws.column_dimensions["A"].width = 34 + PADDING
    for i in range(2, 15):
        ws.column_dimensions[get_column_letter(i)].width = 14 + PADDING
    prepare_print(ws)
    ws.append([cell(ws, TITLE, "title")])
    ws.append([])
    facts = [("Tahun", ctx["year"]), ("Periode", PERIOD_LABEL), ("Dibuat", ctx["created"]),
             ("Definisi indikator", ctx["sources"][0]["file"]),
             ("Formulir", f"{len(ctx['sources']) - 1} berkas (rincian di lembar Sumber)"),
             ("Indikator", len(df)),
             ("Temuan validasi", f"{ctx['errors']} kesalahan, {ctx['warnings']} peringatan (lembar Validasi)")]
    for label, value in facts:
        ws.append([cell(ws, label, "bold"),
                   cell(ws, value, "integer left") if isinstance(value, int) else cell(ws, value, None)])
    ytd = m["ytd"]
    kinds = np.select([ytd["category"] != None, ytd["status"] == "tercapai",  # noqa: E711
                       ytd["status"] == "tidak tercapai", ytd["reason"] == "nr"],
                      [ytd["category"], "Tercapai (kualitatif)", "Tidak tercapai (kualitatif)", "Belum lengkap"],
                      "Tidak dapat diukur")
    rows = [(c, r) for c, r in zip(CATEGORIES, ["≥ 91", "76 – < 91", "66 – < 76", "51 – < 66", "< 51"])]
    rows += [("Tercapai (kualitatif)", "status"), ("Tidak tercapai (kualitatif)", "status"),
             ("Belum lengkap", "data belum dilaporkan"), ("Tidak dapat diukur", "mis. target 0")]
    order = [label for label, _ in rows]
    table = pd.crosstab(df["section"], pd.Categorical(kinds, categories=order), dropna=False)
    table = table.reindex(pd.unique(df["section"]))
    counts = table.sum()
    first, total = 13, 13 + len(rows)
    ws.append([])
    ws.append([cell(ws, f"Kategori capaian s.d. {TW[PERIOD]} — semua indikator", "bold")])
    ws.append([cell(ws, h, "header") for h in ("Kategori", "Rentang capaian (%)", "Jumlah indikator",
                                                "Persentase (%)")])
    for i, (label, span) in enumerate(rows):
        r = first + i
        ws.append([cell(ws, label, label if i < 5 else "text"), cell(ws, span, "text"),
                   cell(ws, int(counts[label]), "integer"),
                   cell(ws, f"=IF(C{total}=0,0,C{r}*100/C{total})", "percent")])
    ws.append([cell(ws, "Jumlah", "total label"), cell(ws, None, "total label"),
               cell(ws, f"=SUM(C{first}:C{total - 1})", "total number"),
               cell(ws, f"=IF(C{total}=0,0,100)", "percent")])
    chart = BarChart()
    chart.type = "col"
    chart.title = f"Jumlah indikator per kategori capaian s.d. {TW[PERIOD]}"
    data = Reference(ws, min_col=3, min_row=first, max_row=total - 1)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=total - 1))
    chart.series[0].tx = SeriesLabel(v="Jumlah indikator")
    chart.legend = None
    ws.add_chart(chart, f"F{first - 2}")
    for _ in range(total + 1, 29):
        ws.append([])
    ws.append([cell(ws, "Kategori capaian dan kelengkapan per unit kerja", "bold")])
    ws.append([cell(ws, h, "header") for h in ["Unit kerja"] + order + [
        "Jumlah", "Indikator dilaporkan lengkap", "Kelengkapan (%)", "Status"]])
    r = 31
    for section, counts_row in table.iterrows():
        st = status.get(section)
        row = [cell(ws, section, "wrapped")] + [cell(ws, int(c), "integer") for c in counts_row]
        row.append(cell(ws, f"=SUM(B{r}:J{r})", "total number"))
        if st is not None:
            row += [cell(ws, st["reported"], "integer"), cell(ws, f"=IF(K{r}=0,0,L{r}*100/K{r})", "percent"),
                    cell(ws, st["state"], st["state"])]
        ws.append(row)
        r += 1


# --- validation (SPEC §7) ----------------------------------------------------------------------


def id_number(x, decimals=4):
    """A number as Indonesians write it: `1.250.000,5` (at most `decimals`, zeros dropped)."""
    if not np.isfinite(x) or abs(x) >= 1e15:
        return repr(x)
    text = f"{abs(x):,.{decimals}f}".rstrip("0").rstrip(".")
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if x < 0 and text.strip("0,.") else "") + text


MARK_NAME = {True: "koma sebagai pemisah desimal (mis. 1,5 atau 1.250.000,50)",
             False: "titik sebagai pemisah desimal (mis. 1.5 atau 1,250,000.50)"}


def number_message(text, problem, comma):
    clipped = text if len(text) <= 60 else f"{text[:60]}… ({len(text)} karakter)"
    if problem == "other":
        flag = "--decimal-point" if comma else "--decimal-comma"
        return (f"\"{clipped}\" tidak dapat dibaca dengan pasti: berkas ini memakai {MARK_NAME[comma]}. "
                f"Tulis ulang angkanya dengan cara itu. (Tim SAKIP: jika seluruh berkas memakai cara lain, "
                f"jalankan ulang dengan {flag}.)")
    if problem == "ambiguous":
        return (f"\"{clipped}\" bukan angka yang jelas (pemisah ribuan harus per tiga angka, satu tanda desimal). "
                f"Tulis satu angka saja, dengan {MARK_NAME[comma]}.")
    return (f"\"{clipped}\" bukan angka. Isi dengan angka saja (tanpa kata); tulis penjelasan di kolom "
            "Kendala atau Keterangan.")


FINDING_COLUMNS = ["severity", "check", "section", "file", "line", "column", "code", "message"]


def findings_frame(check, severity, frame=None, **columns):
    """Findings of one check as a DataFrame (columns from `frame` or given)."""
    data = {k: (frame[v].to_numpy() if isinstance(v, str) and frame is not None and v in frame else v)
            for k, v in columns.items()}
    size = len(frame) if frame is not None else 1
    out = pd.DataFrame({k: data.get(k) for k in ("section", "file", "line", "column", "code", "message")},
                       index=range(size))
    out.insert(0, "check", check)
    out.insert(0, "severity", severity)
    return out


# --- the recap -----------------------------------------------------------------------------------


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    defs_path, forms_dir, out = sys.argv[1:4]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    now = datetime.datetime.fromtimestamp(epoch, datetime.timezone(datetime.timedelta(hours=7)))
    created = f"{now.day} {MONTHS[now.month - 1]} {now.year} {now:%H:%M} WIB"

    defs, defs_source = read_definitions(defs_path)
    n = len(defs)
    sections = list(pd.unique(defs["section"]))
    section_order = {s: i for i, s in enumerate(sections)}
    section_key = {" ".join(s.lower().split()): s for s in reversed(sections)}
    code_pos = pd.Series(np.arange(n), index=defs["kode"].to_numpy())
    code_pos = code_pos[~code_pos.index.duplicated()]

    paths = sorted(p for p in glob.glob(os.path.join(forms_dir, "**", "*"), recursive=True)
                   if p.lower().endswith(".csv") and not os.path.basename(p).startswith("~$") and os.path.isfile(p))
    bodies, forms, sources = [], [], [defs_source]
    for i, path in enumerate(paths):
        body, form, source = read_form(path, i)
        forms.append(form)
        sources.append(source)
        if body is not None:
            bodies.append(body)
    forms = pd.DataFrame(forms)
    rows = pd.concat(bodies, ignore_index=True) if bodies else pd.DataFrame(columns=ROW_COLUMNS + ("form", "line"))
    for c in ROW_COLUMNS:
        rows[c] = rows[c].fillna("").str.strip() if c in rows else ""
    rows["file"] = forms["file"].to_numpy()[rows["form"].to_numpy(dtype=int)]
    rows["comma"] = forms["comma"].to_numpy()[rows["form"].to_numpy(dtype=int)]
    found = []  # DataFrames of findings, in the order sakip checks

    def column_name(role, form_index, default):
        names = forms["columns"].to_numpy()[np.asarray(form_index, dtype=int)]
        return np.array([c.get(role, default) for c in names], dtype=object)

    # Forms without a header row.
    if not forms.empty and not forms["header"].all():
        bad = forms[~forms["header"]]
        if len(bad):
            sec = bad.get("section", pd.Series(None, index=bad.index)).map(
                lambda s: section_key.get(" ".join(str(s).lower().split()), s) if isinstance(s, str) else None)
            found.append(findings_frame(
                "no-header", "error", bad.assign(sec=sec.to_numpy()), section="sec", file="file",
                line="first_line",
                message='Baris judul tabel tidak ditemukan: tidak ada kolom "Kode". Pakai formulir dari Tim SAKIP '
                        "tanpa mengubah judul kolomnya."))

    # Which section each form is from: its title block, else most of its codes.
    form_section = forms.get("section", pd.Series(None, index=forms.index)).map(
        lambda s: section_key.get(" ".join(s.lower().split())) if isinstance(s, str) else None)
    heading = rows["kode"] == ""
    coded = rows[~heading]
    known_pos = coded["kode"].map(code_pos)
    if form_section.isna().any() and len(coded):
        majority = (defs["section"].to_numpy()[known_pos.dropna().astype(int)])
        votes = pd.DataFrame({"form": coded["form"][known_pos.notna()].to_numpy(), "section": majority})
        firsts = votes.groupby(["form", "section"], sort=False).size().reset_index()
        firsts = firsts.loc[firsts.groupby("form", sort=False)[0].idxmax()]
        form_section = form_section.fillna(pd.Series(firsts["section"].to_numpy(), index=firsts["form"].to_numpy()))
    forms["sec"] = form_section
    rows["form_section"] = form_section.to_numpy()[rows["form"].to_numpy(dtype=int)]
    coded = rows[~heading]

    # Headings and signature lines have no code; a number in a value column there is an orphan.
    value_cols = ["r1", "r2", "ra1", "ra2"]
    candidates = rows[heading & (rows[value_cols] != "").any(axis=1)]
    for c in value_cols:
        values, _ = parse_numbers(candidates[c], candidates["comma"])
        orphan = candidates[values.notna()]
        if len(orphan):
            found.append(findings_frame(
                "orphan-value", "error", orphan, section="form_section", file="file", line="line",
                column=column_name(c, orphan["form"], c),
                message=[f'Ada nilai "{t}" di baris tanpa kode indikator. Pindahkan nilai itu ke baris '
                         "indikatornya, atau hapus." for t in orphan[c]]))
    rows = coded.assign(pos=known_pos)

    # Codes twice in one form, codes not in the definitions.
    dup = rows.duplicated(["form", "kode"])
    if dup.any():
        first_line = rows[~dup].set_index(["form", "kode"])["line"]
        d = rows[dup]
        lines = first_line.reindex(pd.MultiIndex.from_arrays([d["form"], d["kode"]])).to_numpy()
        found.append(findings_frame(
            "duplicate-code", "error", d.assign(sec=defs["section"].reindex(d["pos"]).to_numpy()),
            section="sec", file="file", line="line", code="kode",
            column=column_name("kode", d["form"], "Kode"),
            message=[f"Kode {c} muncul dua kali dalam formulir ini (pertama di baris {l}). Hapus baris yang "
                     "dobel; nilai pada baris ini tidak dipakai." for c, l in zip(d["kode"], lines)]))
    unknown = rows["pos"].isna() & ~dup
    if unknown.any():
        u = rows[unknown]
        found.append(findings_frame(
            "unknown-code", "error", u, section="form_section", file="file", line="line", code="kode",
            column=column_name("kode", u["form"], "Kode"),
            message=[f"Kode {c} tidak ada di daftar indikator. Perbaiki kodenya sesuai formulir dari Tim SAKIP; "
                     "nilai pada baris ini tidak dipakai." for c in u["kode"]]))
    rows = rows[~dup & ~unknown].copy()
    pos = rows["pos"].to_numpy(dtype=int)
    rows["section"] = defs["section"].to_numpy()[pos]
    qual = defs["qual"].to_numpy()[pos]

    # Values: numbers in the form's decimal mark; a qualitative indicator's realisation is text.
    for c in value_cols:
        is_text = qual if c.startswith("r") and not c.startswith("ra") else np.zeros(len(rows), bool)
        values, problems = parse_numbers(rows[c], rows["comma"])
        reported_text = ~rows[c].str.lower().isin(NOT_REPORTED)
        rows[c + "t"] = rows[c].where(is_text & reported_text)
        rows[c + "v"] = values.where(~is_text)
        rows[c + "bad"] = problems.notna() & ~is_text
        bad = rows[rows[c + "bad"]]
        if len(bad):
            found.append(findings_frame(
                "invalid-number", "error", bad, section="section", file="file", line="line", code="kode",
                column=column_name(c, bad["form"], c),
                message=[number_message(t, p, k) for t, p, k in zip(bad[c], problems[bad.index], bad["comma"])]))

    # Merge per (indicator, quarter): the first reported value; a different later one is a conflict.
    labels = {"r1": f"Realisasi {TW[1]}", "r2": f"Realisasi {TW[2]}", "ra1": f"Realisasi Anggaran {TW[1]}",
              "ra2": f"Realisasi Anggaran {TW[2]}"}
    for c in value_cols:
        for kind in ("v", "t"):
            col = rows[c + kind]
            has = col.notna()
            if not rows.loc[has, "kode"].duplicated().any():
                continue
            first = rows[has].groupby("kode")[c + kind].transform("first")
            firsts = rows[has].drop_duplicates("kode").set_index("kode")
            x = col[has]
            if kind == "v":
                differs = (x - first).abs() > 1e-9 * np.maximum(1, np.maximum(x.abs(), first.abs()))
            else:
                differs = x.map(fold) != first.map(fold)
            clash = rows[has][differs]
            if len(clash):
                other = firsts.reindex(clash["kode"])
                show = (lambda v: id_number(v)) if kind == "v" else (lambda v: v)
                what = "Realisasi anggaran" if c.startswith("ra") else "Realisasi"
                found.append(findings_frame(
                    "conflict", "error", clash, section="section", file="file", line="line", code="kode",
                    column=column_name(c, clash["form"], labels[c]),
                    message=[f"{what} {TW[int(c[-1])]} di sini {show(v)}, tetapi {of} baris {ol} berisi {show(ov)}. "
                             f"Pastikan angka yang benar dan kirim satu formulir yang sudah diperbaiki; sampai itu, "
                             f"angka {show(ov)} yang dipakai."
                             for v, of, ol, ov in zip(clash[c + kind], other["file"], other["line"],
                                                      other[c + kind])]))
    text_cols = ["kendala", "tindak_lanjut", "bukti_dukung"]
    # The value kept is the first cell that holds one, or an invalid number (which is not replaced).
    merged = rows.drop_duplicates("kode").set_index("kode")[["file", "line", "form"]]  # the first row
    for c in value_cols:
        held = rows[rows[c + "v"].notna() | rows[c + "t"].notna() | rows[c + "bad"]]
        merged = merged.join(held.drop_duplicates("kode").set_index("kode")[[c + "v", c + "t", c + "bad"]])
    merged = merged.join(rows[text_cols + ["kode"]].replace("", np.nan).groupby("kode", sort=False).last())
    merged = merged.reindex(defs["kode"].to_numpy())
    merged.index = defs.index
    merged = merged.rename(columns={f"{c}v": c for c in value_cols})
    for q in QUARTERS:
        merged[f"r{q}t"] = merged[f"r{q}t"].astype(object)

    m = measure(defs, merged)

    # Completeness: forms, indicators, values up to the period.
    has_row = merged["file"].notna().to_numpy()
    section_forms = {s: list(g) for s, g in forms.dropna(subset=["sec"]).groupby("sec", sort=False)["file"]}
    any_row = pd.Series(has_row).groupby(defs["section"].to_numpy()).any()
    no_form = [s for s in sections if not section_forms.get(s) and not any_row.get(s, False)]
    if no_form:
        counts = defs["section"].value_counts()
        found.append(findings_frame(
            "missing-form", "error", pd.DataFrame({"section": no_form}), section="section",
            message=[f"Belum ada formulir yang dikembalikan untuk {counts[s]} indikator unit kerja ini. Minta unit "
                     "kerja mengisi dan mengirim formulirnya." for s in no_form]))
    absent = defs[~has_row & ~defs["section"].isin(no_form).to_numpy()]
    if len(absent):
        found.append(findings_frame(
            "missing-indicator", "error", absent, section="section", code="kode",
            file=np.array([(section_forms.get(s) or [None])[0] for s in absent["section"]], dtype=object),
            message=[f"Indikator {c} ({w}) tidak ada di formulir. Tambahkan barisnya dan isi realisasinya."
                     for c, w in zip(absent["kode"], absent["indikator"])]))
    present = defs.assign(file=merged["file"], line=merged["line"], form=merged["form"])
    missing = []  # per indicator: the realisation of each quarter, then the budget of each
    for key, check in (("r", "missing-value"), ("ra", "missing-budget")):
        for q in QUARTERS:
            gone = np.isnan(merged[f"{key}{q}"].to_numpy(dtype=float)) & merged[f"{key}{q}t"].isna().to_numpy()
            gone &= has_row & ~merged[f"{key}{q}bad"].fillna(False).to_numpy(dtype=bool)
            if key == "ra":
                gone &= m["budget"]["has"]
            missing.append(present[gone].assign(col=f"{key}{q}", q=q, check=check))
    miss = pd.concat(missing).sort_index(kind="stable")
    if len(miss):
        found.append(findings_frame(
            miss["check"].to_numpy(), "error", miss, section="section", file="file", line="line", code="kode",
            column=np.array([c.get(col, labels[col]) for c, col in
                             zip(forms["columns"].to_numpy()[miss["form"].to_numpy(dtype=int)], miss["col"])],
                            dtype=object),
            message=[f"Realisasi anggaran {TW[q]} belum diisi, padahal indikator ini punya pagu. Isi realisasi "
                     "anggarannya dalam rupiah; jika tidak ada belanja, tulis 0." if c == "missing-budget" else
                     f"Realisasi {TW[q]} belum diisi. Isi angka realisasinya; jika memang nol, tulis 0 (sel kosong "
                     'atau "-" berarti belum dilaporkan).' for c, q in zip(miss["check"], miss["q"])]))

    # Consistency: the form's year and period, budget over the ceiling.
    year_counts = forms["year"].dropna().map(lambda y: y[0]).value_counts(sort=False) if "year" in forms else None
    year = int(year_counts.idxmax()) if year_counts is not None and len(year_counts) else None
    for key, check in (("year", "year-mismatch"), ("period", "period-mismatch")):
        if key not in forms:
            continue
        f = forms[forms[key].notna()]
        value = f[key].map(lambda v: v[0])
        expected = year if key == "year" else PERIOD
        f = f[(value != expected).to_numpy()] if expected is not None else f.iloc[:0]
        for _, form in f.iterrows():
            v, line = form[key]
            if key == "year":
                sev, msg = "error", (f"Formulir ini untuk tahun {v}, sedangkan yang diminta tahun {year}. "
                                     f"Kirim formulir tahun {year}.")
            elif v > PERIOD:
                sev, msg = "error", (f"Formulir ini untuk {TW[v]}, sedangkan yang direkap {TW[PERIOD]}. "
                                     f"Kirim formulir {TW[PERIOD]}.")
            else:
                sev, msg = "warning", (f"Formulir ini untuk {TW[v]}; hanya nilai sampai {TW[v]} yang diambil "
                                       f"darinya. Realisasi {TW[PERIOD]} harus datang dari formulir {TW[PERIOD]}.")
            found.append(findings_frame(check, sev, section=form["sec"] if isinstance(form["sec"], str)
                                        else form.get("section"), file=form["file"], line=line,
                                        column="Tahun" if key == "year" else "Periode", message=msg))
    b = m["budget"]
    reported_sum = np.nansum([b[f"ra{q}"] for q in QUARTERS], axis=0)
    over = b["has"] & has_row & (reported_sum > b["pagu"] + 1e-9 * np.maximum(1, b["pagu"]))
    if over.any():
        o = present[over]
        crossing = np.where(np.nan_to_num(b["ra1"][over]) > o["pagu_n"] + 1e-9 * np.maximum(1, o["pagu_n"]),
                            "ra1", "ra2")
        found.append(findings_frame(
            "budget-over-ceiling", "error", o, section="section", file="file", line="line", code="kode",
            column=np.array([c.get(r, labels[r]) for c, r in
                             zip(forms["columns"].to_numpy()[o["form"].to_numpy(dtype=int)], crossing)], dtype=object),
            message=[f"Realisasi anggaran sampai saat ini (Rp {id_number(s, 2)}) melebihi pagu (Rp {id_number(p, 2)}). "
                     "Periksa angkanya dengan bagian keuangan dan perbaiki."
                     for s, p in zip(reported_sum[over], o["pagu_n"])]))

    # Plausibility (warnings), per indicator: fraction-percent, outlier, explanation, evidence.
    plaus = []
    unit = defs["satuan"].str.lower().str.strip().isin(["%", "persen", "percent", "persentase"]).to_numpy()
    annual = defs["T"].to_numpy()
    for q in QUARTERS:
        r = m[f"r{q}"]
        target = np.where(defs[f"tq{q}"].notna(), defs[f"tq{q}"], annual)
        frac = has_row & unit & (r > 0) & (r <= 1) & (target >= 10)
        if frac.any():
            f = present[frac]
            plaus.append(findings_frame(
                "fraction-percent", "warning", f, section="section", file="file", line="line", code="kode",
                column=column_name(f"r{q}", f["form"], labels[f"r{q}"]),
                message=[f"Nilai {id_number(v)} tampaknya ditulis sebagai pecahan, padahal satuannya persen (target "
                         f"{id_number(t)}). Tulis dalam persen, mis. {id_number(v * 100)} bukan {id_number(v)}."
                         for v, t in zip(r[frac], target[frac])]).assign(_pos=np.flatnonzero(frac), _k=q * 2))
        if q > 1:
            prev = m[f"r{q - 1}"]
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = r / prev
            jump = (prev > 0) & (r > 0) & ((ratio > 5) | (ratio < 0.2))
            big = np.isnan(annual) | (annual == 0) | (np.abs(r - prev) >= 0.5 * np.abs(annual))
            odd = has_row & jump & big
            if odd.any():
                f = present[odd]
                plaus.append(findings_frame(
                    "outlier", "warning", f, section="section", file="file", line="line", code="kode",
                    column=column_name(f"r{q}", f["form"], labels[f"r{q}"]),
                    message=[f"Realisasi {TW[q]} ({id_number(v)}) jauh berbeda dari triwulan sebelumnya "
                             f"({id_number(p)}). Periksa kembali angkanya; jika benar, jelaskan di kolom Keterangan."
                             for v, p in zip(r[odd], prev[odd])]).assign(_pos=np.flatnonzero(odd), _k=q * 2 + 1))
    ach = m["ytd"]["ach"]
    explain = has_row & (ach < 100) & merged["kendala"].isna().to_numpy()
    if explain.any():
        f = present[explain]
        plaus.append(findings_frame(
            "missing-explanation", "warning", f, section="section", file="file", line="line", code="kode",
            column=column_name("kendala", f["form"], "Kendala"),
            message=[f"Capaian {id_number(a, 2)}% belum mencapai target, tetapi kolom Kendala kosong. Tuliskan "
                     "kendala dan tindak lanjutnya." for a in ach[explain]]).assign(_pos=np.flatnonzero(explain), _k=20))
    reports = np.logical_or.reduce([m[f"rep{q}"] for q in QUARTERS])
    evidence = has_row & reports & merged["bukti_dukung"].isna().to_numpy()
    if evidence.any():
        f = present[evidence]
        plaus.append(findings_frame(
            "missing-evidence", "warning", f, section="section", file="file", line="line", code="kode",
            column=column_name("bukti_dukung", f["form"], "Bukti Dukung"),
            message="Bukti dukung belum diisi. Tuliskan nomor dokumen atau tautan yang mendukung realisasi ini."
        ).assign(_pos=np.flatnonzero(evidence), _k=21))
    if plaus:
        found.append(pd.concat(plaus).sort_values(["_pos", "_k"], kind="stable").drop(columns=["_pos", "_k"]))

    # Every finding, sorted by section (in the definitions' order), file, line.
    findings = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=FINDING_COLUMNS)
    findings = findings.astype(object).where(findings.notna(), None)
    findings["line"] = findings["line"].map(lambda x: None if x is None else int(x))
    key = pd.DataFrame({"s": findings["section"].map(section_order).fillna(len(sections)),
                        "f": findings["file"].fillna(""), "l": findings["line"].fillna(np.iinfo(np.int64).max)})
    findings = findings.loc[key.sort_values(["s", "f", "l"], kind="stable").index].reset_index(drop=True)
    severity = findings["severity"]

    # Completeness per section (Kelengkapan).
    missing_values = sum(~m[f"rep{q}"] for q in QUARTERS) + sum(
        b["has"] & np.isnan(b[f"ra{q}"]) for q in QUARTERS)
    per_section = pd.DataFrame({"section": defs["section"], "assigned": 1, "reported": missing_values == 0,
                                "missing": missing_values}).groupby("section", sort=False).sum()
    errors = findings[severity == "error"].groupby("section").size()
    warnings = findings[severity == "warning"].groupby("section").size()
    status = {}
    for s in sections:
        row = per_section.loc[s]
        e, w = int(errors.get(s, 0)), int(warnings.get(s, 0))
        files = section_forms.get(s, [])
        state = ("belum mengirim formulir" if not files else
                 "lengkap" if row["reported"] == row["assigned"] and row["missing"] == 0 and e == 0 else "belum lengkap")
        status[s] = {"forms": files, "assigned": int(row["assigned"]), "reported": int(row["reported"]),
                     "missing": int(row["missing"]), "errors": e, "warnings": w, "state": state}

    ctx = {"year": year if year is not None else "-", "created": created, "sources": sources,
           "errors": int((severity == "error").sum()), "warnings": int((severity == "warning").sum())}
    wb = new_workbook()
    write_summary(wb, ctx, m, defs, status)
    capaian = write_measurement(wb, ctx, defs, m, merged)
    write_budget(wb, ctx, defs, m, capaian)
    write_completeness(wb, ctx, sections, status)
    write_findings(wb, ctx, findings)
    write_evaluation(wb, ctx, defs, m)
    write_sources(wb, ctx, created)
    wb.save(out)
    kinds = pd.Series(m["ytd"]["category"]).fillna("lainnya").value_counts()
    print(f"pandas+openpyxl: {n} indicators, {len(paths)} forms, {ctx['errors']} errors, {ctx['warnings']} "
          f"warnings; " + ", ".join(f"{k} {v}" for k, v in kinds.items()))


# --- the sheets --------------------------------------------------------------------------------


def measurement_columns():
    """Column letters of `Pengukuran` at TW II."""
    letters = iter(get_column_letter(i) for i in range(1, 40))
    c = {k: next(letters) for k in ("kode", "level", "indikator", "satuan", "polaritas", "agregasi", "section",
                                   "annual")}
    for q in QUARTERS:
        c[f"t{q}"], c[f"r{q}"] = next(letters), next(letters)
    for p in ("s1", "ytd"):
        c[f"{p}t"], c[f"{p}r"], c[f"{p}a"] = next(letters), next(letters), next(letters)
    for k in ("category", "progress", "notes", "kendala", "tindak_lanjut", "bukti_dukung"):
        c[k] = next(letters)
    return c


def aggregate_formulas(agg, cells, rows, last_only):
    """`=K6` for akhir, `=SUM(I6,K6)`, `=AVERAGE(…)`, `=MAX(…)`, `=MIN(…)` over `cells` (letters)."""
    refs = ",".join(f"{c}{{r}}" for c in cells)
    template = {"akhir": f"={cells[-1]}{{r}}", "jumlah": f"=SUM({refs})", "rata-rata": f"=AVERAGE({refs})",
                "maks": f"=MAX({refs})", "min": f"=MIN({refs})", "last": f"={cells[-1]}{{r}}"}
    return formulas(template, np.where(last_only, "last", agg), rows)


def achievement_formulas(t, r, target, negative, rows):
    """sakip's capaian formula over target cell `t` and realisation cell `r` (SPEC §5.3)."""
    kind = np.select([negative & (target == 0), negative & (target > 0), negative, target > 0],
                     ["negzero", "neg", "negneg", "pos"], "posneg")
    template = {"pos": f"={r}{{r}}*100/{t}{{r}}", "posneg": f"=100+({r}{{r}}-{t}{{r}})*100/ABS({t}{{r}})",
                "negzero": f"=IF({r}{{r}}<=0,100,0)", "neg": f"=MAX(0,(2*{t}{{r}}-{r}{{r}})*100/{t}{{r}})",
                "negneg": f"=MAX(0,100+({t}{{r}}-{r}{{r}})*100/ABS({t}{{r}}))"}
    return formulas(template, kind, rows)


def target_cells(n, p, formula=None):
    """A period's target: the figure (or its formula), the grade, or why there is none."""
    t = p["target"]
    return pick(n, (~np.isnan(t), formula if formula is not None else t, number_style(t)),
                (p["target_text"] != None, p["target_text"], "text"),  # noqa: E711
                (True, reason_text(p["treason"], p["tquarters"], SHORT), "reason"))


def achievement_cells(n, value, status, reason, reason_q, formula):
    return pick(n, (~np.isnan(value), formula, "percent"), (status != None, status, status),  # noqa: E711
                (True, reason_text(reason, reason_q, SHORT), "reason"))


class Table:
    """The columns of a table sheet: header labels and, per column, (values, styles, shown) where
    `shown` is, for a formula column, what each cell shows (the figure computed here)."""

    def __init__(self):
        self.labels, self.columns = [], []

    def add(self, label, values, styles, computed=None):
        values = objects(values)
        if computed is not None:
            is_formula = np.array([isinstance(v, str) and v.startswith("=") for v in values], dtype=bool)
            computed = np.where(is_formula, objects(computed), values)
        self.labels.append(label)
        self.columns.append((values, styles, computed))


def write_measurement(wb, ctx, defs, m, merged):
    """`Pengukuran`; returns the reference of each indicator's capaian s.d. TW II cell."""
    n = len(defs)
    c = measurement_columns()
    pages, rows, _ = page_rows(n, 6, trailer=8)
    agg = defs["agregasi"].to_numpy()
    qual = defs["qual"].to_numpy()
    negative = (defs["polaritas"] == "negatif").to_numpy()
    last_only = (agg == "akhir") | qual
    annual = defs["T"].to_numpy()
    t = Table()
    add = t.add

    for label, key, style in (("Kode", "kode", "text"), ("Level", "level_label", "text"),
                              ("Indikator", "indikator", "wrapped"), ("Satuan", "satuan", "text"),
                              ("Polaritas", "polaritas", "text"), ("Agregasi", "agregasi", "text"),
                              ("Penanggung jawab", "section", "wrapped")):
        add(label, defs[key].to_numpy(dtype=object), style)
    add("Target tahunan", *pick(n, (qual, defs["target"].to_numpy(dtype=object), "text"),
                                (True, annual, number_style(annual))))
    for q in QUARTERS:
        p = m["quarters"][q]
        add(f"Target {TW[q]}", *target_cells(n, p))
        r = m[f"r{q}"]
        add(f"Realisasi {TW[q]}", *pick(n, (~np.isnan(r) & ~qual, r, number_style(r)),
                                        (pd.notna(m[f"r{q}t"]) & qual, m[f"r{q}t"], "text"),
                                        (True, "belum dilaporkan", "reason")))
    ytd = m["ytd"]
    for key, short in (("s1", "S1"), ("ytd", f"s.d. {TW[PERIOD]}")):
        t_formula = np.where(defs["has_qt"], aggregate_formulas(agg, [c[f"t{q}"] for q in QUARTERS], rows, last_only),
                             formulas({"a": f"={c['annual']}{{r}}"}, np.full(n, "a"), rows))
        add(f"Target {short}", *target_cells(n, ytd, t_formula), computed=ytd["target"])
        r_formula = aggregate_formulas(agg, [c[f"r{q}"] for q in QUARTERS], rows, last_only)
        add(f"Realisasi {short}", *pick(n, (~np.isnan(ytd["real"]), r_formula, number_style(ytd["real"])),
                                        (ytd["real_text"] != None, ytd["real_text"], "text"),  # noqa: E711
                                        (True, reason_text(ytd["reason"], ytd["reason_q"], SHORT), "reason")),
            computed=ytd["real"])
        add(f"Capaian {short} (%)", *achievement_cells(
            n, ytd["ach"], ytd["status"], ytd["reason"], ytd["reason_q"],
            achievement_formulas(c[f"{key}t"], c[f"{key}r"], ytd["target"], negative, rows)), computed=ytd["ach"])
    add("Kategori", *pick(n, (ytd["category"] != None, ytd["category"], ytd["category"]),  # noqa: E711
                          (ytd["status"] != None, np.array(["kualitatif: "], dtype=object) + ytd["status"].astype(str),
                           ytd["status"]),  # noqa: E711
                          (True, reason_text(ytd["reason"], ytd["reason_q"], SHORT), "reason")))
    a = m["annual"]
    add("Progres terhadap target tahunan (%)", *achievement_cells(
        n, a["ach"], a["status"], a["reason"], a["reason_q"],
        achievement_formulas(c["annual"], c["ytdr"], annual, negative, rows)), computed=a["ach"])
    # Why figures are missing or not the plain formula's result.
    notes = pd.Series("", index=defs.index)
    for label, p in [(TW[q], m["quarters"][q]) for q in QUARTERS] + [("Semester I", ytd), (f"s.d. {TW[PERIOD]}", ytd)]:
        text = pd.Series(p["note"]).map(NOTES)
        notes = notes.str.cat(label + ": " + text, sep="; ", na_rep="").str.strip("; ")
    why = reason_text(np.where((ytd["status"] == None) & (ytd["reason"] != "qual"), ytd["reason"], None),  # noqa
                      ytd["reason_q"], LONG)
    notes = notes.str.cat(pd.Series(why).radd(f"s.d. {TW[PERIOD]}: "), sep="; ", na_rep="").str.strip("; ")
    progress_note = pd.Series(a["note"]).map(NOTES)
    notes = notes.str.cat(progress_note.radd("Progres: "), sep="; ", na_rep="").str.strip("; ")
    add("Catatan pengukuran", notes.to_numpy(dtype=object), "wrapped")
    for label, key in (("Kendala", "kendala"), ("Tindak lanjut", "tindak_lanjut"), ("Bukti dukung", "bukti_dukung")):
        add(label, merged[key].to_numpy(dtype=object), "wrapped")
    fixed = {2: 45, 6: 24, 20: 35, 21: 40, 22: 40, 23: 35}
    groups = [("Indikator kinerja", 0, 7)] + [(TW[q], 8 + 2 * i, 9 + 2 * i) for i, q in enumerate(QUARTERS)]
    groups += [("Semester I", 12, 14), (f"s.d. {TW[PERIOD]}", 15, 17), ("Hasil dan keterangan", 18, 23)]
    legend = ("Capaian dan progres dalam persen (95,50 = 95,50%). Kategori: Sangat Tinggi ≥ 91; Tinggi ≥ 76; "
              "Sedang ≥ 66; Rendah ≥ 51; Sangat Rendah < 51.")
    names = table_sheets(wb, "Pengukuran", "Pengukuran kinerja", ctx["year"], t.labels, t.columns, fixed,
                         legend=legend, groups=groups, frozen=3, colour=(14, 17, 19), trailer=8)
    sheet = np.array(["'" + s.replace("'", "''") + "'!" for s in names], dtype=object)[pages]
    ref = sheet + np.array([f"${c['ytda']}$"], dtype=object) + rows.astype(str).astype(object)
    return np.where(~np.isnan(ytd["ach"]), ref, None)


def write_budget(wb, ctx, defs, m, capaian):
    """`Anggaran`: one row per indicator with a pagu (SPEC §5.6)."""
    b = m["budget"]
    sel = b["has"]
    n = int(sel.sum())
    _, rows, _ = page_rows(n, 5)
    ytd = {k: v[sel] if isinstance(v, np.ndarray) else v for k, v in m["ytd"].items()}
    bb = {k: v[sel] if isinstance(v, np.ndarray) else v for k, v in b.items()}
    d = defs[sel]
    incomplete = np.where(bb["incomplete"], np.array(["belum lengkap: "], dtype=object) + bb["missing"], "")
    t = Table()
    add = t.add

    add("Kode", d["kode"].to_numpy(dtype=object), "text")
    add("Indikator", d["indikator"].to_numpy(dtype=object), "wrapped")
    add("Penanggung jawab", d["section"].to_numpy(dtype=object), "wrapped")
    add("Pagu (Rp)", bb["pagu"], "rupiah")
    for q in QUARTERS:
        add(f"Realisasi anggaran {TW[q]} (Rp)", *pick(n, (~np.isnan(bb[f"ra{q}"]), bb[f"ra{q}"], "rupiah"),
                                                     (True, "belum dilaporkan", "reason")))
    first, last = get_column_letter(5), get_column_letter(4 + len(QUARTERS))
    to_date = get_column_letter(5 + len(QUARTERS))
    add(f"Realisasi anggaran s.d. {TW[PERIOD]} (Rp)", *pick(
        n, (~np.isnan(bb["to_date"]), formulas({"s": f"=SUM({first}{{r}}:{last}{{r}})"}, np.full(n, "s"), rows),
            "rupiah"), (True, incomplete, "reason")), computed=bb["to_date"])
    absorption, remaining, capaian_col, efficiency = (get_column_letter(6 + len(QUARTERS) + i) for i in range(4))
    add("Serapan (%)", *pick(n, (~np.isnan(bb["absorption"]), formulas({"s": f"={to_date}{{r}}*100/D{{r}}"},
                                                                        np.full(n, "s"), rows), "percent"),
                            (True, np.where(np.isnan(bb["to_date"]), incomplete, "pagu 0"), "reason")),
        computed=bb["absorption"])
    add("Sisa anggaran (Rp)", *pick(n, (~np.isnan(bb["remaining"]), formulas({"s": f"=D{{r}}-{to_date}{{r}}"},
                                                                              np.full(n, "s"), rows), "rupiah"),
                                   (True, incomplete, "reason")), computed=bb["remaining"])
    refs = capaian[sel]
    add(f"Capaian kinerja s.d. {TW[PERIOD]} (%)", *achievement_cells(
        n, ytd["ach"], ytd["status"], ytd["reason"], ytd["reason_q"],
        np.array(["="], dtype=object) + refs.astype(str)), computed=ytd["ach"])
    why = np.where(np.isnan(bb["absorption"]), incomplete, reason_text(ytd["reason"], ytd["reason_q"], SHORT))
    add("Efisiensi (%)", *pick(n, (~np.isnan(bb["efficiency"]), formulas(
        {"s": f"={capaian_col}{{r}}-{absorption}{{r}}"}, np.full(n, "s"), rows), "percent"),
                              (True, why, "reason")), computed=bb["efficiency"])
    table_sheets(wb, "Anggaran", "Realisasi anggaran", ctx["year"], t.labels, t.columns, {1: 45, 2: 24},
                 legend="Serapan = realisasi s.d. triwulan ÷ pagu × 100; efisiensi = capaian kinerja − serapan "
                        "(poin persen).", frozen=2, colour=(len(t.labels) - 2,))


def write_completeness(wb, ctx, sections, status):
    labels = ["Unit kerja", "Formulir diterima", "Indikator", "Dilaporkan lengkap", "Nilai kosong", "Kesalahan",
              "Peringatan", "Status"]
    st = pd.DataFrame([status[s] for s in sections])
    forms = st["forms"].map(lambda f: "\n".join(os.path.basename(x) for x in f) or "—")
    cols = [(np.array(sections, dtype=object), "wrapped", None), (forms.to_numpy(dtype=object), "wrapped", None)]
    for k in ("assigned", "reported", "missing", "errors", "warnings"):
        cols.append((st[k].astype(float).to_numpy(dtype=object), "integer", None))
    cols.append((st["state"].to_numpy(dtype=object), st["state"].to_numpy(dtype=object), None))
    table_sheets(wb, "Kelengkapan", "Kelengkapan formulir per unit kerja", ctx["year"], labels, cols, {0: 34, 1: 40})


def write_findings(wb, ctx, findings):
    labels = ["Tingkat", "Pemeriksaan", "Unit kerja", "Berkas", "Baris", "Kolom", "Kode", "Pesan"]
    sev = findings["severity"].map({"error": "KESALAHAN", "warning": "PERINGATAN"}).to_numpy(dtype=object)
    line = findings["line"].map(lambda x: None if x is None else float(x)).to_numpy(dtype=object)
    cols = [(sev, sev, None), (findings["check"].to_numpy(dtype=object), "text", None)]
    cols += [(findings[k].fillna("").to_numpy(dtype=object), s, None)
             for k, s in (("section", "wrapped"), ("file", "wrapped"))]
    cols.append((line, np.where(pd.isna(line), "text", "integer"), None))
    cols += [(findings[k].fillna("").to_numpy(dtype=object), "text", None) for k in ("column", "code")]
    cols.append((findings["message"].to_numpy(dtype=object), "wrapped", None))
    table_sheets(wb, "Validasi", "Temuan validasi", ctx["year"], labels, cols, {2: 28, 3: 40, 7: 80})


def write_evaluation(wb, ctx, defs, m):
    """`E.81`: the Permendagri 86/2017 evaluation table for program, kegiatan, subkegiatan rows."""
    indent = defs["level_label"].map({"Program": 0, "Kegiatan": 1, "Subkegiatan": 2})
    sel = indent.notna().to_numpy()
    n = int(sel.sum())
    _, rows, _ = page_rows(n, 6)
    d = defs[sel]
    pick_rows = lambda v: v[sel] if isinstance(v, np.ndarray) else v  # noqa: E731
    a = {k: pick_rows(v) for k, v in m["annual"].items()}
    ytd = {k: pick_rows(v) for k, v in m["ytd"].items()}
    b = {k: pick_rows(v) for k, v in m["budget"].items()}
    qual = d["qual"].to_numpy()
    agg = d["agregasi"].to_numpy()
    negative = (d["polaritas"] == "negatif").to_numpy()
    annual = d["T"].to_numpy()
    t = Table()
    add = t.add

    add("Kode", d["kode"].to_numpy(dtype=object), "text")
    add("Uraian", d["level_label"].to_numpy(dtype=object), ("level " + indent[sel].astype(int).astype(str)).to_numpy())
    add("Indikator kinerja", d["indikator"].to_numpy(dtype=object), "wrapped")
    add("Satuan", d["satuan"].to_numpy(dtype=object), "text")
    add("Target tahunan (K)", *pick(n, (qual, d["target"].to_numpy(dtype=object), "text"),
                                   (True, annual, number_style(annual))))
    add("Pagu (Rp)", *pick(n, (b["has"], b["pagu"], "rupiah"), (True, "-", "reason")))
    kcols = []
    for i, q in enumerate(QUARTERS):
        r, rt = m[f"r{q}"][sel], m[f"r{q}t"][sel]
        kcols.append(get_column_letter(7 + 2 * i))
        add(f"Realisasi {TW[q]} (K)", *pick(n, (~np.isnan(r) & ~qual, r, number_style(r)),
                                           (pd.notna(rt) & qual, rt, "text"), (True, "belum dilaporkan", "reason")))
        add(f"Realisasi {TW[q]} (Rp)", *pick(n, (~np.isnan(b[f"ra{q}"]), b[f"ra{q}"], "rupiah"),
                                            (b["has"], "belum dilaporkan", "reason"), (True, "-", "reason")))
    k_to_date = get_column_letter(7 + 2 * len(QUARTERS))
    rp_to_date = get_column_letter(8 + 2 * len(QUARTERS))
    last_only = (agg == "akhir") | qual
    add(f"Realisasi s.d. {TW[PERIOD]} (K)", *pick(
        n, (~np.isnan(ytd["real"]), aggregate_formulas(agg, kcols, rows, last_only), number_style(ytd["real"])),
        (ytd["real_text"] != None, ytd["real_text"], "text"),  # noqa: E711
        (True, reason_text(a["reason"], a["reason_q"], SHORT), "reason")), computed=ytd["real"])
    budget_why = np.where(b["has"], np.array(["belum lengkap: "], dtype=object) + b["missing"], "-")
    rp_refs = ",".join(f"{get_column_letter(8 + 2 * i)}{{r}}" for i in range(len(QUARTERS)))
    add(f"Realisasi s.d. {TW[PERIOD]} (Rp)", *pick(
        n, (~np.isnan(b["to_date"]), formulas({"s": f"=SUM({rp_refs})"}, np.full(n, "s"), rows), "rupiah"),
        (True, budget_why, "reason")), computed=b["to_date"])
    add("Tingkat capaian (K) (%)", *achievement_cells(
        n, a["ach"], a["status"], a["reason"], a["reason_q"],
        achievement_formulas("E", k_to_date, annual, negative, rows)), computed=a["ach"])
    add("Tingkat capaian (Rp) (%)", *pick(
        n, (~np.isnan(b["absorption"]), formulas({"s": f"={rp_to_date}{{r}}*100/F{{r}}"}, np.full(n, "s"), rows),
            "percent"), (True, np.where(b["has"] & b["incomplete"], budget_why, np.where(b["has"], "pagu 0", "-")),
                         "reason")), computed=b["absorption"])
    groups = [("Program / kegiatan / subkegiatan", 0, 3), ("Target kinerja dan anggaran tahun berjalan", 4, 5)]
    groups += [(f"Realisasi {TW[q]}", 6 + 2 * i, 7 + 2 * i) for i, q in enumerate(QUARTERS)]
    groups += [(f"Realisasi s.d. {TW[PERIOD]}", 10, 11), (f"Tingkat capaian s.d. {TW[PERIOD]} (%)", 12, 13)]
    table_sheets(wb, "E.81", "Evaluasi terhadap hasil RKPD (Formulir E.81 Permendagri 86/2017)", ctx["year"],
                 t.labels, t.columns, {2: 45}, groups=groups, frozen=3, colour=(12,),
                 legend="K = kinerja, Rp = anggaran. Tingkat capaian = realisasi s.d. triwulan terhadap target "
                        "tahunan dan pagu.")


def write_sources(wb, ctx, created):
    labels = ["Berkas", "Ukuran (byte)", "SHA-256", "Encoding", "Pemisah", "Baris"]
    src = pd.DataFrame(ctx["sources"])
    delimiter = src["delimiter"].replace("\t", "tab")
    cols = [(src["file"].to_numpy(dtype=object), "text", None),
            (src["bytes"].astype(float).to_numpy(dtype=object), "integer", None),
            (src["sha256"].to_numpy(dtype=object), "text", None),
            (src["encoding"].to_numpy(dtype=object), "text", None),
            (delimiter.to_numpy(dtype=object), "text", None),
            (src["rows"].astype(float).to_numpy(dtype=object), "integer", None)]
    command = " ".join(shlex.quote(a) for a in ["python3"] + sys.argv)

    def facts(ws):
        ws.append([])
        for label, value in (("Perintah", command), ("Versi program", f"pandas {pd.__version__}, openpyxl "
                                                                       f"{openpyxl.__version__}"),
                             ("Dibuat", created)):
            ws.append([cell(ws, label, "bold"), cell(ws, value, None)])

    table_sheets(wb, "Sumber", "Sumber data", ctx["year"], labels, cols, {0: 40, 2: 68}, trailer=5, after=facts)


if __name__ == "__main__":
    main()
