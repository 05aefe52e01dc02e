/// What a section reported in one cell. Empty is not zero: `-`, `–`, `n/a` and an empty cell
/// are `notReported`; only a written `0` is zero.
public enum ReportedValue: Hashable, Sendable {
  case notReported
  case number(Double)
  /// The realisation of a qualitative indicator (`BB`, `WTP`, `Tersedia`).
  case text(String)

  public var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  public var isReported: Bool {
    if case .notReported = self { return false }
    return true
  }
}
