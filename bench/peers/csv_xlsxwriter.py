#!/usr/bin/env python3
"""Peer 1 of `make bench`: the TW II recap a user would write with the csv module and XlsxWriter.

    python3 bench/peers/csv_xlsxwriter.py DEFINITIONS.csv FORMS_DIR OUT.xlsx

Reads the definitions and every `*.csv` form under FORMS_DIR (UTF-8 with or without BOM, else
Windows-1252; `;` with decimal comma or `,` with decimal point; title block above the header),
merges realisations per (indicator, quarter), measures capaian to date (see common_layout.md)
and writes one `Pengukuran` sheet with XlsxWriter in constant-memory mode.
"""
import csv
import io
import os
import re
import sys

import xlsxwriter

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QCOL = re.compile(r"^realisasi (anggaran )?(?:tw|triwulan|q) ?(i|ii|iii|iv|1|2|3|4)$")
ALIASES = {"code": "kode", "indicator": "indikator", "unit": "satuan", "section": "penanggung jawab",
           "annual target": "target", "polarity": "polaritas", "aggregation": "agregasi", "budget": "pagu",
           "permasalahan": "kendala", "penghambat": "kendala", "solusi": "tindak lanjut",
           "upaya": "tindak lanjut", "target q1": "target tw1", "target q2": "target tw2"}
MISSING = {"", "-", "–", "n/a"}


def norm(name):
    name = re.sub(r"[\s_.\-]+", " ", name.strip().lower())
    return ALIASES.get(name, name)


def open_text(path):
    """Text stream of a CSV file: UTF-8 (BOM dropped) if it decodes, else Windows-1252."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text


def sniff(first_line):
    return ";" if first_line.count(";") > first_line.count(",") else ","


def number(text, comma):
    """A number in the file's decimal convention, None when not reported, the text if not a number."""
    s = text.strip()
    if s.lower() in MISSING:
        return None
    t = s.replace("Rp", "").replace("%", "").replace(" ", "")
    t = t.replace(".", "").replace(",", ".") if comma else t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return s


def read_definitions(path):
    with open(path, "rb") as f:
        head = f.readline()
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding = "cp1252"
    delim = sniff(head.decode(encoding, "replace"))
    comma = delim == ";"
    defs = []
    with open(path, encoding=encoding, newline="") as f:
        rows = csv.reader(f, delimiter=delim)
        header = [norm(h) for h in next(rows)]
        col = {h: i for i, h in enumerate(header)}
        ic = [col[k] for k in ("kode", "indikator", "satuan", "penanggung jawab", "target")]
        opt = {k: col.get(k) for k in ("polaritas", "agregasi", "target tw1", "target tw2", "pagu")}
        for row in rows:
            if not row or not row[ic[0]].strip():
                continue
            get = lambda k: row[opt[k]] if opt[k] is not None and opt[k] < len(row) else ""
            defs.append({
                "kode": row[ic[0]].strip(), "indikator": row[ic[1]], "satuan": row[ic[2]],
                "section": row[ic[3]], "target": number(row[ic[4]], comma),
                "polaritas": get("polaritas").strip().lower() or "positif",
                "agregasi": get("agregasi").strip().lower() or "akhir",
                "t1": number(get("target tw1"), comma), "t2": number(get("target tw2"), comma),
                "pagu": number(get("pagu"), comma),
            })
    return defs


def read_forms(folder, real, budget, texts):
    conflicts = 0
    files = sorted(os.path.join(d, n) for d, _, ns in os.walk(folder) for n in ns if n.lower().endswith(".csv"))
    for path in files:
        text = open_text(path)
        delim = sniff(text[: text.find("\n")])
        comma = delim == ";"
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        header = None
        for row in rows:
            if header is None:
                if any(norm(c) == "kode" for c in row):
                    header = [norm(c) for c in row]
                    kode = header.index("kode")
                    quarters = {}
                    for i, h in enumerate(header):
                        m = QCOL.match(h)
                        if m:
                            quarters[i] = (bool(m.group(1)), ROMAN[m.group(2)])
                    tcols = {k: header.index(k) for k in ("kendala", "bukti dukung") if k in header}
                continue
            if len(row) <= kode or not row[kode].strip():
                continue
            code = row[kode].strip()
            for i, (is_budget, q) in quarters.items():
                if i >= len(row):
                    continue
                v = number(row[i], comma)
                if v is None:
                    continue
                target = (budget if is_budget else real).setdefault(code, {})
                if q in target and target[q] != v:
                    conflicts += 1
                else:
                    target[q] = v
            t = texts.setdefault(code, {})
            for k, i in tcols.items():
                if i < len(row) and row[i].strip():
                    t[k] = row[i]
    return len(files), conflicts


