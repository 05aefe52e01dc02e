/// Why a file could not be read at all.
public enum UnreadableReason: Hashable, Sendable {
  case unclosedQuote(line: Int)
  case malformedQuote(line: Int)
  case binary
  case workbook
  case io(String)
  case empty
  /// The path no longer leads to a file (deleted or moved while the run started, or a broken link).
  case vanished
  /// The path is a folder (e.g. one named `x.csv`), not a file.
  case folder
  /// The path is not a regular file (a pipe, socket or device), which could block the run.
  case notAFile
  /// The file was saved or replaced while it was being read.
  case changedWhileRead
}

/// The facts of a finding, from which each language's message is made (`MessageCatalog`).
public enum FindingMessage: Hashable, Sendable {
  // Definitions (`invalid-definition`).
  case definitionColumnsMissing([String])
  case definitionValueMissing
  case definitionDuplicate(firstLine: Int)
  case definitionUnknownWord(String, allowed: [String])
  case definitionParentUnknown(IndicatorCode)
  case definitionCycle([IndicatorCode])
  case definitionNotNumber(String, NumberProblem, DecimalMark)
  case definitionQuarterTargetsSum(sum: Double, annual: Double)
  case definitionLastQuarterTarget(q4: Target, annual: Target)
  case definitionQuarterTargetsIncomplete([Quarter])
  case definitionEmpty
  case definitionTextTooLong(length: Int)

  // Completeness.
  case formMissing(indicators: Int)
  case indicatorMissing(wording: String)
  case valueMissing(Quarter, written: String?)
  case budgetMissing(Quarter)

  // Well-formedness.
  case unreadable(UnreadableReason)
  case headerMissing
  case codeDuplicate(firstLine: Int)
  case codeUnknown(suggestion: IndicatorCode?)
  case notNumber(String, NumberProblem, DecimalMark)
  case orphanValue(String)
  case extraCells(String)

  // Consistency.
  case conflict(Quarter, budget: Bool, value: ReportedValue, otherValue: ReportedValue, otherFile: String, otherLine: Int)
  case yearMismatch(form: Int, expected: Int)
  case periodMismatch(form: Quarter, expected: Quarter)
  case targetMismatch(form: String, definitions: Target)
  case unitMismatch(form: String, definitions: String)
  case budgetOverCeiling(toDate: Double, ceiling: Double)

  // Plausibility.
  case fractionPercent(value: Double, target: Double)
  case outlier(Quarter, value: Double, previous: Double)
  case explanationMissing(achievement: Double)
  case evidenceMissing
}
