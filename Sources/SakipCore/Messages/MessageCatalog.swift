/// Turns findings into words a section's staff can act on.
public struct MessageCatalog: Sendable {
  public var language: Language

  public init(language: Language) { self.language = language }

  var isID: Bool { language == .indonesian }

  func q(_ quarter: Quarter) -> String { quarter.label }

  func n(_ value: Double) -> String { language.number(value, decimals: 4) }

  func v(_ value: ReportedValue) -> String {
    switch value {
    case .notReported: "-"
    case .number(let x): n(x)
    case .text(let t): t
    }
  }

  func t(_ target: Target) -> String {
    switch target {
    case .number(let x): n(x)
    case .grade(let g): g
    }
  }

  func rupiah(_ value: Double) -> String { "Rp " + language.number(value, decimals: 2) }

  public func severityLabel(_ severity: Severity) -> String {
    switch (severity, isID) {
    case (.error, true): "KESALAHAN"
    case (.warning, true): "PERINGATAN"
    case (.error, false): "ERROR"
    case (.warning, false): "WARNING"
    }
  }

  /// The whole message for a finding.
  public func text(_ finding: Finding) -> String {
    message(finding.message, code: finding.indicator)
  }

  func markName(_ mark: DecimalMark) -> String {
    switch (mark, isID) {
    case (.comma, true): "koma sebagai pemisah desimal (mis. 1,5 atau 1.250.000,50)"
    case (.point, true): "titik sebagai pemisah desimal (mis. 1.5 atau 1,250,000.50)"
    case (.comma, false): "the decimal comma (e.g. 1,5 or 1.250.000,50)"
    case (.point, false): "the decimal point (e.g. 1.5 or 1,250,000.50)"
    }
  }

