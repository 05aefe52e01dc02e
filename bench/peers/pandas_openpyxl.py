#!/usr/bin/env python3
"""Peer 2 of `make bench`: the same TW II recap with pandas `read_csv` and `to_excel(engine='openpyxl')`.

    python3 bench/peers/pandas_openpyxl.py DEFINITIONS.csv FORMS_DIR OUT.xlsx

Same inputs, measurement and `Pengukuran` columns as csv_xlsxwriter.py (see common_layout.md),
written the way a pandas user would: one DataFrame per form, concat, drop duplicate
(code, quarter) values, merge with the definitions, vectorised measurement, to_excel.
"""
import glob
import os
import re
import sys

import numpy as np
import pandas as pd

ALIASES = {"code": "kode", "indicator": "indikator", "unit": "satuan", "section": "penanggung jawab",
           "annual target": "target", "polarity": "polaritas", "aggregation": "agregasi", "budget": "pagu",
           "permasalahan": "kendala", "penghambat": "kendala", "solusi": "tindak lanjut",
           "upaya": "tindak lanjut"}
QCOL = re.compile(r"^realisasi (anggaran )?(?:tw|triwulan|q) ?(i|ii|iii|iv|1|2|3|4)$")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def norm(name):
    name = re.sub(r"[\s_.\-]+", " ", str(name).strip().lower())
    return ALIASES.get(name, name)


