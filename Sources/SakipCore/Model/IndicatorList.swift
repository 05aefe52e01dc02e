/// The indicators of the definitions in file order, packed: a country has millions, and an
/// ``IndicatorDefinition`` kept as it is takes over 300 bytes (its stride, and a buffer for each
/// long text). Each indicator is given back as an ``IndicatorDefinition`` when asked for.
///
/// Each indicator is a fixed record of 28 bytes: its words as ``IndicatorTraits``, its line in
/// four bytes, and where the rest is. Its targets (see ``PackedTarget``), code and wording lie
/// one after the other in one run of bytes; its unit, section and parent, which many
/// indicators share, are held once among the list's shared texts. An indicator that does not
/// fit (a line past four bytes, a code past 65,535 bytes, more text than four bytes can place)
/// is kept whole instead.
public struct IndicatorList: RandomAccessCollection, Sendable {
  fileprivate var records: [IndicatorRecord] = []
  /// The indicators' own bytes, in their order: for each, its targets, its code, its wording.
  /// An indicator's bytes end where the next one's start.
  fileprivate var text: [UInt8] = []
  /// Units, sections, parents and grades, each once.
  fileprivate var shared: [String] = []
  /// The indicators that did not fit a record; the record's `line` is the place here.
  fileprivate var keptWhole: [IndicatorDefinition] = []

  public var startIndex: Int { 0 }
  public var endIndex: Int { records.count }

  public subscript(position: Int) -> IndicatorDefinition {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)] }
    let end = position + 1 < records.count ? Int(records[position + 1].textStart) : text.count
    let shared = self.shared
    let text = self.text
    return text.withUnsafeBufferPointer { bytes in
      var offset = Int(record.textStart)
      let present = record.presentTargets
      func target(_ bit: UInt8) -> Target? {
        present & bit == 0 ? nil : PackedTarget.read(bytes, at: &offset, shared: shared)
      }
      // In the order they were appended; a packed indicator always has its annual target.
      let annual = target(IndicatorRecord.annualTarget)
      var quarters = QuarterTargets()
      if let t = target(IndicatorRecord.firstQuarter) { quarters[.first] = t }
      if let t = target(IndicatorRecord.secondQuarter) { quarters[.second] = t }
      if let t = target(IndicatorRecord.thirdQuarter) { quarters[.third] = t }
      if let t = target(IndicatorRecord.fourthQuarter) { quarters[.fourth] = t }
      let strategic = target(IndicatorRecord.strategicTarget)
      let lastYear = target(IndicatorRecord.lastYearRealisation)
      let ceiling = target(IndicatorRecord.ceiling)?.number
      let codeStart = Int(record.textStart) + Int(record.targetsLength)
      let wordingStart = codeStart + Int(record.codeLength)
      let traits = record.traits
      return IndicatorDefinition(
        code: IndicatorCode(Self.string(bytes, codeStart..<wordingStart)),
        wording: WordingText(text, UInt32(truncatingIfNeeded: wordingStart), UInt32(truncatingIfNeeded: end)),
        unit: shared[Int(record.unit)], section: shared[Int(record.section)],
        annualTarget: annual ?? .grade(""), targets: quarters, level: traits.level,
        parent: record.parent == IndicatorRecord.noParent ? nil : IndicatorCode(shared[Int(record.parent)]),
        isKeyIndicator: traits.isKeyIndicator, polarity: traits.polarity,
        aggregation: traits.aggregation, ceiling: ceiling, strategicTarget: strategic,
        lastYearRealisation: lastYear, line: Int(record.line))
    }
  }

  /// The code of the indicator at `position`, without the rest of it.
  func code(at position: Int) -> String {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].code.rawValue }
    return text.withUnsafeBufferPointer { bytes in
      let codeStart = Int(record.textStart) + Int(record.targetsLength)
      return Self.string(bytes, codeStart..<codeStart + Int(record.codeLength))
    }
  }

  /// The section of the indicator at `position`, without the rest of it.
  func section(at position: Int) -> String {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].section }
    return shared[Int(record.section)]
  }

  /// The line of the indicator at `position`, without the rest of it.
  func line(at position: Int) -> Int {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].line }
    return Int(record.line)
  }

  /// The parent of the indicator at `position`, without the rest of it.
  func parent(at position: Int) -> IndicatorCode? {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].parent }
    return record.parent == IndicatorRecord.noParent ? nil : IndicatorCode(shared[Int(record.parent)])
  }

  /// Whether the indicator at `position` has a parent.
  func hasParent(at position: Int) -> Bool {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].parent != nil }
    return record.parent != IndicatorRecord.noParent
  }

  /// Whether the indicator at `position` is packed rather than kept whole.
  func isPacked(at position: Int) -> Bool { !records[position].traits.isKeptWhole }

  /// The same section name for the indicators at `a` and `b`, in the same spelling.
  func sameSectionText(_ a: Int, _ b: Int) -> Bool {
    let first = records[a]
    let second = records[b]
    if first.traits.isKeptWhole || second.traits.isKeptWhole {
      return section(at: a).utf8.elementsEqual(section(at: b).utf8)
    }
    return first.section == second.section
  }

  @inline(__always)
  private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The place of `text` among the shared texts, byte for byte.
  fileprivate func findShared(_ text: String, hash: Int, in table: SlotTable) -> Int? {
    table.find(hash: hash) { shared[$0].utf8.elementsEqual(text.utf8) }
  }

  /// Each code's place, for the list as it is now.
  fileprivate func place(of code: String, in table: SlotTable) -> Int? {
    table.find(hash: code.hashValue) { hasCode(code, at: $0) }
  }

  /// Whether the indicator at `position` has `code`, as String compares them: the same bytes,
  /// or, outside ASCII, the same text in another Unicode form.
  private func hasCode(_ code: String, at position: Int) -> Bool {
    let record = records[position]
    if record.traits.isKeptWhole { return keptWhole[Int(record.line)].code.rawValue == code }
    let start = Int(record.textStart) + Int(record.targetsLength)
    let end = start + Int(record.codeLength)
    let sameBytes: Bool? = text.withUnsafeBufferPointer { bytes in
      let stored = UnsafeBufferPointer(rebasing: bytes[start..<end])
      let verdict: Bool?? = code.utf8.withContiguousStorageIfAvailable { given in
        if given.count == stored.count {
          var i = 0
          while i < given.count, given[i] == stored[i] { i += 1 }
          if i == given.count { return true }
        }
        if given.allSatisfy({ $0 < 0x80 }) && stored.allSatisfy({ $0 < 0x80 }) { return false }
        return nil
      }
      return verdict.flatMap { $0 }
    }
    return sameBytes ?? (self.code(at: position) == code)
  }
}

