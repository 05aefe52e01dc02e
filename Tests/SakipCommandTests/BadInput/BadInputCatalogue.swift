import Foundation
import Testing

/// One bad input and exactly what `sakip validate --format json` must say about it.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  enum Role: Sendable { case form, definitions }

  var name: String
  /// Which file the bytes are: a returned form (with the standard definitions) or the definitions.
  var role: Role = .form
  var bytes: [UInt8]
  /// Further forms given after the first (e.g. a second, conflicting return).
  var moreForms: [[UInt8]] = []
  /// Definitions to use instead of `Catalogue.definitions` (for `role == .form`).
  var definitions: String? = nil
  var status: Int32
  /// The finding that must be in the JSON: check id, line (nil: JSON null), column (nil: not checked).
  var check: String? = nil
  var line: Int? = nil
  var column: String? = nil
  /// A key phrase of that finding's Indonesian message.
  var message: String? = nil
  /// A key phrase of the Indonesian error on standard error (exit 2 cases).
  var stderr: String? = nil
  /// The encoding the form must be reported read as.
  var encoding: String? = nil
  /// No finding at all.
  var clean = false

  var testDescription: String { name }
}

/// The catalogue of bad inputs: one small file per case, made byte-exact here.
enum Catalogue {
  static let definitions = """
    kode;indikator;satuan;penanggung_jawab;polaritas;agregasi;target;target_tw1;target_tw2;target_tw3;target_tw4;pagu
    A1;Persentase layanan elektronik;%;Bidang Uji;positif;akhir;80;70;75;78;80;1.000.000
    A2;Jumlah dokumen;dokumen;Bidang Uji;positif;jumlah;8;2;2;2;2;

    """

  /// A clean TW II return from `Bidang Uji` (`;`, decimal comma): lines 1–6, fields 0–9 as
  /// Kode, Indikator, Satuan, Target, Realisasi TW I, Realisasi TW II, Realisasi Anggaran TW I,
  /// Realisasi Anggaran TW II, Kendala, Bukti Dukung.
  static let base: [String] = [
    "Unit Kerja;Bidang Uji",
    "Tahun;2025",
    "Periode;TW II",
    "Kode;Indikator;Satuan;Target;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I;Realisasi Anggaran TW II;Kendala;Bukti Dukung",
    "A1;Persentase layanan elektronik;%;80;70;76;100.000;200.000;;Laporan",
    "A2;Jumlah dokumen;dokumen;8;2;2;;;;Daftar",
  ]

  /// The base form with cells replaced: `[(line, field, text)]`, 1-based lines, 0-based fields.
  static func form(_ edits: [(Int, Int, String)] = [], lines: [String] = base, end: String = "\n") -> String {
    var rows = lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    for (line, field, text) in edits { rows[line - 1][field] = text }
    return rows.map { $0.joined(separator: ";") }.joined(separator: end) + end
  }

  static func bytes(_ edits: [(Int, Int, String)] = []) -> [UInt8] { Array(form(edits).utf8) }

