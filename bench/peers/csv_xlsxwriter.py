#!/usr/bin/env python3
"""Peer 1 of `make bench`: the recap `sakip recap --period TW2` makes, as a user would write it
with the csv module and XlsxWriter (constant-memory mode).

    python3 bench/peers/csv_xlsxwriter.py DEFINITIONS.csv FORMS_DIR OUT.xlsx

Reads the definitions and every `*.csv` form under FORMS_DIR (UTF-8 with or without BOM, else
Windows-1252; `;` with decimal comma, `,` with decimal point, or tab; title block above the
header), merges the values per (indicator, quarter), measures every indicator as SPEC §5 says and
checks the forms as SPEC §7 says (what common_layout.md lists), then writes the seven sheets of
sakip's recap workbook: Ringkasan, Pengukuran, Anggaran, Kelengkapan, Validasi, E.81, Sumber, with
capaian, period figures, sums and serapan as formulas whose computed values are stored as their
results. common_layout.md describes the workbook and what this peer leaves out.
"""
import codecs
import csv
import datetime
import hashlib
import io
import math
import os
import platform
import re
import shlex
import sys
import time
from collections import Counter, defaultdict

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

PERIOD = 2  # the reporting quarter, TW II, as `make bench` runs sakip (`--period TW2`)
TITLE = "Rekapitulasi Capaian Kinerja"
MAX_ROWS = 1_048_576  # rows of an Excel sheet
ROMAN = ("I", "II", "III", "IV")
QUARTERS = list(range(1, PERIOD + 1))


def tw(q):
    return f"TW {ROMAN[q - 1]}"


def listing(quarters):
    """`TW I`, `TW I dan TW II`, `TW I, TW II dan TW III`."""
    labels = [tw(q) for q in quarters]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " dan " + labels[-1]


# The periods measured at the reporting quarter: each quarter, S1 once TW II is in, S2 at TW IV,
# then the year to date (s.d.). (name in cells, name in headers, quarters)
PERIODS = [(tw(q), tw(q), [q]) for q in QUARTERS]
if PERIOD >= 2:
    PERIODS.append(("Semester I", "S1", [1, 2]))
if PERIOD == 4:
    PERIODS.append(("Semester II", "S2", [3, 4]))
PERIODS.append((f"s.d. {tw(PERIOD)}", f"s.d. {tw(PERIOD)}", QUARTERS))
SUMMED = PERIODS[PERIOD:]  # the periods with their own target, realisation and capaian columns

# --- reading CSV as Excel writes it (SPEC §4) ---------------------------------------------------

FOLD = str.maketrans("", "", " _-.\t\r\n\xa0")


def fold(header):
    """A header as compared: lower case, without spaces, `_`, `-`, `.`."""
    return header.lower().translate(FOLD)


NOT_REPORTED = {"", "-", "–", "—", "n/a", "na", "n.a.", "#n/a"}
SIGNS = "-+\u2212"
LOOKS_NUMERIC = re.compile(r"[\d.,\s%-]*\d[\d.,\s%-]*")


class NumberError(ValueError):
    """A cell that should hold a number and does not; `args[0]` says why."""


class Numbers:
    """Numbers in one file's decimal convention: spaces, a leading `Rp`, a trailing `%` and
    thousands separators in groups of three allowed; anything else refused, never guessed."""

    def __init__(self, comma):
        self.mark, self.sep = (",", ".") if comma else (".", ",")
        d, t = re.escape(self.mark), re.escape(self.sep)
        self.body = re.compile(rf"(\d{{1,3}}(?:{t}\d{{3}})+|\d*)(?:{d}(\d+))?([eE][-+]?\d+)?")
        self.comma = comma

    def scan(self, s):
        negative = False
        if s and s[0] in SIGNS:
            negative, s = s[0] != "+", s[1:].strip()
        if s[:2].lower() == "rp":
            s = s[2:]
            s = (s[1:] if s.startswith(".") else s).strip()
            if s and s[0] in SIGNS:
                negative, s = negative != (s[0] != "+"), s[1:].strip()
        if s.endswith("%"):
            s = s[:-1].strip()
        m = self.body.fullmatch(s)
        if not m or (not m.group(1) and m.group(2) is None):
            return None
        literal = (m.group(1).replace(self.sep, "") or "0") + ("." + m.group(2) if m.group(2) else "")
        value = float(literal + (m.group(3) or ""))
        if not value <= 1e300:
            raise NumberError("outOfRange")
        return -value if negative and value else value

    def parse(self, text):
        """The number in `text`, None when not reported (empty is not zero); NumberError else."""
        s = text.strip()
        if s.lower() in NOT_REPORTED:
            return None
        value = self.scan(s)
        if value is not None:
            return value
        if Numbers(not self.comma).scan(s) is not None:
            raise NumberError("otherDecimalMark")
        raise NumberError("ambiguous" if LOOKS_NUMERIC.fullmatch(s) else "notANumber")


class Unreadable(Exception):
    """A file that cannot be read at all; `args[0]` is why."""


def load_csv(path):
    """(summary for Sumber, encoding, delimiter) of a CSV file, read once in 1 MiB chunks for its
    size, SHA-256 and encoding; Unreadable when it is not CSV text."""
    summary = {"file": path, "bytes": 0, "sha256": "", "encoding": None, "delimiter": None, "rows": 0}
    digest, utf8 = hashlib.sha256(), codecs.getincrementaldecoder("utf-8")()
    is_utf8, blank, binary, head = True, True, False, b""
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                head = head or chunk
                digest.update(chunk)
                summary["bytes"] += len(chunk)
                blank = blank and not chunk.strip(b" \t\r\n")
                binary = binary or b"\0" in chunk
                if is_utf8:
                    try:
                        utf8.decode(chunk)
                    except UnicodeDecodeError:
                        is_utf8 = False
            if is_utf8:
                try:
                    utf8.decode(b"", final=True)
                except UnicodeDecodeError:
                    is_utf8 = False
    except OSError as e:
        raise Unreadable(("io", e.strerror), summary) from e
    summary["sha256"] = digest.hexdigest()
    if blank:
        raise Unreadable(("empty",), summary)
    if binary:
        raise Unreadable(("binary",), summary)
    if head.startswith(b"PK\x03\x04"):
        raise Unreadable(("workbook",), summary)
    bom = head.startswith(b"\xef\xbb\xbf")
    encoding = ("utf-8-sig" if bom else "utf-8") if is_utf8 else "cp1252"
    summary["encoding"] = ("UTF-8 BOM" if bom else "UTF-8") if is_utf8 else "Windows-1252"
    # The delimiter of the header row (the first line naming the code column), else of line 1.
    lines = head.splitlines()
    line = next((x for x in lines[:100] if b"kode" in x.lower() or b"code" in x.lower()), lines[0])
    summary["delimiter"] = max((";", ",", "\t"), key=lambda d: line.count(d.encode()))
    return summary, encoding, summary["delimiter"]


def records(path, encoding, delimiter, summary):
    """(first physical line, fields) of every CSV record; counts them into `summary`."""
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        line = 1
        for fields in reader:
            summary["rows"] += 1
            yield line, fields
            line = reader.line_num + 1


# --- definitions (SPEC §2) ----------------------------------------------------------------------

CODE_HEADERS = {"kode", "code", "kodeindikator", "indicatorcode"}
DEFINITION_COLUMNS = {
    **dict.fromkeys(CODE_HEADERS, "code"), "indikator": "wording", "indicator": "wording",
    "satuan": "unit", "unit": "unit", **dict.fromkeys(("penanggungjawab", "section", "unitkerja", "pj"), "section"),
    **dict.fromkeys(("target", "annualtarget", "targettahunan", "targetpk"), "target"),
    **dict.fromkeys(("level", "tingkat", "jenjang"), "level"), "polaritas": "polarity", "polarity": "polarity",
    "agregasi": "aggregation", "aggregation": "aggregation",
    **dict.fromkeys(("pagu", "budget", "paguanggaran"), "pagu"),
}
LEVELS = {"tujuan": "Tujuan", "goal": "Tujuan", "sasaran": "Sasaran", "sasaranstrategis": "Sasaran",
          "objective": "Sasaran", "program": "Program", "kegiatan": "Kegiatan", "activity": "Kegiatan",
          "subkegiatan": "Subkegiatan", "subactivity": "Subkegiatan"}
POLARITIES = {"positif": "positif", "positive": "positif", "+": "positif", "negatif": "negatif",
              "negative": "negatif"}
AGGREGATIONS = {"akhir": "akhir", "last": "akhir", "jumlah": "jumlah", "sum": "jumlah", "total": "jumlah",
                "ratarata": "rata-rata", "rerata": "rata-rata", "mean": "rata-rata", "average": "rata-rata",
                "maks": "maks", "max": "maks", "maksimum": "maks", "maximum": "maks", "min": "min",
                "minimum": "min"}
NUMERALS = {"i": 1, "1": 1, "ii": 2, "2": 2, "iii": 3, "3": 3, "iv": 4, "4": 4}


def quarter_suffix(rest):
    """What follows `realisasi`, `target`…: '' -> 0 (a bare column), `tw2`/`triwulanii`/`q2` -> 2."""
    if not rest:
        return 0
    for marker in ("triwulan", "quarter", "tw", "q"):
        if rest.startswith(marker) and rest[len(marker):] in NUMERALS:
            return NUMERALS[rest[len(marker):]]
    return None


class Indicator:
    __slots__ = ("code", "wording", "unit", "section", "target", "qt", "has_qt", "level", "negative",
                 "agg", "pagu", "qualitative")

    def needed(self, quarters):
        """The quarters a period's figure is made of: the last for `akhir` and grades, else all."""
        return quarters[-1:] if self.agg == "akhir" or self.qualitative else quarters