def dialect(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        data.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1252"
    first = data[: data.find(b"\n")]
    delim = ";" if first.count(b";") > first.count(b",") else ","
    return encoding, delim


def to_number(series, comma):
    s = series.fillna("").astype(str).str.strip()
    s = s.str.replace("Rp", "", regex=False).str.replace("%", "", regex=False).str.replace(" ", "", regex=False)
    if comma:
        s = s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        s = s.str.replace(",", "", regex=False)
    return pd.to_numeric(s.where(~s.isin(["", "-", "–", "n/a"])), errors="coerce")


def read_form(path):
    encoding, delim = dialect(path)
    raw = pd.read_csv(path, sep=delim, encoding=encoding, header=None, dtype=str, keep_default_na=False,
                      skip_blank_lines=False)
    header_row = raw.index[raw.apply(lambda r: any(norm(c) == "kode" for c in r), axis=1)][0]
    df = raw.iloc[header_row + 1:].copy()
    df.columns = [norm(c) for c in raw.iloc[header_row]]
    df = df[df["kode"].str.strip() != ""]
    out = pd.DataFrame({"kode": df["kode"].str.strip()})
    for c in df.columns:
        m = QCOL.match(c)
        if m:
            name = ("ra" if m.group(1) else "r") + str(ROMAN[m.group(2)])
            out[name] = to_number(df[c], delim == ";")
            out[name + "_text"] = df[c].str.strip()
    for c in ("kendala", "bukti dukung"):
        if c in df.columns:
            out[c] = df[c]
    return out


def period(a, b, agg):
    both = a.notna() & b.notna()
    v = np.select([agg == "jumlah", agg == "rata-rata", agg == "maks", agg == "min"],
                  [a + b, (a + b) / 2, np.maximum(a, b), np.minimum(a, b)], default=b)
    return pd.Series(v, index=a.index).where(both)


def capaian(r, t, negative):
    pos = (r / t * 100).where(t != 0)
    neg = ((2 * t - r) / t * 100).clip(lower=0).where(t != 0, np.where(r == 0, 100.0, 0.0))
    return pd.Series(np.where(negative, neg, pos), index=r.index).where(r.notna() & t.notna())


def main():
    defs_path, forms_dir, out = sys.argv[1:4]
    encoding, delim = dialect(defs_path)
    defs = pd.read_csv(defs_path, sep=delim, encoding=encoding, dtype=str, keep_default_na=False)
    defs.columns = [norm(c) for c in defs.columns]
    comma = delim == ";"
    for c in ("target", "target tw1", "target tw2", "pagu"):
        defs[c + "_n"] = to_number(defs[c], comma) if c in defs.columns else np.nan
    defs["polaritas"] = defs.get("polaritas", "").replace("", "positif")
    defs["agregasi"] = defs.get("agregasi", "").replace("", "akhir")

    files = sorted(glob.glob(os.path.join(forms_dir, "**", "*.csv"), recursive=True))
    forms = pd.concat([read_form(p) for p in files], ignore_index=True)
    # merge per (indicator, quarter): the first reported value; a different one is a conflict
    conflicts = 0
    merged = forms.groupby("kode", sort=False).first()  # first non-null per column
    for c in ("r1", "r2", "ra1", "ra2"):
        if c in forms.columns:
            conflicts += int((forms.dropna(subset=[c]).groupby("kode")[c].nunique() > 1).sum())
    df = defs.merge(merged, left_on="kode", right_index=True, how="left")

    qual = df["target_n"].isna() & (df["target"].str.strip() != "")
    agg, negative = df["agregasi"], df["polaritas"] == "negatif"
    ytd_r = period(df["r1"], df["r2"], agg)
    has_q = df["target tw1_n"].notna() & df["target tw2_n"].notna()
    ytd_t = period(df["target tw1_n"], df["target tw2_n"], agg).where(
        has_q, df["target_n"].where(agg != "jumlah"))
    cap = capaian(ytd_r, ytd_t, negative).where(~qual)
    cat = pd.cut(cap, [-np.inf, 51, 66, 76, 91, np.inf], right=False,
                 labels=["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]).astype(object)
    grades = {g: i for i, g in enumerate(["D", "C", "CC", "B", "BB", "A", "AA"])}
    grades.update({g: 100 + i for i, g in enumerate(["TMP", "TW", "WDP", "WTP"])})
    rt = df["r2_text"].fillna("")
    achieved = rt.map(grades).ge(df["target"].map(grades)) | (rt == df["target"])
    cat = cat.where(~qual, np.where(rt != "", np.where(achieved, "Tercapai", "Tidak tercapai"), None))
    budget = df[["ra1", "ra2"]].sum(axis=1, min_count=1)

    sheet = pd.DataFrame({
        "Kode": df["kode"], "Indikator": df["indikator"], "Satuan": df["satuan"],
        "Penanggung Jawab": df["penanggung jawab"], "Polaritas": df["polaritas"], "Agregasi": df["agregasi"],
        "Target Tahunan": df["target_n"].astype(object).where(~qual, df["target"]),
        "Target TW I": df["target tw1_n"], "Target TW II": df["target tw2_n"],
        "Realisasi TW I": df["r1"].astype(object).where(~qual, df["r1_text"]),
        "Realisasi TW II": df["r2"].astype(object).where(~qual, df["r2_text"]),
        "Target s.d. TW II": ytd_t.where(~qual), "Realisasi s.d. TW II": ytd_r.where(~qual),
        "Capaian s.d. TW II (%)": cap, "Kategori": cat,
        "Progres thd Target Tahunan (%)": capaian(ytd_r, df["target_n"], negative).where(~qual),
        "Pagu": df["pagu_n"], "Realisasi Anggaran s.d. TW II": budget,
        "Serapan (%)": budget / df["pagu_n"] * 100,
        "Kendala": df["kendala"], "Bukti Dukung": df["bukti dukung"].replace("", None),
    })
    rows = 1_048_575  # Excel's rows below the header; past them the table goes on in "Pengukuran (2)"
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for i, start in enumerate(range(0, max(len(sheet), 1), rows)):
            name = "Pengukuran" if i == 0 else f"Pengukuran ({i + 1})"
            sheet.iloc[start:start + rows].to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
    counts = sheet["Kategori"].fillna("n/a").value_counts().sort_index()
    print(f"pandas+openpyxl: {len(sheet)} indicators, {len(files)} forms, {conflicts} conflicts; "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
