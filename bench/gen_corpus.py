#!/usr/bin/env python3
"""Deterministic benchmark corpus for `sakip recap` (SPEC §9): definitions and TW II forms.

    python3 bench/gen_corpus.py SIZE OUTDIR      SIZE = agency | province | country

| size     | indicators | sections (= forms) |
| -------- | ---------- | ------------------ |
| agency   |        200 |                  8 |
| province |    100,000 |              2,000 |
| country  |  2,000,000 |             20,000 |

Writes `OUTDIR/indikator.csv` (Excel, Indonesian settings: UTF-8 BOM, `;`, decimal comma,
thousands dot, CRLF) and one TW II form per section, `OUTDIR/formulir/<nnnnn>_<section>.csv`,
shaped like `samples/formulir-tw2/` (title block, heading rows, signature block) in the mix of
dialects of SPEC §4, by section:

- ~50 %  UTF-8 with BOM, `;`, decimal comma, thousands dot, CRLF   (Excel, Indonesian)
- ~25 %  Windows-1252, `,`, decimal point, thousands comma, CRLF   (Excel "CSV (Comma delimited)")
- ~25 %  UTF-8 without BOM, `,`, decimal point, no thousands, LF   (LibreOffice)

and the five legal header styles of the samples (`Realisasi TW II`, `Realisasi Q2`,
`Realisasi Triwulan II`, `realisasi_tw2`, `Realisasi TW 2`, with `Kendala`/`Permasalahan`…).

The data is mostly clean, so that the recap is realistic: about 2 % of TW II realisations are
not reported (empty or `-`), about 1 % of rows lack Bukti Dukung, 0.5 % of indicators are
qualitative (grades), 1 % of text cells hold a quoted line break; quarterly targets add up and
budget realisations stay under the pagu. Every section's rows are generated from a generator
seeded by (SEED, section number) and written at once, so the corpus is the same byte for byte on
every run and machine, and memory stays at one section whatever the size (streaming).

Python 3 standard library only. Prints what it wrote (files, indicators, bytes).
"""

import os
import random
import sys
import time

SEED = 20250710
YEAR = 2025
SIZES = {  # indicators, sections
    "agency": (200, 8),
    "province": (100_000, 2_000),
    "country": (2_000_000, 20_000),
}

# --- dialects (as scripts/make_samples.py) -----------------------------------------------------


class Dialect:
    def __init__(self, delim, dec, thou, eol, encoding, bom):
        self.delim, self.dec, self.thou, self.eol, self.encoding, self.bom = delim, dec, thou, eol, encoding, bom

    def num(self, s):
        """Canonical '1234.5' (or '' or text) as this dialect writes it."""
        if s == "" or not (s[0].isdigit() or s[0] == "-"):
            return s
        neg = s.startswith("-")
        ip, _, fp = s.lstrip("-").partition(".")
        if self.thou and len(ip) > 3:
            head = len(ip) % 3 or 3
            ip = ip[:head] + "".join(self.thou + ip[i:i + 3] for i in range(head, len(ip), 3))
        return ("-" if neg else "") + ip + (self.dec + fp if fp else "")

    def quote(self, cell):
        if self.delim in cell or '"' in cell or "\n" in cell or "\r" in cell:
            return '"' + cell.replace('"', '""') + '"'
        return cell

    def line(self, cells, width):
        cells = list(cells) + [""] * (width - len(cells))
        return self.delim.join(self.quote(c) for c in cells) + self.eol

    def encode(self, text, first):
        data = text.encode(self.encoding)
        return (b"\xef\xbb\xbf" + data) if (first and self.bom) else data


EXCEL_ID = Dialect(";", ",", ".", "\r\n", "utf-8", True)
EXCEL_EN = Dialect(",", ".", ",", "\r\n", "cp1252", False)
LIBRE = Dialect(",", ".", "", "\n", "utf-8", False)
DIALECTS = (EXCEL_ID, EXCEL_ID, EXCEL_EN, LIBRE)  # by section number % 4