def read_definitions(path):
    summary, encoding, delimiter = load_csv(path)
    numbers = Numbers(delimiter != ",")
    rows = records(path, encoding, delimiter, summary)
    for _, fields in rows:
        if any(fold(f.strip()) in CODE_HEADERS for f in fields):
            break
    else:
        sys.exit(f"{path}: no header row with a `kode` column")
    col, qcol = {}, {}
    for i, name in enumerate(fields):
        h = fold(name.strip())
        if h in DEFINITION_COLUMNS:
            col.setdefault(DEFINITION_COLUMNS[h], i)
        elif h.startswith("target") and quarter_suffix(h[6:]):
            qcol.setdefault(quarter_suffix(h[6:]), i)
    missing = [c for c in ("code", "wording", "unit", "section", "target") if c not in col]
    if missing:
        sys.exit(f"{path}: required columns missing: {', '.join(missing)}")

    def target(text):
        """A target: a number, or a grade (`BB`, `WTP`); None when empty."""
        try:
            return numbers.parse(text)
        except NumberError:
            if any(c.isdigit() for c in text):
                raise
            return text.strip()

    defs, seen, shared = [], set(), {}  # every indicator of a section repeats its name: keep one copy
    for line, fields in rows:
        cell = lambda key: fields[col[key]].strip() if key in col and col[key] < len(fields) else ""
        code = cell("code")
        if not code or code in seen:  # sakip refuses such a file; a duplicate keeps the first row
            continue
        seen.add(code)
        d = Indicator()
        try:
            d.code, d.wording = code, cell("wording")
            d.unit, d.section = shared.setdefault(cell("unit"), cell("unit")), shared.setdefault(cell("section"), cell("section"))
            d.target = target(cell("target"))
            qt = [target(fields[qcol[q]]) if q in qcol and qcol[q] < len(fields) else None for q in (1, 2, 3, 4)]
            d.qt, d.has_qt = qt, any(t is not None for t in qt)
            d.level = LEVELS[fold(cell("level"))] if cell("level") else ""
            d.negative = POLARITIES[fold(cell("polarity") or "positif")] == "negatif"
            d.agg = AGGREGATIONS[fold(cell("aggregation") or "akhir")]
            d.pagu = numbers.parse(cell("pagu"))
        except (NumberError, KeyError) as e:
            sys.exit(f"{path}:{line}: {code}: invalid definition ({e})")
        if d.target is None or not (d.wording and d.unit and d.section):
            sys.exit(f"{path}:{line}: {code}: a required value is empty")
        d.qualitative = isinstance(d.target, str)
        defs.append(d)
    return defs, summary


def section_key(name):
    return " ".join(name.lower().split())


# --- forms (SPEC §3) ----------------------------------------------------------------------------

TEXT_FIELDS = {
    **dict.fromkeys(("kendala", "penghambat", "permasalahan", "hambatan", "obstacles", "obstacle"), "kendala"),
    **dict.fromkeys(("faktorpendorong", "pendorong", "drivers", "enablers"), "faktor_pendorong"),
    **dict.fromkeys(("tindaklanjut", "solusi", "upaya", "followup", "rencanatindaklanjut"), "tindak_lanjut"),
    **dict.fromkeys(("buktidukung", "bukti", "evidence", "datadukung"), "bukti_dukung"),
    **dict.fromkeys(("keterangan", "ket", "remarks", "catatan", "notes"), "keterangan"),
}
KEPT_TEXTS = ("kendala", "tindak_lanjut", "bukti_dukung")  # what the workbook shows and checks


def form_role(header):
    """(kind, argument) of a form column, or None for a column the recap does not use."""
    h = fold(header)
    if h in CODE_HEADERS:
        return "code", None
    if h in ("indikator", "indicator", "indikatorkinerja", "uraianindikator"):
        return "wording", None
    if h in ("satuan", "unit"):
        return "unit", None
    if h in ("target", "annualtarget", "targettahunan", "targetpk"):
        return "target", None
    if h in TEXT_FIELDS:
        return "text", TEXT_FIELDS[h]
    for kind, prefixes in (("budget", ("realisasianggaran", "budgetrealisation", "budgetrealization", "anggaran")),
                           ("real", ("realisasi", "realisation", "realization"))):
        for prefix in prefixes:
            if h.startswith(prefix):
                q = quarter_suffix(h[len(prefix):])
                if q is not None:
                    return kind, q
    return None


SECTION_LABELS = {"unitkerja", "bidang", "bagian", "seksi", "penanggungjawab", "section", "subbagian",
                  "perangkatdaerah"}


def period_text(text):
    """`TW II`, `Triwulan 2`, `Q2`, `tw-2` -> 2."""
    rest = text.lower().strip()
    for prefix in ("triwulan", "quarter", "tw", "q"):
        if rest.startswith(prefix):
            rest = rest[len(prefix):]
            break
    numeral = re.split(r"[ (/,]", rest.lstrip(" -_."), maxsplit=1)[0]
    return NUMERALS.get(numeral)


class Form:
    """What one returned form said, besides its values (merged as they are read)."""

    def __init__(self, path):
        self.path, self.section, self.year, self.period = path, None, None, None
        self.real_cols, self.budget_cols, self.text_cols = {}, {}, {}
        self.unit_col = self.target_col = None
        self.codes = Counter()  # sections of its rows, when the title block names none we know
        self.checks = []  # target-mismatch and unit-mismatch findings, reported after completeness


def is_column_number_row(cells):
    return len(cells) >= 3 and all(c == str(i) for i, c in enumerate(cells, 1))


def finding(severity, check, section, file, line, column, code, message):
    """A finding as the Validasi sheet shows it."""
    return (severity, check, section, file, line, column, code, message)


def clip(text):
    return text if len(text) <= 60 else text[:60] + f"… ({len(text)} karakter)"


def number_problem(text, problem, comma):
    text = clip(text)
    mark = ("koma sebagai pemisah desimal (mis. 1,5 atau 1.250.000,50)" if comma
            else "titik sebagai pemisah desimal (mis. 1.5 atau 1,250,000.50)")
    flag = "--decimal-point" if comma else "--decimal-comma"
    return {
        "otherDecimalMark": f'"{text}" tidak dapat dibaca dengan pasti: berkas ini memakai {mark}. '
                            f"Tulis ulang angkanya dengan cara itu. (Tim SAKIP: jika seluruh berkas memakai cara lain, "
                            f"jalankan ulang dengan {flag}.)",
        "ambiguous": f'"{text}" bukan angka yang jelas (pemisah ribuan harus per tiga angka, satu tanda desimal). '
                     f"Tulis satu angka saja, dengan {mark}.",
        "notANumber": f'"{text}" bukan angka. Isi dengan angka saja (tanpa kata); tulis penjelasan di kolom Kendala '
                      f"atau Keterangan.",
        "outOfRange": f'"{text}" terlalu besar untuk sebuah angka. Periksa dan tulis ulang angkanya.',
    }[problem]


UNREADABLE = {
    "empty": "Berkas kosong. Kirim ulang formulir yang sudah diisi.",
    "binary": 'Berkas ini bukan teks CSV (berisi data biner). Buka di Excel dan simpan sebagai "CSV UTF-8".',
    "workbook": 'Berkas ini adalah buku kerja Excel, bukan CSV. Buka di Excel, pilih Simpan Sebagai → "CSV UTF-8 '
                '(Comma delimited)", lalu kirim berkas .csv-nya.',
    "csv": "Berkas tidak dapat dibaca sebagai CSV ({}). Simpan ulang berkas dari Excel sebagai CSV, jangan disunting "
           "dengan tangan.",
    "io": "Berkas tidak dapat dibuka ({}). Periksa nama dan izin berkasnya.",
}


def id_number(x, decimals=2):
    """`1.250.000,5`: Indonesian grouping, at most `decimals` decimals."""
    if not math.isfinite(x) or abs(x) >= 1e15:
        return repr(x)
    scale = 10 ** decimals
    rounded = math.floor(abs(x) * scale + 0.5) / scale
    whole = math.floor(rounded)
    fraction = str(math.floor((rounded - whole) * scale + 0.5)).rjust(decimals, "0").rstrip("0")
    text = f"{whole:,}".replace(",", ".") + ("," + fraction if fraction and int(fraction) else "")
    return ("-" if x < 0 and rounded else "") + text


def shown(value):
    """A reported value as a message quotes it."""
    return "-" if value is None else id_number(value, 4) if isinstance(value, float) else value


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    if isinstance(a, str) and isinstance(b, str):
        return fold(a) == fold(b)
    return False


