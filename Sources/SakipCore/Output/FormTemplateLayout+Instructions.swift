import SakipXLSX

extension FormTemplateLayout {
  /// One line of the `Petunjuk` sheet.
  public struct InstructionLine: Hashable, Sendable {
    public var text: String
    public var isHeading: Bool
  }

  /// The instructions in Indonesian (SPEC §6): what to fill, that empty is not zero, what each
  /// column means, and how to save as CSV from Excel and LibreOffice.
  public var instructions: [InstructionLine] {
    var lines: [InstructionLine] = []
    func heading(_ text: String) { lines.append(InstructionLine(text: text, isHeading: true)) }
    func text(_ text: String) { lines.append(InstructionLine(text: text, isHeading: false)) }

    heading("Petunjuk Pengisian \(Self.title)")
    text("Unit kerja: \(section) — Tahun \(year) — Periode \(period.label)")
    text("")
    heading("1. Apa yang diisi")
    text(
      "Isi hanya sel berwarna kuning pada lembar \"\(Self.formSheetName)\": realisasi\(hasBudget ? ", realisasi anggaran" : ""), kendala, faktor pendorong, tindak lanjut, bukti dukung, dan keterangan. Sel abu-abu (kode, indikator, satuan, target\(hasBudget ? ", pagu" : "")) berasal dari Perjanjian Kinerja dan Rencana Aksi dan dikunci."
    )
    text(
      "Jangan menambah, menghapus, menyisipkan, atau memindahkan baris dan kolom, dan jangan mengubah judul kolom. Lembar ini diproteksi\(FormTemplateLayout.protectionNote)."
    )
    text(
      "Angka ditulis tanpa satuan dan tanpa teks: 85,5 (bukan \"85,5 persen\"), 125000000 (bukan \"Rp 125 jt\"). Untuk satuan %, tulis 85,5 — bukan 0,855."
    )
    if period > .first {
      text(
        "Kolom triwulan sebelumnya sudah terisi bila tim SAKIP menerima formulir triwulan lalu. Periksa; perbaiki hanya bila memang ada koreksi, lalu jelaskan di kolom Keterangan."
      )
    }
    text("")
    heading("2. Kosong tidak sama dengan nol")
    text(
      "Sel yang dikosongkan berarti BELUM DILAPORKAN dan akan dikembalikan untuk dilengkapi. Tulis 0 hanya bila realisasinya memang nol (misalnya 0 temuan, 0 insiden). Jangan mengisi 0 untuk data yang belum ada."
    )
    text("")
    heading("3. Arti setiap kolom")
    for column in columns { text("• \(column.header): \(Self.meaning(of: column))") }
    text("")
    heading("4. Menyimpan sebagai CSV dari Microsoft Excel")
    text(
      "a. Pastikan lembar \"\(Self.formSheetName)\" yang sedang aktif (Excel hanya menyimpan lembar yang aktif ke CSV)."
    )
    text(
      "b. Pilih File > Save As (Simpan Sebagai), lalu pada Save as type pilih \"CSV UTF-8 (Comma delimited) (*.csv)\". Bila pilihan itu tidak ada (Excel lama), pilih \"CSV (Comma delimited) (*.csv)\". Keduanya dapat dibaca."
    )
    text(
      "c. Klik Save. Bila Excel bertanya tentang fitur yang hilang atau hanya menyimpan lembar aktif, pilih Yes / Keep Current Format."
    )
    text(
      "Excel dengan pengaturan Indonesia memisahkan kolom dengan titik koma (;) dan memakai koma desimal; dengan pengaturan Inggris memakai koma (,) dan titik desimal. Keduanya benar — jangan mengubah pengaturan regional."
    )
    text("")
    heading("5. Menyimpan sebagai CSV dari LibreOffice Calc")
    text(
      "a. Pastikan lembar \"\(Self.formSheetName)\" yang sedang aktif, lalu pilih File > Save As (Simpan Sebagai)."
    )
    text(
      "b. Pada File type pilih \"Text CSV (.csv)\", centang \"Edit filter settings\", klik Save, lalu pilih Use Text CSV Format."
    )
    text(
      "c. Character set: Unicode (UTF-8). Field delimiter: titik koma (;) bila angka Anda memakai koma desimal (pengaturan Indonesia), atau koma (,) bila memakai titik desimal. String delimiter: tanda petik (\"). Centang \"Save cell content as shown\". Klik OK."
    )
    text("")
    heading("6. Mengirim kembali")
    text(
      "Kirim berkas CSV tersebut (boleh beserta berkas XLSX ini) kepada Tim SAKIP sebelum batas waktu. Nama berkas boleh diubah; isi dan judul kolom jangan diubah."
    )
    return lines
  }

  /// How the protection is described: with or without a password is decided when writing,
  /// so the sheet only says it can be unprotected by the SAKIP team.
  static let protectionNote = "; bila perlu perubahan pada sel abu-abu, hubungi Tim SAKIP"

  static func meaning(of column: TemplateColumn) -> String {
    switch column {
    case .code: "kode indikator (jangan diubah)."
    case .wording: "uraian indikator kinerja."
    case .unit: "satuan realisasi yang diisi."
    case .annualTarget: "target tahunan dari Perjanjian Kinerja (PK)."
    case .quarterTarget(let q): "target \(q.label) dari Rencana Aksi."
    case .realisation(let q):
      "realisasi kinerja \(q.label): angka (atau predikat untuk indikator kualitatif seperti BB, WTP). Untuk indikator kumulatif tulis posisi s.d. \(q.label) sesuai definisinya."
    case .ceiling: "pagu anggaran (rupiah) program/kegiatan yang diukur indikator ini."
    case .budgetRealisation(let q):
      "realisasi anggaran \(q.label) dalam rupiah (hanya triwulan itu, bukan kumulatif); sel abu-abu berarti indikator ini tidak memiliki pagu."
    case .text(.kendala): "kendala atau hambatan; wajib bila capaian di bawah target."
    case .text(.faktorPendorong): "hal yang mendukung tercapainya target."
    case .text(.tindakLanjut): "upaya atau rencana tindak lanjut."
    case .text(.buktiDukung): "bukti dukung: nomor dokumen, nama berkas, atau tautan."
    case .text(.keterangan): "catatan lain, termasuk alasan koreksi data triwulan lalu."
    }
  }

  func writeInstructions(on sheet: Worksheet, password: String?) throws {
    try sheet.setColumnWidth(0, width: 110)
    let heading = CellStyle(isBold: true, fontSize: 12)
    let body = CellStyle(verticalAlignment: .top, wrapsText: true)
    for (r, line) in instructions.enumerated() where !line.text.isEmpty {
      try sheet.write(line.text, row: r, col: 0, style: line.isHeading ? heading : body)
      if !line.isHeading, line.text.count > 100 {
        try sheet.setRowHeight(r, height: Double((line.text.count + 99) / 100) * 15 + 2)
      }
    }
    try sheet.setPaperA4()
    try sheet.setLandscape()
    try sheet.fitToPages(width: 1, height: 0)
    try sheet.protect(password: password)
  }
}
