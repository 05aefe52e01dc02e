import Testing

@testable import SakipCore

/// How `MergedValues` packs what it keeps: every value, flag, place and text comes back as it
/// was given, whatever does or does not fit the packed fields.
struct MergedValuesStorageTests {
  /// Two indicators, `A` and `B`, as in `MergedValuesTests`.
  static let definitions = MergedValuesTests.definitions
  let a = IndicatorCode("A")
  let b = IndicatorCode("B")

  /// Sets `value` as `a`'s realisation in TW I and reads it back.
  func roundTrip(_ value: ReportedValue, isInvalid: Bool = false) -> MergedCell? {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.set(
      MergedCell(value: value, file: "a.csv", line: 7, column: "Realisasi TW I", isInvalid: isInvalid),
      of: a, in: .first, budget: false)
    return merged.realisation(of: a, in: .first)
  }

  @Test func aCellIsSixteenBytesAndSoIsAnEmptySlot() {
    #expect(MemoryLayout<CompactCell>.stride == 16)
    #expect(MemoryLayout<CompactCell?>.stride == 16)
  }

  @Test(arguments: [
    0.0, -0.0, 1, -1, 0.1, 1e300, -1e300, Double.leastNonzeroMagnitude, -Double.leastNormalMagnitude,
    Double.greatestFiniteMagnitude, 268_758_000, 86.93,
  ])
  func numbersComeBackBitForBit(_ number: Double) {
    let value = roundTrip(.number(number))?.value
    #expect(value?.number?.bitPattern == number.bitPattern)
  }

  /// The reader never sends NaN (`NaN` in a cell is an invalid number); one set anyway is kept.
  @Test func aNaNStaysANaN() {
    #expect(roundTrip(.number(.nan))?.value.number?.isNaN == true)
    #expect(roundTrip(.number(.infinity))?.value == .number(.infinity))
  }