class Recap:
    """The definitions, every form's values merged per (indicator, quarter), and the findings."""

    def __init__(self, defs, def_summary):
        self.defs = defs
        self.by_code = {d.code: d for d in defs}
        self.sections = list(dict.fromkeys(d.section for d in defs))
        self.section_names = {section_key(s): s for s in self.sections}
        self.inputs = [def_summary]
        self.forms = []  # Form, in path order (readable ones)
        self.paths = []
        self.unreadable_sections = {}  # path -> section named by the file name
        # code -> {quarter: (value, file, line, column, invalid)}; value None when not reported
        self.real, self.budget = {}, {}
        self.texts = {}  # code -> {field: text}, a later form's text replacing an earlier one
        self.origin = {}  # code -> (file, line) of its first row
        self.form_findings, self.conflicts = [], []

    # One form, read and merged row by row.
    def read_form(self, path):
        self.paths.append(path)
        try:
            summary, encoding, delimiter = load_csv(path)
            self.inputs.append(summary)
            self._read_rows(path, records(path, encoding, delimiter, summary), Numbers(delimiter != ","))
        except Unreadable as e:
            why, summary = e.args
            self.inputs.append(summary)
            self._unreadable(path, UNREADABLE[why[0]].format(*why[1:]))
        except csv.Error as e:
            summary = self.inputs[-1]
            summary["encoding"] = summary["delimiter"] = None
            summary["rows"] = 0
            self._unreadable(path, UNREADABLE["csv"].format(e))

    def _unreadable(self, path, message):
        key = lambda s: "".join(c for c in s.lower() if c.isalnum())
        name = key(os.path.basename(path))
        section = max((s for s in self.sections if key(s) and key(s) in name), key=lambda s: len(key(s)), default=None)
        if section:
            self.unreadable_sections[path] = section
        self.form_findings.append(finding("error", "unreadable-file", section, path, None, None, None, message))
        if self.forms and self.forms[-1].path == path:
            self.forms.pop()

    def _read_rows(self, path, rows, numbers):
        form = Form(path)
        self.forms.append(form)
        findings = []
        for line, fields in rows:  # the title block, up to the header row
            if any(fold(f.strip()) in CODE_HEADERS for f in fields):
                header = fields
                break
            cells = [c.strip() for c in fields if c.strip()]
            if not cells:
                continue
            label, value = cells[0], cells[1] if len(cells) > 1 else None
            if value is None and ":" in label:
                label, value = label.split(":", 1)
                value = value.strip()
            if not value:
                continue
            key = fold(label.replace(":", ""))
            if key in SECTION_LABELS and form.section is None:
                form.section = value
            elif key in ("tahun", "year", "tahunanggaran") and form.year is None and value.isdigit() \
                    and 1900 <= int(value) <= 2200:
                form.year = (int(value), line)
            elif key in ("periode", "triwulan", "period", "quarter") and form.period is None and period_text(value):
                form.period = (period_text(value), line)
        else:
            section = self.section_names.get(section_key(form.section)) if form.section else None
            self.form_findings.append(finding(
                "error", "no-header", section or form.section, path, 1 if self.inputs[-1]["rows"] else None, None,
                None, 'Baris judul tabel tidak ditemukan: tidak ada kolom "Kode". Pakai formulir dari Tim SAKIP tanpa '
                      "mengubah judul kolomnya."))
            return
        title_section = self.section_names.get(section_key(form.section)) if form.section else None
        form_section = title_section or form.section
        form_period = form.period[0] if form.period else PERIOD

        columns, code_col = [], None  # (index, header, kind, argument)
        for i, raw in enumerate(header):
            name = raw.strip()
            role = form_role(name)
            if role is None or (role[0] == "code" and code_col is not None):
                continue
            kind, arg = role
            if kind == "code":
                code_col = i
            elif kind in ("real", "budget"):
                arg = arg or form_period
                (form.real_cols if kind == "real" else form.budget_cols).setdefault(arg, name)
            elif kind == "text":
                form.text_cols.setdefault(arg, name)
            elif kind == "unit":
                form.unit_col = name
            elif kind == "target":
                form.target_col = name
            columns.append((i, name, kind, arg))
        code_name = header[code_col].strip()
        width = len(header)
        seen = {}

        for line, fields in rows:
            cells = [c.strip() for c in fields if c.strip()]
            if not cells or is_column_number_row(cells):
                continue
            code = fields[code_col].strip() if code_col < len(fields) else ""
            d = self.by_code.get(code) if code else None
            section = d.section if d else form_section
            if len(fields) > width:
                extra = next((i for i in range(width, len(fields)) if fields[i].strip()), None)
                if extra is not None:
                    findings.append(finding(
                        "warning", "extra-cells", section, path, line, xl_col_to_name(extra), code or None,
                        f'Ada isian "{clip(fields[extra].strip())}" di luar kolom tabel. Pindahkan ke kolom yang '
                        f"benar (mis. Keterangan) atau hapus."))
            if not code:  # a heading, subtotal or signature line, unless it carries a number
                for i, name, kind, _ in columns:
                    if kind in ("real", "budget") and i < len(fields):
                        try:
                            value = numbers.parse(fields[i])
                        except NumberError:
                            value = None
                        if value is not None:
                            findings.append(finding(
                                "error", "orphan-value", form_section, path, line, name, None,
                                f'Ada nilai "{clip(fields[i].strip())}" di baris tanpa kode indikator. Pindahkan nilai '
                                f"itu ke baris indikatornya, atau hapus."))
                continue
            if code in seen:
                findings.append(finding(
                    "error", "duplicate-code", section, path, line, code_name, code,
                    f"Kode {code} muncul dua kali dalam formulir ini (pertama di baris {seen[code]}). Hapus baris yang "
                    f"dobel; nilai pada baris ini tidak dipakai."))
                continue
            seen[code] = line
            if d is None:
                findings.append(finding(
                    "error", "unknown-code", form_section, path, line, code_name, code,
                    f"Kode {code} tidak ada di daftar indikator. Perbaiki kodenya sesuai formulir dari Tim SAKIP; "
                    f"nilai pada baris ini tidak dipakai."))
                continue

            reals, budgets, texts, unit, target = [], [], {}, None, None
            for i, name, kind, arg in columns:
                t = fields[i].strip() if i < len(fields) else ""
                if kind == "real" or kind == "budget":
                    invalid = False
                    if d.qualitative and kind == "real":
                        value = None if t.lower() in NOT_REPORTED else t
                    else:
                        try:
                            value = numbers.parse(t)
                        except NumberError as e:
                            value, invalid = None, True
                            findings.append(finding("error", "invalid-number", section, path, line, name, code,
                                                    number_problem(t, e.args[0], numbers.comma)))
                    (reals if kind == "real" else budgets).append((arg, (value, path, line, name, invalid)))
                elif kind == "text":
                    if t and arg not in texts:
                        texts[arg] = t
                elif kind == "unit" and t:
                    unit = t
                elif kind == "target" and t:
                    target = t

            # Consistency with the definitions (the definitions win).
            if target is not None and target.lower() not in NOT_REPORTED and not target_matches(target, d.target, numbers):
                shown_target = d.target if isinstance(d.target, str) else id_number(d.target, 4)
                form.checks.append(finding(
                    "warning", "target-mismatch", d.section, path, line, form.target_col, code,
                    f"Target di formulir ({target}) berbeda dengan target Perjanjian Kinerja ({shown_target}). Yang "
                    f"dipakai adalah target PK; jangan mengubah target di formulir."))
            if unit is not None and unit_key(unit) != unit_key(d.unit):
                form.checks.append(finding(
                    "warning", "unit-mismatch", d.section, path, line, form.unit_col, code,
                    f"Satuan di formulir ({unit}) berbeda dengan satuan di definisi ({d.unit}). Pastikan realisasi "
                    f"ditulis dalam satuan {d.unit}."))

            # Merge per (indicator, quarter): the first value stays, a different one is a conflict.
            self.origin.setdefault(code, (path, line))
            if title_section is None:
                form.codes[d.section] += 1
            for values, store, what in ((reals, self.real, "Realisasi"), (budgets, self.budget, "Realisasi anggaran")):
                for q, cell in values:
                    if q > PERIOD:
                        continue
                    merged = store.setdefault(code, {})
                    old = merged.get(q)
                    if old is None or (old[0] is None and not old[4]):
                        merged[q] = cell
                    elif old[0] is not None and cell[0] is not None and not same(old[0], cell[0]):
                        self.conflicts.append(finding(
                            "error", "conflict", d.section, path, cell[2], cell[3], code,
                            f"{what} {tw(q)} di sini {shown(cell[0])}, tetapi {old[1]} baris {old[2]} berisi "
                            f"{shown(old[0])}. Pastikan angka yang benar dan kirim satu formulir yang sudah diperbaiki; "
                            f"sampai itu, angka {shown(old[0])} yang dipakai."))
            if texts:
                merged = self.texts.setdefault(code, {})
                for field in KEPT_TEXTS:
                    if field in texts:
                        merged[field] = texts[field]

        # Without a section in the title block, findings go to the section of most of its codes.
        if form_section is None and form.codes:
            majority = max(form.codes, key=form.codes.get)
            findings = [f if f[2] is not None else f[:2] + (majority,) + f[3:] for f in findings]
        self.form_findings += findings

    def form_sections(self):
        """The section each readable form is taken to be from: its title block, else most of its codes."""
        result = {}
        for form in self.forms:
            named = self.section_names.get(section_key(form.section)) if form.section else None
            if named or form.codes:
                result[form.path] = named or max(form.codes, key=form.codes.get)
        return result


def target_matches(text, target, numbers):
    try:
        value = numbers.parse(text)
    except NumberError:
        value = None
    if isinstance(target, str):
        return fold(text) == fold(target)
    return value is not None and abs(value - target) <= 1e-9 * max(1, abs(target))


def unit_key(unit):
    u = fold(unit)
    return "%" if u in ("persen", "percent", "persentase") else u


# --- measurement (SPEC §5) ----------------------------------------------------------------------
# A reason a figure is missing is a tuple: (kind, quarters).

NOT_REPORTED_R, NOT_A_NUMBER, NO_QUARTER_TARGET, TARGET_NOT_NUMBER = "notReported", "notANumber", "qtMissing", "qtText"
NO_PERIOD_TARGET, ZERO_TARGET, QUALITATIVE, OUT_OF_RANGE = "noPeriodTarget", "zeroTarget", "qualitative", "outOfRange"
CLAMPED, ZERO_EXCEEDED = "clamped", "zeroExceeded"


def short(reason):
    """The text of a cell that has no figure: `belum lengkap: TW II`."""
    if reason is None:
        return ""
    kind, quarters = reason
    return {NOT_REPORTED_R: "belum lengkap: ", NOT_A_NUMBER: "bukan angka: ", NO_QUARTER_TARGET: "tanpa target: ",
            TARGET_NOT_NUMBER: "target bukan angka: "}.get(kind, "") + (listing(quarters) if quarters else {
                NO_PERIOD_TARGET: "tanpa target periode", ZERO_TARGET: "target 0", QUALITATIVE: "kualitatif",
                OUT_OF_RANGE: "angka terlalu besar"}[kind])


