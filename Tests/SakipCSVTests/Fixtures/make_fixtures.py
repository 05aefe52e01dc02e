#!/usr/bin/env python3
"""Writes the SakipCSVTests fixtures byte-exact (never edit them in an editor: it would
normalise line endings, BOMs and encodings). Run from anywhere: python3 make_fixtures.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data: bytes):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# UTF-8 with BOM, `;`, CRLF, a blank line (line 3), decimal commas: records on lines 1, 2, 4.
write("utf8-bom-semicolon.csv",
      b"\xef\xbb\xbfKode;Indikator;Target\r\n"
      b"1.1;Persentase layanan;85,5\r\n"
      b"\r\n"
      b"1.2;Jumlah aplikasi;12\r\n")

# Windows-1252 (Excel "CSV" on Windows): bytes that are not UTF-8.
write("windows1252-semicolon.csv",
      "Kode;Uraian;Anggaran\r\n"
      "1;Belanja \u201cmodal\u201d \u2013 caf\u00e9;\u20ac 1.250.000,50\r\n"
      "2;Na\u00efve \u2122 \u2026;0\r\n".encode("cp1252"))

# Lone CR line ends (old Mac Excel), with a blank line: records on lines 1, 2, 4.
write("cr-line-endings.csv", b"Kode;Nama\r1;Satu\r\r2;Dua\r")

# CRLF with a blank line: records on lines 1, 2, 4; no CR left in fields.
write("crlf.csv", b"Kode,Nama\r\n1,Satu\r\n\r\n2,Dua\r\n")

# LF, CRLF and CR mixed: records on lines 1, 2, 3, 5.
write("mixed-line-endings.csv", b"a;b\n1;2\r\n3;4\r\r5;6\n")

# Quoted fields holding line breaks (LF, CRLF) and doubled quotes.
write("quoted-line-break.csv",
      b"Kode;Keterangan;Nilai\n"
      b"1;\"baris satu\nbaris dua\";10\n"
      b"2;\"tiga\r\nempat\r\nlima\";\"kata \"\"kutip\"\"\"\n"
      b"3;c;d\n")

# Ten lines; the quote opened on line 3 is never closed, and no later quote pairs with it.
lines = [b"Kode;Nama;Nilai"] + [b"%d;Nama %d;%d" % (i, i, i * 10) for i in range(2, 11)]
lines[2] = b"3;\"Nama tiga;30"
write("unterminated-quote.csv", b"\n".join(lines) + b"\n")

# Same, but later lines have quoted fields: libcsv would pair them up with the open quote.
lines = [b"Kode;Nama;Nilai"] + [b"%d;\"Nama %d\";%d" % (i, i, i * 10) for i in range(2, 11)]
lines[2] = b"3;\"Nama tiga;30"
write("unterminated-quote-later-quotes.csv", b"\n".join(lines) + b"\n")

# A stray quote inside an unquoted field on line 2.
write("stray-quote.csv", b"Kode;Nama\n1;Layar 14\" monitor\n2;b\n")

# Text right after a closing quote on line 3.
write("text-after-closing-quote.csv", b"Kode;Nama\n1;a\n2;\"b\"c\n")

# Ragged rows: returned as they are.
write("ragged-rows.csv", b"Kode;A;B\n1;x\n2;y;z;lebih\n3\n4;;\n")

# Excel "Unicode Text": UTF-16LE with BOM, tab-delimited, CRLF; includes a non-BMP character.
write("utf16le-tab.csv", b"\xff\xfe" + "Kode\tNama\r\n1\t\u00c9lan \U0001F600\r\n".encode("utf-16-le"))

# UTF-16BE with BOM, tab-delimited.
write("utf16be-tab.csv", b"\xfe\xff" + "Kode\tNama\r\n1\tSatu\r\n".encode("utf-16-be"))

# Binary: NUL bytes on line 3.
write("nul-bytes.csv", b"Kode;Nama\n1;a\n2;\x00\x00b\n")

# Workbooks saved under a .csv name.
write("xlsx-renamed.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
write("xls-renamed.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24)

# `;` file with decimal commas in data and a comma title line above the header.
write("decimal-comma-semicolon.csv",
      b"Laporan Kinerja, Triwulan I, 2025\n"
      b"\n"
      b"Kode;Indikator;Realisasi;Target\n"
      b"1;Persentase;3,5;4,25\n"
      b"2;Anggaran;1.250.000,50;2,5\n")

# `,` file whose quoted header text holds semicolons.
write("comma-quoted-semicolon.csv",
      b"Kode,\"Sasaran; Indikator; Satuan; Catatan\"\n"
      b"1,\"a; b\"\n")

# Last record without a line terminator.
write("no-final-newline.csv", b"Kode;Nama\n1;a\n2;b")

# Spaces around values and inside quotes are kept exactly.
write("spaces-kept.csv", b"  Kode ;Nama\n 1 ;\" a \"\n")