def period_value(values, agg):
    if any(v is None or isinstance(v, str) for v in values):
        return None
    if agg == "jumlah":
        return sum(values)
    if agg == "rata-rata":
        return sum(values) / len(values)
    if agg == "maks":
        return max(values)
    if agg == "min":
        return min(values)
    return values[-1]


def capaian(r, t, negative):
    if r is None or t is None:
        return None
    if t == 0:
        return None if not negative else (100.0 if r == 0 else 0.0)
    if negative:
        return max(0.0, (2 * t - r) / t * 100)
    return r / t * 100


def category(c):
    if c is None:
        return None
    return ("Sangat Tinggi" if c >= 91 else "Tinggi" if c >= 76 else "Sedang" if c >= 66
            else "Rendah" if c >= 51 else "Sangat Rendah")


ROWS_PER_SHEET = 1_048_575  # Excel's rows below the header

GRADES = ["D", "C", "CC", "B", "BB", "A", "AA", "TMP", "TW", "WDP", "WTP"]


def main():
    defs_path, forms_dir, out = sys.argv[1:4]
    defs = read_definitions(defs_path)
    real, budget, texts = {}, {}, {}
    nforms, conflicts = read_forms(forms_dir, real, budget, texts)

    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    bold = wb.add_format({"bold": True})
    num = wb.add_format({"num_format": "#,##0.00"})
    rp = wb.add_format({"num_format": "#,##0"})
    header = ["Kode", "Indikator", "Satuan", "Penanggung Jawab", "Polaritas", "Agregasi",
                        "Target Tahunan", "Target TW I", "Target TW II", "Realisasi TW I", "Realisasi TW II",
                        "Target s.d. TW II", "Realisasi s.d. TW II", "Capaian s.d. TW II (%)", "Kategori",
                        "Progres thd Target Tahunan (%)", "Pagu", "Realisasi Anggaran s.d. TW II",
                        "Serapan (%)", "Kendala", "Bukti Dukung"]
    counts = {}
    ws, n = None, ROWS_PER_SHEET
    for d in defs:
        # Past Excel's 1,048,576 rows the table goes on in "Pengukuran (2)", as sakip does.
        if n == ROWS_PER_SHEET:
            sheets = len(wb.worksheets())
            ws = wb.add_worksheet("Pengukuran" if sheets == 0 else f"Pengukuran ({sheets + 1})")
            ws.write_row(0, 0, header, bold)
            ws.freeze_panes(1, 0)
            n = 0
        n += 1
        r = real.get(d["kode"], {})
        r1, r2 = r.get(1), r.get(2)
        agg, negative = d["agregasi"], d["polaritas"] == "negatif"
        cat = cap = ytd_t = ytd_r = prog = None
        if isinstance(d["target"], str):  # qualitative
            scale = next((s for s in (GRADES[:7], GRADES[7:]) if d["target"] in s), None)
            if isinstance(r2, str):
                ok = scale.index(r2) >= scale.index(d["target"]) if scale and r2 in scale else r2 == d["target"]
                cat = "Tercapai" if ok else "Tidak tercapai"
        else:
            ytd_r = period_value([r1, r2], agg)
            if d["t1"] is not None and d["t2"] is not None:
                ytd_t = period_value([d["t1"], d["t2"]], agg)
            elif agg != "jumlah":
                ytd_t = d["target"]
            cap = capaian(ytd_r, ytd_t, negative)
            cat = category(cap)
            prog = capaian(ytd_r, d["target"], negative)
        counts[cat] = counts.get(cat, 0) + 1
        b = budget.get(d["kode"], {})
        b_ytd = sum(v for v in b.values() if isinstance(v, float)) if b else None
        pagu = d["pagu"] if isinstance(d["pagu"], float) else None
        t = texts.get(d["kode"], {})
        ws.write_string(n, 0, d["kode"])
        ws.write_string(n, 1, d["indikator"])
        ws.write_string(n, 2, d["satuan"])
        ws.write_string(n, 3, d["section"])
        ws.write_string(n, 4, d["polaritas"])
        ws.write_string(n, 5, d["agregasi"])
        for c, v, f in ((6, d["target"], num), (7, d["t1"], num), (8, d["t2"], num), (9, r1, num),
                        (10, r2, num), (11, ytd_t, num), (12, ytd_r, num), (13, cap, num),
                        (14, cat, None), (15, prog, num), (16, pagu, rp), (17, b_ytd, rp),
                        (18, b_ytd / pagu * 100 if pagu and b_ytd is not None else None, num),
                        (19, t.get("kendala"), None), (20, t.get("bukti dukung"), None)):
            if v is None:
                continue
            if isinstance(v, str):
                ws.write_string(n, c, v)
            else:
                ws.write_number(n, c, v, f)
    wb.close()
    print(f"csv+XlsxWriter: {len(defs)} indicators, {nforms} forms, {conflicts} conflicts; "
          + ", ".join(f"{k or 'n/a'} {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))))


if __name__ == "__main__":
    main()