  static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
    var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
      let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
  }

  static let cases: [BadInputCase] = completeness + wellFormed + consistency + plausibility + definitionsCases
    + reading + numbers + sizes

  // MARK: §8.1 checks, one case each at least

  static let completeness: [BadInputCase] = [
    BadInputCase(
      name: "missing-form: a section with no return",
      bytes: bytes(),
      definitions: definitions + "B1;Indeks kepuasan;indeks;Sekretariat;positif;akhir;3,5;3,5;3,5;3,5;3,5;\n",
      status: 1, check: "missing-form", line: nil, message: "Belum ada formulir"),
    BadInputCase(
      name: "missing-indicator: row A2 deleted",
      bytes: Array(form(lines: Array(base.prefix(5))).utf8),
      status: 1, check: "missing-indicator", line: nil, message: "tidak ada di formulir"),
    BadInputCase(
      name: "missing-value: empty TW II", bytes: bytes([(5, 5, "")]),
      status: 1, check: "missing-value", line: 5, column: "Realisasi TW II", message: "tulis 0"),
    BadInputCase(
      name: "missing-value: a dash is not zero", bytes: bytes([(5, 5, " - ")]),
      status: 1, check: "missing-value", line: 5, column: "Realisasi TW II"),
    BadInputCase(
      name: "missing-budget: empty budget TW II", bytes: bytes([(5, 7, "")]),
      status: 1, check: "missing-budget", line: 5, column: "Realisasi Anggaran TW II", message: "pagu"),
  ]

  static let wellFormed: [BadInputCase] = [
    BadInputCase(
      name: "unreadable-file: unclosed quote", bytes: bytes([(5, 8, "\"tidak ditutup")]),
      status: 1, check: "unreadable-file", line: 5, message: "tidak pernah ditutup"),
    BadInputCase(
      name: "unreadable-file: stray quote inside a field", bytes: bytes([(6, 8, "rapat \"penting\" ditunda")]),
      status: 1, check: "unreadable-file", line: 6, message: "tidak pada tempatnya"),
    BadInputCase(
      name: "unreadable-file: NUL byte", bytes: bytes([(6, 8, "a\u{0}b")]),
      status: 1, check: "unreadable-file", line: 6, message: "data biner"),
    BadInputCase(
      name: "unreadable-file: UTF-16 without a byte-order mark is refused",
      bytes: utf16(form().replacingOccurrences(of: ";", with: "\t"), bigEndian: false, bom: false),
      status: 1, check: "unreadable-file", line: 1, message: "CSV UTF-8"),
    BadInputCase(
      name: "unreadable-file: an xlsx saved under .csv",
      bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8),
      status: 1, check: "unreadable-file", line: nil, message: "buku kerja Excel"),
    BadInputCase(
      name: "unreadable-file: empty file", bytes: [],
      status: 1, check: "unreadable-file", line: nil, message: "Berkas kosong"),
    BadInputCase(
      name: "unreadable-file: only blank lines", bytes: Array(" \r\n\t\n\r\n".utf8),
      status: 1, check: "unreadable-file", line: nil, message: "Berkas kosong"),
    BadInputCase(
      name: "no-header: no Kode column", bytes: bytes([(4, 0, "Nomor")]),
      status: 1, check: "no-header", line: 1, message: "Kode"),
    BadInputCase(
      name: "no-header: bytes undefined in Windows-1252, not UTF-8 either",
      bytes: Array(repeating: [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0x0A], count: 3).flatMap { $0 },
      status: 1, check: "no-header", line: 1, encoding: "Windows-1252"),
    BadInputCase(
      name: "missing-indicator: title and header row only", bytes: Array(form(lines: Array(base.prefix(4))).utf8),
      status: 1, check: "missing-indicator", line: nil),
    BadInputCase(
      name: "missing-form: a header row only, no title block (the file names no section)",
      bytes: Array((base[3] + "\n").utf8),
      status: 1, check: "missing-form", line: nil),
    BadInputCase(
      name: "duplicate-code: A1 twice", bytes: Array((form() + base[4] + "\n").utf8),
      status: 1, check: "duplicate-code", line: 7, column: "Kode", message: "baris 5"),
    BadInputCase(
      name: "unknown-code: A3", bytes: bytes([(6, 0, "A3")]),
      status: 1, check: "unknown-code", line: 6, column: "Kode", message: "Mungkin maksudnya"),
    BadInputCase(
      name: "invalid-number: words", bytes: bytes([(5, 5, "sekitar 80")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "bukan angka"),
    BadInputCase(
      name: "orphan-value: a subtotal row with a number", bytes: Array((form() + ";Jumlah;;;;78;;;;\n").utf8),
      status: 1, check: "orphan-value", line: 7, column: "Realisasi TW II", message: "tanpa kode"),
    BadInputCase(
      name: "extra-cells: a note beyond the last column", bytes: bytes([(5, 9, "Laporan;;;catatan")]),
      status: 0, check: "extra-cells", line: 5, column: "M", message: "di luar kolom"),
  ]

  static let consistency: [BadInputCase] = [
    BadInputCase(
      name: "conflict: a second return with another TW II value", bytes: bytes(),
      moreForms: [bytes([(5, 5, "77")])],
      status: 1, check: "conflict", line: 5, column: "Realisasi TW II", message: "baris 5 berisi 76"),
    BadInputCase(
      name: "year-mismatch: Tahun 2024", bytes: bytes([(2, 1, "2024")]),
      status: 1, check: "year-mismatch", line: 2, column: "Tahun"),
    BadInputCase(
      name: "period-mismatch: Periode TW III", bytes: bytes([(3, 1, "TW III")]),
      status: 1, check: "period-mismatch", line: 3, column: "Periode"),
    BadInputCase(
      name: "target-mismatch: target 85 on the form", bytes: bytes([(5, 3, "85")]),
      status: 0, check: "target-mismatch", line: 5, column: "Target"),
    BadInputCase(
      name: "unit-mismatch: orang for a percentage", bytes: bytes([(5, 2, "orang")]),
      status: 0, check: "unit-mismatch", line: 5, column: "Satuan"),
    BadInputCase(
      name: "budget-over-ceiling: 2.000.000 to date over 1.000.000", bytes: bytes([(5, 7, "2.000.000")]),
      status: 1, check: "budget-over-ceiling", line: 5, column: "Realisasi Anggaran TW II"),
  ]

  static let plausibility: [BadInputCase] = [
    BadInputCase(
      name: "fraction-percent: 0,76 for 76 %", bytes: bytes([(5, 5, "0,76")]),
      status: 0, check: "fraction-percent", line: 5, column: "Realisasi TW II"),
    BadInputCase(
      name: "outlier: 1 then 6", bytes: bytes([(6, 4, "1"), (6, 5, "6")]),
      status: 0, check: "outlier", line: 6, column: "Realisasi TW II"),
    BadInputCase(
      name: "missing-explanation: capaian 80 % and no kendala", bytes: bytes([(5, 5, "60")]),
      status: 0, check: "missing-explanation", line: 5, column: "Kendala"),
    BadInputCase(
      name: "missing-evidence: no bukti dukung", bytes: bytes([(5, 9, "")]),
      status: 0, check: "missing-evidence", line: 5, column: "Bukti Dukung"),
  ]

  static let definitionsCases: [BadInputCase] = [
    BadInputCase(
      name: "invalid-definition (warning): quarterly sum 7 of 8",
      bytes: bytes(), definitions: definitions.replacingOccurrences(of: "8;2;2;2;2;", with: "8;2;2;2;1;"),
      status: 0, check: "invalid-definition", line: 3, column: "target", message: "Jumlah target triwulan"),
    BadInputCase(
      name: "definitions refused: 1e309 target", role: .definitions,
      bytes: Array(definitions.replacingOccurrences(of: ";80;70;", with: ";1e309;70;").utf8),
      status: 2, stderr: ":2, kolom \"target\""),
    BadInputCase(
      name: "definitions refused: a wording over 32,767 characters (bound for the workbooks)",
      role: .definitions,
      bytes: Array(definitions.replacingOccurrences(of: "Jumlah dokumen", with: String(repeating: "w", count: 40_000)).utf8),
      status: 2, stderr: "terlalu panjang (40000 karakter)"),
    BadInputCase(
      name: "definitions unreadable: empty file", role: .definitions, bytes: [],
      status: 2, stderr: "Berkas kosong"),
    BadInputCase(
      name: "definitions unreadable: NUL bytes", role: .definitions, bytes: Array("kode;\u{0}\n".utf8),
      status: 2, stderr: "data biner"),
    BadInputCase(
      name: "definitions read: UTF-16LE (Excel Unicode Text)", role: .definitions,
      bytes: utf16(definitions.replacingOccurrences(of: ";", with: "\t"), bigEndian: false),
      status: 0, clean: true),
  ]

  // MARK: Encodings and line ends

  static let reading: [BadInputCase] = [
    BadInputCase(
      name: "read: UTF-16LE with BOM, tab-delimited (Excel 'Unicode Text')",
      bytes: utf16(form().replacingOccurrences(of: ";", with: "\t"), bigEndian: false),
      status: 0, encoding: "UTF-16LE", clean: true),
    BadInputCase(
      name: "read: UTF-16BE with BOM",
      bytes: utf16(form(), bigEndian: true), status: 0, encoding: "UTF-16BE", clean: true),
    BadInputCase(
      name: "read: UTF-16LE keeps line numbers (missing value on line 5)",
      bytes: utf16(form([(5, 5, "")]).replacingOccurrences(of: ";", with: "\t"), bigEndian: false),
      status: 1, check: "missing-value", line: 5, column: "Realisasi TW II"),
    BadInputCase(
      name: "read: invalid UTF-8 read as Windows-1252 (± and undefined 0x81 in Kendala)",
      bytes: Array(form().utf8).replacingFirst(Array(";;Laporan".utf8), with: [0x3B, 0xB1, 0x20, 0x81, 0x3B] + Array("Laporan".utf8)),
      status: 0, encoding: "Windows-1252", clean: true),
    BadInputCase(
      name: "read: UTF-8 BOM and CRLF", bytes: [0xEF, 0xBB, 0xBF] + Array(form(end: "\r\n").utf8),
      status: 0, encoding: "UTF-8 BOM", clean: true),
    BadInputCase(
      name: "read: old Mac CR line ends keep line numbers",
      bytes: Array(form([(5, 5, "")], end: "\r").utf8),
      status: 1, check: "missing-value", line: 5, column: "Realisasi TW II"),
    BadInputCase(
      name: "read: a quoted line break moves the lines below",
      bytes: bytes([(5, 8, "\"baris satu\nbaris dua\""), (6, 5, "")]),
      status: 1, check: "missing-value", line: 7, column: "Realisasi TW II"),
  ]

  // MARK: Numbers

  static let numbers: [BadInputCase] = [
    BadInputCase(
      name: "number: 1e309", bytes: bytes([(5, 5, "1e309")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "terlalu besar"),
    BadInputCase(
      name: "number: NaN", bytes: bytes([(5, 5, "NaN")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "bukan angka"),
    BadInputCase(
      name: "number: Infinity", bytes: bytes([(5, 5, "Infinity")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "bukan angka"),
    BadInputCase(
      name: "number: -0 is zero (A2 to date 2 of 4: explanation asked)", bytes: bytes([(6, 5, "-0")]),
      status: 0, check: "missing-explanation", line: 6, column: "Kendala"),
    BadInputCase(
      name: "number: 1.5 in a decimal-comma file", bytes: bytes([(5, 5, "1.5")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "koma sebagai pemisah desimal"),
    BadInputCase(
      name: "number: 12,34,5", bytes: bytes([(5, 5, "12,34,5")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "bukan angka yang jelas"),
    BadInputCase(
      name: "number: budget 1.25.000 (groups not of three)", bytes: bytes([(5, 7, "1.25.000")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi Anggaran TW II"),
    BadInputCase(
      name: "number: 76.5 in a comma-delimited (decimal-point) file is fine",
      bytes: Array(form([(5, 5, "76.5"), (5, 6, "100000"), (5, 7, "200000")]).replacingOccurrences(of: ";", with: ",").utf8),
      status: 0, clean: true),
  ]

  // MARK: Sizes (each must finish in seconds)

  static let sizes: [BadInputCase] = [
    BadInputCase(
      name: "size: a 10 MB Kendala", bytes: bytes([(5, 8, String(repeating: "kendala ", count: 1_250_000))]),
      status: 0, clean: true),
    BadInputCase(
      name: "size: a 10 MB number cell (message quotes 60 characters only)",
      bytes: bytes([(5, 5, String(repeating: "7", count: 10_000_000))]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II", message: "(10000000 karakter)"),
    BadInputCase(
      name: "size: a quoted field of 1,000,000 lines",
      bytes: bytes([(5, 5, "\"" + String(repeating: "x\n", count: 1_000_000) + "\"")]),
      status: 1, check: "invalid-number", line: 5, column: "Realisasi TW II"),
    BadInputCase(
      name: "size: 100,000 cells in a row", bytes: bytes([(5, 9, "Laporan" + String(repeating: ";x", count: 100_000))]),
      status: 0, check: "extra-cells", line: 5, column: "K"),
    BadInputCase(
      name: "size: 100,000 header columns",
      bytes: bytes([(4, 9, "Bukti Dukung" + (1...100_000).map { ";Kolom \($0)" }.joined())]),
      status: 0, clean: true),
  ]
}

extension Array where Element == UInt8 {
  /// The array with the first occurrence of `pattern` replaced.
  func replacingFirst(_ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
    guard pattern.count <= count else { return self }
    for start in 0...(count - pattern.count) where Array(self[start..<(start + pattern.count)]) == pattern {
      return Array(self[..<start]) + replacement + Array(self[(start + pattern.count)...])
    }
    return self
  }
}
