/// The free-text columns of a form (SPEC §3).
public enum FreeTextField: String, CaseIterable, Sendable, Hashable, Codable {
  /// Obstacles.
  case kendala
  /// What helped.
  case faktorPendorong = "faktor_pendorong"
  /// Follow-up.
  case tindakLanjut = "tindak_lanjut"
  /// Evidence: a reference or a link.
  case buktiDukung = "bukti_dukung"
  /// Remarks.
  case keterangan
}

/// What a column of a form holds, found from its header (SPEC §3).
public enum FormColumnRole: Hashable, Sendable {
  case code
  case wording
  case unit
  /// The annual target (read only to compare with the definitions).
  case annualTarget
  case quarterTarget(Quarter)
  /// A realisation column; `nil` for a bare `Realisasi`, which takes the form's period.
  case realisation(Quarter?)
  /// A budget realisation column; `nil` for a bare `Realisasi Anggaran`.
  case budgetRealisation(Quarter?)
  case text(FreeTextField)
}

/// The columns of the definitions file (SPEC §2).
public enum DefinitionColumn: String, CaseIterable, Sendable, Hashable {
  case code = "kode", wording = "indikator", unit = "satuan", section = "penanggung_jawab"
  case annualTarget = "target", targetQ1 = "target_tw1", targetQ2 = "target_tw2"
  case targetQ3 = "target_tw3", targetQ4 = "target_tw4"
  case level, parent = "induk", keyIndicator = "iku", polarity = "polaritas"
  case aggregation = "agregasi", ceiling = "pagu", strategicTarget = "target_renstra"
  case lastYear = "realisasi_tahun_lalu"

  public var isRequired: Bool {
    switch self {
    case .code, .wording, .unit, .section, .annualTarget: true
    default: false
    }
  }

  var quarter: Quarter? {
    switch self {
    case .targetQ1: .first
    case .targetQ2: .second
    case .targetQ3: .third
    case .targetQ4: .fourth
    default: nil
    }
  }
}

/// Recognises column headers in their Indonesian, English, numbered and roman variants.
/// Case is ignored and spaces, `_`, `-` and `.` are treated alike (SPEC §2).
public enum HeaderMatcher {
  /// The header folded for comparison: lower case, without spaces, `_`, `-`, `.`.
  public static func fold(_ header: String) -> String {
    if header.utf8.allSatisfy({ $0 < 0x80 }) {
      let kept = header.utf8.compactMap { byte -> UInt8? in
        switch byte {
        case 0x20, 0x5F, 0x2D, 0x2E, 0x09, 0x0D, 0x0A: nil
        case 0x41...0x5A: byte | 0x20
        default: byte
        }
      }
      return String(decoding: kept, as: UTF8.self)
    }
    return String(
      header.lowercased().unicodeScalars.filter {
        !($0 == " " || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\u{00A0}" || $0 == "\t"
          || $0 == "\r" || $0 == "\n")
      })
  }

  /// The names that mark a header row (for the CSV reader's delimiter detection too).
  public static let codeHeaderNames: Set<String> = ["kode", "code"]

  static func isCodeHeader(_ header: String) -> Bool { codeHeaders.contains(fold(header)) }

  private static let codeHeaders: Set<String> = ["kode", "code", "kodeindikator", "indicatorcode"]

  /// The role of a form column, or `nil` for a column the form may carry but sakip ignores
  /// (`No`, a column of its own).
  public static func formRole(of header: String) -> FormColumnRole? {
    let h = fold(header)
    if codeHeaders.contains(h) { return .code }
    switch h {
    case "indikator", "indicator", "indikatorkinerja", "uraianindikator": return .wording
    case "satuan", "unit": return .unit
    case "target", "annualtarget", "targettahunan", "targetpk": return .annualTarget
    default: break
    }
    for field in FreeTextField.allCases where textAliases[field, default: []].contains(h) {
      return .text(field)
    }
    for prefix in ["realisasianggaran", "budgetrealisation", "budgetrealization", "anggaran"] {
      if let q = periodSuffix(h, after: prefix) { return .budgetRealisation(q) }
    }
    for prefix in ["realisasi", "realisation", "realization"] {
      if let q = periodSuffix(h, after: prefix) { return .realisation(q) }
    }
    for prefix in ["target"] {
      if let q = periodSuffix(h, after: prefix), let quarter = q { return .quarterTarget(quarter) }
    }
    return nil
  }

  /// The definitions column a header names, or `nil` for a column sakip does not use.
  public static func definitionColumn(of header: String) -> DefinitionColumn? {
    let h = fold(header)
    if codeHeaders.contains(h) { return .code }
    switch h {
    case "indikator", "indicator": return .wording
    case "satuan", "unit": return .unit
    case "penanggungjawab", "section", "unitkerja", "pj": return .section
    case "target", "annualtarget", "targettahunan", "targetpk": return .annualTarget
    case "level", "tingkat", "jenjang": return .level
    case "induk", "parent": return .parent
    case "iku", "kpi": return .keyIndicator
    case "polaritas", "polarity": return .polarity
    case "agregasi", "aggregation": return .aggregation
    case "pagu", "budget", "paguanggaran": return .ceiling
    case "targetrenstra", "strategictarget": return .strategicTarget
    case "realisasitahunlalu", "lastyear": return .lastYear
    default: break
    }
    if let q = periodSuffix(h, after: "target"), let quarter = q {
      return [.targetQ1, .targetQ2, .targetQ3, .targetQ4][quarter.rawValue - 1]
    }
    return nil
  }

  private static let textAliases: [FreeTextField: Set<String>] = [
    .kendala: ["kendala", "penghambat", "permasalahan", "hambatan", "obstacles", "obstacle"],
    .faktorPendorong: ["faktorpendorong", "pendorong", "drivers", "enablers"],
    .tindakLanjut: ["tindaklanjut", "solusi", "upaya", "followup", "rencanatindaklanjut"],
    .buktiDukung: ["buktidukung", "bukti", "evidence", "datadukung"],
    .keterangan: ["keterangan", "ket", "remarks", "catatan", "notes"],
  ]

  /// For a folded header that starts with `prefix`: `.some(nil)` when nothing follows (a bare
  /// column), `.some(q)` when a quarter follows (`tw2`, `twii`, `triwulanii`, `q2`), else `nil`.
  private static func periodSuffix(_ folded: String, after prefix: String) -> Quarter?? {
    guard folded.hasPrefix(prefix) else { return nil }
    let rest = folded.dropFirst(prefix.count)
    if rest.isEmpty { return .some(nil) }
    for marker in ["triwulan", "quarter", "tw", "q"] where rest.hasPrefix(marker) {
      if let q = Quarter(numeral: String(rest.dropFirst(marker.count))) { return .some(q) }
    }
    return nil
  }
}
