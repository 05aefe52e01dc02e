/// A value after merging every form, with the cell it came from.
public struct MergedCell: Hashable, Sendable {
  public var value: ReportedValue
  public var file: String
  public var line: Int
  public var column: String
  public var isInvalid: Bool
}

/// Where an indicator's row was first found.
public struct RowOrigin: Hashable, Sendable {
  public var file: String
  public var line: Int
}

/// Every form's values merged per (indicator, quarter) (SPEC §3 "Several forms, one
/// indicator"). Conflicts keep the first value and are reported, never chosen silently.
public struct MergedValues: Sendable {
  public var realisations: [IndicatorCode: [Quarter: MergedCell]] = [:]
  public var budget: [IndicatorCode: [Quarter: MergedCell]] = [:]
  /// Free text; a later form's text replaces an earlier one (a re-sent form is the newer word).
  public var texts: [IndicatorCode: FreeTexts] = [:]
  public var origins: [IndicatorCode: RowOrigin] = [:]

  public init() {}

  /// The realisations reported, as the measurement engine takes them. A cell that held
  /// something unreadable is text for the engine, so the recap says "not a number" rather than
  /// "not reported".
  public func reportedRealisations(of code: IndicatorCode) -> [Quarter: ReportedValue] {
    (realisations[code] ?? [:]).compactMapValues {
      $0.isInvalid ? .text("") : $0.value.isReported ? $0.value : nil
    }
  }

  /// The budget realisations reported, in rupiah.
  public func reportedBudget(of code: IndicatorCode) -> [Quarter: Double] {
    (budget[code] ?? [:]).compactMapValues { $0.value.number }
  }
}
