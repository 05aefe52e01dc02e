/// A doubt about an indicator's targets that the definitions check reports as a warning
/// (*peringatan target*, SPEC §5.2). The caller turns each into a finding.
public enum TargetWarning: Hashable, Sendable {
  /// The quarterly targets of a `jumlah` indicator do not add up to the annual target.
  case quarterSumDiffersFromAnnual(sum: Double, annual: Double)
  /// The TW IV target of an `akhir` indicator differs from the annual target.
  case fourthQuarterDiffersFromAnnual(fourthQuarter: Target, annual: Target)
  /// Some quarterly targets are given and these quarters have none: their periods get no target.
  case quarterTargetsIncomplete(missing: [Quarter])

  /// The relative tolerance used to compare sums with the annual target, so that
  /// `0.1 + 0.2` targets add up to `0.3`.
  public static let relativeTolerance = 1e-9

  /// The warnings on one definition, in a fixed order: incomplete quarterly targets, then the
  /// sum or TW IV comparison. Only numbers are summed; grades are compared ignoring case and
  /// white space.
  public static func warnings(for definition: IndicatorDefinition) -> [TargetWarning] {
    let targets = definition.quarterTargets
    guard !targets.isEmpty else { return [] }
    var warnings: [TargetWarning] = []
    let missing = Quarter.allCases.filter { targets[$0] == nil }
    if !missing.isEmpty { warnings.append(.quarterTargetsIncomplete(missing: missing)) }
    switch definition.aggregation {
    case .sum:
      let numbers = Quarter.allCases.compactMap { targets[$0]?.number }
      if missing.isEmpty, numbers.count == Quarter.allCases.count,
        let annual = definition.annualTarget.number, let sum = SafeArithmetic.sum(numbers),
        annual.isFinite, !nearlyEqual(sum, annual)
      {
        warnings.append(.quarterSumDiffersFromAnnual(sum: sum, annual: annual))
      }
    case .last:
      if let fourth = targets[.fourth], !sameTarget(fourth, definition.annualTarget) {
        warnings.append(
          .fourthQuarterDiffersFromAnnual(fourthQuarter: fourth, annual: definition.annualTarget))
      }
    case .mean, .maximum, .minimum:
      break
    }
    return warnings
  }

  /// Whether two numbers are equal within `relativeTolerance` of the larger one.
  static func nearlyEqual(_ a: Double, _ b: Double) -> Bool {
    a == b || (a - b).magnitude <= relativeTolerance * max(a.magnitude, b.magnitude)
  }

  static func sameTarget(_ a: Target, _ b: Target) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): nearlyEqual(x, y)
    case (.grade(let x), .grade(let y)): GradeScale.normalised(x) == GradeScale.normalised(y)
    default: false
    }
  }
}
