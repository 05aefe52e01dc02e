import Testing

@testable import SakipCore

struct DefinitionsReaderTests {
  @Test func readsEveryColumn() throws {
    let definitions = try sampleDefinitions()
    #expect(definitions.indicators.map(\.code.rawValue) == ["S1", "P1", "P2", "P3", "S2"])
    #expect(definitions.sections == ["Sekretariat", "Bidang Aplikasi"])
    let p1 = try #require(definitions[IndicatorCode("P1")])
    #expect(p1.annualTarget == .number(12))
    #expect(p1.quarterTargets[.second] == .number(3))
    #expect(p1.aggregation == .sum)
    #expect(p1.ceiling == 450_000_000)
    #expect(p1.level == .program)
    #expect(p1.parent == IndicatorCode("S1"))
    #expect(p1.line == 3)
    #expect(definitions[IndicatorCode("P3")]?.polarity == .negative)
    #expect(definitions[IndicatorCode("S2")]?.annualTarget == .grade("BB"))
    #expect(definitions[IndicatorCode("S2")]?.isQualitative == true)
    #expect(definitions[IndicatorCode("S1")]?.annualTarget == .number(3.5))
  }

  @Test func englishHeadersAndDefaults() throws {
    let csv = "code,indicator,unit,section,annual_target\nA1,Index,index,Secretariat,3.5\n"
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .point).read(try records(csv))
    #expect(reading.findings == [])
    let a1 = try #require(reading.definitions[IndicatorCode("A1")])
    #expect(a1.polarity == .positive)
    #expect(a1.aggregation == .last)
    #expect(a1.annualTarget == .number(3.5))
  }

  /// Rows are read in parallel chunks; what is found across chunks (a code repeated thousands
  /// of rows later) and the order of everything must be as in one pass.
  @Test func largeFileReadInChunksKeepsFileOrderAndFindsDuplicatesAcrossChunks() throws {
    var csv = "kode;indikator;satuan;penanggung_jawab;target\n"
    for i in 1...10_000 {
      switch i {
      case 5_000: csv += "K1;Ulang;%;Bidang A;80\n"  // line 5001 repeats line 2
      case 7_000: csv += "K7000;Tanpa target;%;Bidang B;\n"  // line 7001
      case 9_999: csv += ";Tanpa kode;%;Bidang B;1\n"  // line 10000
      default: csv += "K\(i);Indikator \(i);%;Bidang \(i % 2 == 0 ? "A" : "B");\(i)\n"
      }
    }
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma).read(try records(csv))
    #expect(reading.definitions.indicators.count == 9_997)
    #expect(reading.definitions.indicators.first?.code == IndicatorCode("K1"))
    #expect(reading.definitions.indicators.last?.code == IndicatorCode("K10000"))
    #expect(zip(reading.definitions.indicators, reading.definitions.indicators.dropFirst()).allSatisfy { $0.line < $1.line })
    #expect(reading.findings.map(\.location.line) == [5001, 7001, 10000])
    #expect(reading.findings.first?.message == .definitionDuplicate(firstLine: 2))
    #expect(reading.findings.dropFirst().allSatisfy { $0.message == .definitionValueMissing })
    #expect(reading.definitions.sections == ["Bidang B", "Bidang A"])
  }

  /// Every kind of bad row, each listed, none hiding another (SPEC §2).
  @Test func everythingWrongIsListedNotJustTheFirst() throws {
    let csv = """
      Judul: PK 2025;;;;;;;;
      kode;indikator;satuan;penanggung_jawab;level;induk;polaritas;agregasi;target
      A;Satu;%;Sekretariat;sasaran;;positif;akhir;80
      A;Dua;%;Sekretariat;sasaran;;positif;akhir;80
      B;;%;Sekretariat;sasaran;;positif;akhir;80
      C;Tiga;%;Sekretariat;tingkat-x;;positif;akhir;80
      D;Empat;%;Sekretariat;program;Z;naik;akhir;80
      E;Lima;%;Sekretariat;program;;positif;median;80
      F;Enam;%;Sekretariat;program;G;positif;akhir;1.5
      G;Tujuh;%;Sekretariat;program;F;positif;akhir;80
      ;Delapan;%;Sekretariat;program;;positif;akhir;80
      """
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma).read(try records(csv))
    #expect(!reading.isUsable)
    #expect(
      reading.findings.map { [String($0.location.line ?? 0), $0.location.column ?? "-", $0.indicator?.rawValue ?? "-"] } == [
        ["4", "kode", "A"],  // duplicate
        ["5", "indikator", "B"],  // missing value
        ["6", "level", "C"],  // unknown level
        ["7", "polaritas", "D"],  // unknown polarity
        ["7", "induk", "D"],  // parent does not exist
        ["8", "agregasi", "E"],  // unknown aggregation
        ["9", "target", "F"],  // not a number in this file
        ["9", "induk", "F"],  // cycle F → G → F
        ["11", "kode", "-"],  // missing code
      ])
    #expect(reading.findings.allSatisfy { $0.code == .invalidDefinition && $0.severity == .error })
    #expect(reading.findings[0].message == .definitionDuplicate(firstLine: 3))
  }

  /// A long chain of parents (an `induk` column filled down by mistake) is read in linear time.
  /// The cycle check walked every chain with a linear search of the path: cubic, 4 s for 2,000
  /// rows in a release build, minutes for 10,000. A chain running into a cycle reports the cycle
  /// once, at its first row, and not at the rows leading into it.
  @Test func longParentChainIsWalkedOnce() throws {
    var csv = "kode;indikator;satuan;penanggung_jawab;target;induk\n"
    for i in 0..<5_000 { csv += "K\(i);w;u;S;1;" + (i == 0 ? "" : "K\(i - 1)") + "\n" }
    csv += "X;x;u;S;1;K4999\nY;y;u;S;1;Z\nZ;z;u;S;1;Y\nW;w;u;S;1;Y\n"
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma).read(try records(csv))
    #expect(reading.findings.map(\.message) == [.definitionCycle(["Y", "Z", "Y"].map(IndicatorCode.init))])
    #expect(reading.findings.first?.location.line == 5_003)

    // Walking up from every child of a 5,000-long chain, in file order and reversed: each
    // code is stepped on once plus one step per start, never once per ancestor.
    var parentOf: [IndicatorCode: IndicatorCode] = [:]
    for i in 1..<5_000 { parentOf[IndicatorCode("K\(i)")] = IndicatorCode("K\(i - 1)") }
    let starts = (1..<5_000).map { IndicatorCode("K\($0)") }
    for order in [starts, starts.reversed()] {
      let walk = DefinitionsReader.codesOnCycles(starts: order, parentOf: parentOf)
      #expect(walk.codes.isEmpty)
      #expect(walk.steps <= 2 * 5_000)
    }
    parentOf[IndicatorCode("K0")] = IndicatorCode("K4999")
    let ring = DefinitionsReader.codesOnCycles(starts: starts, parentOf: parentOf)
    #expect(ring.codes.count == 5_000)
    #expect(ring.steps <= 2 * 5_000)
  }

  @Test func missingRequiredColumnsAreNamed() throws {
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma)
      .read(try records("kode;indikator\nA;Satu\n"))
    #expect(reading.findings.map(\.message) == [.definitionColumnsMissing(["satuan", "penanggung_jawab", "target"])])
  }

  @Test func noHeaderRowAtAll() throws {
    let reading = DefinitionsReader(file: "d.csv", decimalMark: .comma).read(try records("a;b\n1;2\n"))
    #expect(!reading.isUsable)
  }

  @Test func nearestCodeSuggestsTypos() throws {
    let definitions = try sampleDefinitions()
    #expect(definitions.nearestCode(to: IndicatorCode("P01")) == IndicatorCode("P1"))
    #expect(definitions.nearestCode(to: IndicatorCode("s1")) == IndicatorCode("S1"))
    #expect(definitions.nearestCode(to: IndicatorCode("XYZ.999.ABC")) == nil)
  }
}