/// One indicator of an ``IndicatorList``: 28 bytes.
struct IndicatorRecord: Sendable {
  /// Where its bytes start in the list's text.
  var textStart: UInt32
  /// Places among the list's shared texts.
  var unit: UInt32
  var section: UInt32
  var parent: UInt32
  /// The physical line in the definitions file; for an indicator kept whole, its place among
  /// those.
  var line: UInt32
  var codeLength: UInt16
  var traits: IndicatorTraits
  /// The bytes of its targets, before its code.
  var targetsLength: UInt8
  /// Which targets it has, one bit each (`annualTarget` ... `ceiling`).
  var presentTargets: UInt8

  static let noParent = UInt32.max

  static let annualTarget: UInt8 = 1 << 0
  static let firstQuarter: UInt8 = 1 << 1
  static let secondQuarter: UInt8 = 1 << 2
  static let thirdQuarter: UInt8 = 1 << 3
  static let fourthQuarter: UInt8 = 1 << 4
  static let strategicTarget: UInt8 = 1 << 5
  static let lastYearRealisation: UInt8 = 1 << 6
  static let ceiling: UInt8 = 1 << 7
}

extension IndicatorList {
  /// An ``IndicatorList`` being filled in file order, and each code's place in it so far.
  struct Builder: Sendable {
    private(set) var list = IndicatorList()
    /// Each code's first place in the list.
    private var codes = SlotTable()
    /// Each shared text's place, by its exact bytes.
    private var sharedPlaces = SlotTable()

    init(expectedCount: Int = 0) {
      list.records.reserveCapacity(expectedCount)
      codes = SlotTable(expectedCount: expectedCount)
    }

    /// The place of the first indicator appended with `code`.
    func place(of code: IndicatorCode) -> Int? { list.place(of: code.rawValue, in: codes) }

    /// The line of the indicator at `position`.
    func line(at position: Int) -> Int { list.line(at: position) }

    mutating func append(_ definition: IndicatorDefinition) {
      let position = list.records.count
      if let record = pack(definition) {
        list.records.append(record)
      } else {
        list.records.append(
          IndicatorRecord(
            textStart: UInt32(truncatingIfNeeded: list.text.count), unit: 0, section: 0,
            parent: IndicatorRecord.noParent, line: UInt32(truncatingIfNeeded: list.keptWhole.count),
            codeLength: 0, traits: .keptWhole, targetsLength: 0, presentTargets: 0))
        list.keptWhole.append(definition)
      }
      let code = definition.code.rawValue
      if list.place(of: code, in: codes) == nil {
        let list = self.list
        codes.insert(position, hash: code.hashValue) { list.code(at: $0).hashValue }
      }
    }

