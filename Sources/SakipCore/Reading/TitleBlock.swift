/// The rows above a form's header: label/value pairs such as `Unit Kerja;Bidang …`,
/// `Tahun;2025`, `Periode;TW II` (SPEC §3).
struct TitleBlock {
  var section: String?
  var year: (value: Int, line: Int)?
  var period: (value: Quarter, line: Int)?
  var metadata: [String: String] = [:]

  private static let sectionLabels: Set<String> = [
    "unitkerja", "bidang", "bagian", "seksi", "penanggungjawab", "section", "subbagian",
    "perangkatdaerah",
  ]
  private static let yearLabels: Set<String> = ["tahun", "year", "tahunanggaran"]
  private static let periodLabels: Set<String> = ["periode", "triwulan", "period", "quarter"]

  init(rows: some Sequence<(fields: [String], line: Int)>) {
    for row in rows {
      let cells = row.fields.map(\.trimmed).filter { !$0.isEmpty }
      guard var label = cells.first else { continue }
      var value = cells.dropFirst().first
      if value == nil, let colon = label.firstIndex(of: ":") {
        value = label[label.index(after: colon)...].trimmed
        label = String(label[..<colon])
      }
      guard let value, !value.isEmpty else { continue }
      let key = HeaderMatcher.fold(label.replacingOccurrences(":", with: ""))
      if Self.sectionLabels.contains(key), section == nil {
        section = value
      } else if Self.yearLabels.contains(key), year == nil, let y = Int(value), (1900...2200).contains(y) {
        year = (y, row.line)
      } else if Self.periodLabels.contains(key), period == nil, let q = Quarter(periodText: value) {
        period = (q, row.line)
      } else {
        metadata[label.trimmed] = value
      }
    }
  }
}

extension String {
  func replacingOccurrences(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
