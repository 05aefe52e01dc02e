#!/usr/bin/env python3
"""Generate the bundled sample data of sakip (samples/).

An invented agency, "Dinas Komunikasi dan Informatika Kabupaten Sukamaju", with
48 indicators over six sections, and the forms its sections returned for TW I and
TW II 2025, saved in the three CSV dialects of SPEC section 4.  The TW II forms of
Bidang Infrastruktur TIK carry deliberate problems, Sekretariat re-sent its TW II
form with one conflicting value, and Bidang Statistik Sektoral returned no TW II
form; everything else is clean.

Python 3 standard library only, deterministic (the only randomness is a seeded
generator for budget realisations).  Files are written byte-exact: BOM, CRLF and
Windows-1252 bytes are produced explicitly, never left to the platform.

Usage: python3 scripts/make_samples.py [OUTDIR]   (default: samples/ beside scripts/)

Besides the CSV files it writes samples/README.md and samples/expected.json, both
derived from the same data so that the physical line numbers they quote are the
ones in the files.
"""

import json
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal

AGENCY = "Dinas Komunikasi dan Informatika Kabupaten Sukamaju"
YEAR = 2025

SEK = "Sekretariat"
APL = "Bidang Aplikasi Informatika"
INF = "Bidang Infrastruktur TIK"
IKP = "Bidang Informasi dan Komunikasi Publik"
STA = "Bidang Statistik Sektoral"
SAN = "Bidang Persandian dan Keamanan Informasi"
SECTIONS = [SEK, APL, INF, IKP, STA, SAN]

OK = "Tidak ada kendala berarti."