    /// The record for `definition`, its bytes appended to the text; `nil` when it does not fit.
    private mutating func pack(_ definition: IndicatorDefinition) -> IndicatorRecord? {
      guard let line = UInt32(exactly: definition.line), let unit = sharedPlace(definition.unit),
        let section = sharedPlace(definition.section)
      else { return nil }
      var parent = IndicatorRecord.noParent
      if let code = definition.parent {
        guard let place = sharedPlace(code.rawValue) else { return nil }
        parent = place
      }
      let quarters = definition.quarterTargets
      let targets: [(UInt8, Target?)] = [
        (IndicatorRecord.annualTarget, definition.annualTarget),
        (IndicatorRecord.firstQuarter, quarters[.first]), (IndicatorRecord.secondQuarter, quarters[.second]),
        (IndicatorRecord.thirdQuarter, quarters[.third]), (IndicatorRecord.fourthQuarter, quarters[.fourth]),
        (IndicatorRecord.strategicTarget, definition.strategicTarget),
        (IndicatorRecord.lastYearRealisation, definition.lastYearRealisation),
        (IndicatorRecord.ceiling, definition.ceiling.map(Target.number)),
      ]
      var gradePlaces: [UInt32] = []
      for case (_, .grade(let grade)?) in targets {
        guard let place = sharedPlace(grade) else { return nil }
        gradePlaces.append(place)
      }
      let code = definition.code.rawValue.utf8
      let wording = definition.wording.utf8
      let start = list.text.count
      guard let codeLength = UInt16(exactly: code.count),
        start + 8 * PackedTarget.maxLength + code.count + wording.count <= Int(UInt32.max)
      else { return nil }
      var present: UInt8 = 0
      for (bit, target) in targets {
        guard let target else { continue }
        present |= bit
        var gradePlace: UInt32 = 0
        if case .grade = target { gradePlace = gradePlaces.removeFirst() }
        PackedTarget.append(target, to: &list.text, gradePlace: gradePlace)
      }
      let targetsLength = list.text.count - start
      list.text.append(contentsOf: code)
      list.text.append(contentsOf: wording)
      return IndicatorRecord(
        textStart: UInt32(start), unit: unit, section: section, parent: parent, line: line,
        codeLength: codeLength,
        traits: IndicatorTraits(
          level: definition.level, isKeyIndicator: definition.isKeyIndicator,
          polarity: definition.polarity, aggregation: definition.aggregation),
        targetsLength: UInt8(targetsLength), presentTargets: present)
    }

    /// The place of `text` among the shared texts, added when new; `nil` when there is no
    /// room. Texts are the same only byte for byte: a section spelt in two Unicode forms keeps
    /// both.
    private mutating func sharedPlace(_ text: String) -> UInt32? {
      let hash = Self.exactHash(text)
      if let place = list.findShared(text, hash: hash, in: sharedPlaces) { return UInt32(place) }
      let place = list.shared.count
      guard place < Int(UInt32.max) else { return nil }
      list.shared.append(text)
      let shared = list.shared
      sharedPlaces.insert(place, hash: hash) { Self.exactHash(shared[$0]) }
      return UInt32(place)
    }

    private static func exactHash(_ text: String) -> Int {
      var hasher = Hasher()
      let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
        hasher.combine(bytes: UnsafeRawBufferPointer($0))
      }
      if hashed == nil {
        for byte in text.utf8 { hasher.combine(byte) }
      }
      return hasher.finalize()
    }

    /// The list, and each code's place in it; room kept for more is let go, and the builder
    /// left empty.
    mutating func finish() -> (indicators: IndicatorList, positions: CodeIndex) {
      sharedPlaces = SlotTable()
      var list = self.list
      var codes = self.codes
      self = Builder()
      list.records = Self.exactly(list.records)
      list.text = Self.exactly(list.text)
      list.shared = Self.exactly(list.shared)
      codes.shrinkToFit { [list] in list.code(at: $0).hashValue }
      return (list, CodeIndex(codes, list))
    }

    /// `array` in a buffer of its size, when it has much room to spare.
    private static func exactly<T>(_ array: [T]) -> [T] {
      guard array.capacity > array.count + array.count / 32 + 16 else { return array }
      return array.withUnsafeBufferPointer { Array($0) }
    }
  }
}

/// Each code's place in an ``IndicatorList`` (the first, should a code repeat): a table of
/// four-byte places that asks the list for the code at a place, rather than a dictionary that
/// holds every code again.
public struct CodeIndex: Sendable {
  private let table: SlotTable
  private let indicators: IndicatorList

  fileprivate init(_ table: SlotTable, _ indicators: IndicatorList) {
    self.table = table
    self.indicators = indicators
  }

  /// The place of the first indicator with `code`; `nil` for a code not defined.
  public subscript(_ code: IndicatorCode) -> Int? {
    indicators.place(of: code.rawValue, in: table)
  }
}
