/// The status of a qualitative indicator (SPEC §5.5): *tercapai* or *tidak tercapai*. It has no
/// percentage.
public enum QualitativeStatus: String, Hashable, Sendable, CaseIterable {
  /// *Tercapai*.
  case achieved = "tercapai"
  /// *Tidak tercapai*.
  case notAchieved = "tidak tercapai"

  /// Judges a text realisation against a text target. On a known ordered scale (SAKIP grades,
  /// audit opinions) a realisation at or above the target is achieved; otherwise only the same
  /// text is, ignoring case and white space (`" tersedia "` matches `Tersedia`).
  public init(target: String, realisation: String) {
    let t = GradeScale.normalised(target)
    let r = GradeScale.normalised(realisation)
    if let scale = GradeScale.scale(containing: t), let targetRank = scale.rank(of: t),
      let realisedRank = scale.rank(of: r)
    {
      self = realisedRank <= targetRank ? .achieved : .notAchieved
    } else {
      self = t == r ? .achieved : .notAchieved
    }
  }
}

/// A known ordered scale of grades (*skala nilai*), best first (SPEC §5.5).
public enum GradeScale: String, CaseIterable, Hashable, Sendable {
  /// The SAKIP evaluation grade: `AA > A > BB > B > CC > C > D`.
  case sakip
  /// The BPK audit opinion (*opini*): `WTP > WDP > TW > TMP`.
  case auditOpinion

  /// The grades, best first, in their normalised (upper-case, no white space) form.
  public var grades: [String] {
    switch self {
    case .sakip: ["AA", "A", "BB", "B", "CC", "C", "D"]
    case .auditOpinion: ["WTP", "WDP", "TW", "TMP"]
    }
  }

  /// The position of a grade on the scale, 0 being the best; `nil` when not on it.
  /// The text is compared ignoring case and white space.
  public func rank(of grade: String) -> Int? {
    grades.firstIndex(of: Self.normalised(grade))
  }

  /// The scale a grade belongs to, if any. No grade is on both scales.
  public static func scale(containing grade: String) -> GradeScale? {
    allCases.first { $0.rank(of: grade) != nil }
  }

  /// Upper-case text without any white space: the form in which grades are compared.
  static func normalised(_ text: String) -> String {
    String(text.filter { !$0.isWhitespace }).uppercased()
  }
}