  @Test func budgetsComeBackAsNumbers() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let cell = MergedCell(value: .number(-0.0), file: "a.csv", line: 3, column: "Anggaran TW II")
    merged.set(cell, of: b, in: .second, budget: true)
    #expect(merged.budget(of: b, in: .second) == cell)
    #expect(merged.reportedBudget(of: b)[.second]?.sign == .minus)
    #expect(merged.realisation(of: b, in: .second) == nil)
  }

  @Test(arguments: ["BB", "", "Wajar Tanpa Pengecualian", "Tersedia – café 🇮🇩", "e\u{301}"])
  func textValuesComeBackByteForByte(_ text: String) {
    let value = roundTrip(.text(text))?.value
    guard case .text(let kept) = value else {
      Issue.record("\(String(describing: value)) is not text")
      return
    }
    #expect(Array(kept.utf8) == Array(text.utf8))
  }

  @Test func notReportedIsNotReported() {
    #expect(roundTrip(.notReported)?.value == .notReported)
  }

  @Test func theInvalidFlagIsKeptBesideAnyValue() {
    #expect(roundTrip(.notReported, isInvalid: true)?.isInvalid == true)
    #expect(roundTrip(.number(4), isInvalid: true)?.isInvalid == true)
    #expect(roundTrip(.number(4), isInvalid: true)?.value == .number(4))
    #expect(roundTrip(.text("B"), isInvalid: true)?.isInvalid == true)
    #expect(roundTrip(.number(4))?.isInvalid == false)
  }

  @Test func qualitativeValuesAreReportedToTheEngine() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.set(MergedCell(value: .text("BB"), file: "a.csv", line: 1, column: "R"), of: a, in: .first, budget: false)
    merged.set(MergedCell(value: .text("B"), file: "a.csv", line: 1, column: "R"), of: a, in: .second, budget: false)
    #expect(merged.reportedRealisations(of: a) == [.first: .text("BB"), .second: .text("B")])
  }

  /// Lines from 0 to beyond what any packed field holds, and negative ones, come back as given.
  @Test(arguments: [
    0, 1, 65_535, 65_536, (1 << CompactCell.lineBits) - 2, (1 << CompactCell.lineBits) - 1, 1 << CompactCell.lineBits,
    Int(UInt32.max) - 1, Int(UInt32.max), Int(UInt32.max) + 1, Int.max, -1, Int.min,
  ])
  func linesComeBackWhateverTheirSize(_ line: Int) {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let cell = MergedCell(value: .number(2), file: "f.csv", line: line, column: "Realisasi TW II")
    merged.set(cell, of: b, in: .second, budget: false)
    merged.set(cell, of: b, in: .first, budget: true)
    merged.noteOrigin(of: b, file: "f.csv", line: line)
    #expect(merged.realisation(of: b, in: .second) == cell)
    #expect(merged.budget(of: b) == [.first: cell])
    #expect(merged.origin(of: b) == RowOrigin(file: "f.csv", line: line))
    #expect(merged.origin(of: a) == nil)
  }

  /// A cell put aside for its long line, then replaced by one that packs, gives the new place.
  @Test func aReplacedSpilledCellGivesItsNewPlace() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let far = MergedCell(value: .number(1), file: "far.csv", line: Int(UInt32.max) + 9, column: "R")
    let near = MergedCell(value: .number(2), file: "near.csv", line: 9, column: "Q")
    merged.set(far, of: a, in: .first, budget: false)
    merged.set(near, of: a, in: .first, budget: false)
    #expect(merged.realisation(of: a, in: .first) == near)
    merged.set(far, of: a, in: .first, budget: false)
    #expect(merged.realisation(of: a, in: .first) == far)
  }

  /// More column headers than 11 bits number: each cell still names its own.
  @Test func moreHeadersThanPackedStillNameTheirColumn() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let count = (1 << CompactCell.columnBits) + 5
    for n in 0..<count {
      merged.set(
        MergedCell(value: .number(Double(n)), file: "a.csv", line: n, column: "Realisasi \(n)"),
        of: n.isMultiple(of: 2) ? a : b, in: .first, budget: false)
    }
    #expect(merged.realisation(of: a, in: .first)?.column == "Realisasi \(count - 1)")
    #expect(merged.realisation(of: b, in: .first)?.column == "Realisasi \(count - 2)")
    #expect(merged.realisation(of: a, in: .first)?.line == count - 1)
  }

  /// File and column numbers past their packed fields are kept aside by the grid.
  @Test func placesThatDoNotPackAreKeptAside() {
    var texts = TextPool()
    var grid = CellGrid(indicators: 3, through: .fourth)
    let places = [
      CellPlace(file: 1 << CompactCell.fileBits, column: 2, line: 3),
      CellPlace(file: (1 << CompactCell.fileBits) - 1, column: (1 << CompactCell.columnBits) - 1, line: 5),
      CellPlace(file: 4, column: 1 << CompactCell.columnBits, line: 6),
      CellPlace(file: .max, column: .max, line: -7),
    ]
    for (quarter, place) in zip(Quarter.allCases, places) {
      let cell = CompactCell(.number(Double(place.line)), isInvalid: false, place: place, texts: &texts)
      grid.set(cell, from: place, of: 1, in: quarter)
    }
    for (quarter, place) in zip(Quarter.allCases, places) {
      #expect(grid[1, quarter]?.place == place)
      #expect(grid[1, quarter]?.cell.number == Double(place.line))
    }
    #expect(grid[0, .first] == nil)
    #expect(grid[2, .fourth] == nil)
  }

  @Test func originsOfFilesPastEveryFieldComeBack() {
    var origins = RowOrigins(indicators: 2)
    origins.note(file: .max, line: 3, of: 0)
    origins.note(file: .max - 1, line: 4, of: 1)
    origins.note(file: 0, line: 5, of: 1)
    #expect(origins[0]?.file == UInt32.max)
    #expect(origins[0]?.line == 3)
    #expect(origins[1]?.file == UInt32.max - 1)
    #expect(origins[1]?.line == 4)
  }

  @Test func quartersAfterThePeriodAreNotKept() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    for quarter in [Quarter.third, .fourth] {
      merged.set(MergedCell(value: .text("BB"), file: "a.csv", line: 1, column: "R"), of: a, in: quarter, budget: false)
      merged.set(MergedCell(value: .number(1), file: "a.csv", line: 1, column: "R"), of: a, in: quarter, budget: true)
    }
    #expect(merged.realisations(of: a).isEmpty)
    #expect(merged.budget(of: a).isEmpty)
    #expect(merged.reportedRealisations(of: a).isEmpty)
    #expect(merged.reportedBudget(of: a).isEmpty)
  }

  @Test func aLaterFormsTextReplacesTheEarlierOneField() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.setText("Tidak ada kendala", .kendala, of: a)
    merged.setText("Dukungan pimpinan daerah.", .faktorPendorong, of: a)
    merged.setText("Cuaca ekstrem menghambat pekerjaan fisik di lapangan.", .kendala, of: a)
    #expect(
      merged.texts(of: a) == [
        .kendala: "Cuaca ekstrem menghambat pekerjaan fisik di lapangan.",
        .faktorPendorong: "Dukungan pimpinan daerah.",
      ])
    #expect(merged.texts(at: 0) == merged.texts(of: a))
  }

  @Test func everyFieldKeepsItsOwnText() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    for field in FreeTextField.allCases { merged.setText(field.rawValue, field, of: b) }
    for field in FreeTextField.allCases { #expect(merged.texts(of: b)[field] == field.rawValue) }
    #expect(merged.texts(of: a) == FreeTexts())
  }

  @Test func anEmptyTextIsATextNotNone() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.setText("", .keterangan, of: a)
    #expect(merged.texts(of: a)[.keterangan] == "")
    #expect(merged.texts(of: a)[.kendala] == nil)
  }

  @Test func textsOutsideTheDefinitionsAreEmpty() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    merged.setText("x", .kendala, of: IndicatorCode("Z"))
    merged.setText("y", .kendala, of: b)
    #expect(merged.texts(at: 1) == [.kendala: "y"])
    #expect(merged.texts(at: 2) == FreeTexts())
    #expect(merged.texts(at: -1) == FreeTexts())
    #expect(merged.texts(of: IndicatorCode("Z")) == FreeTexts())
  }

  @Test func theSameTextIsKeptOnceAndGivenBackEqual() {
    var merged = MergedValues(for: Self.definitions, through: .second)
    let text = "Data dari OPD pengampu belum lengkap saat pelaporan."
    merged.setText(text, .kendala, of: a)
    merged.setText(String(decoding: Array(text.utf8), as: UTF8.self), .kendala, of: b)
    merged.setText(text, .keterangan, of: b)
    #expect(merged.texts(of: a)[.kendala] == text)
    #expect(merged.texts(of: b)[.kendala] == text)
    #expect(merged.texts(of: b)[.keterangan] == text)
  }

  @Test func aPoolNumbersEachTextOnceAndGivesItsBytesBack() {
    var pool = TextPool()
    let texts = (0..<5_000).map { "Laporan kegiatan No. \($0)/1/2025" } + ["", "a", "ab", "e\u{301}", "\u{e9}"]
    let numbers = texts.map { pool.number(of: $0) }
    #expect(pool.count == texts.count)
    #expect(Set(numbers).count == texts.count)
    for (text, number) in zip(texts, numbers) {
      #expect(Array(pool[number].utf8) == Array(text.utf8))
      #expect(pool.number(of: text) == number)
    }
    #expect(pool.count == texts.count)
  }
}
