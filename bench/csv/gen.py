#!/usr/bin/env python3
"""Generates a large form-like CSV for `bench/csv/run.sh`, deterministically (fixed seed).

Shaped like forms saved by Excel on Indonesian settings: UTF-8 with BOM, `;` delimiter, CRLF,
a title block, decimal commas and thousands dots, quoted text holding `;`, doubled quotes and
now and then a line break.

    python3 bench/csv/gen.py OUT.csv [MEGABYTES]   (default 100)
"""
import random
import sys

WORDS = ("persentase layanan publik jumlah aplikasi terintegrasi indeks kepuasan masyarakat "
         "dokumen perencanaan kinerja tepat waktu pegawai kompetensi pelatihan anggaran "
         "realisasi kegiatan program sasaran strategis capaian data statistik sektoral").split()
UNITS = ("%", "dokumen", "aplikasi", "orang", "indeks", "kegiatan", "Rp")
SECTIONS = ("Sekretariat", "Bidang Aplikasi Informatika", "Bidang Statistik", "Bidang IKP")


def decimal_comma(value, places):
    text = f"{value:,.{places}f}"  # 1,250,000.50
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def text(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def quoted(value):
    return '"' + value.replace('"', '""') + '"'


def main():
    out = sys.argv[1]
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
    limit = int(megabytes * 1_000_000)
    rng = random.Random(20250101)
    header = ("Kode;Sasaran;Indikator;Satuan;Target;TW I;TW II;TW III;TW IV;"
              "Pagu Anggaran;Realisasi Anggaran;Penanggung Jawab;Keterangan")
    lines = ["FORMULIR PENGUMPULAN DATA CAPAIAN KINERJA;;;;;;;;;;;;",
             "Tahun;2025;;;;;;;;;;;", ";;;;;;;;;;;;", header]
    size = sum(len(line.encode()) + 2 for line in lines) + 3
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
        row = 0
        chunk = []
        while size < limit:
            row += 1
            unit = rng.choice(UNITS)
            target = rng.uniform(1, 100)
            quarters = [decimal_comma(rng.uniform(0, target / 3), 2) if rng.random() > 0.05 else ""
                        for _ in range(4)]
            pagu = rng.randint(10_000_000, 5_000_000_000)
            note = text(rng, 0, 12)
            if rng.random() < 0.3:
                note = quoted(note + "; lihat \"lampiran\" " + str(rng.randint(1, 9)))
            if rng.random() < 0.01:
                note = quoted("catatan baris satu\r\nbaris dua; " + text(rng, 1, 4))
            fields = [
                f"{row // 1000 + 1}.{row % 1000 + 1}",
                quoted(text(rng, 3, 8) + "; " + text(rng, 1, 3)),
                text(rng, 4, 10).capitalize(),
                unit,
                decimal_comma(target, rng.choice((0, 1, 2))),
                *quarters,
                decimal_comma(pagu, 0),
                decimal_comma(pagu * rng.uniform(0.3, 1.0), 2),
                rng.choice(SECTIONS),
                note,
            ]
            line = ";".join(fields) + "\r\n"
            size += len(line.encode())
            chunk.append(line)
            if len(chunk) >= 10_000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))


if __name__ == "__main__":
    main()
