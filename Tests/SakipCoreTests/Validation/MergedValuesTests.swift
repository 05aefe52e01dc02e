import Testing

@testable import SakipCore

struct MergedValuesTests {
  static let definitions = IndicatorDefinitions([
    IndicatorDefinition(code: IndicatorCode("A"), wording: "a", unit: "%", section: "X", annualTarget: .number(1)),
    IndicatorDefinition(code: IndicatorCode("B"), wording: "b", unit: "%", section: "X", annualTarget: .number(1)),
  ])
  let a = IndicatorCode("A")
  let b = IndicatorCode("B")

  @Test func quarterGridKeepsOneValuePerSlot() {
    var grid = QuarterGrid<Int>(indicators: 3, through: .third)
    grid[0, .first] = 1
    grid[2, .third] = 23
    grid[1, .second] = 12
    grid[1, .second] = 13
    #expect(grid[0, .first] == 1)
    #expect(grid[0, .second] == nil)
    #expect(grid[1, .second] == 13)
    #expect(grid[2, .third] == 23)
    #expect(grid.values(of: 1) == [.second: 13])
    #expect(grid.values(of: 2) == [.third: 23])
  }

  @Test func quarterGridKeepsNothingAfterTheReportingQuarter() {
    var grid = QuarterGrid<Int>(indicators: 2, through: .second)
    grid[1, .third] = 3
    grid[1, .fourth] = 4
    #expect(grid[1, .third] == nil)
    #expect(grid[1, .fourth] == nil)
    #expect(grid.values(of: 1).isEmpty)
    #expect(grid.values(of: 0).isEmpty)
  }

  @Test func nameTableNumbersEachNameOnce() {
    var names = NameTable()
    let x = names.number(of: "x.csv")
    let y = names.number(of: "Realisasi TW I")
    #expect(x != y)
    #expect(names.number(of: "x.csv") == x)
    #expect(names[x] == "x.csv")
    #expect(names[y] == "Realisasi TW I")
  }

