import Testing

@testable import SakipCore

/// The definitions as packed (``IndicatorList``, ``CodeIndex``): every indicator given back
/// exactly as put in, every code found where a dictionary would find it.
struct DefinitionStorageTests {
  /// Definitions that reach every case of every field.
  static let awkward: [IndicatorDefinition] = [
    // The usual: short decimals, a ceiling in rupiah, every word given.
    IndicatorDefinition(
      code: IndicatorCode("2.16.01.1.01"), wording: "Persentase layanan aplikasi yang terintegrasi",
      unit: "%", section: "Bidang Aplikasi Informatika", annualTarget: .number(75.5),
      quarterTargets: [.first: .number(20), .second: .number(40), .third: .number(60), .fourth: .number(75.5)],
      level: .program, parent: IndicatorCode("SS1"), isKeyIndicator: true, polarity: .positive,
      aggregation: .last, ceiling: 1_003_000_000, strategicTarget: .number(80),
      lastYearRealisation: .number(0.1), line: 3),
    // Grades everywhere a target may be one; nothing optional given.
    IndicatorDefinition(
      code: IndicatorCode("SS1"), wording: "Opini BPK", unit: "predikat", section: "Sekretariat",
      annualTarget: .grade("WTP"), quarterTargets: [.second: .grade("BB"), .fourth: .grade("WTP")],
      strategicTarget: .grade("WTP"), lastYearRealisation: .grade("WDP"), line: 4),
    // Numbers only wide bits can hold.
    IndicatorDefinition(
      code: IndicatorCode("W"), wording: "w", unit: "u", section: "Sekretariat",
      annualTarget: .number(-0.0),
      quarterTargets: [
        .first: .number(1e300), .second: .number(.leastNonzeroMagnitude), .third: .number(-.infinity),
        .fourth: .number(9_007_199_254_740_993),
      ],
      level: .subActivity, isKeyIndicator: false, polarity: .negative, aggregation: .minimum,
      ceiling: -0.0, strategicTarget: .number(.greatestFiniteMagnitude),
      lastYearRealisation: .number(123_456_789.123_456), line: 5),
    // Not a number at all, as a target and a ceiling.
    IndicatorDefinition(
      code: IndicatorCode("N"), wording: "", unit: "", section: "", annualTarget: .number(.nan),
      quarterTargets: [.first: .number(.nan)], level: .goal, aggregation: .sum, ceiling: .infinity,
      line: 0),
    // Text outside ASCII, long and short; a line past four bytes.
    IndicatorDefinition(
      code: IndicatorCode("\u{C4}.1-\u{FC}"), wording: String(repeating: "Indeks kepuasan masyarakat 😀 ", count: 2_000),
      unit: "indeks", section: "Caf\u{E9} Sekretariat", annualTarget: .grade(""),
      quarterTargets: [.third: .number(-7.25)], level: .objective, parent: IndicatorCode("Kode induk yang panjang sekali"),
      aggregation: .mean, ceiling: 0, lastYearRealisation: .number(-33_554_431), line: 1 << 33),
    // The same section in its decomposed form (the same String, other bytes): kept as spelt.
    IndicatorDefinition(
      code: IndicatorCode("D"), wording: "d", unit: "%", section: "Cafe\u{301} Sekretariat",
      annualTarget: .number(33_554_432), level: .activity, aggregation: .maximum, ceiling: 12_345_678_900,
      strategicTarget: .number(-1e-8), line: -1),
    // Every decimal place a decimal can have, and one more.
    IndicatorDefinition(
      code: IndicatorCode("P"), wording: "p", unit: "%", section: "Sekretariat", annualTarget: .number(0.000_000_01),
      quarterTargets: [.first: .number(1.5), .second: .number(0.123_456_789), .third: .number(1e14), .fourth: .number(5e15)],
      ceiling: 450_000_000, strategicTarget: .number(-0.3), lastYearRealisation: .number(99.99), line: Int(UInt32.max)),
  ]

