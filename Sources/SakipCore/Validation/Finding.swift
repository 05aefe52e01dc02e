/// Where in the inputs a finding points: file, physical line (1-based, as an editor shows it)
/// and column (by header name, or a letter when the column has none).
public struct SourceLocation: Hashable, Sendable {
  public var file: String?
  public var line: Int?
  public var column: String?

  public init(file: String? = nil, line: Int? = nil, column: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// One problem found in the inputs, with what the section must do about it (SPEC §7).
public struct Finding: Hashable, Sendable {
  public var code: FindingCode
  public var severity: Severity
  public var location: SourceLocation
  public var section: String?
  public var indicator: IndicatorCode?
  /// What was found, as structured facts; rendered into words by `MessageCatalog`.
  public var message: FindingMessage

  public init(
    _ code: FindingCode, severity: Severity? = nil, at location: SourceLocation = .init(),
    section: String? = nil, indicator: IndicatorCode? = nil, _ message: FindingMessage
  ) {
    self.code = code
    self.severity = severity ?? code.defaultSeverity
    self.location = location
    self.section = section
    self.indicator = indicator
    self.message = message
  }
}