  /// A cell's text as quoted in a message: at most 60 characters, so a runaway cell (a
  /// pasted column, a 10 MB field) does not bury the message.
  func clip(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(60)) + "… (" + String(text.count) + (isID ? " karakter)" : " characters)")
  }

  func numberProblem(_ fullText: String, _ problem: NumberProblem, _ mark: DecimalMark) -> String {
    let text = clip(fullText)
    let flag = mark == .comma ? "--decimal-point" : "--decimal-comma"
    switch (problem, isID) {
    case (.otherDecimalMark, true):
      return "\"\(text)\" tidak dapat dibaca dengan pasti: berkas ini memakai \(markName(mark)). "
        + "Tulis ulang angkanya dengan cara itu. (Tim SAKIP: jika seluruh berkas memakai cara lain, jalankan ulang dengan \(flag).)"
    case (.otherDecimalMark, false):
      return "\"\(text)\" cannot be read for certain: this file uses \(markName(mark)). "
        + "Rewrite the number that way. (SAKIP team: if the whole file uses the other mark, run again with \(flag).)"
    case (.ambiguous, true):
      return "\"\(text)\" bukan angka yang jelas (pemisah ribuan harus per tiga angka, satu tanda desimal). "
        + "Tulis satu angka saja, dengan \(markName(mark))."
    case (.ambiguous, false):
      return "\"\(text)\" is not a clear number (thousands separators in groups of three, one decimal mark). "
        + "Write a single number, with \(markName(mark))."
    case (.notANumber, true):
      return "\"\(text)\" bukan angka. Isi dengan angka saja (tanpa kata); tulis penjelasan di kolom Kendala atau Keterangan."
    case (.notANumber, false):
      return "\"\(text)\" is not a number. Enter a number only (no words); put explanations in Kendala or Keterangan."
    case (.outOfRange, true):
      return "\"\(text)\" terlalu besar untuk sebuah angka. Periksa dan tulis ulang angkanya."
    case (.outOfRange, false):
      return "\"\(text)\" is too large to be a number. Check it and write it again."
    }
  }

  func unreadable(_ reason: UnreadableReason) -> String {
    switch (reason, isID) {
    case (.unclosedQuote(let line), true):
      return "Tanda kutip (\") yang dibuka pada baris \(line) tidak pernah ditutup, sehingga sisa berkas tidak dapat dibaca. "
        + "Buka berkas di Excel, periksa sel di sekitar baris itu, lalu simpan ulang sebagai CSV."
    case (.unclosedQuote(let line), false):
      return "A quote (\") opened on line \(line) is never closed, so the rest of the file cannot be read. "
        + "Open the file in Excel, check the cells around that line, and save it as CSV again."
    case (.malformedQuote(let line), true):
      return "Tanda kutip (\") di baris \(line) tidak pada tempatnya. Simpan ulang berkas dari Excel sebagai CSV, jangan disunting dengan tangan."
    case (.malformedQuote(let line), false):
      return "A quote (\") on line \(line) is out of place. Save the file again from Excel as CSV rather than editing it by hand."
    case (.binary, true):
      return "Berkas ini bukan teks CSV (berisi data biner). Buka di Excel dan simpan sebagai \"CSV UTF-8\"."
    case (.binary, false):
      return "This file is not CSV text (it holds binary data). Open it in Excel and save it as \"CSV UTF-8\"."
    case (.workbook, true):
      return "Berkas ini adalah buku kerja Excel, bukan CSV. Buka di Excel, pilih Simpan Sebagai → \"CSV UTF-8 (Comma delimited)\", lalu kirim berkas .csv-nya."
    case (.workbook, false):
      return "This file is an Excel workbook, not CSV. Open it in Excel, choose Save As → \"CSV UTF-8 (Comma delimited)\", and send the .csv file."
    case (.io(let why), true):
      return "Berkas tidak dapat dibuka (\(why)). Periksa nama dan izin berkasnya."
    case (.io(let why), false):
      return "The file cannot be opened (\(why)). Check its name and permissions."
    case (.empty, true):
      return "Berkas kosong. Kirim ulang formulir yang sudah diisi."
    case (.empty, false):
      return "The file is empty. Send the filled form again."
    case (.vanished, true):
      return "Berkas tidak ditemukan (terhapus, dipindahkan, atau pintasan yang rusak). Periksa nama dan letak berkasnya, lalu jalankan ulang."
    case (.vanished, false):
      return "The file was not found (deleted, moved, or a broken link). Check its name and place, then run again."
    case (.folder, true):
      return "Ini sebuah folder, bukan berkas CSV. Ganti namanya, atau simpan formulirnya sebagai berkas .csv."
    case (.folder, false):
      return "This is a folder, not a CSV file. Rename it, or save the form as a .csv file."
    case (.notAFile, true):
      return "Ini bukan berkas biasa (mis. pipa atau perangkat), sehingga tidak dibaca. Simpan formulirnya sebagai berkas .csv biasa."
    case (.notAFile, false):
      return "This is not a regular file (e.g. a pipe or a device), so it is not read. Save the form as an ordinary .csv file."
    case (.changedWhileRead, true):
      return "Berkas berubah saat sedang dibaca (disimpan atau diganti). Tunggu sampai selesai disimpan, lalu jalankan ulang."
    case (.changedWhileRead, false):
      return "The file changed while it was being read (saved or replaced). Wait until it is saved, then run again."
    }
  }

  // swiftlint:disable:next cyclomatic_complexity function_body_length
  func message(_ message: FindingMessage, code: IndicatorCode?) -> String {
    switch message {
    case .definitionColumnsMissing(let columns):
      let list = columns.joined(separator: ", ")
      return isID
        ? "Kolom wajib tidak ditemukan di baris judul: \(list). Tambahkan kolom itu (nama boleh Indonesia atau Inggris, lihat README)."
        : "Required columns not found in the header row: \(list). Add them (Indonesian or English names, see the README)."
    case .definitionValueMissing:
      return isID ? "Isian wajib kosong. Lengkapi sel ini." : "A required value is empty. Fill in this cell."
    case .definitionDuplicate(let first):
      return isID
        ? "Kode \(code?.rawValue ?? "") sudah dipakai di baris \(first). Setiap indikator harus punya kode sendiri; ubah atau hapus salah satunya."
        : "Code \(code?.rawValue ?? "") is already used on line \(first). Every indicator needs its own code; change or remove one."
    case .definitionUnknownWord(let text, let allowed):
      let list = allowed.joined(separator: ", ")
      return isID ? "\"\(text)\" tidak dikenal. Gunakan salah satu: \(list)." : "\"\(text)\" is not known. Use one of: \(list)."
    case .definitionParentUnknown(let parent):
      return isID
        ? "Induk \"\(parent)\" tidak ada di daftar indikator. Tulis kode induk yang benar atau kosongkan."
        : "Parent \"\(parent)\" is not in the list of indicators. Write the right parent code or leave it empty."
    case .definitionCycle(let path):
      let chain = path.map(\.rawValue).joined(separator: " → ")
      return isID
        ? "Jenjang berputar (\(chain)): sebuah indikator tidak boleh menjadi induk dirinya sendiri. Perbaiki kolom induk."
        : "The cascade loops (\(chain)): an indicator cannot be its own ancestor. Fix the parent column."
    case .definitionNotNumber(let text, let problem, let mark):
      return numberProblem(text, problem, mark)
    case .definitionQuarterTargetsSum(let sum, let annual):
      return isID
        ? "Jumlah target triwulan (\(n(sum))) tidak sama dengan target tahunan (\(n(annual))) untuk indikator berjenis jumlah. Periksa Rencana Aksi."
        : "The quarterly targets add up to \(n(sum)), not the annual target \(n(annual)), for a summed indicator. Check the action plan."
    case .definitionLastQuarterTarget(let q4Target, let annualTarget):
      let q4 = t(q4Target)
      let annual = t(annualTarget)
      return isID
        ? "Target TW IV (\(q4)) berbeda dengan target tahunan (\(annual)) untuk indikator berjenis akhir. Samakan, atau ubah agregasinya."
        : "The TW IV target (\(q4)) differs from the annual target (\(annual)) for an end-of-period indicator. Make them equal, or change its aggregation."
    case .definitionQuarterTargetsIncomplete(let quarters):
      let list = quarters.map(\.label).joined(separator: ", ")
      return isID
        ? "Target triwulan tidak lengkap (kosong: \(list)). Lengkapi Rencana Aksi; capaian triwulan itu tidak dapat dihitung."
        : "Quarterly targets are incomplete (empty: \(list)). Complete the action plan; those quarters cannot be measured."
    case .definitionEmpty:
      return isID
        ? "Berkas definisi tidak berisi satu indikator pun. Isi satu baris per indikator di bawah baris judul (kode, indikator, satuan, penanggung_jawab, target)."
        : "The definitions file holds no indicator. Add one row per indicator under the header (kode, indikator, satuan, penanggung_jawab, target)."
    case .definitionTextTooLong(let length):
      return isID
        ? "Isian ini terlalu panjang (\(length) karakter): satu sel Excel memuat paling banyak 32767 karakter. Persingkat isiannya."
        : "This entry is too long (\(length) characters): an Excel cell holds at most 32767. Shorten it."

    case .formMissing(let count):
      return isID
        ? "Belum ada formulir yang dikembalikan untuk \(count) indikator unit kerja ini. Minta unit kerja mengisi dan mengirim formulirnya."
        : "No form has been returned for this section's \(count) indicators. Ask the section to fill in and send its form."
    case .indicatorMissing(let wording):
      return isID
        ? "Indikator \(code?.rawValue ?? "") (\(wording)) tidak ada di formulir. Tambahkan barisnya dan isi realisasinya."
        : "Indicator \(code?.rawValue ?? "") (\(wording)) is not in the form. Add its row and fill in its realisation."
    case .valueMissing(let quarter, _):
      return isID
        ? "Realisasi \(q(quarter)) belum diisi. Isi angka realisasinya; jika memang nol, tulis 0 (sel kosong atau \"-\" berarti belum dilaporkan)."
        : "The realisation for \(q(quarter)) is not filled in. Enter it; if it really is zero, write 0 (an empty cell or \"-\" means not reported)."
    case .budgetMissing(let quarter):
      return isID
        ? "Realisasi anggaran \(q(quarter)) belum diisi, padahal indikator ini punya pagu. Isi realisasi anggarannya dalam rupiah; jika tidak ada belanja, tulis 0."
        : "The budget realisation for \(q(quarter)) is not filled in, though this indicator has a ceiling. Enter it in rupiah; if nothing was spent, write 0."

    case .unreadable(let reason):
      return unreadable(reason)
    case .headerMissing:
      return isID
        ? "Baris judul tabel tidak ditemukan: tidak ada kolom \"Kode\". Pakai formulir dari Tim SAKIP tanpa mengubah judul kolomnya."
        : "The table's header row was not found: there is no \"Kode\" column. Use the SAKIP team's form without changing its column headers."
    case .codeDuplicate(let first):
      return isID
        ? "Kode \(code?.rawValue ?? "") muncul dua kali dalam formulir ini (pertama di baris \(first)). Hapus baris yang dobel; nilai pada baris ini tidak dipakai."
        : "Code \(code?.rawValue ?? "") appears twice in this form (first on line \(first)). Remove the duplicate row; this row's values are not used."
    case .codeUnknown(let suggestion):
      let hint = suggestion.map { isID ? " Mungkin maksudnya \($0)?" : " Did you mean \($0)?" } ?? ""
      return isID
        ? "Kode \(code?.rawValue ?? "") tidak ada di daftar indikator.\(hint) Perbaiki kodenya sesuai formulir dari Tim SAKIP; nilai pada baris ini tidak dipakai."
        : "Code \(code?.rawValue ?? "") is not in the list of indicators.\(hint) Correct it to match the SAKIP team's form; this row's values are not used."
    case .notNumber(let text, let problem, let mark):
      return numberProblem(text, problem, mark)
    case .orphanValue(let fullText):
      let text = clip(fullText)
      return isID
        ? "Ada nilai \"\(text)\" di baris tanpa kode indikator. Pindahkan nilai itu ke baris indikatornya, atau hapus."
        : "There is a value \"\(text)\" in a row without an indicator code. Move it to its indicator's row, or remove it."
    case .extraCells(let fullText):
      let text = clip(fullText)
      return isID
        ? "Ada isian \"\(text)\" di luar kolom tabel. Pindahkan ke kolom yang benar (mis. Keterangan) atau hapus."
        : "There is an entry \"\(text)\" beyond the table's columns. Move it to the right column (e.g. Keterangan) or remove it."

    case .conflict(let quarter, let budget, let newValue, let oldValue, let otherFile, let otherLine):
      let value = v(newValue)
      let other = v(oldValue)
      let what = isID ? (budget ? "Realisasi anggaran" : "Realisasi") : (budget ? "Budget realisation" : "Realisation")
      return isID
        ? "\(what) \(q(quarter)) di sini \(value), tetapi \(otherFile) baris \(otherLine) berisi \(other). Pastikan angka yang benar dan kirim satu formulir yang sudah diperbaiki; sampai itu, angka \(other) yang dipakai."
        : "\(what) for \(q(quarter)) is \(value) here, but \(otherFile) line \(otherLine) has \(other). Confirm the right figure and send one corrected form; until then \(other) is used."
    case .yearMismatch(let form, let expected):
      return isID
        ? "Formulir ini untuk tahun \(form), sedangkan yang diminta tahun \(expected). Kirim formulir tahun \(expected)."
        : "This form is for \(form), but \(expected) was asked for. Send the \(expected) form."
    case .periodMismatch(let form, let expected):
      if form > expected {
        return isID
          ? "Formulir ini untuk \(q(form)), sedangkan yang direkap \(q(expected)). Kirim formulir \(q(expected))."
          : "This form is for \(q(form)), but \(q(expected)) is being recapped. Send the \(q(expected)) form."
      }
      return isID
        ? "Formulir ini untuk \(q(form)); hanya nilai sampai \(q(form)) yang diambil darinya. Realisasi \(q(expected)) harus datang dari formulir \(q(expected))."
        : "This form is for \(q(form)); only values up to \(q(form)) are taken from it. The \(q(expected)) realisation must come from a \(q(expected)) form."
    case .targetMismatch(let form, let target):
      let definitions = t(target)
      return isID
        ? "Target di formulir (\(form)) berbeda dengan target Perjanjian Kinerja (\(definitions)). Yang dipakai adalah target PK; jangan mengubah target di formulir."
        : "The target in the form (\(form)) differs from the performance agreement's (\(definitions)). The agreement's target is used; do not change targets in the form."
    case .unitMismatch(let form, let definitions):
      return isID
        ? "Satuan di formulir (\(form)) berbeda dengan satuan di definisi (\(definitions)). Pastikan realisasi ditulis dalam satuan \(definitions)."
        : "The unit in the form (\(form)) differs from the definitions' (\(definitions)). Make sure the realisation is in \(definitions)."
    case .budgetOverCeiling(let toDate, let ceiling):
      return isID
        ? "Realisasi anggaran sampai saat ini (\(rupiah(toDate))) melebihi pagu (\(rupiah(ceiling))). Periksa angkanya dengan bagian keuangan dan perbaiki."
        : "Budget realisation to date (\(rupiah(toDate))) exceeds the ceiling (\(rupiah(ceiling))). Check the figures with finance and correct them."

    case .fractionPercent(let value, let target):
      return isID
        ? "Nilai \(n(value)) tampaknya ditulis sebagai pecahan, padahal satuannya persen (target \(n(target))). Tulis dalam persen, mis. \(n(value * 100)) bukan \(n(value))."
        : "The value \(n(value)) looks like a fraction, but the unit is percent (target \(n(target))). Write it in percent, e.g. \(n(value * 100)) rather than \(n(value))."
    case .outlier(let quarter, let value, let previous):
      return isID
        ? "Realisasi \(q(quarter)) (\(n(value))) jauh berbeda dari triwulan sebelumnya (\(n(previous))). Periksa kembali angkanya; jika benar, jelaskan di kolom Keterangan."
        : "The \(q(quarter)) realisation (\(n(value))) is far from the previous quarter's (\(n(previous))). Check it; if it is right, explain it in Keterangan."
    case .explanationMissing(let achievement):
      return isID
        ? "Capaian \(language.number(achievement))% belum mencapai target, tetapi kolom Kendala kosong. Tuliskan kendala dan tindak lanjutnya."
        : "Achievement is \(language.number(achievement))%, below target, but Kendala is empty. Describe the obstacles and the follow-up."
    case .evidenceMissing:
      return isID
        ? "Bukti dukung belum diisi. Tuliskan nomor dokumen atau tautan yang mendukung realisasi ini."
        : "No evidence given. Write the document number or a link that supports this realisation."
    }
  }
}