# ---------------------------------------------------------------------------
# Indicator definitions and the realisations the sections report.
#
# (kode, indikator, satuan, section, level, induk, iku, polaritas, agregasi,
#  target, quarterly targets or None, leaf pagu or None, target_renstra,
#  realisasi_tahun_lalu, realisation TW I, realisation TW II,
#  kendala, faktor pendorong, tindak lanjut, bukti dukung)
# Numbers are canonical strings with a decimal point; the dialect formats them.
# A text field may be a pair (TW I form text, TW II form text).
# pagu is given on leaves (subkegiatan, or kegiatan without subkegiatan); the
# pagu of a kegiatan or program is the sum of its children's, as in the DPA.
# ---------------------------------------------------------------------------
IND = [
    # --- tujuan -----------------------------------------------------------
    ("T1", "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE) Kabupaten Sukamaju",
     "indeks", SEK, "tujuan", "", "ya", "positif", "akhir", "3.5", None, None,
     "3.8", "3.21", "3.21", "3.21",
     "Hasil evaluasi SPBE 2025 belum terbit; realisasi memakai hasil evaluasi SPBE 2024.",
     "Tim Koordinasi SPBE aktif dan didukung pimpinan daerah.",
     "Menyiapkan bukti dukung evaluasi mandiri SPBE 2025 untuk 47 indikator.",
     "https://sukamaju.go.id/spbe/hasil-evaluasi-2024"),
    ("T2", "Indeks Keterbukaan Informasi Publik Kabupaten Sukamaju",
     "indeks", IKP, "tujuan", "", "ya", "positif", "akhir", "80", None, None,
     "85", "76.4", "76.4", "78.1",
     "Hasil monitoring dan evaluasi keterbukaan informasi publik 2025 oleh Komisi Informasi Provinsi belum diumumkan.",
     "PPID Utama aktif memutakhirkan daftar informasi publik.",
     "Melengkapi kuesioner penilaian mandiri keterbukaan informasi publik.",
     "https://sukamaju.go.id/ppid/monev-kip-2025"),
    # --- sasaran ----------------------------------------------------------
    ("SS1.IKU1", "Indeks kematangan layanan SPBE", "indeks", APL, "sasaran", "T1", "ya",
     "positif", "akhir", "3.2", ["2.9", "3.0", "3.1", "3.2"], None, "3.6", "2.85",
     "2.92", "3.05",
     OK, "Integrasi layanan ke portal layanan publik berjalan sesuai rencana.",
     "Melanjutkan integrasi layanan perizinan dan kependudukan.",
     "Laporan evaluasi mandiri SPBE No. 555/112/Diskominfo/2025"),
    ("SS1.IKU2", "Persentase layanan publik yang diselenggarakan secara elektronik", "%", APL,
     "sasaran", "T1", "ya", "positif", "akhir", "75", ["60", "65", "70", "75"], None, "90", "58.4",
     "61.5", "66.2",
     OK, "Dukungan OPD pengampu layanan.",
     "Pendampingan OPD yang layanannya belum elektronik.",
     "Daftar layanan elektronik per 30 Juni 2025 (SK Kadis No. 12/2025)"),
    ("SS2.IKU1", "Persentase OPD yang terhubung jaringan intra pemerintah", "%", INF, "sasaran",
     "T1", "ya", "positif", "akhir", "85", ["70", "80", "85", "85"], None, "100", "68.5",
     "71.11", "80",
     OK, "Penambahan jalur fiber optik ke kompleks perkantoran.",
     "Penyambungan 4 OPD di luar kompleks perkantoran pada TW III.",
     "Peta topologi jaringan intra pemerintah, https://sukamaju.go.id/jip/topologi"),
    ("SS2.IKU2", "Persentase ketersediaan layanan pusat data pemerintah daerah (uptime)", "%", INF,
     "sasaran", "T1", "ya", "positif", "rata-rata", "99", ["99", "99", "99", "99"], None, "99.5",
     "98.2", "99.12", "99.05",
     OK, "Genset dan UPS pusat data berfungsi baik.",
     "Pemeliharaan berkala perangkat pusat data.",
     "Laporan monitoring uptime pusat data (Zabbix) triwulanan"),
    ("SS2.IKU3", "Persentase desa/kelurahan yang terjangkau akses internet", "%", INF, "sasaran",
     "T1", "ya", "positif", "akhir", "80", ["70", "74", "77", "80"], None, "95", "66.7",
     "70.5", "75.2",
     OK, "Kerja sama dengan penyedia jasa internet untuk desa blank spot.",
     "Mengusulkan BTS bagi 12 desa blank spot.",
     "Rekap survei titik sinyal desa, Berita Acara No. 045/21/Diskominfo/2025"),
    ("SS3.IKU1", "Persentase informasi publik yang terdiseminasi melalui kanal resmi", "%", IKP,
     "sasaran", "T2", "ya", "positif", "akhir", "90", ["80", "85", "88", "90"], None, "95", "78.9",
     "81.3", "86",
     OK, "Kanal media sosial dan radio siaran pemerintah daerah aktif.",
     "Menambah jadwal publikasi di radio komunitas.",
     "Rekap publikasi kanal resmi, https://sukamaju.go.id/ppid/rekap-publikasi"),
    ("SS3.IKU2", "Indeks Kepuasan Masyarakat atas layanan PPID", "nilai", IKP, "sasaran", "T2",
     "ya", "positif", "rata-rata", "82", ["82", "82", "82", "82"], None, "85", "80.6",
     "81.2", "82.6",
     ("Responden survei TW I baru 96 dari 120 yang direncanakan.",
      "Responden survei TW I baru 96 dari 120; TW II sudah terpenuhi."),
     "Survei daring melalui formulir di portal PPID.",
     "Menambah titik survei di Mal Pelayanan Publik.",
     "Laporan Survei Kepuasan Masyarakat PPID triwulanan"),
    ("SS4.IKU1", "Persentase OPD yang menyediakan data sektoral sesuai standar Satu Data", "%",
     STA, "sasaran", "T1", "ya", "positif", "akhir", "70", ["40", "50", "60", "70"], None, "100",
     "35", "42.22", "51.11",
     OK, "Forum Satu Data Kabupaten telah dibentuk.",
     "Asistensi walidata pendukung di OPD.",
     "SK Bupati tentang Forum Satu Data, Daftar Data 2025"),
    ("SS5.IKU1", "Jumlah insiden keamanan siber pada sistem elektronik pemerintah daerah", "kali",
     SAN, "sasaran", "T1", "ya", "negatif", "jumlah", "8", ["2", "2", "2", "2"], None, "4", "11",
     "1", "1",
     OK, "CSIRT Kabupaten memantau sistem elektronik setiap hari.",
     "Patch keamanan rutin pada server aplikasi.",
     "Laporan insiden CSIRT Sukamaju triwulanan"),
    ("SS5.IKU2", "Indeks Keamanan Informasi (KAMI)", "nilai", SAN, "sasaran", "T1", "ya",
     "positif", "akhir", "500", ["420", "450", "480", "500"], None, "560", "398",
     "428", "455",
     OK, "Pendampingan penilaian mandiri dari BSSN.",
     "Melengkapi kebijakan dan prosedur keamanan informasi.",
     "Hasil penilaian mandiri Indeks KAMI v5.0"),
    ("SS6.IKU1", "Nilai SAKIP Dinas Komunikasi dan Informatika", "predikat", SEK, "sasaran", "T1",
     "ya", "positif", "akhir", "BB", None, None, "A", "B", "BB", "BB",
     OK, "Pendampingan evaluator Inspektorat Kabupaten.",
     "Menindaklanjuti rekomendasi LHE SAKIP 2024.",
     "LHE SAKIP Tahun 2024 No. 700/45/Itkab/2025"),
    ("SS6.IKU2", "Opini BPK atas Laporan Keuangan Pemerintah Daerah", "opini", SEK, "sasaran",
     "T1", "ya", "positif", "akhir", "WTP", None, None, "WTP", "WTP", "WTP", "WTP",
     OK, "Penatausahaan keuangan tertib dan tepat waktu.",
     "Menjaga kualitas laporan keuangan triwulanan.",
     "LHP BPK atas LKPD Kabupaten Sukamaju TA 2024"),
    # --- Sekretariat: program penunjang -----------------------------------
    ("P1", "Persentase serapan anggaran Dinas", "%", SEK, "program", "SS6.IKU1", "tidak",
     "positif", "akhir", "95", ["20", "45", "70", "95"], None, "95", "93.42",
     "@serapan1", "@serapan2",
     "Sebagian kegiatan fisik baru berkontrak pada triwulan II.",
     "Rencana penarikan dana disusun per bulan.",
     "Memantau realisasi per subkegiatan setiap bulan.",
     ("Laporan Realisasi Anggaran SIPD per 31 Maret 2025",
      "Laporan Realisasi Anggaran SIPD per 30 Juni 2025")),
    ("P1.K1", "Persentase dokumen perencanaan dan pelaporan kinerja yang tersusun tepat waktu",
     "%", SEK, "kegiatan", "P1", "tidak", "positif", "akhir", "100",
     ["100", "100", "100", "100"], None, "100", "100", "100", "100",
     OK, "Jadwal penyusunan dokumen ditetapkan di awal tahun.",
     "Menyusun jadwal penyusunan Renja 2026.",
     "Surat pengantar penyampaian dokumen ke Bappeda"),
    ("P1.K1.S1", "Jumlah dokumen perencanaan perangkat daerah (Renja; RKA; DPA; DPPA)",
     "dokumen", SEK, "subkegiatan", "P1.K1", "tidak", "positif", "jumlah", "5",
     ["1", "1", "1", "2"], "125000000", "5", "5", "1", "1",
     OK, "Koordinasi dengan Bappeda berjalan baik.",
     "Menyiapkan RKA 2026 sesuai KUA-PPAS.",
     ("DPA Diskominfo TA 2025", "Renja Diskominfo 2026, https://sukamaju.go.id/ppid/dokumen/renja-2026")),
    ("P1.K1.S2", "Jumlah laporan capaian kinerja dan ikhtisar realisasi kinerja", "dokumen", SEK,
     "subkegiatan", "P1.K1", "tidak", "positif", "jumlah", "6", ["2", "2", "1", "1"],
     "110000000", "6", "6", "2", "2",
     OK, "Tim SAKIP mengumpulkan data tepat waktu.",
     "Menyusun laporan capaian kinerja TW II.",
     ("LKjIP 2024 dan Perjanjian Kinerja 2025", "Laporan capaian kinerja TW I dan Rencana Aksi 2025")),
    ("P1.K2", "Jumlah temuan BPK yang belum ditindaklanjuti", "temuan", SEK, "kegiatan", "P1",
     "tidak", "negatif", "akhir", "0", ["0", "0", "0", "0"], None, "0", "2", "0", "0",
     OK, "Rekomendasi BPK TA 2023 telah ditindaklanjuti seluruhnya.",
     "Memantau tindak lanjut melalui aplikasi SIPTL.",
     "Surat Inspektorat No. 700/118/Itkab/2025 tentang status tindak lanjut"),
    ("P1.K2.S1", "Jumlah ASN yang menerima gaji dan tunjangan", "orang", SEK, "subkegiatan",
     "P1.K2", "tidak", "positif", "akhir", "68", ["68", "68", "68", "68"], "4250000000", "68",
     "66", "68", "67",
     (OK, "Satu ASN memasuki masa pensiun per 1 Mei 2025."),
     "Data kepegawaian mutakhir di SIMPEG.",
     ("Rekonsiliasi gaji bulanan dengan BPKAD.", "Usulan formasi pengganti ke BKPSDM."),
     "Daftar gaji bulanan (SIPD), SK Pensiun No. 821/305/BKPSDM/2025"),
    ("P1.K3", "Jumlah ASN yang mengikuti peningkatan kompetensi", "orang", SEK, "kegiatan", "P1",
     "tidak", "positif", "jumlah", "40", ["10", "10", "10", "10"], "150000000", "40", "36",
     "8", "11",
     "Jadwal diklat teknis BPSDM Provinsi baru dibuka pada bulan Maret.",
     "Tersedia kuota pelatihan daring.",
     "Mengikutkan ASN pada pelatihan daring tambahan.",
     "Sertifikat pelatihan peserta, https://sukamaju.go.id/diskominfo/kepegawaian/diklat-2025"),
    ("P1.K4", "Persentase terpenuhinya kebutuhan administrasi umum perkantoran", "%", SEK,
     "kegiatan", "P1", "tidak", "positif", "akhir", "100", ["100", "100", "100", "100"],
     "410000000", "100", "100", "100", "100",
     OK, "Pengadaan melalui e-Katalog lancar.",
     "Pengadaan ATK dan pemeliharaan kendaraan TW III.",
     "Berita Acara Serah Terima barang No. 027/33/Diskominfo/2025"),
    # --- Bidang Aplikasi Informatika ----------------------------------------
    ("P2", "Persentase perangkat daerah yang menggunakan aplikasi umum SPBE", "%", APL, "program",
     "SS1.IKU1", "tidak", "positif", "akhir", "80", ["60", "65", "75", "80"], None, "100",
     "57.78", "62.22", "66.67",
     OK, "Aplikasi umum dari Kementerian tersedia tanpa biaya lisensi.",
     "Migrasi 3 OPD ke aplikasi umum pada TW III.",
     "Rekap penggunaan aplikasi umum per OPD"),
    ("P2.K1", "Jumlah aplikasi yang dikembangkan", "aplikasi", APL, "kegiatan", "P2", "tidak",
     "positif", "jumlah", "6", ["1", "1", "2", "2"], None, "25", "5", "1", "1",
     OK, "Tim pengembang internal sudah terbentuk.",
     "Menyelesaikan pengembangan 2 aplikasi pada TW III.",
     ("BAST aplikasi e-Surat", "BAST aplikasi e-Perizinan Reklame")),
    ("P2.K1.S1", 'Jumlah layanan publik yang terintegrasi dengan aplikasi "Sukamaju Satu Layanan"',
     "aplikasi", APL, "subkegiatan", "P2.K1", "tidak", "positif", "akhir", "10",
     ["4", "6", "8", "10"], "275000000", "20", "3", "4", "6",
     OK, "API layanan OPD sudah tersedia.",
     "Integrasi layanan kesehatan dan pendidikan TW III.",
     "https://layanan.sukamaju.go.id/katalog"),
    ("P2.K1.S2", "Jumlah nama domain dan subdomain OPD yang dikelola", "subdomain", APL,
     "subkegiatan", "P2.K1", "tidak", "positif", "akhir", "45", ["40", "42", "44", "45"],
     "85000000", "50", "39", "41", "43",
     OK, "Permohonan subdomain dilayani secara daring.",
     "Penertiban subdomain yang tidak aktif.",
     "Daftar subdomain sukamaju.go.id per triwulan"),
    ("P2.K2", "Jumlah OPD yang menerapkan naskah dinas elektronik dengan tanda tangan elektronik",
     "OPD", APL, "kegiatan", "P2", "tidak", "positif", "akhir", "42", ["30", "34", "38", "42"],
     None, "45", "28", "31", "33",
     ("Satu OPD belum memiliki operator naskah dinas – masih menunggu SK penunjukan.",
      "Satu OPD belum memiliki operator naskah dinas – masih menunggu SK penunjukan."),
     "Sertifikat elektronik ASN sudah tersedia.",
     "Pendampingan langsung ke OPD yang belum menerapkan.",
     "Rekap penggunaan e-Office per OPD, SK Kadis No. 14/2025"),
    ("P2.K2.S1", "Jumlah ASN yang dilatih penggunaan aplikasi SPBE", "orang", APL, "subkegiatan",
     "P2.K2", "tidak", "positif", "jumlah", "300", ["75", "75", "75", "75"], "185000000", "1200",
     "280", "72", "47",
     ("Tiga peserta berhalangan karena tugas dinas luar.",
      "Bimtek angkatan III ditunda ke Juli – ruang pelatihan dipakai untuk seleksi PPPK; peserta hadir ± 60% dari undangan."),
     "Materi pelatihan sudah baku.",
     ("Memanggil peserta pengganti.", "Menjadwalkan ulang bimtek angkatan III pada minggu kedua Juli 2025."),
     "Daftar hadir dan laporan bimtek, https://sukamaju.go.id/diskominfo/bimtek-spbe"),
    # --- Bidang Infrastruktur TIK --------------------------------------------
    ("P2.K3", "Jumlah OPD yang terhubung jaringan fiber optik intra pemerintah", "OPD", INF,
     "kegiatan", "P2", "tidak", "positif", "akhir", "38", ["32", "34", "36", "38"], None, "45",
     "30", "32", "34",
     OK, "Kontrak penarikan kabel fiber optik sudah berjalan.",
     "Penyambungan OPD di kawasan perkantoran baru.",
     "Berita Acara Uji Fungsi jaringan No. 046/08/Diskominfo/2025"),
    ("P2.K3.S1", "Kapasitas bandwidth internet pemerintah daerah", "Gbps", INF, "subkegiatan",
     "P2.K3", "tidak", "positif", "akhir", "2", ["1", "1.5", "2", "2"], "780000000", "5", "1",
     "1", "1.5",
     OK, "Kontrak langganan internet tahun jamak.",
     "Penambahan kapasitas 0,5 Gbps pada TW III.",
     "Kontrak langganan internet No. 027/KTR/Diskominfo/2025"),
    ("P2.K3.S2", "Jumlah titik akses internet publik (hotspot) yang dibangun", "titik", INF,
     "subkegiatan", "P2.K3", "tidak", "positif", "jumlah", "20", ["5", "5", "5", "5"],
     "185000000", "100", "18", "4", "5",
     "Pengiriman perangkat access point dari penyedia e-Katalog terlambat.",
     "Lokasi titik akses sudah disepakati dengan desa.",
     "Memasang titik akses tertunda pada awal TW II.",
     "Berita Acara pemasangan titik akses, https://sukamaju.go.id/wifi-publik"),
    ("P2.K3.S3", "Jumlah keluhan gangguan jaringan intra pemerintah", "kali", INF, "subkegiatan",
     "P2.K3", "tidak", "negatif", "jumlah", "24", ["6", "6", "6", "6"], "160000000", "12", "31",
     "5", "11",
     OK, "Helpdesk jaringan tersedia pada jam kerja.",
     "Penggantian switch yang sering gangguan.",
     "Rekap tiket helpdesk jaringan triwulanan"),
    ("P2.K3.S4", "Persentase perangkat daerah yang memanfaatkan layanan pusat data pemerintah daerah",
     "%", INF, "subkegiatan", "P2.K3", "tidak", "positif", "akhir", "85",
     ["55", "70", "80", "85"], "240000000", "100", "48.9", "56.5", "71.1",
     "Sebagian OPD masih menyewa hosting sendiri.",
     "Surat edaran Sekda tentang penggunaan pusat data.",
     "Migrasi aplikasi OPD ke pusat data secara bertahap.",
     "Rekap aplikasi yang di-hosting di pusat data"),
    ("P2.K3.S5", "Jumlah OPD yang mendapat layanan pemeliharaan jaringan", "OPD", INF,
     "subkegiatan", "P2.K3", "tidak", "positif", "akhir", "45", ["45", "45", "45", "45"],
     "120000000", "45", "45", "45", "45",
     OK, "Teknisi jaringan tersedia di setiap kawasan perkantoran.",
     "Jadwal pemeliharaan rutin bulanan.",
     "Laporan pemeliharaan jaringan bulanan"),
    # --- Bidang Informasi dan Komunikasi Publik --------------------------------
    ("P3", "Persentase OPD yang mengelola informasi publik melalui PPID pelaksana", "%", IKP,
     "program", "SS3.IKU1", "tidak", "positif", "akhir", "90", ["75", "80", "85", "90"], None,
     "100", "71.11", "75.56", "80",
     OK, "SK PPID pelaksana sudah ditetapkan di semua OPD.",
     "Bimbingan teknis PPID pelaksana.",
     "SK Bupati tentang PPID, rekap DIP per OPD"),
    ("P3.K1", "Jumlah konten informasi publik yang dipublikasikan", "konten", IKP, "kegiatan",
     "P3", "tidak", "positif", "jumlah", "1200", ["300", "300", "300", "300"], None, "5000",
     "1104", "312", "305",
     OK, "Tim konten menerbitkan setiap hari kerja.",
     "Kalender konten triwulan III.",
     "Rekap publikasi portal berita, https://sukamaju.go.id/berita"),
    ("P3.K1.S1", "Jangkauan tertinggi konten media sosial resmi Pemkab dalam satu bulan", "orang",
     IKP, "subkegiatan", "P3.K1", "tidak", "positif", "maks", "150000",
     ["120000", "130000", "140000", "150000"], "210000000", "200000", "112350", "126480",
     "138915",
     ("Konten video pendek belum rutin.", "Konten video pendek belum rutin; tim baru menambah satu editor."),
     "Konten layanan publik mendapat banyak interaksi.",
     "Memperbanyak konten video pendek.",
     "Tangkapan layar Insight media sosial resmi Pemkab Sukamaju"),
    ("P3.K1.S2", "Jumlah sosialisasi dan diseminasi informasi kebijakan daerah", "kali", IKP,
     "subkegiatan", "P3.K1", "tidak", "positif", "jumlah", "24", ["6", "6", "6", "6"],
     "180000000", "24", "22", "3", "4",
     ("1. Penyesuaian (efisiensi) anggaran belanja rapat dan perjalanan dinas.\n"
      "2. Jadwal narasumber OPD teknis bergeser karena bulan Ramadan.",
      "1. Penyesuaian (efisiensi) anggaran belanja rapat dan perjalanan dinas.\n"
      "2. Jadwal narasumber OPD teknis bergeser karena bulan Ramadan.\n"
      "3. Dua kegiatan tatap muka diganti siaran radio."),
     "Dukungan camat dan kepala desa.",
     "Menggabungkan sosialisasi dengan kegiatan kecamatan.",
     "Notulen dan daftar hadir sosialisasi"),
    ("P3.K2", "Persentase permohonan informasi publik yang diselesaikan tepat waktu", "%", IKP,
     "kegiatan", "P3", "tidak", "positif", "akhir", "100", ["100", "100", "100", "100"],
     "150000000", "100", "97.5", "100", "96.3",
     (OK, "Dua permohonan memerlukan data dari OPD lain sehingga melewati 10 hari kerja."),
     "Aplikasi e-PPID memudahkan pelacakan permohonan.",
     "Menetapkan batas waktu internal ± 5 hari bagi OPD penyedia data.",
     "Register permohonan informasi e-PPID, https://ppid.sukamaju.go.id/register"),
    # --- Bidang Statistik Sektoral ------------------------------------------
    ("P4", "Persentase data sektoral yang dipublikasikan di portal Satu Data", "%", STA, "program",
     "SS4.IKU1", "tidak", "positif", "akhir", "75", ["45", "55", "65", "75"], None, "100", "41.3",
     "46.8", "56.2",
     OK, "Portal Satu Data sudah terhubung dengan portal nasional.",
     "Kurasi dataset OPD.",
     "https://data.sukamaju.go.id"),
    ("P4.K1", "Jumlah dataset sektoral yang dipublikasikan", "dataset", STA, "kegiatan", "P4",
     "tidak", "positif", "akhir", "850", ["600", "680", "760", "850"], None, "1500", "562",
     "612", "691",
     OK, "Walidata pendukung mengunggah data secara mandiri.",
     "Validasi dataset baru setiap bulan.",
     "Statistik unggahan portal https://data.sukamaju.go.id/dataset"),
    ("P4.K1.S1", 'Jumlah publikasi "Sukamaju Dalam Angka Sektoral"', "dokumen", STA,
     "subkegiatan", "P4.K1", "tidak", "positif", "jumlah", "2", None, "265000000", "10", "2",
     "0", "1",
     "Publikasi pertama dijadwalkan terbit pada TW II, sesuai rencana aksi.",
     "Data sektoral OPD sudah terkumpul.",
     "Penyusunan draf publikasi semester I.",
     "Jadwal penyusunan publikasi, Nota Dinas No. 050/17/Statistik/2025"),
    ("P4.K2", "Jumlah OPD yang menerapkan metadata statistik sektoral", "OPD", STA, "kegiatan",
     "P4", "tidak", "positif", "akhir", "30", ["15", "20", "25", "30"], None, "45", "12",
     "16", "21",
     OK, "Pedoman metadata dari BPS tersedia.",
     "Pendampingan pengisian metadata di OPD.",
     "Rekap metadata kegiatan statistik (MS-Keg) per OPD"),
    ("P4.K2.S1", "Jumlah walidata pendukung yang mengikuti bimbingan teknis", "orang", STA,
     "subkegiatan", "P4.K2", "tidak", "positif", "jumlah", "60", ["15", "15", "15", "15"],
     "135000000", "60", "54", "18", "15",
     OK, "Narasumber dari BPS Kabupaten tersedia.",
     "Bimtek angkatan berikutnya di TW III.",
     "Daftar hadir bimtek walidata, Surat Undangan No. 005/31/Statistik/2025"),
    # --- Bidang Persandian dan Keamanan Informasi -----------------------------
    ("P5", "Persentase perangkat daerah yang menerapkan persandian untuk pengamanan informasi",
     "%", SAN, "program", "SS5.IKU2", "tidak", "positif", "akhir", "70", ["50", "55", "62", "70"],
     None, "100", "46.67", "51.11", "55.56",
     OK, "Tersedia sertifikat elektronik bagi pejabat.",
     "Pendampingan OPD yang belum menerapkan.",
     "Rekap penerapan persandian per OPD"),
    ("P5.K1", "Jumlah sistem elektronik yang dinilai kerentanannya (VA/pentest)", "sistem", SAN,
     "kegiatan", "P5", "tidak", "positif", "jumlah", "16", ["4", "4", "4", "4"], None, "60", "14",
     "4", "5",
     OK, "Perangkat pemindai kerentanan tersedia.",
     "Penilaian kerentanan aplikasi baru sebelum rilis.",
     "Laporan VA/pentest triwulanan"),
    ("P5.K1.S1", "Jumlah ASN yang memiliki sertifikat elektronik (TTE)", "orang", SAN,
     "subkegiatan", "P5.K1", "tidak", "positif", "akhir", "1500",
     ["900", "1100", "1300", "1500"], "125000000", "3000", "860", "935", "980",
     ("Sebagian ASN belum memperbarui data kependudukan – verifikasi NIK gagal.",
      "Layanan penerbitan sertifikat dari BSrE terganggu ± 2 minggu – antrean verifikasi menumpuk."),
     "Layanan penerbitan sertifikat secara kolektif di OPD.",
     "Jemput bola penerbitan sertifikat di kecamatan.",
     "Rekap sertifikat elektronik terbit (laporan RA)"),
    ("P5.K1.S2", "Tersedianya kebijakan tata kelola keamanan informasi (Peraturan Bupati)",
     "dokumen", SAN, "subkegiatan", "P5.K1", "tidak", "positif", "akhir", "Tersedia", None,
     "60000000", "Tersedia", "", "Dalam Proses", "Tersedia",
     ("Rancangan Perbup masih dalam harmonisasi di Bagian Hukum.",
      "Perbup ditetapkan Mei 2025; pada TW I masih dalam harmonisasi di Bagian Hukum."),
     "Dukungan Bagian Hukum Setda.",
     ("Mengawal harmonisasi rancangan Perbup.", "Sosialisasi Perbup kepada OPD."),
     ("Draf Perbup dan undangan rapat harmonisasi", "Perbup Sukamaju No. 18 Tahun 2025")),
    ("P5.K2", "Persentase aduan insiden siber yang ditangani CSIRT dalam 1x24 jam", "%", SAN,
     "kegiatan", "P5", "tidak", "positif", "akhir", "100", ["100", "100", "100", "100"],
     "140000000", "100", "100", "100", "100",
     OK, "Petugas jaga CSIRT tersedia setiap hari.",
     "Pelatihan penanganan insiden bagi anggota CSIRT.",
     "Log tiket aduan CSIRT, https://csirt.sukamaju.go.id"),
]

