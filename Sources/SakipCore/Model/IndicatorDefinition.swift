/// The code that identifies an indicator (*kode*), e.g. `SS1.IKU1`, `2.16.01.1.01`. Always text.
public struct IndicatorCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: IndicatorCode, rhs: IndicatorCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a higher realisation is better (*positif*) or a lower one (*negatif*).
public enum Polarity: String, Sendable, CaseIterable, Codable {
  case positive = "positif"
  case negative = "negatif"
}

/// How quarters combine into a semester or year (*agregasi*, SPEC §5.1).
public enum Aggregation: String, Sendable, CaseIterable, Codable {
  /// The position at the end of the period (*akhir*).
  case last = "akhir"
  /// The sum of the period's quarters (*jumlah*).
  case sum = "jumlah"
  /// The mean of the period's quarters (*rata-rata*).
  case mean = "rata-rata"
  /// The largest quarter (*maks*).
  case maximum = "maks"
  /// The smallest quarter (*min*).
  case minimum = "min"
}

/// The level of an indicator in the performance cascade.
public enum CascadeLevel: String, Sendable, CaseIterable, Codable {
  case goal = "tujuan"
  case objective = "sasaran"
  case program = "program"
  case activity = "kegiatan"
  case subActivity = "subkegiatan"
}

/// A target: a number, or a grade for a qualitative indicator (`BB`, `WTP`, `Tersedia`; SPEC §5.5).
public enum Target: Hashable, Sendable {
  case number(Double)
  case grade(String)

  public var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }
}

/// One row of the indicator definitions: the PK and the Rencana Aksi for one indicator (SPEC §2).
public struct IndicatorDefinition: Sendable, Hashable {
  public var code: IndicatorCode
  public var wording: String {
    get { wordingText.text }
    set { wordingText = WordingText(newValue) }
  }
  /// The wording, read from where it is kept only when asked for.
  private var wordingText: WordingText
  public var unit: String
  /// The section that reports it (*penanggung jawab*).
  public var section: String
  /// The annual target of the performance agreement (PK).
  public var annualTarget: Target
  /// Quarterly targets of the Rencana Aksi, when given.
  public var quarterTargets: QuarterTargets
  public var level: CascadeLevel?
  public var parent: IndicatorCode?
  public var isKeyIndicator: Bool?
  public var polarity: Polarity
  public var aggregation: Aggregation
  /// The budget ceiling in rupiah (*pagu*).
  public var ceiling: Double?
  public var strategicTarget: Target?
  public var lastYearRealisation: Target?
  /// Where it was defined: the physical line in the definitions file.
  public var line: Int

  public init(
    code: IndicatorCode, wording: String, unit: String, section: String, annualTarget: Target,
    quarterTargets: [Quarter: Target] = [:], level: CascadeLevel? = nil,
    parent: IndicatorCode? = nil, isKeyIndicator: Bool? = nil, polarity: Polarity = .positive,
    aggregation: Aggregation = .last, ceiling: Double? = nil, strategicTarget: Target? = nil,
    lastYearRealisation: Target? = nil, line: Int = 0
  ) {
    self.init(
      code: code, wording: WordingText(wording), unit: unit, section: section, annualTarget: annualTarget,
      targets: QuarterTargets(quarterTargets), level: level, parent: parent,
      isKeyIndicator: isKeyIndicator, polarity: polarity, aggregation: aggregation, ceiling: ceiling,
      strategicTarget: strategicTarget, lastYearRealisation: lastYearRealisation, line: line)
  }

  /// Every field as it is held (an ``IndicatorList`` giving one back).
  init(
    code: IndicatorCode, wording: WordingText, unit: String, section: String, annualTarget: Target,
    targets quarterTargets: QuarterTargets, level: CascadeLevel?, parent: IndicatorCode?,
    isKeyIndicator: Bool?, polarity: Polarity, aggregation: Aggregation, ceiling: Double?,
    strategicTarget: Target?, lastYearRealisation: Target?, line: Int
  ) {
    self.code = code
    self.wordingText = wording
    self.unit = unit
    self.section = section
    self.annualTarget = annualTarget
    self.quarterTargets = quarterTargets
    self.level = level
    self.parent = parent
    self.isKeyIndicator = isKeyIndicator
    self.polarity = polarity
    self.aggregation = aggregation
    self.ceiling = ceiling
    self.strategicTarget = strategicTarget
    self.lastYearRealisation = lastYearRealisation
    self.line = line
  }

  /// A target that is not a number makes the indicator qualitative (SPEC §5.5).
  public var isQualitative: Bool { annualTarget.number == nil }

  /// Whether the unit is a percentage (`%`, `persen`).
  public var isPercentage: Bool {
    let u = unit.lowercased().trimmed
    return u == "%" || u == "persen" || u == "percent" || u == "persentase"
  }
}

/// The wording of an indicator: its text, or where its UTF-8 lies in the bytes of an
/// ``IndicatorList``. Going over the indicators (to check or measure them) then copies no
/// wording; the few who read one make it then.
struct WordingText: Hashable, Sendable {
  private enum Storage: Sendable {
    case text(String)
    /// `bytes[start..<end]`, UTF-8 taken from a String.
    case packed(bytes: [UInt8], start: UInt32, end: UInt32)
  }

  private let storage: Storage

  init(_ text: String) { storage = .text(text) }

  /// The text at `start..<end` in `bytes`, which must be the UTF-8 of a String.
  init(_ bytes: [UInt8], _ start: UInt32, _ end: UInt32) {
    storage = .packed(bytes: bytes, start: start, end: end)
  }

  var text: String {
    switch storage {
    case .text(let text): text
    case .packed(let bytes, let start, let end):
      bytes.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self)
      }
    }
  }

  static func == (a: WordingText, b: WordingText) -> Bool { a.text == b.text }
  func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