# Header styles of the samples: kode, indikator, satuan, target, R TW I, R TW II, RA TW I, RA TW II,
# kendala, faktor pendorong, tindak lanjut, bukti dukung, keterangan.
STYLES = (
    ("Kode", "Indikator", "Satuan", "Target", "Realisasi TW I", "Realisasi TW II",
     "Realisasi Anggaran TW I", "Realisasi Anggaran TW II", "Kendala", "Faktor Pendorong",
     "Tindak Lanjut", "Bukti Dukung", "Keterangan"),
    ("Code", "Indicator", "Unit", "Target", "Realisasi Q1", "Realisasi Q2", "Realisasi Anggaran Q1",
     "Realisasi Anggaran Q2", "Kendala", "Faktor Pendorong", "Tindak Lanjut", "Bukti Dukung",
     "Keterangan"),
    ("Kode", "Indikator", "Satuan", "Target", "Realisasi Triwulan I", "Realisasi Triwulan II",
     "Realisasi Anggaran Triwulan I", "Realisasi Anggaran Triwulan II", "Kendala",
     "Faktor Pendorong", "Tindak Lanjut", "Bukti Dukung", "Keterangan"),
    ("kode", "indikator", "satuan", "target", "realisasi_tw1", "realisasi_tw2",
     "realisasi_anggaran_tw1", "realisasi_anggaran_tw2", "kendala", "faktor_pendorong",
     "tindak_lanjut", "bukti_dukung", "keterangan"),
    ("Kode", "Indikator", "Satuan", "Target", "Realisasi TW 1", "Realisasi TW 2",
     "Realisasi Anggaran TW 1", "Realisasi Anggaran TW 2", "Permasalahan", "Faktor Pendorong",
     "Solusi", "Bukti Dukung", "Keterangan"),
)
WIDTH = 13
DEF_HEAD = ("kode", "indikator", "satuan", "penanggung_jawab", "level", "induk", "iku", "polaritas",
            "agregasi", "target", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "pagu",
            "target_renstra", "realisasi_tahun_lalu")

# --- vocabulary (Windows-1252-encodable: – ± é are there to make the encoding matter) ----------

AGENCIES = ("Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas Sosial", "Dinas Komunikasi dan Informatika", "Dinas Perhubungan",
            "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
            "Dinas Pertanian dan Ketahanan Pangan", "Dinas Koperasi, UKM dan Perdagangan",
            "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
            "Inspektorat", "Sekretariat Daerah", "Dinas Pariwisata dan Kebudayaan",
            "Dinas Penanaman Modal dan PTSP")
UNITS_IN = ("Sekretariat", "Bidang Perencanaan", "Bidang Pelayanan", "Bidang Pembinaan",
            "Bidang Pengendalian", "Bidang Data dan Informasi", "Bidang Sarana dan Prasarana",
            "Bidang Pemberdayaan", "UPTD Layanan", "Bidang Pengawasan")
REGIONS = ("Sukamaju", "Sukamakmur", "Cibening", "Karanganyar", "Tanjungsari", "Mekarjaya",
           "Sindangbarang", "Margahayu", "Sumberjaya", "Rawamerta", "Bojongsari", "Pasirjambu")
SUBJECTS = ("layanan publik", "dokumen perencanaan", "aplikasi terintegrasi", "pegawai bersertifikat",
            "desa terjangkau internet", "fasilitas kesehatan terakreditasi", "sekolah berstandar nasional",
            "jalan kabupaten dalam kondisi mantap", "pengaduan masyarakat yang ditindaklanjuti",
            "rekomendasi hasil pemeriksaan", "UMKM yang dibina", "kegiatan sosialisasi",
            "laporan keuangan tepat waktu", "dataset terbuka", "penduduk yang memiliki KTP-el",
            "lahan pertanian beririgasi", "titik Wi-Fi publik", "arsip yang didigitalkan")
OBSTACLES = ("Tidak ada kendala berarti.",
             "Pengadaan barang melalui e-Katalog terlambat ± 2 minggu.",
             "Jadwal narasumber bergeser – kegiatan dipindah ke bulan berikutnya.",
             "Refocusing anggaran; sebagian kegiatan ditunda ke triwulan III.",
             "Data dari OPD pengampu belum lengkap saat pelaporan.",
             "Cuaca ekstrem menghambat pekerjaan fisik di lapangan.")
DRIVERS = ("Dukungan pimpinan daerah.", "Koordinasi lintas OPD berjalan baik.",
           "Aplikasi pelaporan memudahkan pemantauan.", "Tersedia pendampingan dari provinsi.")
FOLLOWUPS = ("Percepatan pelaksanaan pada triwulan III.", "Rapat koordinasi bulanan dengan OPD terkait.",
             "Pendampingan langsung ke lokasi.", "Menyusun jadwal ulang kegiatan (café meeting warga).")
EVIDENCE = ("Laporan kegiatan No. {n}/{s}/{y}", "https://data.example.go.id/bukti/{s}/{n}",
            "Berita Acara No. 027/{n}/{y}", "Daftar hadir dan notulen rapat, {n}/{y}")