def long(reason):
    """The reason in full words, for the Catatan pengukuran column."""
    kind, quarters = reason
    q = listing(quarters) if quarters else ""
    return {
        NOT_REPORTED_R: f"realisasi {q} belum dilaporkan", NOT_A_NUMBER: f"realisasi {q} bukan angka",
        NO_QUARTER_TARGET: f"target triwulan {q} tidak ada di Rencana Aksi", TARGET_NOT_NUMBER: f"target {q} bukan angka",
        NO_PERIOD_TARGET: "tidak ada target untuk periode ini: indikator dijumlahkan dan hanya punya target tahunan",
        ZERO_TARGET: "target 0: capaian indikator positif tidak dapat dihitung",
        QUALITATIVE: "indikator kualitatif: hanya status tercapai/tidak tercapai, tanpa persentase",
        OUT_OF_RANGE: "angka terlalu besar untuk dihitung",
    }[kind]


NOTES = {CLAMPED: "realisasi lebih dari dua kali target: capaian ditetapkan 0",
         ZERO_EXCEEDED: "target 0 dan realisasi di atas 0: capaian ditetapkan 0"}


def plain(x):
    """A number as a grade's text: `3`, `2.5`."""
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def combine(values, agg):
    if agg == "akhir":
        v = values[-1]
    elif agg == "jumlah":
        v = sum(values)
    elif agg == "rata-rata":
        v = sum(values) / len(values)
    else:
        v = max(values) if agg == "maks" else min(values)
    return (v + 0.0, None) if math.isfinite(v) else (None, (OUT_OF_RANGE, ()))


def realisation(d, reals, quarters):
    """(value, reason): a number, the text of a grade, or None with why."""
    needed = d.needed(quarters)
    missing = [q for q in needed if q not in reals]
    if missing:
        return None, (NOT_REPORTED_R, missing)
    if d.qualitative:
        v = reals[needed[-1]]
        return (plain(v) if isinstance(v, float) else v), None
    texts = [q for q in needed if not isinstance(reals[q], float)]
    if texts:
        return None, (NOT_A_NUMBER, texts)
    return combine([reals[q] for q in needed], d.agg)


def target(d, quarters):
    """(value, reason) of the target over a period (SPEC §5.2)."""
    if d.qualitative:
        t = d.qt[quarters[-1] - 1]
        t = d.target if t is None else t
        return (plain(t) if isinstance(t, float) else t), None
    if d.has_qt:
        needed = d.needed(quarters)
        missing = [q for q in needed if d.qt[q - 1] is None]
        if missing:
            return None, (NO_QUARTER_TARGET, missing)
        texts = [q for q in needed if isinstance(d.qt[q - 1], str)]
        if texts:
            return None, (TARGET_NOT_NUMBER, texts)
        return combine([d.qt[q - 1] for q in needed], d.agg)
    if d.agg == "jumlah" and quarters != [1, 2, 3, 4]:
        return None, (NO_PERIOD_TARGET, ())
    return d.target, None


def percent(part, whole):
    scaled = part * 100
    return scaled / whole if math.isfinite(scaled) else part / whole * 100


def achievement(t, r, negative):
    """(capaian, note, reason) of realisation r against target t (SPEC §5.3)."""
    note = None
    if not negative:
        if t == 0:
            return None, None, (ZERO_TARGET, ())
        v = percent(r, t) if t > 0 else 100 + percent(r - t, abs(t))
    elif t == 0:
        v, note = (100.0, None) if r <= 0 else (0.0, ZERO_EXCEEDED)
    else:
        v = percent(2 * t - r, t) if t > 0 else 100 + percent(t - r, abs(t))
        if v < 0:
            v, note = 0.0, CLAMPED
    if not math.isfinite(v):
        return None, None, (OUT_OF_RANGE, ())
    return v + 0.0, note, None


# Permendagri 86/2017 (SPEC §5.4), each bound lowered by sakip's 1e-12 relative tolerance.
CATEGORIES = [(name, bound - 1e-12 * max(abs(bound), 1))
              for name, bound in (("Sangat Tinggi", 91), ("Tinggi", 76), ("Sedang", 66), ("Rendah", 51))]
CATEGORY_NAMES = [name for name, _ in CATEGORIES] + ["Sangat Rendah"]
SCALES = (("AA", "A", "BB", "B", "CC", "C", "D"), ("WTP", "WDP", "TW", "TMP"))


def category(c):
    return next((name for name, low in CATEGORIES if c >= low), "Sangat Rendah")


def status(t, r):
    """`tercapai` or `tidak tercapai` of a grade against its target (SPEC §5.5)."""
    t, r = "".join(t.split()).upper(), "".join(r.split()).upper()
    scale = next((s for s in SCALES if t in s), None)
    if scale and r in scale:
        return "tercapai" if scale.index(r) <= scale.index(t) else "tidak tercapai"
    return "tercapai" if t == r else "tidak tercapai"


def outcome(d, t, t_reason, r, r_reason):
    """(capaian, category, reason, note, status) of a target and a realisation."""
    if r_reason:
        return None, None, r_reason, None, None
    if t_reason:
        return None, None, t_reason, None, None
    if isinstance(t, float) and isinstance(r, float):
        ach, note, reason = achievement(t, r, d.negative)
        return ach, (category(ach) if ach is not None else None), reason, note, None
    return None, None, (QUALITATIVE, ()), None, (status(t, r) if isinstance(t, str) and isinstance(r, str) else None)


def measure(d, reals, budget):
    """Everything the workbook shows of one indicator:
    periods: per PERIODS entry (target, target reason, realisation, capaian, category, reason, note, status)
    annual:  (realisation to date, progress, reason, note, status) against the annual target
    budget:  (quarters, to date, serapan, sisa, efisiensi, reason) or None without a pagu."""
    periods = []
    for _, _, quarters in PERIODS:
        t, t_reason = target(d, quarters)
        r, r_reason = realisation(d, reals, quarters)
        periods.append((t, t_reason, r) + outcome(d, t, t_reason, r, r_reason))
    # Progress: the realisation to date against the annual target, by the same formula.
    r = periods[-1][2]
    progress, _, reason, note, st = outcome(d, d.target, None, r, periods[-1][5] if r is None else None)
    annual = (r, progress, reason, note, st)
    money = None
    if d.pagu is not None:
        missing = [q for q in QUARTERS if q not in budget]
        to_date = serapan = sisa = efisiensi = reason = None
        if missing:
            reason = (NOT_REPORTED_R, missing)
        else:
            to_date = sum(budget[q] for q in QUARTERS) + 0.0
            if not math.isfinite(to_date):
                to_date, reason = None, (OUT_OF_RANGE, ())
        if to_date is not None:
            serapan = percent(to_date, d.pagu) if d.pagu > 0 else None
            sisa = d.pagu - to_date
        if serapan is not None and periods[-1][3] is not None:
            efisiensi = periods[-1][3] - serapan
        money = (budget, to_date, serapan, sisa, efisiensi, reason)
    return periods, annual, money


# --- the checks that need the merged values (SPEC §7) --------------------------------------------

