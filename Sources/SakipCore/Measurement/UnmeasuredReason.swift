/// Why a figure (realisation, target, achievement or progress) could not be computed
/// (*alasan tidak terukur*). Shown beside the `null` in the JSON and the empty cell in the recap.
public enum UnmeasuredReason: Hashable, Sendable {
  /// The realisation of these quarters is not reported (*belum dilaporkan*); empty is not zero.
  case notReported([Quarter])
  /// A realisation of these quarters is text where a number is expected.
  case realisationNotANumber([Quarter])
  /// The indicator has quarterly targets (*Rencana Aksi*) but none for these quarters.
  case quarterTargetMissing([Quarter])
  /// A target of these quarters is text (a grade) on an indicator whose annual target is a
  /// number.
  case targetNotANumber([Quarter])
  /// A `jumlah` indicator without quarterly targets has a target for the whole year only.
  case noTargetForPeriod
  /// A `positif` indicator with a target of 0: *R / 0* has no meaning.
  case zeroTarget
  /// A qualitative indicator (graded target): it has a status, not a percentage.
  case qualitative
  /// The ratio formula *T / R* with a realisation of 0 and no `--cap` to bound it.
  case zeroRealisationRatio
  /// The ratio formula *T / R* with a negative target or realisation, where it has no meaning.
  case ratioNeedsPositiveValues
  /// A figure is too large to compute with (the result would not be a finite number).
  case outOfRange

  /// The quarters the reason names, if any (the `missing` list of SPEC §8.1 for `notReported`).
  public var quarters: [Quarter] {
    switch self {
    case .notReported(let q), .realisationNotANumber(let q), .quarterTargetMissing(let q),
      .targetNotANumber(let q):
      q
    case .noTargetForPeriod, .zeroTarget, .qualitative, .zeroRealisationRatio,
      .ratioNeedsPositiveValues, .outOfRange:
      []
    }
  }

  /// Whether the reason is data a section has yet to deliver (*belum lengkap*), as opposed to
  /// a figure the definitions make impossible.
  public var isIncompleteData: Bool {
    switch self {
    case .notReported, .realisationNotANumber: true
    default: false
    }
  }

  /// English text for the JSON `reason`: `"realisation not reported for TW2"`.
  public var englishText: String {
    switch self {
    case .notReported(let q): "realisation not reported for \(Self.englishList(q))"
    case .realisationNotANumber(let q): "realisation is not a number for \(Self.englishList(q))"
    case .quarterTargetMissing(let q): "no quarterly target for \(Self.englishList(q))"
    case .targetNotANumber(let q): "target is not a number for \(Self.englishList(q))"
    case .noTargetForPeriod:
      "no target for this period: the indicator is summed and has an annual target only"
    case .zeroTarget: "target is 0: achievement of a positive indicator is undefined"
    case .qualitative: "qualitative indicator: status only, no percentage"
    case .zeroRealisationRatio: "realisation is 0: the ratio formula T/R is undefined"
    case .ratioNeedsPositiveValues:
      "the ratio formula T/R needs a target and realisation of at least 0"
    case .outOfRange: "a figure is too large to compute"
    }
  }

  /// Plain Indonesian text: `"realisasi TW II belum dilaporkan"`.
  public var indonesianText: String {
    switch self {
    case .notReported(let q): "realisasi \(Self.indonesianList(q)) belum dilaporkan"
    case .realisationNotANumber(let q): "realisasi \(Self.indonesianList(q)) bukan angka"
    case .quarterTargetMissing(let q):
      "target triwulan \(Self.indonesianList(q)) tidak ada di Rencana Aksi"
    case .targetNotANumber(let q): "target \(Self.indonesianList(q)) bukan angka"
    case .noTargetForPeriod:
      "tidak ada target untuk periode ini: indikator dijumlahkan dan hanya punya target tahunan"
    case .zeroTarget: "target 0: capaian indikator positif tidak dapat dihitung"
    case .qualitative:
      "indikator kualitatif: hanya status tercapai/tidak tercapai, tanpa persentase"
    case .zeroRealisationRatio: "realisasi 0: rumus rasio T/R tidak dapat dihitung"
    case .ratioNeedsPositiveValues: "rumus rasio T/R memerlukan target dan realisasi tidak negatif"
    case .outOfRange: "angka terlalu besar untuk dihitung"
    }
  }

  static func englishList(_ quarters: [Quarter]) -> String {
    joined(quarters.map(\.key), and: "and")
  }

  static func indonesianList(_ quarters: [Quarter]) -> String {
    joined(quarters.map(\.label), and: "dan")
  }

  private static func joined(_ items: [String], and word: String) -> String {
    guard let last = items.last else { return "" }
    let head = items.dropLast()
    return head.isEmpty ? last : head.joined(separator: ", ") + " \(word) " + last
  }
}

/// Why an achievement that was computed is not the plain formula's result (*catatan capaian*).
public enum AchievementNote: Hashable, Sendable {
  /// The `negatif` formula went below zero (*R* > 2*T*) and the achievement is shown as 0.
  case clampedToZero
  /// A `negatif` indicator with target 0 had a realisation above 0: achievement 0 by rule.
  case zeroTargetExceeded
  /// The achievement was above `--cap N` and is shown as N.
  case capped

  /// English text for the JSON.
  public var englishText: String {
    switch self {
    case .clampedToZero: "realisation is more than twice the target: achievement set to 0"
    case .zeroTargetExceeded: "target is 0 and realisation is above 0: achievement set to 0"
    case .capped: "achievement capped"
    }
  }

  /// Plain Indonesian text.
  public var indonesianText: String {
    switch self {
    case .clampedToZero: "realisasi lebih dari dua kali target: capaian ditetapkan 0"
    case .zeroTargetExceeded: "target 0 dan realisasi di atas 0: capaian ditetapkan 0"
    case .capped: "capaian dibatasi"
    }
  }
}
