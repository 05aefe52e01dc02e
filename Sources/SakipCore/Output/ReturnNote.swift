import Foundation

/// A return note (*catatan pengembalian*): for one section, exactly what to complete or fix
/// before the form is sent back (SPEC §7 `--notes`).
public struct ReturnNote: Sendable {
  public var section: String
  public var fileName: String
  public var text: String

  /// One note per section that has something to fix, named `catatan-pengembalian-<section>.txt`.
  /// Text in UTF-8 with a byte-order mark and CRLF line ends, so Notepad on any Windows shows it.
  public static func notes(for report: ValidationReport, context: RunContext) -> [ReturnNote] {
    let renderer = ReportRenderer(context: context)
    let isID = context.language == .indonesian
    let findingsBySection = Dictionary(grouping: report.findings) { $0.section ?? "" }
    let withFindings = report.sections.filter { findingsBySection[$0.name] != nil }
    let slugs = FileName.uniqueSlugs(withFindings.map(\.name))
    return zip(withFindings, slugs).map { section, slug in
      let own = findingsBySection[section.name] ?? []
      let errors = own.filter { $0.severity == .error }
      let warnings = own.filter { $0.severity == .warning }
      let year = report.year.map { " \($0)" } ?? ""
      var lines: [String] = []
      lines.append(isID ? "CATATAN PENGEMBALIAN FORMULIR" : "FORM RETURN NOTE")
      lines.append("")
      lines.append((isID ? "Kepada   : " : "To       : ") + section.name)
      lines.append(
        (isID ? "Perihal  : Formulir Pengumpulan Data Capaian Kinerja " : "Subject  : Performance data form ")
          + report.period.label + year)
      lines.append((isID ? "Tanggal  : " : "Date     : ") + longDate(context.now, context.language))
      lines.append("")
      if section.state == .noForm {
        lines.append(
          isID
            ? "Tim SAKIP belum menerima formulir dari unit kerja Saudara. Mohon isi formulir dan kirimkan segera."
            : "The SAKIP team has not received your section's form. Please fill it in and send it soon.")
      } else {
        lines.append(
          isID
            ? "Formulir yang Saudara kirim dikembalikan untuk dilengkapi. Mohon perbaiki hal-hal berikut:"
            : "The form you sent is returned to be completed. Please fix the following:")
      }
      func list(_ title: String, _ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        lines.append("")
        lines.append(title + " (\(findings.count))")
        for (i, finding) in findings.enumerated() {
          let place = renderer.location(finding)
          lines.append("\(i + 1). " + (place.isEmpty ? "" : place + ": ") + renderer.catalog.text(finding))
        }
      }
      if section.state != .noForm {
        list(isID ? "A. Wajib diperbaiki" : "A. Must be fixed", errors)
        list(isID ? "B. Mohon diperiksa" : "B. Please check", warnings)
      }
      lines.append("")
      lines.append(
        isID
          ? "Setelah diperbaiki, simpan kembali sebagai CSV dan kirimkan ke Tim SAKIP."
          : "When it is fixed, save it again as CSV and send it to the SAKIP team.")
      let body = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
      return ReturnNote(section: section.name, fileName: "catatan-pengembalian-\(slug).txt", text: body)
    }
  }

  static func longDate(_ date: Date, _ language: Language) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Jakarta") ?? .current
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    let months = language == .indonesian
      ? ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
      : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    let month = months[max(0, min(11, (c.month ?? 1) - 1))]
    return "\(c.day ?? 1) \(month) \(c.year ?? 1970)"
  }
}

extension ReturnNote {
  /// Writes every section's note into `folder` (made when missing), each file atomically.
  @discardableResult
  public static func write(for report: ValidationReport, to folder: String, context: RunContext) throws(SakipError) -> [String] {
    try AtomicFile.makeFolder(folder)
    var written: [String] = []
    for note in notes(for: report, context: context) {
      let path = (folder.hasSuffix("/") ? folder : folder + "/") + note.fileName
      try AtomicFile.write(note.text, to: path)
      written.append(path)
    }
    return written
  }
}