def validate(rc, measurements):
    """Every finding, sorted as sakip sorts them: by section (definitions' order), file, line."""
    form_sections = rc.form_sections()
    forms_by_section = defaultdict(list)
    form_by_path = {}
    for form in rc.forms:
        forms_by_section[form_sections.get(form.path, "")].append(form)
        form_by_path[form.path] = form
    unreadable = set(rc.unreadable_sections.values())
    members = defaultdict(list)
    for i, d in enumerate(rc.defs):
        members[d.section].append(i)

    completeness = []
    for section in rc.sections:
        forms = forms_by_section.get(section, [])
        if not forms and not any(rc.defs[i].code in rc.origin for i in members[section]):
            if section not in unreadable:
                completeness.append(finding(
                    "error", "missing-form", section, None, None, None, None,
                    f"Belum ada formulir yang dikembalikan untuk {len(members[section])} indikator unit kerja ini. "
                    f"Minta unit kerja mengisi dan mengirim formulirnya."))
            continue
        for i in members[section]:
            d = rc.defs[i]
            origin = rc.origin.get(d.code)
            if origin is None:
                completeness.append(finding(
                    "error", "missing-indicator", section, forms[0].path if forms else None, None, None, d.code,
                    f"Indikator {d.code} ({d.wording}) tidak ada di formulir. Tambahkan barisnya dan isi realisasinya."))
                continue
            form = form_by_path.get(origin[0])
            for store, cols, check, default, message in (
                    (rc.real, form.real_cols, "missing-value", "Realisasi",
                     "Realisasi {} belum diisi. Isi angka realisasinya; jika memang nol, tulis 0 (sel kosong atau \"-\" "
                     "berarti belum dilaporkan)."),
                    (rc.budget, form.budget_cols, "missing-budget", "Realisasi Anggaran",
                     "Realisasi anggaran {} belum diisi, padahal indikator ini punya pagu. Isi realisasi anggarannya "
                     "dalam rupiah; jika tidak ada belanja, tulis 0.")):
                if check == "missing-budget" and d.pagu is None:
                    continue
                cells = store.get(d.code, {})
                for q in QUARTERS:
                    cell = cells.get(q)
                    if cell and (cell[4] or cell[0] is not None):
                        continue
                    file, line, column = (cell[1], cell[2], cell[3]) if cell else \
                        (origin[0], origin[1], cols.get(q, f"{default} {tw(q)}"))
                    completeness.append(finding("error", check, section, file, line, column, d.code, message.format(tw(q))))

    consistency = []
    years = Counter(form.year[0] for form in rc.forms if form.year)
    year = max(years, key=years.get) if years else None
    for form in rc.forms:
        section = (rc.section_names.get(section_key(form.section)) or form.section) if form.section else None
        if year and form.year and form.year[0] != year:
            consistency.append(finding(
                "error", "year-mismatch", section, form.path, form.year[1], "Tahun", None,
                f"Formulir ini untuk tahun {form.year[0]}, sedangkan yang diminta tahun {year}. Kirim formulir tahun {year}."))
        if form.period and form.period[0] != PERIOD:
            q = form.period[0]
            consistency.append(finding(
                "error" if q > PERIOD else "warning", "period-mismatch", section, form.path, form.period[1], "Periode",
                None, f"Formulir ini untuk {tw(q)}, sedangkan yang direkap {tw(PERIOD)}. Kirim formulir {tw(PERIOD)}."
                if q > PERIOD else f"Formulir ini untuk {tw(q)}; hanya nilai sampai {tw(q)} yang diambil darinya. "
                                   f"Realisasi {tw(PERIOD)} harus datang dari formulir {tw(PERIOD)}."))
        consistency += form.checks
    for d in rc.defs:
        cells = rc.budget.get(d.code)
        if d.pagu is None or not cells:
            continue
        tolerance = 1e-9 * max(1, d.pagu)
        running, crossing = 0.0, None
        for q in sorted(cells):
            running += cells[q][0] or 0.0
            if crossing is None and running > d.pagu + tolerance:
                crossing = cells[q]
        if crossing:
            consistency.append(finding(
                "error", "budget-over-ceiling", d.section, crossing[1], crossing[2], crossing[3], d.code,
                f"Realisasi anggaran sampai saat ini (Rp {id_number(running)}) melebihi pagu (Rp {id_number(d.pagu)}). "
                f"Periksa angkanya dengan bagian keuangan dan perbaiki."))

    plausibility = []
    for d, (periods, _, _) in zip(rc.defs, measurements):
        origin = rc.origin.get(d.code)
        if origin is None:
            continue
        cells = rc.real.get(d.code, {})
        for q in QUARTERS:
            cell = cells.get(q)
            if not cell or not isinstance(cell[0], float):
                continue
            value = cell[0]
            t = d.qt[q - 1] if isinstance(d.qt[q - 1], float) else d.target if isinstance(d.target, float) else None
            if d.unit.lower().strip() in ("%", "persen", "percent", "persentase") and 0 < value <= 1 \
                    and t is not None and t >= 10:
                plausibility.append(finding(
                    "warning", "fraction-percent", d.section, cell[1], cell[2], cell[3], d.code,
                    f"Nilai {id_number(value, 4)} tampaknya ditulis sebagai pecahan, padahal satuannya persen (target "
                    f"{id_number(t, 4)}). Tulis dalam persen, mis. {id_number(value * 100, 4)} bukan {id_number(value, 4)}."))
            before = cells.get(q - 1)
            if before and isinstance(before[0], float) and outlier(value, before[0], d.target):
                plausibility.append(finding(
                    "warning", "outlier", d.section, cell[1], cell[2], cell[3], d.code,
                    f"Realisasi {tw(q)} ({id_number(value, 4)}) jauh berbeda dari triwulan sebelumnya "
                    f"({id_number(before[0], 4)}). Periksa kembali angkanya; jika benar, jelaskan di kolom Keterangan."))
        texts = rc.texts.get(d.code, {})
        form = form_by_path.get(origin[0])
        ach = periods[-1][3]
        if ach is not None and ach < 100 and not texts.get("kendala"):
            plausibility.append(finding(
                "warning", "missing-explanation", d.section, origin[0], origin[1],
                form.text_cols.get("kendala", "Kendala"), d.code,
                f"Capaian {id_number(ach)}% belum mencapai target, tetapi kolom Kendala kosong. Tuliskan kendala dan "
                f"tindak lanjutnya."))
        if any(c[0] is not None for c in cells.values()) and not texts.get("bukti_dukung"):
            plausibility.append(finding(
                "warning", "missing-evidence", d.section, origin[0], origin[1],
                form.text_cols.get("bukti_dukung", "Bukti Dukung"), d.code,
                "Bukti dukung belum diisi. Tuliskan nomor dokumen atau tautan yang mendukung realisasi ini."))

    order = {s: i for i, s in enumerate(rc.sections)}
    findings = rc.form_findings + rc.conflicts + completeness + consistency + plausibility
    findings.sort(key=lambda f: (order.get(f[2], len(order)), f[3] or "", f[4] if f[4] is not None else math.inf))
    return findings, form_sections


def outlier(value, previous, annual):
    """Over five times or under a fifth of the previous quarter, by at least half the annual target."""
    if previous <= 0 or value <= 0 or 0.2 <= value / previous <= 5:
        return False
    if not isinstance(annual, float) or annual == 0:
        return True
    return abs(value - previous) >= 0.5 * abs(annual)


# --- the workbook (SPEC §8) ---------------------------------------------------------------------

class Styles:
    def __init__(self, wb):
        f = lambda **kw: wb.add_format(kw)
        cell = dict(border=1, valign="top")
        self.title, self.bold, self.italic = f(bold=True, font_size=14), f(bold=True), f(italic=True)
        self.header = f(bold=True, bg_color="#D9E1F2", border=1, align="center", valign="vcenter", text_wrap=True)
        self.group = f(bold=True, bg_color="#B4C6E7", border=1, align="center", valign="vcenter")
        self.text = f(**cell)
        self.wrapped = f(text_wrap=True, **cell)
        self.reason = f(italic=True, font_color="#7F7F7F", text_wrap=True, **cell)
        self.integer = self.rupiah = f(num_format="#,##0", **cell)
        self.decimal = f(num_format="#,##0.00##", **cell)
        self.percent = f(num_format="0.00", **cell)
        self.year = f(align="left", num_format="0")
        self.total_label, self.total_number = f(bold=True, border=1), f(bold=True, border=1, num_format="#,##0")
        colours = {"Sangat Tinggi": ("#1E8449", "#FFFFFF"), "Tinggi": ("#82E0AA", "#000000"),
                   "Sedang": ("#F9E79F", "#000000"), "Rendah": ("#F5B041", "#000000"),
                   "Sangat Rendah": ("#C0392B", "#FFFFFF")}
        self.category = {k: f(bold=True, font_color=fg, bg_color=bg, **cell) for k, (bg, fg) in colours.items()}
        self.conditional = {k: f(font_color=fg, bg_color=bg) for k, (bg, fg) in colours.items()}
        self.status = {"tercapai": f(bold=True, bg_color="#C6EFCE", **cell),
                       "tidak tercapai": f(bold=True, bg_color="#FFC7CE", **cell)}
        self.section_state = {"lengkap": f(bold=True, bg_color="#C6EFCE", **cell),
                              "belum lengkap": f(bold=True, bg_color="#FFEB9C", **cell),
                              "belum mengirim formulir": f(bold=True, bg_color="#FFC7CE", **cell)}
        self.severity = {"error": f(bold=True, font_color="#9C0006", bg_color="#FFC7CE", **cell),
                         "warning": f(bold=True, font_color="#9C5700", bg_color="#FFEB9C", **cell)}
        self.levels = {"Program": f(**cell), "Kegiatan": f(indent=1, align="left", **cell),
                       "Subkegiatan": f(indent=2, align="left", **cell)}

    def number(self, v):
        """Whole numbers with thousands separators, fractions with two to four decimals."""
        return self.integer if v.is_integer() and abs(v) < 1e15 else self.decimal


def put_text(ws, row, col, text, fmt):
    """Text always as text (never a formula); empty text as a formatted blank."""
    if text:
        ws.write_string(row, col, text, fmt)
    else:
        ws.write_blank(row, col, None, fmt)


def capaian_formula(t, r, target, negative):
    """sakip's capaian formula over target cell t and realisation cell r (SPEC §5.3)."""
    if not negative:
        return f"{r}*100/{t}" if target > 0 else f"100+({r}-{t})*100/ABS({t})"
    if target == 0:
        return f"IF({r}<=0,100,0)"
    return f"MAX(0,(2*{t}-{r})*100/{t})" if target > 0 else f"MAX(0,100+({t}-{r})*100/ABS({t}))"


def aggregate(cells, agg):
    """The last cell for `akhir`, else SUM/AVERAGE/MAX/MIN over the cells."""
    if agg == "akhir":
        return cells[-1]
    return {"jumlah": "SUM", "rata-rata": "AVERAGE", "maks": "MAX", "min": "MIN"}[agg] + "(" + ",".join(cells) + ")"


class Table:
    """A table over as many sheets as Excel's rows need: `Name`, then `Name (2)` with the same top
    rows, as sakip does. `top(ws, number)` writes a sheet's title and header and returns its first
    data row; `colour` are the columns coloured by category."""

    def __init__(self, book, name, labels, fixed, rows, top, header_row, colour=(), trailer=0):
        self.book, self.name, self.labels, self.fixed, self.left = book, name, labels, fixed, rows
        self.top, self.header_row, self.colour, self.end = top, header_row, colour, MAX_ROWS - trailer
        self.pages = []
        self._open()

    def _open(self):
        number = len(self.pages) + 1
        ws = self.book.wb.add_worksheet(self.name if number == 1 else f"{self.name} ({number})")
        for col, label in enumerate(self.labels):  # sized from the headers, as sakip does in constant memory
            words = max(12, max((len(w) for w in label.split()), default=0))
            ws.set_column(col, col, self.fixed.get(col, min(max(min(len(label), words) + 2, 12), 40)))
        first = self.top(ws, number)
        rows = max(0, min(self.end - first, self.left))
        self.left -= rows
        ws.autofilter(self.header_row, 0, max(self.header_row, first + rows - 1), len(self.labels) - 1)
        if rows:
            for col in self.colour:
                self.book.colour(ws, first, first + rows - 1, col)
        self.ws, self.row = ws, first
        self.pages.append(ws)

    def next_row(self):
        if self.row >= self.end:
            self._open()
        self.row += 1
        return self.ws, self.row - 1