# unit, decimals of its values, typical annual target range
UNITS = (("%", 2, (60, 100)), ("dokumen", 0, (1, 12)), ("orang", 0, (20, 2000)),
         ("indeks", 2, (2, 5)), ("nilai", 2, (60, 95)), ("aplikasi", 0, (2, 40)),
         ("kegiatan", 0, (4, 60)), ("laporan", 0, (4, 12)), ("Rp", 0, (100_000_000, 5_000_000_000)))


def fmt(x, places):
    """Canonical decimal text: no exponent, trailing zeros trimmed."""
    s = f"{x:.{places}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def sizes(size):
    n, sections = SIZES[size]
    per = [n // sections + (1 if i < n % sections else 0) for i in range(sections)]
    return n, sections, per


def section_name(i):
    agency = AGENCIES[(i // len(UNITS_IN)) % len(AGENCIES)]
    unit = UNITS_IN[i % len(UNITS_IN)]
    region = REGIONS[(i // (len(UNITS_IN) * len(AGENCIES))) % len(REGIONS)]
    return f"{unit} {agency} Kab. {region} {i + 1:05d}"


def make_section(i, count):
    """The rows of section i: list of dicts (definition + what the section reports)."""
    rng = random.Random(SEED * 100_003 + i)
    name = section_name(i)
    rows = []
    prog = kegiatan = None
    k_no = s_no = 0
    for j in range(count):
        if j == 0:
            level, code, parent = "program", f"{i + 1:05d}", ""
            prog = code
        elif j % 6 == 1:
            k_no += 1
            s_no = 0
            level, code, parent = "kegiatan", f"{prog}.{k_no:02d}", prog
            kegiatan = code
        else:
            s_no += 1
            level, code, parent = "subkegiatan", f"{kegiatan}.{s_no:02d}", kegiatan
        unit, places, (lo, hi) = UNITS[rng.randrange(len(UNITS))]
        r = rng.random()
        agg = "akhir" if r < 0.55 else "jumlah" if r < 0.85 else "rata-rata" if r < 0.97 else rng.choice(("maks", "min"))
        if unit in ("%", "indeks", "nilai") and agg == "jumlah":
            agg = "akhir"
        neg = rng.random() < 0.1
        d = {"code": code, "level": level, "parent": parent, "unit": unit, "agg": agg,
             "pol": "negatif" if neg else "positif", "iku": "ya" if level == "program" else "tidak",
             "wording": f"{'Jumlah' if places == 0 else 'Persentase'} {rng.choice(SUBJECTS)} "
                        f"({unit}) – {name.split(' Kab.')[0].lower()} {j + 1}",
             "pagu": ""}
        # targets
        if rng.random() < 0.005:  # qualitative (a grade)
            d.update(unit="predikat", agg="akhir", pol="positif", target="BB", tw=["", "", "", ""],
                     r1=rng.choice(("B", "BB")), r2=rng.choice(("BB", "A")), renstra="A", last="B")
        else:
            if places == 0:
                annual = rng.randint(int(lo), int(hi))
                if unit == "Rp":
                    annual = annual // 1000 * 1000
                if agg == "jumlah":
                    annual = max(4, annual - annual % 4)
            else:
                annual = round(rng.uniform(lo, hi), places)
            has_tw = rng.random() < (0.9 if agg == "jumlah" else 0.7)
            if agg == "jumlah":
                q = annual // 4 if places == 0 else round(annual / 4, places)
                tw = [q, q, q, annual - 3 * q] if places == 0 else [q, q, q, round(annual - 3 * q, places)]
            elif agg == "akhir":
                tw = [round(annual * f, places) for f in (0.55, 0.7, 0.85)] + [annual]
            else:
                tw = [annual] * 4
            tw = [fmt(x, places) for x in tw] if has_tw else ["", "", "", ""]
            # realisations: around the target to date; negatif indicators mostly under it
            base_q = [float(tw[0] or annual), float(tw[1] or annual)]
            if agg == "jumlah":
                base_q = [annual / 4, annual / 4]
            reals = []
            for b in base_q:
                f = rng.uniform(0.3, 1.0) if neg else rng.uniform(0.7, 1.15)
                v = b * f
                reals.append(fmt(round(v, places) if places else float(round(v)), places))
            d.update(target=fmt(annual, places), tw=tw, r1=reals[0], r2=reals[1],
                     renstra=fmt(annual * 1.2 if places else round(annual * 1.2), places),
                     last=fmt(annual * rng.uniform(0.6, 0.95) if places else round(annual * 0.8), places))
        if level in ("kegiatan", "subkegiatan") and rng.random() < 0.8:
            pagu = rng.randrange(50_000_000, 2_000_000_000, 500_000)
            ra1 = pagu * rng.randint(150, 280) // 1000 // 500 * 500
            ra2 = pagu * rng.randint(180, 300) // 1000 // 500 * 500
            d.update(pagu=str(pagu), ra1=str(ra1), ra2=str(ra2))
        # what the section reports
        if rng.random() < 0.02:
            d["r2"] = rng.choice(("", "-"))
        d["kendala"] = rng.choice(OBSTACLES)
        if rng.random() < 0.01:
            d["kendala"] = "1. " + rng.choice(OBSTACLES[1:]) + "\n2. " + rng.choice(OBSTACLES[1:])
        d["pendorong"] = rng.choice(DRIVERS)
        d["tindak"] = rng.choice(FOLLOWUPS)
        d["bukti"] = "" if rng.random() < 0.01 else rng.choice(EVIDENCE).format(n=rng.randint(1, 999), s=i + 1, y=YEAR)
        rows.append(d)
    return name, rows


def definition_line(d, section):
    n = EXCEL_ID.num
    return EXCEL_ID.line([d["code"], d["wording"], d["unit"], section, d["level"], d["parent"], d["iku"],
                          d["pol"], d["agg"], n(d["target"])] + [n(x) for x in d["tw"]]
                         + [n(d["pagu"]), n(d["renstra"]), n(d["last"])], len(DEF_HEAD))


def form_text(i, name, rows):
    dia = DIALECTS[i % 4]
    head = STYLES[i % len(STYLES)]
    n = dia.num
    out = [dia.line(["Formulir Pengumpulan Data Capaian Kinerja"], WIDTH),
           dia.line(["Unit Kerja", name], WIDTH), dia.line(["Tahun", str(YEAR)], WIDTH),
           dia.line(["Periode", "TW II"], WIDTH), dia.line([], WIDTH), dia.line(head, WIDTH)]
    for d in rows:
        if d["level"] == "kegiatan":
            out.append(dia.line(["", "KEGIATAN " + d["code"]], WIDTH))
        out.append(dia.line([d["code"], d["wording"], d["unit"], n(d["target"]), n(d["r1"]), n(d["r2"]),
                             n(d.get("ra1", "")), n(d.get("ra2", "")), d["kendala"], d["pendorong"],
                             d["tindak"], d["bukti"], ""], WIDTH))
    pad = [""] * 10
    out += [dia.line([], WIDTH), dia.line(pad + [f"Kab. {REGIONS[i % len(REGIONS)]}, 10 Juli {YEAR}"], WIDTH),
            dia.line(pad + ["Kepala " + name.split(" Kab.")[0]], WIDTH), dia.line([], WIDTH),
            dia.line(pad + ["( ................................ )"], WIDTH),
            dia.line(pad + [f"NIP 1980{i % 12 + 1:02d}01 200501 1 {i % 1000:03d}"], WIDTH)]
    return dia.encode("".join(out), True)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit("usage: gen_corpus.py agency|province|country OUTDIR")
    size, outdir = sys.argv[1], sys.argv[2]
    total, sections, per = sizes(size)
    forms = os.path.join(outdir, "formulir")
    os.makedirs(forms, exist_ok=True)
    start = time.perf_counter()
    form_bytes = 0
    defs_path = os.path.join(outdir, "indikator.csv")
    with open(defs_path + ".tmp", "wb") as defs:
        defs.write(EXCEL_ID.encode(EXCEL_ID.line(DEF_HEAD, len(DEF_HEAD)), True))
        for i in range(sections):
            name, rows = make_section(i, per[i])
            defs.write(EXCEL_ID.encode("".join(definition_line(d, name) for d in rows), False))
            stem = "".join(c if c.isalnum() else "_" for c in name)
            data = form_text(i, name, rows)
            with open(os.path.join(forms, f"{i + 1:05d}_{stem}.csv"), "wb") as f:
                f.write(data)
            form_bytes += len(data)
    os.replace(defs_path + ".tmp", defs_path)
    def_bytes = os.path.getsize(defs_path)
    print(f"{size}: {total:,} indicators, {sections:,} forms; indikator.csv {def_bytes / 1e6:,.1f} MB, "
          f"formulir/ {form_bytes / 1e6:,.1f} MB; {time.perf_counter() - start:.1f} s -> {outdir}")


if __name__ == "__main__":
    main()