FIELDS = ["kode", "indikator", "satuan", "section", "level", "induk", "iku", "polaritas",
          "agregasi", "target", "tw", "leaf_pagu", "renstra", "last", "r1", "r2",
          "kendala", "pendorong", "tindak", "bukti"]

# ---------------------------------------------------------------------------
# Number formatting per dialect
# ---------------------------------------------------------------------------


def is_number(s):
    try:
        Decimal(s)
        return True
    except Exception:
        return False


def fmt_num(s, dec, thou):
    """Format canonical '1234.5' with decimal mark dec and thousands separator thou ('' = none)."""
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    ip, _, fp = s.partition(".")
    if thou:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        ip = thou.join(groups)
    out = ip + (dec + fp if fp else "")
    return ("-" if neg else "") + out


class Dialect:
    def __init__(self, name, delim, dec, thou, eol, encoding, bom, descr):
        self.name, self.delim, self.dec, self.thou = name, delim, dec, thou
        self.eol, self.encoding, self.bom, self.descr = eol, encoding, bom, descr

    def num(self, s):
        if s is None or s == "":
            return ""
        if not is_number(s):
            return s
        return fmt_num(s, self.dec, self.thou)

    def quote(self, cell):
        if any(c in cell for c in (self.delim, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    def encode(self, rows, width):
        """Serialize rows; return (bytes, list of physical start lines per row)."""
        text_parts, starts, line = [], [], 1
        for row in rows:
            row = list(row) + [""] * (width - len(row))
            starts.append(line)
            rec = self.delim.join(self.quote(c) for c in row)
            line += rec.count("\n") + 1
            text_parts.append(rec + self.eol)
        data = "".join(text_parts).encode(self.encoding)
        if self.bom:
            data = b"\xef\xbb\xbf" + data
        return data, starts


# (a) Excel on Indonesian settings, (b) Excel "CSV (Comma delimited)" on English
# settings, (c) LibreOffice Calc defaults.
EXCEL_ID = Dialect("a", ";", ",", ".", "\r\n", "utf-8", True,
                   "Excel, Indonesian settings: UTF-8 with BOM, `;`, decimal comma, CRLF")
EXCEL_EN = Dialect("b", ",", ".", ",", "\r\n", "cp1252", False,
                   "Excel \"CSV (Comma delimited)\", English settings: Windows-1252, `,`, decimal point, CRLF")
LIBRE = Dialect("c", ",", ".", "", "\n", "utf-8", False,
                "LibreOffice Calc: UTF-8 without BOM, `,`, decimal point, LF")

# ---------------------------------------------------------------------------
# Form header styles (all legal per SPEC section 3)
# ---------------------------------------------------------------------------
KEYS = ["kode", "indikator", "satuan", "target", "r1", "r2", "ra1", "ra2",
        "kendala", "pendorong", "tindak", "bukti", "ket"]

STYLES = {
    "std": ["Kode", "Indikator", "Satuan", "Target", "Realisasi TW I", "Realisasi TW II",
            "Realisasi Anggaran TW I", "Realisasi Anggaran TW II", "Kendala",
            "Faktor Pendorong", "Tindak Lanjut", "Bukti Dukung", "Keterangan"],
    "english": ["Code", "Indicator", "Unit", "Target", "Realisasi Q1", "Realisasi Q2",
                "Realisasi Anggaran Q1", "Realisasi Anggaran Q2", "Kendala",
                "Faktor Pendorong", "Tindak Lanjut", "Bukti Dukung", "Keterangan"],
    "triwulan": ["Kode", "Indikator", "Satuan", "Target", "Realisasi Triwulan I",
                 "Realisasi Triwulan II", "Realisasi Anggaran Triwulan I",
                 "Realisasi Anggaran Triwulan II", "Kendala", "Faktor Pendorong",
                 "Tindak Lanjut", "Bukti Dukung", "Keterangan"],
    "snake": ["kode", "indikator", "satuan", "target", "realisasi_tw1", "realisasi_tw2",
              "realisasi_anggaran_tw1", "realisasi_anggaran_tw2", "kendala",
              "faktor_pendorong", "tindak_lanjut", "bukti_dukung", "keterangan"],
    "angka": ["Kode", "Indikator", "Satuan", "Target", "Realisasi TW 1", "Realisasi TW 2",
              "Realisasi Anggaran TW 1", "Realisasi Anggaran TW 2", "Permasalahan",
              "Faktor Pendorong", "Solusi", "Bukti Dukung", "Keterangan"],
}

# section -> (file stem, dialect, header style, signer position, NIP, period label row)
FORMS = {
    SEK: ("Sekretariat", EXCEL_ID, "std", "Sekretaris", "NIP 19750312 199803 1 004", "Periode"),
    APL: ("Bidang_Aplikasi_Informatika", EXCEL_EN, "english", "Kepala Bidang Aplikasi Informatika",
          "NIP 19820705 200604 2 011", "Periode"),
    INF: ("Bidang_Infrastruktur_TIK", EXCEL_ID, "std", "Kepala Bidang Infrastruktur TIK",
          "NIP 19800101 200501 1 001", "Periode"),
    IKP: ("Bidang_Informasi_dan_Komunikasi_Publik", LIBRE, "triwulan",
          "Kepala Bidang Informasi dan Komunikasi Publik", "NIP 19790920 200312 2 006", "Triwulan"),
    STA: ("Bidang_Statistik_Sektoral", LIBRE, "snake", "Kepala Bidang Statistik Sektoral",
          "NIP 19850214 200903 1 002", "Periode"),
    SAN: ("Bidang_Persandian_dan_Keamanan_Informasi", EXCEL_EN, "angka",
          "Kepala Bidang Persandian dan Keamanan Informasi", "NIP 19830517 201001 1 008", "Periode"),
}

ROMAN = {1: "I", 2: "II"}


def q(v, tw):
    """Pick the TW I or TW II variant of a text field."""
    if isinstance(v, tuple):
        return v[tw - 1]
    return v


def build():
    inds = [dict(zip(FIELDS, t)) for t in IND]
    by = {d["kode"]: d for d in inds}
    assert len(by) == len(inds), "duplicate code"
    for d in inds:
        assert d["induk"] == "" or d["induk"] in by, d["kode"]
        assert (d["level"] == "tujuan") == (d["induk"] == ""), d["kode"]
        tw = d["tw"]
        if tw and is_number(d["target"]):
            if d["agregasi"] == "jumlah":
                assert sum(Decimal(x) for x in tw) == Decimal(d["target"]), d["kode"]
            if d["agregasi"] == "akhir":
                assert Decimal(tw[3]) == Decimal(d["target"]), d["kode"]
    # pagu: leaves given, parents summed (children in any section)
    children = {}
    for d in inds:
        children.setdefault(d["induk"], []).append(d["kode"])

    def pagu(k):
        d = by[k]
        if d["leaf_pagu"]:
            return int(d["leaf_pagu"])
        if d["level"] in ("program", "kegiatan"):
            return sum(pagu(c) for c in children.get(k, []) if by[c]["level"] in ("kegiatan", "subkegiatan"))
        return None

    for d in inds:
        d["pagu"] = pagu(d["kode"]) if d["level"] in ("program", "kegiatan", "subkegiatan") else None
        assert d["pagu"] is None or d["pagu"] > 0, d["kode"]
    # budget realisation per quarter on leaves, 15-30 % of pagu, rounded to Rp 500
    rng = random.Random(20250710)
    for d in inds:
        if d["leaf_pagu"]:
            p = int(d["leaf_pagu"])
            f1 = Decimal("0.245") if d["kode"] == "P1.K2.S1" else Decimal(str(round(rng.uniform(0.16, 0.24), 4)))
            f2 = Decimal("0.250") if d["kode"] == "P1.K2.S1" else Decimal(str(round(rng.uniform(0.21, 0.29), 4)))
            d["ra"] = [int((p * f / 500).quantize(Decimal(1), ROUND_HALF_UP)) * 500 for f in (f1, f2)]

    def ra(k):
        d = by[k]
        if "ra" in d:
            return d["ra"]
        subs = [ra(c) for c in children.get(k, []) if by[c]["level"] in ("kegiatan", "subkegiatan")]
        d["ra"] = [sum(s[i] for s in subs) for i in range(2)]
        return d["ra"]

    for d in inds:
        if d["pagu"]:
            ra(d["kode"])
    # P1: absorption of the whole Dinas to date, from the program rows
    progs = [d for d in inds if d["level"] == "program"]
    total = sum(d["pagu"] for d in progs)
    cum = 0
    for i in range(2):
        cum += sum(d["ra"][i] for d in progs)
        val = (Decimal(cum) * 100 / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        by["P1"]["r%d" % (i + 1)] = str(val)
    return inds, by


def def_rows(inds):
    head = ["kode", "indikator", "satuan", "penanggung_jawab", "level", "induk", "iku",
            "polaritas", "agregasi", "target", "target_tw1", "target_tw2", "target_tw3",
            "target_tw4", "pagu", "target_renstra", "realisasi_tahun_lalu"]
    rows = [head]
    n = EXCEL_ID.num
    for d in inds:
        tw = d["tw"] or ["", "", "", ""]
        rows.append([d["kode"], d["indikator"], d["satuan"], d["section"], d["level"],
                     d["induk"], d["iku"], d["polaritas"], d["agregasi"], n(d["target"])]
                    + [n(x) for x in tw]
                    + [n(str(d["pagu"])) if d["pagu"] else "", n(d["renstra"]), n(d["last"])])
    return rows, len(head)


HEADINGS = {  # section -> {code before which a heading row is inserted: heading text}
    SEK: {"T1": "TUJUAN DAN SASARAN",
          "P1": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"},
    INF: {"SS2.IKU1": "SASARAN STRATEGIS",
          "P2.K3": "KEGIATAN PENGELOLAAN INFRASTRUKTUR TIK"},
    IKP: {"P3": "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK"},
}


def form_rows(section, inds, period, overrides=None, renames=None, extra_title=None, date=None):
    """Rows of one returned form; returns rows, width, {row index: code}."""
    stem, dia, style, signer, nip, plabel = FORMS[section]
    overrides = overrides or {}
    renames = renames or {}
    header = STYLES[style]
    keys = [k for k in KEYS if not (period == 1 and k in ("r2", "ra2"))]
    header = [h for k, h in zip(KEYS, header) if k in keys]
    width = len(header)
    n = dia.num
    rows = [["Formulir Pengumpulan Data Capaian Kinerja"]]
    if section == SEK:
        rows.append(["Perangkat Daerah", AGENCY])
    rows += [["Unit Kerja", section], ["Tahun", str(YEAR)], [plabel, "TW " + ROMAN[period]]]
    if extra_title:
        rows.append(list(extra_title))
    rows += [[], header]
    where = {}
    for d in inds:
        if d["section"] != section:
            continue
        if d["kode"] in HEADINGS.get(section, {}):
            rows.append(["", HEADINGS[section][d["kode"]]])
        cell = {
            "kode": d["kode"], "indikator": d["indikator"], "satuan": d["satuan"],
            "target": n(d["target"]),
            "r1": n(d["r1"]), "r2": n(d["r2"]),
            "ra1": n(str(d["ra"][0])) if d["pagu"] else "",
            "ra2": n(str(d["ra"][1])) if d["pagu"] else "",
            "kendala": q(d["kendala"], period), "pendorong": q(d["pendorong"], period),
            "tindak": q(d["tindak"], period), "bukti": q(d["bukti"], period), "ket": "",
        }
        for (code, key), raw in overrides.items():
            if code == d["kode"]:
                cell[key] = raw
        if d["kode"] in renames:
            cell["kode"] = renames[d["kode"]]
        where[len(rows)] = d["kode"]
        rows.append([cell[k] for k in keys])
    # signature block: text only in the Tindak Lanjut column (never a realisation column)
    col = keys.index("tindak")
    pad = [""] * col
    rows += [[], pad + ["Sukamaju, " + date], pad + [signer], [], [],
             pad + ["( ................................ )"], pad + [nip]]
    return rows, width, where, header, keys


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "samples")
    inds, by = build()
    files = []  # (relative path, dialect descr)

    def write(rel, data):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    # 1. definitions
    rows, width = def_rows(inds)
    data, _ = EXCEL_ID.encode(rows, width)
    write("indikator.csv", data)
    files.append(("indikator.csv", EXCEL_ID.descr, len(inds)))

    # 2./3. forms
    planted = []
    INF_OVR = {  # (code, column key): raw cell text, TW II form of Bidang Infrastruktur TIK
        ("SS2.IKU1", "r2"): "sekitar 80",
        ("SS2.IKU2", "r2"): "-",
        ("P2.K3", "r2"): "",
        ("P2.K3.S1", "r2"): "1.5",
        # an extra zero typed: ten times the true TW II budget realisation
        ("P2.K3.S2", "ra2"): EXCEL_ID.num(str(by["P2.K3.S2"]["ra"][1] * 10)),
        ("P2.K3.S3", "kendala"): "",
        ("P2.K3.S4", "r2"): "0,72",
        ("P2.K3.S5", "bukti"): "",
    }
    INF_REN = {"SS2.IKU3": "SS2.IKU03"}
    INF_WHAT = {
        ("SS2.IKU1", "r2"): ("error", "invalid-number",
                             "text `sekitar 80` in a number column"),
        ("SS2.IKU2", "r2"): ("error", "missing-value",
                             "`-` = TW II realisation not reported"),
        ("P2.K3", "r2"): ("error", "missing-value", "TW II realisation left empty"),
        ("P2.K3.S1", "r2"): ("error", "invalid-number",
                             "`1.5` is ambiguous in a decimal-comma file (meant 1,5)"),
        ("P2.K3.S2", "ra2"): ("error", "budget-over-ceiling",
                              "budget realisation TW II `%s` (an extra zero; meant %s) above pagu Rp 185.000.000 (TW I was %s)"),
        ("P2.K3.S3", "kendala"): ("warning", "missing-explanation",
                                  "TW II realisation 11 vs target 6 (negatif): capaian 16,67 % (Sangat Rendah), Kendala empty"),
        ("P2.K3.S4", "r2"): ("warning", "fraction-percent",
                             "`0,72` in a % indicator whose TW II target is 70 (annual 85): a fraction, meant 72"),
        ("P2.K3.S5", "bukti"): ("warning", "missing-evidence", "Bukti Dukung empty"),
    }
    DATES = {1: "10 April 2025", 2: "10 Juli 2025"}
    for period in (1, 2):
        folder = "formulir-tw%d" % period
        for section in SECTIONS:
            if period == 2 and section == STA:
                planted.append({"severity": "error", "check": "missing-form", "section": STA,
                                "file": "formulir-tw2/", "line": None, "column": None, "code": None,
                                "what": "no TW II form returned (its TW I form is in formulir-tw1/)"})
                continue
            stem, dia = FORMS[section][0], FORMS[section][1]
            ovr = INF_OVR if (period == 2 and section == INF) else {}
            ren = INF_REN if (period == 2 and section == INF) else {}
            rows, width, where, header, keys = form_rows(section, inds, period, ovr, ren,
                                                         date=DATES[period])
            data, starts = dia.encode(rows, width)
            rel = "%s/%s_TW%d.csv" % (folder, stem, period)
            write(rel, data)
            files.append((rel, dia.descr, sum(1 for d in inds if d["section"] == section)))
            line_of = {code: starts[i] for i, code in where.items()}
            if ovr or ren:
                for (code, key), (sev, check, what) in INF_WHAT.items():
                    if check == "budget-over-ceiling":
                        n = EXCEL_ID.num
                        what = what % (INF_OVR[(code, key)], n(str(by[code]["ra"][1])), n(str(by[code]["ra"][0])))
                    planted.append({"severity": sev, "check": check, "section": section,
                                    "file": rel, "line": line_of[code],
                                    "column": header[keys.index(key)], "code": code, "what": what})
                for code, typo in ren.items():
                    planted.append({"severity": "error", "check": "unknown-code", "section": section,
                                    "file": rel, "line": line_of[code], "column": header[0],
                                    "code": typo,
                                    "what": "unknown code `%s`, a typo of `%s` (nearest known code)" % (typo, code)})
                    planted.append({"severity": "error", "check": "missing-indicator", "section": section,
                                    "file": rel, "line": None, "column": None, "code": code,
                                    "what": "consequence of the typo: %s is not in the section's TW II form, so its TW II realisation is not reported" % code})
            if period == 2 and section == SEK:
                # re-sent cumulative form: same values, one different (a conflict)
                orig_line = line_of["P1"]
                orig_val = dia.num(by["P1"]["r2"])
                new_val = dia.num(str(Decimal(by["P1"]["r2"]) + Decimal("0.75")))
                rows2, width2, where2, header2, keys2 = form_rows(
                    section, inds, period, {("P1", "r2"): new_val},
                    extra_title=("Catatan", "Revisi, menggantikan formulir tanggal 10 Juli 2025"),
                    date="14 Juli 2025")
                data2, starts2 = dia.encode(rows2, width2)
                rel2 = "%s/%s_TW2_revisi.csv" % (folder, stem)
                write(rel2, data2)
                files.append((rel2, dia.descr + " (re-sent)", sum(1 for d in inds if d["section"] == section)))
                line2 = {code: starts2[i] for i, code in where2.items()}["P1"]
                planted.append({"severity": "error", "check": "conflict", "section": section,
                                "file": rel2, "line": line2, "column": header2[keys2.index("r2")],
                                "code": "P1",
                                "what": "conflict: `%s` here vs `%s` in %s line %d" % (new_val, orig_val, rel, orig_line),
                                "other_file": rel, "other_line": orig_line,
                                "values": [orig_val, new_val]})

    counts = {s: sum(1 for d in inds if d["section"] == s) for s in SECTIONS}
    expected = {
        "agency": AGENCY, "year": YEAR, "indicators": len(inds),
        "per_section": counts,
        "per_level": {lv: sum(1 for d in inds if d["level"] == lv)
                      for lv in ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")},
        "per_aggregation": {a: sum(1 for d in inds if d["agregasi"] == a)
                            for a in ("akhir", "jumlah", "rata-rata", "maks", "min")},
        "negatif": [d["kode"] for d in inds if d["polaritas"] == "negatif"],
        "qualitative": [d["kode"] for d in inds if not is_number(d["target"])],
        "iku": sum(1 for d in inds if d["iku"] == "ya"),
        "with_quarterly_targets": sum(1 for d in inds if d["tw"]),
        "with_pagu": sum(1 for d in inds if d["pagu"]),
        "files": [{"file": f, "dialect": dsc, "indicators": n} for f, dsc, n in files],
        "tw1_findings": [],
        "tw2_planted": planted,
    }
    with open(os.path.join(out, "expected.json"), "wb") as f:
        f.write((json.dumps(expected, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    write("README.md", readme(expected).encode("utf-8"))


def readme(e):
    L = []
    L.append("# Data contoh / Sample data\n")
    L.append(
        "**ID.** Data contoh ini milik instansi rekaan *%s* (bukan instansi atau orang sungguhan): "
        "`indikator.csv` memuat %d indikator kinerja (PK dan Rencana Aksi %d) untuk enam unit kerja, dan "
        "`formulir-tw1/` serta `formulir-tw2/` memuat formulir pengumpulan data capaian kinerja yang "
        "dikembalikan tiap unit kerja untuk TW I dan TW II, disimpan dalam tiga cara (Excel pengaturan "
        "Indonesia, Excel pengaturan Inggris, LibreOffice). Formulir TW I bersih; formulir TW II Bidang "
        "Infrastruktur TIK sengaja memuat kesalahan, Sekretariat mengirim ulang formulirnya dengan satu "
        "nilai berbeda, dan Bidang Statistik Sektoral tidak mengembalikan formulir TW II. Semua berkas "
        "dibuat oleh `scripts/make_samples.py`; jangan diedit tangan.\n" % (e["agency"], e["indicators"], e["year"]))
    L.append(
        "**EN.** Sample data of the invented agency *%s* (no real agency or people): `indikator.csv` "
        "holds %d indicator definitions (performance agreement and %d action plan) over six sections, "
        "and `formulir-tw1/` and `formulir-tw2/` the data-collection forms each section returned for "
        "TW I and TW II, saved in the three ways of SPEC §4. The TW I forms are clean "
        "(`sakip validate --definitions samples/indikator.csv samples/formulir-tw1 --period TW1` should "
        "find nothing); in TW II (`… samples/formulir-tw2 --period TW2`) Bidang Infrastruktur TIK's form "
        "carries the planted problems below, Sekretariat re-sent its form with one different value, and "
        "Bidang Statistik Sektoral returned no form. TW I values in the TW II forms equal the TW I forms. "
        "Everything is generated by `scripts/make_samples.py` (do not edit by hand); "
        "`expected.json` holds the same facts for tests.\n" % (e["agency"], e["indicators"], e["year"]))
    L.append("## Files\n")
    L.append("| file | indicators | dialect |")
    L.append("| --- | --- | --- |")
    for f in e["files"]:
        L.append("| `%s` | %d | %s |" % (f["file"], f["indicators"], f["dialect"]))
    L.append("")
    L.append("Indicators per section: " + ", ".join("%s %d" % (s, n) for s, n in e["per_section"].items())
             + ". Per level: " + ", ".join("%s %d" % kv for kv in e["per_level"].items())
             + ". Aggregation: " + ", ".join("%s %d" % kv for kv in e["per_aggregation"].items() if kv[1])
             + ". Negative polarity: " + ", ".join(e["negatif"])
             + ". Qualitative: " + ", ".join(e["qualitative"]) + ".\n")
    L.append("## Planted problems (TW II) / Kesalahan yang sengaja ditanam\n")
    L.append("Line = physical line of the file as an editor shows it (1-based).\n")
    L.append("| severity | check | file | line | column | code | what |")
    L.append("| --- | --- | --- | --- | --- | --- | --- |")
    for p in e["tw2_planted"]:
        L.append("| %s | `%s` | `%s` | %s | %s | %s | %s |" % (
            p["severity"], p["check"], p["file"], p["line"] or "–",
            ("`%s`" % p["column"]) if p["column"] else "–",
            ("`%s`" % p["code"]) if p["code"] else "–", p["what"]))
    L.append("")
    L.append("Also expected as a consequence: the Bidang Statistik Sektoral indicators have no TW II "
             "realisation (incomplete periods). Rows with a planted bad value (P2.K3.S4 `0,72`, "
             "P2.K3.S2 budget, P2.K3.S3 11 after 5) may additionally be flagged `outlier`. No other "
             "finding is intended: every other row has its realisations, budget realisation where it "
             "has a pagu, kendala where capaian is below 100, and bukti dukung. (P1, the Dinas's "
             "budget absorption, is cumulative: about 22 % at TW I and 48 % at TW II, as its targets 20 and 45; "
             "an outlier check should not flag it.)\n")
    return "\n".join(L)


if __name__ == "__main__":
    main()