class Book:
    """The recap workbook, written sheet by sheet in XlsxWriter's constant-memory mode."""

    def __init__(self, path, rc, measurements, findings, form_sections, created):
        self.wb = xlsxwriter.Workbook(path, {"constant_memory": True})
        self.wb.set_properties({"title": TITLE, "author": "csv_xlsxwriter.py", "created": created.replace(tzinfo=None)})
        self.s = Styles(self.wb)
        self.rc, self.measurements, self.findings = rc, measurements, findings
        self.form_sections = form_sections
        local = created.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
        self.created = f"{local.day} {MONTHS[local.month - 1]} {local.year} {local:%H:%M} WIB"
        years = Counter(f.year[0] for f in rc.forms if f.year)
        self.year = str(max(years, key=years.get)) if years else "-"
        self.period_label = f"{tw(PERIOD)} (s.d. {tw(PERIOD)})"

    def prepare(self, ws, header_rows=None, frozen=(1, 0)):
        """Frozen header, printed on every page, A4 landscape fitted to the width."""
        ws.freeze_panes(*frozen)
        if header_rows:
            ws.repeat_rows(*header_rows)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.set_footer("&L" + TITLE.replace("&", "&&")[:200] + "&RHalaman &P dari &N")

    def colour(self, ws, first, last, col):
        """Category colours on capaian cells: `between` rules, so text cells are never coloured."""
        bounds = [1e300] + [low for _, low in CATEGORIES] + [-1e300]
        for i, name in enumerate(CATEGORY_NAMES):
            ws.conditional_format(first, col, last, col, {"type": "cell", "criteria": "between", "minimum": bounds[i + 1],
                                                          "maximum": bounds[i], "format": self.s.conditional[name]})

    def heading(self, ws, text, number):
        ws.write_string(0, 0, TITLE, self.s.title)
        suffix = f" (lanjutan {number})" if number > 1 else ""
        ws.write_string(1, 0, f"{text}{suffix} — {self.period_label}, tahun {self.year}", self.s.bold)

    def table(self, name, title, labels, fixed, rows, trailer=0):
        """Kelengkapan, Validasi, Sumber: title rows, one header row at row 4."""
        def top(ws, number):
            self.prepare(ws, (3, 3), (4, 0))
            self.heading(ws, title, number)
            for col, label in enumerate(labels):
                ws.write_string(3, col, label, self.s.header)
            return 4
        return Table(self, name, labels, fixed, rows, top, 3, trailer=trailer)

    def write(self):
        summary_sheet = self.wb.add_worksheet("Ringkasan")  # first sheet; filled last, from the counts
        refs = self.write_measurement()
        self.write_budget(refs)
        statuses = self.write_completeness()
        self.write_findings()
        self.write_evaluation()
        self.write_sources()
        self.write_summary(summary_sheet, statuses)
        self.wb.close()

    # Pengukuran: one row per indicator.
    def write_measurement(self):
        s, rc = self.s, self.rc
        col = 8
        qcols = []
        for q in QUARTERS:
            qcols.append((q, col, col + 1))
            col += 2
        pcols = []
        for name, head, quarters in SUMMED:
            pcols.append((col, col + 1, col + 2))
            col += 3
        cat, prog, notes, kendala, tindak, bukti = range(col, col + 6)
        labels = ["Kode", "Level", "Indikator", "Satuan", "Polaritas", "Agregasi", "Penanggung jawab", "Target tahunan"]
        for q in QUARTERS:
            labels += [f"Target {tw(q)}", f"Realisasi {tw(q)}"]
        for _, head, _ in SUMMED:
            labels += [f"Target {head}", f"Realisasi {head}", f"Capaian {head} (%)"]
        labels += ["Kategori", "Progres terhadap target tahunan (%)", "Catatan pengukuran", "Kendala", "Tindak lanjut",
                   "Bukti dukung"]
        groups = [("Indikator kinerja", 0, 7)] + [(tw(q), t, r) for q, t, r in qcols] \
            + [(name, t, a) for (name, _, _), (t, _, a) in zip(SUMMED, pcols)] + [("Hasil dan keterangan", cat, bukti)]
        legend = ("Capaian dan progres dalam persen (95,50 = 95,50%). Kategori: Sangat Tinggi ≥ 91; Tinggi ≥ 76; "
                  "Sedang ≥ 66; Rendah ≥ 51; Sangat Rendah < 51.")

        def top(ws, number):
            self.prepare(ws, (3, 4), (5, 3))
            self.heading(ws, "Pengukuran kinerja", number)
            ws.write_string(2, 0, legend, s.italic)
            for text, first, last in groups:
                ws.merge_range(3, first, 3, last, text, s.group)
            for c, label in enumerate(labels):
                ws.write_string(4, c, label, s.header)
            return 5

        fixed = {2: 45, 6: 24, notes: 35, kendala: 40, tindak: 40, bukti: 35}
        table = Table(self, "Pengukuran", labels, fixed, len(rc.defs), top, 4,
                      colour=[a for _, _, a in pcols] + [prog], trailer=8)
        L = [xl_col_to_name(c) for c in range(len(labels))]
        refs = [None] * len(rc.defs)
        for i, (d, (periods, annual, _)) in enumerate(zip(rc.defs, self.measurements)):
            ws, row = table.next_row()
            n = str(row + 1)
            ws.write_string(row, 0, d.code, s.text)
            put_text(ws, row, 1, d.level, s.text)
            ws.write_string(row, 2, d.wording, s.wrapped)
            ws.write_string(row, 3, d.unit, s.text)
            ws.write_string(row, 4, "negatif" if d.negative else "positif", s.text)
            ws.write_string(row, 5, d.agg, s.text)
            ws.write_string(row, 6, d.section, s.wrapped)
            if d.qualitative:
                ws.write_string(row, 7, d.target, s.text)
            else:
                ws.write_number(row, 7, d.target, s.number(d.target))
            for (q, tc, rcol), (t, t_reason, r, _, _, reason, _, _) in zip(qcols, periods):
                if isinstance(t, float):
                    ws.write_number(row, tc, t, s.number(t))
                elif t is not None:
                    ws.write_string(row, tc, t, s.text)
                else:
                    put_text(ws, row, tc, short(t_reason), s.reason)
                if isinstance(r, float):
                    ws.write_number(row, rcol, r, s.number(r))
                elif r is not None:
                    ws.write_string(row, rcol, r, s.text)
                else:
                    put_text(ws, row, rcol, "belum dilaporkan" if reason[0] == NOT_REPORTED_R else short(reason), s.reason)
            for (_, _, quarters), (tc, rcol, ac), m in zip(SUMMED, pcols, periods[PERIOD:]):
                t, t_reason, r, ach, _, reason, _, st = m
                needed = d.needed(quarters)
                if isinstance(t, float):
                    formula = L[7] + n if not d.has_qt else aggregate([L[qcols[q - 1][1]] + n for q in needed], d.agg)
                    ws.write_formula(row, tc, formula, s.number(t), t)
                elif t is not None:
                    ws.write_string(row, tc, t, s.text)
                else:
                    put_text(ws, row, tc, short(t_reason), s.reason)
                if isinstance(r, float):
                    ws.write_formula(row, rcol, aggregate([L[qcols[q - 1][2]] + n for q in needed], d.agg), s.number(r), r)
                elif r is not None:
                    ws.write_string(row, rcol, r, s.text)
                else:
                    put_text(ws, row, rcol, short(reason), s.reason)
                if ach is not None:
                    ws.write_formula(row, ac, capaian_formula(L[tc] + n, L[rcol] + n, t, d.negative), s.percent, ach)
                elif st:
                    ws.write_string(row, ac, st, s.status[st])
                else:
                    put_text(ws, row, ac, short(reason), s.reason)
            ytd = periods[-1]
            if ytd[3] is not None:
                refs[i] = f"'{ws.name}'!${L[pcols[-1][2]]}${n}"
            if ytd[4]:
                ws.write_string(row, cat, ytd[4], s.category[ytd[4]])
            elif ytd[7]:
                ws.write_string(row, cat, "kualitatif: " + ytd[7], s.status[ytd[7]])
            else:
                put_text(ws, row, cat, short(ytd[5]), s.reason)
            _, progress, reason, note, st = annual
            if progress is not None:
                ws.write_formula(row, prog, capaian_formula(L[7] + n, L[pcols[-1][1]] + n, d.target, d.negative),
                                 s.percent, progress)
            elif st:
                ws.write_string(row, prog, st, s.status[st])
            else:
                put_text(ws, row, prog, short(reason), s.reason)
            put_text(ws, row, notes, measurement_notes(periods, annual), s.wrapped)
            texts = rc.texts.get(d.code, {})
            put_text(ws, row, kendala, texts.get("kendala", ""), s.wrapped)
            put_text(ws, row, tindak, texts.get("tindak_lanjut", ""), s.wrapped)
            put_text(ws, row, bukti, texts.get("bukti_dukung", ""), s.wrapped)
        return refs

    # Anggaran: one row per indicator with a pagu.
    def write_budget(self, refs):
        s, rc = self.s, self.rc
        first, to_date = 4, 4 + len(QUARTERS)
        serapan_c, sisa_c, capaian_c, efisiensi_c = to_date + 1, to_date + 2, to_date + 3, to_date + 4
        labels = ["Kode", "Indikator", "Penanggung jawab", "Pagu (Rp)"] \
            + [f"Realisasi anggaran {tw(q)} (Rp)" for q in QUARTERS] \
            + [f"Realisasi anggaran s.d. {tw(PERIOD)} (Rp)", "Serapan (%)", "Sisa anggaran (Rp)",
               f"Capaian kinerja s.d. {tw(PERIOD)} (%)", "Efisiensi (%)"]

        def top(ws, number):
            self.prepare(ws, (3, 3), (4, 2))
            self.heading(ws, "Realisasi anggaran", number)
            ws.write_string(2, 0, "Serapan = realisasi s.d. triwulan ÷ pagu × 100; efisiensi = capaian kinerja − serapan "
                                  "(poin persen).", s.italic)
            for c, label in enumerate(labels):
                ws.write_string(3, c, label, s.header)
            return 4

        rows = sum(1 for d in rc.defs if d.pagu is not None)
        table = Table(self, "Anggaran", labels, {1: 45, 2: 24}, rows, top, 3, colour=[capaian_c])
        L = [xl_col_to_name(c) for c in range(len(labels))]
        for d, (periods, _, money), ref in zip(rc.defs, self.measurements, refs):
            if money is None:
                continue
            budget, total, serapan, sisa, efisiensi, reason = money
            ws, row = table.next_row()
            n = str(row + 1)
            ws.write_string(row, 0, d.code, s.text)
            ws.write_string(row, 1, d.wording, s.wrapped)
            ws.write_string(row, 2, d.section, s.wrapped)
            ws.write_number(row, 3, d.pagu, s.rupiah)
            for i, q in enumerate(QUARTERS):
                if q in budget:
                    ws.write_number(row, first + i, budget[q], s.rupiah)
                else:
                    ws.write_string(row, first + i, "belum dilaporkan", s.reason)
            incomplete = short(reason)
            if total is not None:
                ws.write_formula(row, to_date, f"SUM({L[first]}{n}:{L[to_date - 1]}{n})", s.rupiah, total)
            else:
                put_text(ws, row, to_date, incomplete, s.reason)
            if serapan is not None:
                ws.write_formula(row, serapan_c, f"{L[to_date]}{n}*100/D{n}", s.percent, serapan)
            else:
                put_text(ws, row, serapan_c, incomplete if total is None else "pagu 0", s.reason)
            if sisa is not None:
                ws.write_formula(row, sisa_c, f"D{n}-{L[to_date]}{n}", s.rupiah, sisa)
            else:
                put_text(ws, row, sisa_c, incomplete, s.reason)
            ytd = periods[-1]
            if ytd[3] is not None:
                ws.write_formula(row, capaian_c, ref, s.percent, ytd[3])
            elif ytd[7]:
                ws.write_string(row, capaian_c, ytd[7], s.status[ytd[7]])
            else:
                put_text(ws, row, capaian_c, short(ytd[5]), s.reason)
            if efisiensi is not None:
                ws.write_formula(row, efisiensi_c, f"{L[capaian_c]}{n}-{L[serapan_c]}{n}", s.percent, efisiensi)
            else:
                put_text(ws, row, efisiensi_c, incomplete if serapan is None else short(ytd[5]), s.reason)

    # Kelengkapan: one row per section.
    def write_completeness(self):
        s, rc = self.s, self.rc
        counts = defaultdict(Counter)
        for f in self.findings:
            counts[f[2]][f[0]] += 1
        forms = defaultdict(list)
        for path in rc.paths:
            section = self.form_sections.get(path) or rc.unreadable_sections.get(path)
            forms[section].append(path)
        statuses = {}
        for d in rc.defs:
            real, money = rc.real.get(d.code, {}), rc.budget.get(d.code, {})
            missing = sum(1 for q in QUARTERS if q not in real or real[q][0] is None)
            if d.pagu is not None:
                missing += sum(1 for q in QUARTERS if q not in money or money[q][0] is None)
            st = statuses.setdefault(d.section, [0, 0, 0])
            st[0] += 1
            st[1] += missing == 0
            st[2] += missing
        labels = ["Unit kerja", "Formulir diterima", "Indikator", "Dilaporkan lengkap", "Nilai kosong", "Kesalahan",
                  "Peringatan", "Status"]
        table = self.table("Kelengkapan", "Kelengkapan formulir per unit kerja", labels, {0: 34, 1: 40}, len(rc.sections))
        result = {}
        for section in rc.sections:
            assigned, reported, missing = statuses[section]
            errors, warnings = counts[section]["error"], counts[section]["warning"]
            paths = forms.get(section, [])
            state = ("belum mengirim formulir" if not paths else
                     "lengkap" if reported == assigned and missing == 0 and errors == 0 else "belum lengkap")
            result[section] = (assigned, reported, state)
            ws, row = table.next_row()
            ws.write_string(row, 0, section, s.wrapped)
            ws.write_string(row, 1, "\n".join(os.path.basename(p) for p in paths) or "—", s.wrapped)
            for i, v in enumerate((assigned, reported, missing, errors, warnings)):
                ws.write_number(row, 2 + i, v, s.integer)
            ws.write_string(row, 7, state, s.section_state[state])
        return result

    # Validasi: every finding, one per row.
    def write_findings(self):
        s = self.s
        labels = ["Tingkat", "Pemeriksaan", "Unit kerja", "Berkas", "Baris", "Kolom", "Kode", "Pesan"]
        table = self.table("Validasi", "Temuan validasi", labels, {2: 28, 3: 40, 7: 80}, len(self.findings))
        for severity, check, section, file, line, column, code, message in self.findings:
            ws, row = table.next_row()
            ws.write_string(row, 0, "KESALAHAN" if severity == "error" else "PERINGATAN", s.severity[severity])
            ws.write_string(row, 1, check, s.text)
            put_text(ws, row, 2, section or "", s.wrapped)
            put_text(ws, row, 3, file or "", s.wrapped)
            if line is not None:
                ws.write_number(row, 4, line, s.integer)
            else:
                ws.write_blank(row, 4, None, s.text)
            put_text(ws, row, 5, column or "", s.text)
            put_text(ws, row, 6, code or "", s.text)
            ws.write_string(row, 7, message, s.wrapped)

    # E.81: the Permendagri 86/2017 evaluation table, program / kegiatan / subkegiatan rows.
    def write_evaluation(self):
        s, rc = self.s, self.rc
        kcol = lambda i: 6 + 2 * i
        to_k = kcol(len(QUARTERS))
        to_rp, level_k, level_rp = to_k + 1, to_k + 2, to_k + 3
        labels = ["Kode", "Uraian", "Indikator kinerja", "Satuan", "Target tahunan (K)", "Pagu (Rp)"]
        for q in QUARTERS:
            labels += [f"Realisasi {tw(q)} (K)", f"Realisasi {tw(q)} (Rp)"]
        labels += [f"Realisasi s.d. {tw(PERIOD)} (K)", f"Realisasi s.d. {tw(PERIOD)} (Rp)", "Tingkat capaian (K) (%)",
                   "Tingkat capaian (Rp) (%)"]
        groups = [("Program / kegiatan / subkegiatan", 0, 3), ("Target kinerja dan anggaran tahun berjalan", 4, 5)] \
            + [(f"Realisasi {tw(q)}", kcol(i), kcol(i) + 1) for i, q in enumerate(QUARTERS)] \
            + [(f"Realisasi s.d. {tw(PERIOD)}", to_k, to_rp), (f"Tingkat capaian s.d. {tw(PERIOD)} (%)", level_k, level_rp)]

        def top(ws, number):
            self.prepare(ws, (3, 4), (5, 3))
            self.heading(ws, "Evaluasi terhadap hasil RKPD (Formulir E.81 Permendagri 86/2017)", number)
            ws.write_string(2, 0, "K = kinerja, Rp = anggaran. Tingkat capaian = realisasi s.d. triwulan terhadap target "
                                  "tahunan dan pagu.", s.italic)
            for text, first, last in groups:
                ws.merge_range(3, first, 3, last, text, s.group)
            for c, label in enumerate(labels):
                ws.write_string(4, c, label, s.header)
            return 5

        rows = sum(1 for d in rc.defs if d.level in s.levels)
        table = Table(self, "E.81", labels, {2: 45}, rows, top, 4, colour=[level_k])
        L = [xl_col_to_name(c) for c in range(len(labels))]
        for d, (periods, annual, money) in zip(rc.defs, self.measurements):
            if d.level not in s.levels:
                continue
            ws, row = table.next_row()
            n = str(row + 1)
            ws.write_string(row, 0, d.code, s.text)
            ws.write_string(row, 1, d.level, s.levels[d.level])
            ws.write_string(row, 2, d.wording, s.wrapped)
            ws.write_string(row, 3, d.unit, s.text)
            if d.qualitative:
                ws.write_string(row, 4, d.target, s.text)
            else:
                ws.write_number(row, 4, d.target, s.number(d.target))
            if d.pagu is not None:
                ws.write_number(row, 5, d.pagu, s.rupiah)
            else:
                ws.write_string(row, 5, "-", s.reason)
            for i, q in enumerate(QUARTERS):
                r = periods[i][2]
                if isinstance(r, float):
                    ws.write_number(row, kcol(i), r, s.number(r))
                elif r is not None:
                    ws.write_string(row, kcol(i), r, s.text)
                else:
                    ws.write_string(row, kcol(i), "belum dilaporkan", s.reason)
                if money is None:
                    ws.write_string(row, kcol(i) + 1, "-", s.reason)
                elif q in money[0]:
                    ws.write_number(row, kcol(i) + 1, money[0][q], s.rupiah)
                else:
                    ws.write_string(row, kcol(i) + 1, "belum dilaporkan", s.reason)
            r, progress, reason, _, st = annual
            if isinstance(r, float):
                cells = [L[kcol(QUARTERS.index(q))] + n for q in d.needed(QUARTERS)]
                ws.write_formula(row, to_k, aggregate(cells, d.agg), s.number(r), r)
            elif r is not None:
                ws.write_string(row, to_k, r, s.text)
            else:
                put_text(ws, row, to_k, short(reason), s.reason)
            if money and money[1] is not None:
                formula = "SUM(" + ",".join(L[kcol(i) + 1] + n for i in range(len(QUARTERS))) + ")"
                ws.write_formula(row, to_rp, formula, s.rupiah, money[1])
            else:
                put_text(ws, row, to_rp, (short(money[5]) if money else "") or "-", s.reason)
            if progress is not None:
                ws.write_formula(row, level_k, capaian_formula(L[4] + n, L[to_k] + n, d.target, d.negative), s.percent,
                                 progress)
            elif st:
                ws.write_string(row, level_k, st, s.status[st])
            else:
                put_text(ws, row, level_k, short(reason), s.reason)
            if money and money[2] is not None:
                ws.write_formula(row, level_rp, f"{L[to_rp]}{n}*100/{L[5]}{n}", s.percent, money[2])
            else:
                put_text(ws, row, level_rp, (short(money[5]) or "pagu 0") if money else "-", s.reason)

    # Sumber: every input file.
    def write_sources(self):
        s = self.s
        labels = ["Berkas", "Ukuran (byte)", "SHA-256", "Encoding", "Pemisah", "Baris"]
        table = self.table("Sumber", "Sumber data", labels, {0: 40, 2: 68}, len(self.rc.inputs), trailer=5)
        for src in self.rc.inputs:
            ws, row = table.next_row()
            ws.write_string(row, 0, src["file"], s.text)
            ws.write_number(row, 1, src["bytes"], s.integer)
            put_text(ws, row, 2, src["sha256"], s.text)
            ws.write_string(row, 3, src["encoding"] or "-", s.text)
            ws.write_string(row, 4, {None: "-", "\t": "tab"}.get(src["delimiter"], src["delimiter"]), s.text)
            ws.write_number(row, 5, src["rows"], s.integer)
        ws, row = table.ws, table.row
        facts = [("Perintah", shlex.join([os.path.basename(sys.executable)] + sys.argv)),
                 ("Versi program", f"csv_xlsxwriter.py (Python {platform.python_version()}, XlsxWriter "
                                   f"{xlsxwriter.__version__})"),
                 ("Dibuat", self.created)]
        for i, (label, value) in enumerate(facts):
            ws.write_string(row + 1 + i, 0, label, s.bold)
            ws.write_string(row + 1 + i, 1, value)

    # Ringkasan: the counts, a chart of the categories, and every section.
    def write_summary(self, ws, statuses):
        s, rc = self.s, self.rc
        ws.freeze_panes(1, 0)
        ws.set_column(0, 0, 34)
        ws.set_column(1, 13, 14)
        self.prepare(ws)
        total = Counter()
        by_section = defaultdict(Counter)
        for d, (periods, _, _) in zip(rc.defs, self.measurements):
            kind = summary_kind(periods[-1])
            total[kind] += 1
            by_section[d.section][kind] += 1
        errors = sum(1 for f in self.findings if f[0] == "error")
        ws.write_string(0, 0, TITLE, s.title)
        facts = [("Tahun", self.year), ("Periode", self.period_label), ("Dibuat", self.created),
                 ("Definisi indikator", rc.inputs[0]["file"]),
                 ("Formulir", f"{len(rc.inputs) - 1} berkas (rincian di lembar Sumber)"),
                 ("Indikator", str(len(rc.defs))),
                 ("Temuan validasi", f"{errors} kesalahan, {len(self.findings) - errors} peringatan (lembar Validasi)")]
        row = 2
        for label, value in facts:
            ws.write_string(row, 0, label, s.bold)
            if value.isdigit():
                ws.write_number(row, 1, int(value), s.year)
            else:
                ws.write_string(row, 1, value)
            row += 1
        first = row + 3
        last = first + len(SUMMARY_ROWS) - 1
        chart = self.wb.add_chart({"type": "column"})
        chart.add_series({"name": "Jumlah indikator", "categories": ["Ringkasan", first, 0, last, 0],
                          "values": ["Ringkasan", first, 2, last, 2]})
        chart.set_title({"name": f"Jumlah indikator per kategori capaian s.d. {tw(PERIOD)}"})
        chart.set_legend({"none": True})
        ws.insert_chart(first - 2, 5, chart, {"x_scale": 1.1, "y_scale": 1.1})
        ws.write_string(row + 1, 0, f"Kategori capaian s.d. {tw(PERIOD)} — semua indikator", s.bold)
        for c, label in enumerate(["Kategori", "Rentang capaian (%)", "Jumlah indikator", "Persentase (%)"]):
            ws.write_string(row + 2, c, label, s.header)
        row = first
        all_count = sum(total.values())
        total_cell = f"C{last + 2}"
        for i, (label, span, kind) in enumerate(SUMMARY_ROWS):
            ws.write_string(row, 0, label, s.category[label] if i < 5 else s.text)
            ws.write_string(row, 1, span, s.text)
            ws.write_number(row, 2, total[kind], s.integer)
            ws.write_formula(row, 3, f"IF({total_cell}=0,0,C{row + 1}*100/{total_cell})", s.percent,
                             total[kind] * 100 / all_count if all_count else 0)
            row += 1
        ws.write_string(row, 0, "Jumlah", s.total_label)
        ws.write_blank(row, 1, None, s.total_label)
        ws.write_formula(row, 2, f"SUM(C{first + 1}:C{row})", s.total_number, all_count)
        ws.write_formula(row, 3, f"IF(C{row + 1}=0,0,100)", s.percent, 100 if all_count else 0)
        row = max(row + 2, first - 2 + 18)  # room for the chart
        ws.write_string(row, 0, "Kategori capaian dan kelengkapan per unit kerja", s.bold)
        labels = ["Unit kerja"] + [label for label, _, _ in SUMMARY_ROWS] + ["Jumlah", "Indikator dilaporkan lengkap",
                                                                              "Kelengkapan (%)", "Status"]
        for c, label in enumerate(labels):
            ws.write_string(row + 1, c, label, s.header)
        row += 2
        total_col = 1 + len(SUMMARY_ROWS)
        T, R = xl_col_to_name(total_col), xl_col_to_name(total_col + 1)
        for section in rc.sections:
            n = row + 1
            counts = by_section[section]
            ws.write_string(row, 0, section, s.wrapped)
            for i, (_, _, kind) in enumerate(SUMMARY_ROWS):
                ws.write_number(row, 1 + i, counts[kind], s.integer)
            ws.write_formula(row, total_col, f"SUM(B{n}:{xl_col_to_name(total_col - 1)}{n})", s.total_number,
                             sum(counts.values()))
            assigned, reported, state = statuses[section]
            ws.write_number(row, total_col + 1, reported, s.integer)
            ws.write_formula(row, total_col + 2, f"IF({T}{n}=0,0,{R}{n}*100/{T}{n})", s.percent,
                             reported * 100 / assigned if assigned else 0)
            ws.write_string(row, total_col + 3, state, s.section_state[state])
            row += 1


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
SUMMARY_ROWS = [("Sangat Tinggi", "≥ 91", "Sangat Tinggi"), ("Tinggi", "76 – < 91", "Tinggi"),
                ("Sedang", "66 – < 76", "Sedang"), ("Rendah", "51 – < 66", "Rendah"),
                ("Sangat Rendah", "< 51", "Sangat Rendah"), ("Tercapai (kualitatif)", "status", "tercapai"),
                ("Tidak tercapai (kualitatif)", "status", "tidak tercapai"),
                ("Belum lengkap", "data belum dilaporkan", "incomplete"),
                ("Tidak dapat diukur", "mis. target 0", "unmeasurable")]


