/// The achievement of a period (*capaian*, SPEC §5.3): a finite percentage, or undefined with
/// the reason why. NaN and infinity cannot be represented.
public enum Achievement: Hashable, Sendable {
  /// A percentage at full precision (not rounded), with a note when it is not the plain
  /// formula's result (clamped to 0, capped).
  case value(FiniteNumber, note: AchievementNote?)
  /// No percentage can be given.
  case undefined(UnmeasuredReason)

  /// The percentage, when defined.
  public var percent: Double? {
    if case .value(let number, _) = self { return number.value }
    return nil
  }

  /// The note on a defined percentage.
  public var note: AchievementNote? {
    if case .value(_, let note) = self { return note }
    return nil
  }

  /// Why there is no percentage.
  public var reason: UnmeasuredReason? {
    if case .undefined(let reason) = self { return reason }
    return nil
  }

  /// Computes the achievement of realisation *R* against target *T*, in percent:
  ///
  /// - `positif`: *R / T × 100*; *T* = 0 is undefined (`.zeroTarget`).
  /// - `negatif`, standard: *(2T − R) / T × 100*; below zero (*R* > 2*T*) it is 0 with the note
  ///   `.clampedToZero`.
  /// - `negatif`, ratio: *T / R × 100*. With *R* = 0 (and *T* > 0) the ratio is unbounded: it is
  ///   the cap when `--cap` is given (note `.capped`), otherwise undefined
  ///   (`.zeroRealisationRatio`) — never a silent fall-back to the other formula. A negative *T*
  ///   or *R* is undefined (`.ratioNeedsPositiveValues`): *T / R* then ranks results backwards.
  /// - `negatif` with *T* = 0 ("0 findings"), either formula: 100 when *R* ≤ 0, else 0 with the
  ///   note `.zeroTargetExceeded`. (A negative *R* beats a zero target, so it is 100, not 0.)
  /// - A negative target (*T* < 0, e.g. a growth rate of −2 %): *R / T* would rank results
  ///   backwards, so the formulas are taken in their gap form over the target's size,
  ///   `positif` *100 + (R − T) / |T| × 100* and `negatif` standard *100 + (T − R) / |T| × 100*.
  ///   For *T* > 0 these are exactly the formulas above; for *T* < 0 meeting the target is
  ///   still 100 and doing better is still above 100.
  ///
  /// The cap, when given, applies last. A result that would not be finite (an overflow with
  /// extreme figures) is undefined (`.outOfRange`). A result of −0 is given as 0.
  public init(target: Double, realisation: Double, polarity: Polarity, rules: MeasurementRules) {
    guard target.isFinite, realisation.isFinite else {
      self = .undefined(.outOfRange)
      return
    }
    let raw: (value: Double?, note: AchievementNote?)
    switch polarity {
    case .positive:
      if target == 0 {
        self = .undefined(.zeroTarget)
        return
      } else if target > 0 {
        raw = (SafeArithmetic.percent(realisation, of: target), nil)
      } else {
        raw = (Self.gapPercent(realisation - target, over: target), nil)
      }
    case .negative:
      if target == 0 {
        raw = realisation <= 0 ? (100, nil) : (0, .zeroTargetExceeded)
      } else {
        switch rules.negativeFormula {
        case .standard:
          let value =
            target > 0
            ? SafeArithmetic.percent(2 * target - realisation, of: target)
            : Self.gapPercent(target - realisation, over: target)
          if let value, value < 0 {
            raw = (0, .clampedToZero)
          } else {
            raw = (value, nil)
          }
        case .ratio:
          if target < 0 || realisation < 0 {
            self = .undefined(.ratioNeedsPositiveValues)
            return
          } else if realisation == 0 {
            guard let cap = rules.cap, let number = FiniteNumber(cap) else {
              self = .undefined(.zeroRealisationRatio)
              return
            }
            self = .value(number, note: .capped)
            return
          } else {
            raw = (SafeArithmetic.percent(target, of: realisation), nil)
          }
        }
      }
    }
    guard let value = raw.value, let number = FiniteNumber(value + 0.0) else {
      self = .undefined(.outOfRange)
      return
    }
    if let cap = rules.cap, number.value > cap, let capped = FiniteNumber(cap) {
      self = .value(capped, note: .capped)
    } else {
      self = .value(number, note: raw.note)
    }
  }

  /// `100 + gap / |target| × 100`, for a negative target.
  private static func gapPercent(_ gap: Double, over target: Double) -> Double? {
    guard let share = SafeArithmetic.percent(gap, of: target.magnitude) else { return nil }
    return (100 + share).finiteOrNil
  }
}
