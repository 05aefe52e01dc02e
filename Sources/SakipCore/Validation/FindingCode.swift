/// The stable id of a kind of finding (the `check` of SPEC §8.1).
public enum FindingCode: String, CaseIterable, Sendable, Codable {
  case missingForm = "missing-form"
  case missingIndicator = "missing-indicator"
  case missingValue = "missing-value"
  case missingBudget = "missing-budget"
  case unreadableFile = "unreadable-file"
  case noHeader = "no-header"
  case duplicateCode = "duplicate-code"
  case unknownCode = "unknown-code"
  case invalidNumber = "invalid-number"
  case orphanValue = "orphan-value"
  case extraCells = "extra-cells"
  case conflict = "conflict"
  case yearMismatch = "year-mismatch"
  case periodMismatch = "period-mismatch"
  case targetMismatch = "target-mismatch"
  case unitMismatch = "unit-mismatch"
  case budgetOverCeiling = "budget-over-ceiling"
  case fractionPercent = "fraction-percent"
  case outlier = "outlier"
  case missingExplanation = "missing-explanation"
  case missingEvidence = "missing-evidence"
  case invalidDefinition = "invalid-definition"

  /// The family of SPEC §7 the check belongs to.
  public var category: FindingCategory {
    switch self {
    case .missingForm, .missingIndicator, .missingValue, .missingBudget: .completeness
    case .unreadableFile, .noHeader, .duplicateCode, .unknownCode, .invalidNumber, .orphanValue,
      .extraCells:
      .wellFormedness
    case .conflict, .yearMismatch, .periodMismatch, .targetMismatch, .unitMismatch,
      .budgetOverCeiling:
      .consistency
    case .fractionPercent, .outlier, .missingExplanation, .missingEvidence: .plausibility
    case .invalidDefinition: .definitions
    }
  }

  public var defaultSeverity: Severity {
    switch self {
    case .fractionPercent, .outlier, .missingExplanation, .missingEvidence, .targetMismatch,
      .unitMismatch, .extraCells:
      .warning
    default: .error
    }
  }
}

/// The families of checks of SPEC §7.
public enum FindingCategory: String, Sendable, CaseIterable {
  case completeness, wellFormedness = "well-formedness", consistency, plausibility, definitions
}

/// `error` must be fixed before the recap is final; `warning` should be looked at.
public enum Severity: String, Sendable, Codable, Comparable {
  case error, warning

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}