def summary_kind(ytd):
    """Where an indicator counts in Ringkasan: its category, its status, incomplete, or not measurable."""
    _, _, _, _, cat, reason, _, st = ytd
    if cat or st:
        return cat or st
    return "incomplete" if reason is None or reason[0] in (NOT_REPORTED_R, NOT_A_NUMBER) else "unmeasurable"


def measurement_notes(periods, annual):
    """Why figures are missing or not the plain formula's result, `; ` between."""
    notes = [f"{name}: {NOTES[m[6]]}" for (name, _, _), m in zip(PERIODS, periods) if m[6]]
    ytd = periods[-1]
    if ytd[5] and not ytd[7] and ytd[5][0] != QUALITATIVE:
        notes.append(f"{PERIODS[-1][0]}: {long(ytd[5])}")
    if annual[3]:
        notes.append(f"Progres: {NOTES[annual[3]]}")
    return "; ".join(notes)


def form_paths(folder):
    """Every `*.csv` under the folder, in path order, as sakip lists them."""
    found = sorted(os.path.relpath(os.path.join(d, n), folder) for d, _, ns in os.walk(folder) for n in ns
                   if n.lower().endswith(".csv") and not n.startswith((".", "~$")))
    return [folder + n if folder.endswith("/") else folder + "/" + n for n in found]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: csv_xlsxwriter.py DEFINITIONS.csv FORMS_DIR OUT.xlsx")
    defs_path, forms_dir, out = sys.argv[1:4]
    defs, def_summary = read_definitions(defs_path)
    rc = Recap(defs, def_summary)
    for path in form_paths(forms_dir):
        rc.read_form(path)
    measurements = []
    for d in defs:
        reals = {q: (v[0] if not v[4] else "") for q, v in rc.real.get(d.code, {}).items() if v[0] is not None or v[4]}
        money = {q: v[0] for q, v in rc.budget.get(d.code, {}).items() if v[0] is not None}
        measurements.append(measure(d, reals, money))
    findings, form_sections = validate(rc, measurements)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    created = datetime.datetime.fromtimestamp(int(epoch) if epoch else time.time(), datetime.timezone.utc)
    Book(out, rc, measurements, findings, form_sections, created).write()
    kinds = Counter(summary_kind(p[-1]) for p, _, _ in measurements)
    print(f"csv+XlsxWriter: {len(defs)} indicators, {len(rc.inputs) - 1} forms, {len(findings)} findings; "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