  @Test func everyFieldComesBackAsGiven() {
    let definitions = IndicatorDefinitions(Self.awkward)
    #expect(definitions.indicators.count == Self.awkward.count)
    for (given, back) in zip(Self.awkward, definitions.indicators) {
      expectSame(back, given)
    }
    // And through every other way to them.
    for (position, given) in Self.awkward.enumerated() {
      expectSame(definitions.indicators[position], given)
      if let back = definitions[given.code] { expectSame(back, given) } else { Issue.record("\(given.code) not found") }
    }
    #expect(definitions.indicators[2..<4].map(\.code.rawValue) == ["W", "N"])
    #expect(Array(definitions.indicators.reversed()).map(\.line) == Self.awkward.reversed().map(\.line))
  }

  /// A broken packing that kept everything whole would give everything back too.
  @Test func onlyWhatDoesNotFitIsKeptWhole() {
    let list = IndicatorDefinitions(Self.awkward).indicators
    // A line past four bytes, or below zero: kept whole. Anything else is packed.
    #expect(list.indices.map(list.isPacked(at:)) == [true, true, true, true, false, false, true])
  }

  /// A target as written in a definitions file takes one to four bytes; any number comes back
  /// bit for bit.
  @Test func targetsTakeAFewBytesAndComeBackBitForBit() {
    let sizes: [(Double, Int)] = [
      (0, 1), (33, 1), (127, 1), (10, 1), (128, 3), (-1, 2), (7.5, 3), (0.1, 2), (99.99, 4),
      (450_000_000, 2), (1.003e9, 3), (-0.3, 2), (1e-8, 2), (123_456_789.123, 7),
      (-0.0, 9), (.nan, 9), (.infinity, 9), (1e300, 9), (0.123_456_789_012_345_678, 9),
    ]
    for (number, size) in sizes {
      #expect(packed(.number(number)).count == size, "\(number)")
      #expect(unpacked(packed(.number(number))) == "number \(number.bitPattern)", "\(number)")
    }
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let number = Double(bitPattern: random.next())
      #expect(unpacked(packed(.number(number))) == "number \(number.bitPattern)", "\(number)")
      let decimal = Double(Int64.random(in: -10_000_000...10_000_000, using: &random)) / 1000
      #expect(unpacked(packed(.number(decimal))) == "number \(decimal.bitPattern)", "\(decimal)")
      #expect(packed(.number(decimal)).count <= 5, "\(decimal)")
    }
    #expect(packed(.grade("BB"), place: 300) == [0xA0, 0xAC, 0x02])
    #expect(unpacked(packed(.grade("BB"), place: 2)) == "grade BB")
  }

  private func packed(_ target: Target, place: UInt32 = 2) -> [UInt8] {
    var bytes: [UInt8] = []
    PackedTarget.append(target, to: &bytes, gradePlace: place)
    return bytes
  }

  /// The target read back, and that all of its bytes were read.
  private func unpacked(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      let target = PackedTarget.read(buffer, at: &offset, shared: ["A", "B", "BB"])
      guard offset == bytes.count else { return "read \(offset) of \(bytes.count) bytes" }
      return switch target {
      case .number(let n): "number \(n.bitPattern)"
      case .grade(let g): "grade \(g)"
      }
    }
  }

  @Test func aCodeIsFoundAtItsFirstPlace() {
    var given = Self.awkward
    var repeated = Self.awkward[1]
    repeated.wording = "the second SS1"
    repeated.line = 99
    given.append(repeated)
    let definitions = IndicatorDefinitions(given)
    #expect(definitions.positions[IndicatorCode("SS1")] == 1)
    #expect(definitions[IndicatorCode("SS1")]?.wording == "Opini BPK")
    #expect(definitions.indicators[7].wording == "the second SS1")
    #expect(definitions.positions[IndicatorCode("ss1")] == nil)
    #expect(definitions.positions[IndicatorCode("SS")] == nil)
    #expect(definitions.positions[IndicatorCode("")] == nil)
    #expect(definitions[IndicatorCode("nope")] == nil)
    #expect(definitions.section(of: IndicatorCode("nope")) == nil)
    // Found as a dictionary finds it: by the code as a String, in any Unicode form.
    #expect(definitions.positions[IndicatorCode("A\u{308}.1-u\u{308}")] == 4)
    #expect(definitions.section(of: IndicatorCode("D")).map { Array($0.utf8) } == Array("Cafe\u{301} Sekretariat".utf8))
  }

  /// Many codes, repeats among them, against the dictionary the index replaces.
  @Test func manyCodesAreFoundWhereADictionaryFindsThem() {
    var given: [IndicatorDefinition] = []
    var expected: [IndicatorCode: Int] = [:]
    for i in 0..<20_000 {
      let code = IndicatorCode(i % 7 == 3 ? "K\(i / 2)" : "K\(i)")
      given.append(
        IndicatorDefinition(
          code: code, wording: "w\(i)", unit: "%", section: "S\(i % 13)", annualTarget: .number(Double(i)),
          line: i + 2))
      if expected[code] == nil { expected[code] = i }
    }
    let definitions = IndicatorDefinitions(given)
    for i in 0..<20_500 {
      let code = IndicatorCode("K\(i)")
      #expect(definitions.positions[code] == expected[code], "\(code)")
    }
    #expect(definitions.indicators.map(\.line) == given.map(\.line))
  }

  @Test func sectionsInTheirFirstSpellingWithTheirIndicatorsInOrder() {
    let section = { (code: String, section: String) in
      IndicatorDefinition(code: IndicatorCode(code), wording: code, unit: "%", section: section, annualTarget: .number(1))
    }
    let definitions = IndicatorDefinitions([
      section("a1", "Bidang  A"), section("b1", "Bidang B"), section("a2", "bidang a"), section("a3", "Bidang  A"),
      section("c1", "Cafe\u{301}"), section("b2", "Bidang B"), section("c2", "Caf\u{E9}"), section("e1", ""),
    ])
    #expect(definitions.sections == ["Bidang  A", "Bidang B", "Cafe\u{301}", ""])
    #expect(definitions.indicators(of: "BIDANG a").map(\.code.rawValue) == ["a1", "a2", "a3"])
    #expect(definitions.indicators(of: "bidang a").map(\.section) == ["Bidang  A", "bidang a", "Bidang  A"])
    #expect(definitions.indicators(of: "Bidang B").map(\.code.rawValue) == ["b1", "b2"])
    #expect(definitions.indicators(of: "café").map(\.code.rawValue) == ["c1", "c2"])
    #expect(definitions.indicators(of: "").map(\.code.rawValue) == ["e1"])
    #expect(definitions.indicators(of: "Bidang C").isEmpty)
    #expect(definitions.section(named: " bidang   a ") == "Bidang  A")
    #expect(definitions.section(named: "CAFÉ") == "Cafe\u{301}")
    #expect(definitions.section(named: "Bidang C") == nil)
    #expect(definitions.section(of: IndicatorCode("a2")) == "bidang a")
    // Each indicator keeps its section as spelt, byte for byte.
    #expect(definitions.section(of: IndicatorCode("c1")).map { Array($0.utf8) } == Array("Cafe\u{301}".utf8))
    #expect(definitions.section(of: IndicatorCode("c2")).map { Array($0.utf8) } == Array("Caf\u{E9}".utf8))
    #expect(definitions.sections.map { Array($0.utf8) }[2] == Array("Cafe\u{301}".utf8))
  }

  @Test func noIndicators() {
    let definitions = IndicatorDefinitions([])
    #expect(definitions.indicators.isEmpty)
    #expect(definitions.sections.isEmpty)
    #expect(definitions.positions[IndicatorCode("A")] == nil)
    #expect(definitions.nearestCode(to: IndicatorCode("A")) == nil)
    #expect(definitions.indicators(of: "").isEmpty)
  }

  @Test func theNearestCodeIsOneDefined() {
    let definitions = IndicatorDefinitions(Self.awkward)
    #expect(definitions.nearestCode(to: IndicatorCode("2.16.01.1.0l")) == IndicatorCode("2.16.01.1.01"))
    #expect(definitions.nearestCode(to: IndicatorCode("SS2")) == IndicatorCode("SS1"))
  }

  /// The reader finds a code's first row, and checks the cascade, on the packed list: through
  /// rows that are not valid too, in file order, each parent named as its child's row wrote it.
  @Test func theCascadeIsCheckedThroughEveryRowWithACode() throws {
    let csv = """
      kode;indikator;satuan;penanggung_jawab;target;induk
      A;a;u;S;1;B
      B;b;;S;1;A
      C;c;u;S;1;Q
      D;d;u;S;1x;R
      E;e;u;S;1;A\u{308}
      \u{C4};f;u;S;1;E
      G;g;u;S;1;D
      A;again;u;S;1;
      B;again;u;S;1;
      """
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma).read(try records(csv + "\n"))
    let found = reading.findings.map { finding -> String in
      let line = finding.location.line ?? 0
      return switch finding.message {
      case .definitionCycle(let path): "\(line) cycle \(path.map { Array($0.rawValue.unicodeScalars.map(\.value)) })"
      case .definitionParentUnknown(let code): "\(line) unknown \(code) at \(finding.location.column ?? "")"
      case .definitionDuplicate(let first): "\(line) duplicate of \(first)"
      case .definitionValueMissing: "\(line) missing \(finding.location.column ?? "")"
      case .definitionNotNumber: "\(line) not a number"
      default: "\(line) \(finding.message)"
      }
    }
    let a = [65], b = [66], e = [69], aUmlaut = [65, 0x308]
    #expect(found == [
      "2 cycle \([a, b, a])", "3 missing satuan", "4 unknown Q at induk", "5 not a number",
      "5 unknown R at induk", "6 cycle \([e, aUmlaut, e])", "9 duplicate of 2", "10 duplicate of 3",
    ])
    #expect(reading.definitions.indicators.map(\.code.rawValue) == ["A", "C", "E", "\u{C4}", "G"])
  }

  /// Field by field, numbers by their bits (`==` takes -0 for 0 and no NaN for itself).
  private func expectSame(
    _ back: IndicatorDefinition, _ given: IndicatorDefinition,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    func bits(_ target: Target?) -> String {
      switch target {
      case nil: "none"
      case .number(let n)?: "number \(n.bitPattern)"
      case .grade(let g)?: "grade \(Array(g.utf8))"
      }
    }
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    let code = given.code.rawValue
    #expect(bytes(back.code.rawValue) == bytes(given.code.rawValue), "\(code)", sourceLocation: sourceLocation)
    #expect(bytes(back.wording) == bytes(given.wording), "\(code)", sourceLocation: sourceLocation)
    #expect(bytes(back.unit) == bytes(given.unit), "\(code)", sourceLocation: sourceLocation)
    #expect(bytes(back.section) == bytes(given.section), "\(code)", sourceLocation: sourceLocation)
    #expect(bits(back.annualTarget) == bits(given.annualTarget), "\(code)", sourceLocation: sourceLocation)
    for quarter in Quarter.allCases {
      #expect(
        bits(back.quarterTargets[quarter]) == bits(given.quarterTargets[quarter]), "\(code) \(quarter)",
        sourceLocation: sourceLocation)
    }
    #expect(back.quarterTargets.isEmpty == given.quarterTargets.isEmpty, "\(code)", sourceLocation: sourceLocation)
    #expect(back.level == given.level, "\(code)", sourceLocation: sourceLocation)
    #expect(
      back.parent.map { bytes($0.rawValue) } == given.parent.map { bytes($0.rawValue) }, "\(code)",
      sourceLocation: sourceLocation)
    #expect(back.isKeyIndicator == given.isKeyIndicator, "\(code)", sourceLocation: sourceLocation)
    #expect(back.polarity == given.polarity, "\(code)", sourceLocation: sourceLocation)
    #expect(back.aggregation == given.aggregation, "\(code)", sourceLocation: sourceLocation)
    #expect(back.ceiling?.bitPattern == given.ceiling?.bitPattern, "\(code)", sourceLocation: sourceLocation)
    #expect(bits(back.strategicTarget) == bits(given.strategicTarget), "\(code)", sourceLocation: sourceLocation)
    #expect(bits(back.lastYearRealisation) == bits(given.lastYearRealisation), "\(code)", sourceLocation: sourceLocation)
    #expect(back.line == given.line, "\(code)", sourceLocation: sourceLocation)
  }
}
