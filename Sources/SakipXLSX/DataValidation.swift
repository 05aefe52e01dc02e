/// A data-validation rule for a range of cells (`lxw_data_validation`), with the input
/// message Excel shows when a cell is selected and the error shown for a refused value.
public struct DataValidation: Sendable, Hashable {
  /// A limit: a fixed number, or a formula such as `=$H5` (relative references move with
  /// each cell of the range, so one rule can say "≤ the pagu on the same row").
  public enum Bound: Sendable, Hashable {
    case number(Double)
    case formula(String)
  }

  /// The comparison a value must pass.
  public enum Criterion: Sendable, Hashable {
    case greaterThanOrEqual(Bound)
    case lessThanOrEqual(Bound)
    case greaterThan(Bound)
    case lessThan(Bound)
    case between(Bound, Bound)
  }

  /// What values are allowed.
  public enum Rule: Sendable, Hashable {
    /// Any number passing the criterion (`LXW_VALIDATION_TYPE_DECIMAL`).
    case decimal(Criterion)
    /// Any whole number passing the criterion (`LXW_VALIDATION_TYPE_INTEGER`).
    case wholeNumber(Criterion)
    /// Anything; used to attach an input message only (`LXW_VALIDATION_TYPE_ANY`).
    case anyValue
  }

  /// How Excel reacts to a refused value.
  public enum ErrorStyle: Sendable, Hashable {
    /// Refuse the value (`LXW_VALIDATION_ERROR_TYPE_STOP`).
    case stop
    /// Warn, allow on confirmation.
    case warning
    /// Inform, allow.
    case information
  }

  /// Excel's limit for input and error titles.
  public static let maxTitleLength = 32
  /// Excel's limit for input and error messages.
  public static let maxMessageLength = 255

  /// The values allowed.
  public var rule: Rule
  /// Title of the message shown when a cell is selected (≤ 32 characters).
  public var inputTitle: String?
  /// The message shown when a cell is selected (≤ 255 characters).
  public var inputMessage: String?
  /// Title of the refusal message (≤ 32 characters).
  public var errorTitle: String?
  /// The refusal message (≤ 255 characters).
  public var errorMessage: String?
  /// How a refused value is handled.
  public var errorStyle: ErrorStyle
  /// Whether an empty cell passes (Excel's "Ignore blank").
  public var ignoresBlank: Bool

  /// Creates a rule; by default blank cells pass and refused values are stopped.
  public init(
    rule: Rule, inputTitle: String? = nil, inputMessage: String? = nil,
    errorTitle: String? = nil, errorMessage: String? = nil, errorStyle: ErrorStyle = .stop,
    ignoresBlank: Bool = true
  ) {
    self.rule = rule
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
    self.errorStyle = errorStyle
    self.ignoresBlank = ignoresBlank
  }

  /// Checks Excel's length limits and finite bounds before the C call (libxlsxwriter only
  /// prints a warning for some of them).
  func validate() throws(XLSXError) {
    try Self.checkLength(inputTitle, field: "input title", limit: Self.maxTitleLength)
    try Self.checkLength(inputMessage, field: "input message", limit: Self.maxMessageLength)
    try Self.checkLength(errorTitle, field: "error title", limit: Self.maxTitleLength)
    try Self.checkLength(errorMessage, field: "error message", limit: Self.maxMessageLength)
    let criterion: Criterion
    switch rule {
    case .anyValue: return
    case .decimal(let c), .wholeNumber(let c): criterion = c
    }
    for bound in criterion.bounds {
      switch bound {
      case .number(let value) where !value.isFinite:
        throw .invalidArgument("data validation bound \(value) is not finite")
      case .formula(let formula) where formula.utf16.count > 255:
        throw .textTooLong(field: "data validation formula", length: formula.utf16.count, limit: 255)
      default: break
      }
    }
  }

  private static func checkLength(_ text: String?, field: String, limit: Int) throws(XLSXError) {
    if let text, text.utf16.count > limit {
      throw .textTooLong(field: "data validation \(field)", length: text.utf16.count, limit: limit)
    }
  }
}

extension DataValidation.Criterion {
  /// The one or two bounds of the criterion.
  var bounds: [DataValidation.Bound] {
    switch self {
    case .greaterThanOrEqual(let b), .lessThanOrEqual(let b), .greaterThan(let b),
      .lessThan(let b):
      return [b]
    case .between(let low, let high): return [low, high]
    }
  }
}
