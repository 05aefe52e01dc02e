/// How complete one section's return is (the `Kelengkapan` sheet, `sections` in JSON).
public struct SectionStatus: Hashable, Sendable {
  public enum State: String, Sendable, Hashable {
    case complete
    case incomplete
    case noForm = "no-form"
  }

  public var name: String
  public var forms: [String]
  /// Indicators the section answers for.
  public var assigned: Int
  /// Indicators with every value up to the period reported.
  public var reported: Int
  /// Realisation and budget values up to the period that are not reported.
  public var missingValues: Int
  /// Errors in the section's findings.
  public var errors: Int
  public var warnings: Int

  public var state: State {
    if forms.isEmpty { return .noForm }
    return reported == assigned && missingValues == 0 && errors == 0 ? .complete : .incomplete
  }
}
