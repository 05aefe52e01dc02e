/// All indicators of an agency for one year, as read from the definitions file (SPEC §2).
public struct IndicatorDefinitions: Sendable {
  /// In the order of the file.
  public private(set) var indicators: IndicatorList
  /// Sections in the order they first appear.
  public private(set) var sections: [String]
  /// Each code's place in `indicators` (the first, should a code repeat).
  private(set) var positions: CodeIndex
  /// Each section by its key (its name in any case or spacing).
  private var sectionsByKey: [String: SectionEntry]
  /// The places in `indicators` of each section's indicators, section after section.
  private var sectionMembers: [UInt32]

  /// A section as the definitions spell it first, and where its indicators are in
  /// `sectionMembers`.
  private struct SectionEntry: Sendable {
    var name: String
    var members: Range<Int>
  }

  public init(_ indicators: [IndicatorDefinition]) {
    var list = IndicatorList.Builder(expectedCount: indicators.count)
    for indicator in indicators { list.append(indicator) }
    self.init(list.finish())
  }

  /// The definitions of a list as built, with each code's place in it.
  init(_ built: (indicators: IndicatorList, positions: CodeIndex)) {
    let indicators = built.indicators
    var sections: [String] = []
    var groups: [String: Int] = [:]  // by key
    var groupOfName: [String: Int] = [:]  // a section's name is on every one of its indicators
    var groupOf: [UInt32] = []
    groupOf.reserveCapacity(indicators.count)
    var sizes: [Int] = []
    for position in indicators.indices {
      // A section's indicators mostly follow each other: the name is looked up once a run.
      let group: Int
      if position > 0, indicators.sameSectionText(position - 1, position) {
        group = Int(groupOf[position - 1])
      } else {
        let name = indicators.section(at: position)
        if let known = groupOfName[name] {
          group = known
        } else {
          let key = Self.sectionKey(name)
          if let known = groups[key] {
            group = known
          } else {
            group = sections.count
            groups[key] = group
            sections.append(name)
            sizes.append(0)
          }
          groupOfName[name] = group
        }
      }
      groupOf.append(UInt32(group))
      sizes[group] += 1
    }
    var starts: [Int] = []
    starts.reserveCapacity(sizes.count)
    var start = 0
    for size in sizes {
      starts.append(start)
      start += size
    }
    var members = [UInt32](repeating: 0, count: indicators.count)
    var next = starts
    for (position, group) in groupOf.enumerated() {
      members[next[Int(group)]] = UInt32(position)
      next[Int(group)] += 1
    }
    var byKey: [String: SectionEntry] = [:]
    for (key, group) in groups {
      byKey[key] = SectionEntry(name: sections[group], members: starts[group]..<starts[group] + sizes[group])
    }
    self.indicators = indicators
    self.positions = built.positions
    self.sections = sections
    self.sectionsByKey = byKey
    self.sectionMembers = members
  }

  public subscript(code: IndicatorCode) -> IndicatorDefinition? {
    positions[code].map { indicators[$0] }
  }

  /// The section that reports `code`, without copying its whole definition.
  public func section(of code: IndicatorCode) -> String? {
    positions[code].map { indicators.section(at: $0) }
  }

  public func indicators(of section: String) -> [IndicatorDefinition] {
    guard let entry = sectionsByKey[Self.sectionKey(section)] else { return [] }
    return sectionMembers[entry.members].map { indicators[Int($0)] }
  }

  /// The section as the definitions spell it, for a name written in a form in any case or
  /// spacing.
  public func section(named name: String) -> String? { sectionsByKey[Self.sectionKey(name)]?.name }

  static func sectionKey(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The known code nearest to `code` in edit distance, when it is near enough to be a typo.
  public func nearestCode(to code: IndicatorCode) -> IndicatorCode? {
    let target = Array(code.rawValue.lowercased())
    var best: (IndicatorCode, Int)?
    for position in indicators.indices {
      let code = indicators.code(at: position)
      let d = editDistance(target, Array(code.lowercased()))
      if d < (best?.1 ?? Int.max) { best = (IndicatorCode(code), d) }
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
