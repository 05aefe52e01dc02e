/// One value a section wrote in a form: which quarter, what, and where.
public struct ReportedCell: Hashable, Sendable {
  public var quarter: Quarter
  public var value: ReportedValue
  /// The cell held something that could not be read (already reported as a finding).
  public var isInvalid: Bool
  public var column: String
  public var line: Int

  public init(quarter: Quarter, value: ReportedValue, isInvalid: Bool = false, column: String, line: Int) {
    self.quarter = quarter
    self.value = value
    self.isInvalid = isInvalid
    self.column = column
    self.line = line
  }
}

/// One indicator row of a returned form.
public struct FormRow: Hashable, Sendable {
  public var code: IndicatorCode
  public var line: Int
  public var unit: String?
  /// The annual target as the form shows it, for comparison with the definitions.
  public var targetText: String?
  public var realisations: [ReportedCell] = []
  public var budget: [ReportedCell] = []
  public var texts = FreeTexts()

  public init(code: IndicatorCode, line: Int) {
    self.code = code
    self.line = line
  }
}

/// A form a section returned (*formulir pengumpulan data capaian kinerja*), as read (SPEC §3).
public struct Form: Sendable {
  /// The path as the user gave it.
  public var file: String
  /// The section named in the title block, as written.
  public var section: String?
  public var year: (value: Int, line: Int)?
  public var period: (value: Quarter, line: Int)?
  /// Other labels of the title block.
  public var metadata: [String: String] = [:]
  public var headerLine: Int?
  /// Indicator rows in file order (rows with unknown or duplicate codes are left out).
  public var rows: [FormRow] = []
  /// Realisation quarters that have a column in this form.
  public var realisationColumns: [Quarter: String] = [:]
  public var budgetColumns: [Quarter: String] = [:]
  public var textColumns: [FreeTextField: String] = [:]
  public var unitColumn: String?
  public var targetColumn: String?
  /// The decimal mark its numbers were read with.
  public var decimalMark: DecimalMark = .comma
  /// The section most of its rows belong to by the definitions, noted when its rows are
  /// dropped after merging (`remains(for:)`); otherwise found from the rows.
  public var sectionOfMostRows: String?

  public init(file: String) { self.file = file }
}
