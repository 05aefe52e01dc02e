/// All indicators of an agency for one year, as read from the definitions file (SPEC §2).
public struct IndicatorDefinitions: Sendable {
  /// In the order of the file.
  public private(set) var indicators: [IndicatorDefinition]
  /// Sections in the order they first appear.
  public private(set) var sections: [String]
  /// Each code's place in `indicators` (the first, should a code repeat).
  private(set) var positions: [IndicatorCode: Int]
  private var sectionIndex: [String: String]
  private var sectionMembers: [String: [Int]]

  public init(_ indicators: [IndicatorDefinition]) {
    // A copy of exactly the count: the array a reader appended to has room for up to twice as
    // many (at a province's 100,000 indicators, ~9 MB kept for nothing until the recap is written).
    self.indicators = indicators.map { $0 }
    var index: [IndicatorCode: Int] = [:]
    var sections: [String] = []
    var sectionIndex: [String: String] = [:]
    var sectionMembers: [String: [Int]] = [:]
    var keys: [String: String] = [:]  // a section's name is on every one of its indicators
    for (i, indicator) in indicators.enumerated() {
      if index[indicator.code] == nil { index[indicator.code] = i }
      let key = keys[indicator.section] ?? Self.sectionKey(indicator.section)
      keys[indicator.section] = key
      sectionMembers[key, default: []].append(i)
      if sectionIndex[key] == nil {
        sectionIndex[key] = indicator.section
        sections.append(indicator.section)
      }
    }
    self.positions = index
    self.sections = sections
    self.sectionIndex = sectionIndex
    self.sectionMembers = sectionMembers
  }

  public subscript(code: IndicatorCode) -> IndicatorDefinition? {
    positions[code].map { indicators[$0] }
  }

  /// The section that reports `code`, without copying its whole definition.
  public func section(of code: IndicatorCode) -> String? {
    positions[code].map { indicators[$0].section }
  }

  public func indicators(of section: String) -> [IndicatorDefinition] {
    (sectionMembers[Self.sectionKey(section)] ?? []).map { indicators[$0] }
  }

  /// The section as the definitions spell it, for a name written in a form in any case or
  /// spacing.
  public func section(named name: String) -> String? { sectionIndex[Self.sectionKey(name)] }

  static func sectionKey(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The known code nearest to `code` in edit distance, when it is near enough to be a typo.
  public func nearestCode(to code: IndicatorCode) -> IndicatorCode? {
    let target = Array(code.rawValue.lowercased())
    var best: (IndicatorCode, Int)?
    for indicator in indicators {
      let d = editDistance(target, Array(indicator.code.rawValue.lowercased()))
      if d < (best?.1 ?? Int.max) { best = (indicator.code, d) }
    }
    guard let (nearest, distance) = best, distance <= max(2, target.count / 3) else { return nil }
    return nearest
  }
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