  @Test func cellsComeBackWithTheirFileAndColumn() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let cell = MergedCell(value: .number(3), file: "a.csv", line: 7, column: "Realisasi TW II")
    merged.set(cell, of: b, in: .second, budget: false)
    merged.set(MergedCell(value: .number(9), file: "c.csv", line: 2, column: "Anggaran"), of: b, in: .first, budget: true)
    #expect(merged.realisation(of: b, in: .second) == cell)
    #expect(merged.realisation(of: b, in: .first) == nil)
    #expect(merged.realisation(of: a, in: .second) == nil)
    #expect(merged.realisations(of: b) == [.second: cell])
    #expect(merged.budget(of: b, in: .first)?.file == "c.csv")
    #expect(merged.budget(of: b, in: .first)?.column == "Anggaran")
    #expect(merged.reportedBudget(of: b) == [.first: 9])
    #expect(merged.reportedBudget(of: a) == [:])
  }

  @Test func unknownCodesAndLaterQuartersAreNotKept() {
    var merged = MergedValues(for: Self.definitions, through: .first)
    let cell = MergedCell(value: .number(3), file: "a.csv", line: 7, column: "R")
    merged.set(cell, of: IndicatorCode("Z"), in: .first, budget: false)
    merged.set(cell, of: a, in: .second, budget: false)
    #expect(merged.realisations(of: IndicatorCode("Z")) == [:])
    #expect(merged.realisations(of: a) == [:])
    #expect(merged.origin(of: IndicatorCode("Z")) == nil)
  }

  @Test func theFirstRowIsTheOrigin() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    #expect(merged.origin(of: a) == nil)
    merged.noteOrigin(of: a, file: "first.csv", line: 5)
    merged.noteOrigin(of: a, file: "second.csv", line: 9)
    #expect(merged.origin(of: a) == RowOrigin(file: "first.csv", line: 5))
  }

  @Test func aLaterTextReplacesAnEarlierOne() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.setText("old", .kendala, of: a)
    merged.setText("SK 1", .buktiDukung, of: a)
    merged.setText("new", .kendala, of: a)
    #expect(merged.texts(of: a) == [.kendala: "new", .buktiDukung: "SK 1"])
    #expect(merged.texts(of: b) == FreeTexts())
  }

  /// A text is kept as its form wrote it, byte for byte: `café` with a composed é on one row and
  /// a decomposed one on another stay two spellings (Swift would call them equal).
  @Test func eachTextKeepsItsOwnSpelling() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
    merged.setText(composed, .kendala, of: a)
    merged.setText(decomposed, .kendala, of: b)
    #expect(composed == decomposed)
    #expect(merged.texts(of: a)[.kendala].map { Array($0.utf8) } == Array(composed.utf8))
    #expect(merged.texts(of: b)[.kendala].map { Array($0.utf8) } == Array(decomposed.utf8))
  }

  @Test func unreadableCellsAreTextForTheEngine() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.set(MergedCell(value: .notReported, file: "a.csv", line: 1, column: "R", isInvalid: true), of: a, in: .first, budget: false)
    merged.set(MergedCell(value: .notReported, file: "a.csv", line: 1, column: "R"), of: a, in: .second, budget: false)
    #expect(merged.reportedRealisations(of: a) == [.first: .text("")])
  }

  /// What measuring takes in one lookup is what the two lookups give: unreadable cells as text,
  /// empty ones left out, budgets as numbers, an unknown code with nothing.
  @Test func whatMeasuringTakesIsFoundInOneLookup() {
    var merged = MergedValues(for: Self.definitions, through: .third)
    merged.set(MergedCell(value: .number(4), file: "a.csv", line: 1, column: "R1"), of: a, in: .first, budget: false)
    merged.set(MergedCell(value: .notReported, file: "a.csv", line: 1, column: "R2"), of: a, in: .second, budget: false)
    merged.set(MergedCell(value: .text("BB"), file: "a.csv", line: 1, column: "R3"), of: a, in: .third, budget: false)
    merged.set(MergedCell(value: .notReported, file: "a.csv", line: 2, column: "R1", isInvalid: true), of: b, in: .first, budget: false)
    merged.set(MergedCell(value: .number(1e9), file: "a.csv", line: 1, column: "A1"), of: a, in: .first, budget: true)
    merged.set(MergedCell(value: .notReported, file: "a.csv", line: 1, column: "A2"), of: a, in: .second, budget: true)
    for code in [a, b, IndicatorCode("Z")] {
      let reported = merged.reported(of: code)
      #expect(reported.realisations == merged.reportedRealisations(of: code))
      #expect(reported.budget == merged.reportedBudget(of: code))
    }
    #expect(merged.reported(of: a).realisations == [.first: .number(4), .third: .text("BB")])
    #expect(merged.reported(of: a).budget == [.first: 1e9])
    #expect(merged.reported(of: b).realisations == [.first: .text("")])
    #expect(merged.reported(of: IndicatorCode("Z")).realisations.isEmpty)
  }

  @Test func conflictsKeepTheFirstValue() throws {
    let form = """
      Unit Kerja;Bidang Aplikasi
      Tahun;2025
      Periode;TW II
      Kode;Satuan;Target;Realisasi TW I;Realisasi TW II
      P1;aplikasi;12;3;4
      """
    let later = form.replacingOccurrences(of: "P1;aplikasi;12;3;4", with: "P1;aplikasi;12;5;")
    let definitions = try sampleDefinitions()
    let forms = try [("first.csv", form), ("second.csv", later)].map { file, text in
      try FormReader(file: file, decimalMark: .comma, defaultPeriod: .second).read(records(text), definitions: definitions).0
    }
    var findings: [Finding] = []
    let merged = Validator.merge(
      ValidationInput(definitions: definitions, forms: forms, period: .second, year: 2025), into: &findings)
    let p1 = IndicatorCode("P1")
    #expect(merged.realisation(of: p1, in: .first)?.value == .number(3))
    #expect(merged.realisation(of: p1, in: .first)?.file == "first.csv")
    #expect(merged.realisation(of: p1, in: .second)?.value == .number(4))
    #expect(findings.map(\.code) == [.conflict])
    #expect(merged.origin(of: p1)?.file == "first.csv")
  }

  /// Forms merged one by one as they are read, then kept without their values, validate as
  /// the whole forms do: the same findings in the same order, the same merged values.
  @Test func mergingAsFormsAreReadValidatesAsMergingAtTheEnd() throws {
    let form = """
      Unit Kerja;Bidang Aplikasi
      Tahun;2025
      Periode;TW II
      Kode;Satuan;Target;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I;Kendala
      P1;aplikasi;12;3;4;100;Hujan
      P2;kali;80;60;;;
      """
    let later = form.replacingOccurrences(of: "P1;aplikasi;12;3;4;100;Hujan", with: "P1;aplikasi;12;5;;90;Banjir")
    let definitions = try sampleDefinitions()
    let forms = try [("first.csv", form), ("second.csv", later)].map { file, text in
      try FormReader(file: file, decimalMark: .comma, defaultPeriod: .second).read(records(text), definitions: definitions).0
    }
    let whole = Validator.validate(ValidationInput(definitions: definitions, forms: forms, period: .second, year: 2025))
    var merge = FormMerge(for: definitions, through: .second)
    var kept: [Form] = []
    for form in forms {
      merge.add(form)
      kept.append(form.remains(for: definitions))
    }
    #expect(kept.allSatisfy { $0.rows.allSatisfy { $0.realisations.isEmpty && $0.budget.isEmpty } })
    var input = ValidationInput(definitions: definitions, forms: kept, period: .second, year: 2025)
    input.merged = merge
    let asRead = Validator.validate(input)
    #expect(asRead.findings == whole.findings)
    #expect(asRead.findings.contains { $0.code == .conflict })
    #expect(asRead.findings.contains { $0.code == .unitMismatch })
    #expect(asRead.formSections == whole.formSections)
    for indicator in definitions.indicators {
      #expect(asRead.merged.realisations(of: indicator.code) == whole.merged.realisations(of: indicator.code))
      #expect(asRead.merged.budget(of: indicator.code) == whole.merged.budget(of: indicator.code))
      #expect(asRead.merged.texts(of: indicator.code) == whole.merged.texts(of: indicator.code))
      #expect(asRead.merged.origin(of: indicator.code) == whole.merged.origin(of: indicator.code))
    }
  }
}
