/// Counts of indicators per achievement category (*rekapitulasi kategori capaian*, SPEC §8
/// `Ringkasan`): quantitative indicators per category, qualitative ones apart as achieved or not
/// (SPEC §5.5), incomplete ones as *belum lengkap*, and the rest as not measurable.
public struct CategorySummary: Hashable, Sendable {
  /// Quantitative indicators per category; every category is present, possibly with 0.
  public var byCategory: [AchievementCategory: Int] {
    Dictionary(uniqueKeysWithValues: zip(AchievementCategory.allCases, counts))
  }
  /// Quantitative indicators per category, in `AchievementCategory.allCases` order (a province
  /// adds 100,000 measures: no hashing per measure).
  private var counts = Array(repeating: 0, count: AchievementCategory.allCases.count)
  /// Qualitative indicators *tercapai*.
  public private(set) var achieved = 0
  /// Qualitative indicators *tidak tercapai*.
  public private(set) var notAchieved = 0
  /// Indicators whose realisation is not (fully) reported (*belum lengkap*).
  public private(set) var incomplete = 0
  /// Indicators reported in full whose achievement cannot be computed (target 0, no target for
  /// the period, …).
  public private(set) var notMeasurable = 0

  /// All indicators counted.
  public var total: Int {
    counts.reduce(0, +) + achieved + notAchieved + incomplete + notMeasurable
  }

  /// Counts the given period measures, one per indicator.
  public init<Measures: Sequence<PeriodMeasure>>(_ measures: Measures) {
    for measure in measures { add(measure) }
  }

  /// Counts each indicator's year-to-date measure.
  public init<Measurements: Sequence<IndicatorMeasurement>>(yearToDate measurements: Measurements) {
    self.init(measurements.lazy.compactMap(\.yearToDate))
  }

  /// The number of quantitative indicators in a category.
  public func count(of category: AchievementCategory) -> Int {
    AchievementCategory.allCases.firstIndex(of: category).map { counts[$0] } ?? 0
  }

  /// Adds the counts of `other`.
  public mutating func add(_ other: CategorySummary) {
    for index in counts.indices { counts[index] += other.counts[index] }
    achieved += other.achieved
    notAchieved += other.notAchieved
    incomplete += other.incomplete
    notMeasurable += other.notMeasurable
  }

  /// Adds one indicator's measure to the counts.
  public mutating func add(_ measure: PeriodMeasure) {
    if let category = measure.category, let index = AchievementCategory.allCases.firstIndex(of: category) {
      counts[index] += 1
    } else if let status = measure.qualitative {
      switch status {
      case .achieved: achieved += 1
      case .notAchieved: notAchieved += 1
      }
    } else if measure.reason?.isIncompleteData ?? true {
      incomplete += 1
    } else {
      notMeasurable += 1
    }
  }
}
