import SakipXLSX
import Testing

@testable import SakipCore

/// The formula text and width helpers of the recap layout, which write into a reused buffer.
@Suite struct RecapWorkbookFormulaTests {
  private let t = CellAddress(row: 4, col: 12)  // M5
  private let r = CellAddress(row: 4, col: 13)  // N5

  private func achievement(_ targetValue: Double, _ polarity: Polarity, _ rules: MeasurementRules?) -> String {
    var text = "stale"
    Ref.reset(&text)
    Ref.appendAchievement(
      to: &text, target: t, realisation: r, targetValue: targetValue, polarity: polarity,
      rules: rules ?? .default)
    // The same template over reference texts, as the tests of the String form use it.
    #expect(
      text == Ref.achievement(
        target: "M5", realisation: "N5", targetValue: targetValue, polarity: polarity,
        rules: rules ?? .default))
    return text
  }

  @Test func everyBranchOfTheCapaianFormula() {
    let ratio = MeasurementRules(negativeFormula: .ratio)
    let capped = MeasurementRules(cap: 120)
    let cappedRatio = MeasurementRules(negativeFormula: .ratio, cap: 120.5)
    #expect(achievement(10, .positive, nil) == "N5*100/M5")
    #expect(achievement(-10, .positive, nil) == "100+(N5-M5)*100/ABS(M5)")
    #expect(achievement(0, .positive, nil) == "100+(N5-M5)*100/ABS(M5)")
    #expect(achievement(10, .negative, nil) == "MAX(0,(2*M5-N5)*100/M5)")
    #expect(achievement(-10, .negative, nil) == "MAX(0,100+(M5-N5)*100/ABS(M5))")
    #expect(achievement(0, .negative, nil) == "IF(N5<=0,100,0)")
    #expect(achievement(10, .negative, ratio) == "M5*100/N5")
    #expect(achievement(0, .negative, ratio) == "IF(N5<=0,100,0)")
    #expect(achievement(10, .positive, capped) == "MIN(120,N5*100/M5)")
    #expect(achievement(10, .negative, capped) == "MIN(120,MAX(0,(2*M5-N5)*100/M5))")
    #expect(achievement(10, .negative, cappedRatio) == "MIN(120.5,IF(N5=0,120.5,M5*100/N5))")
  }

  @Test func aggregatesOverColumnsWithoutAStringPerCell() {
    func aggregate(_ cols: [Int], _ aggregation: Aggregation) -> String? {
      var text = Ref.buffer()
      let written = Ref.appendAggregate(cols, aggregation, to: &text) { Ref.appendCell(6, $1, to: &$0) }
      return written ? text : nil
    }
    #expect(aggregate([9, 11], .sum) == "SUM(J7,L7)")
    #expect(aggregate([9, 11], .mean) == "AVERAGE(J7,L7)")
    #expect(aggregate([9, 11, 25, 26], .maximum) == "MAX(J7,L7,Z7,AA7)")
    #expect(aggregate([9], .minimum) == "MIN(J7)")
    #expect(aggregate([9, 11], .last) == "L7")
    for aggregation in Aggregation.allCases { #expect(aggregate([], aggregation) == nil) }
    #expect(Ref.aggregate(["A1", "B1"], .sum) == "SUM(A1,B1)")
    #expect(Ref.aggregate([], .last) == nil)
  }

  @Test func capaianCellsReferToTheirSheet() {
    let cells = CapaianCells(
      pages: [("Pengukuran", 5..<7), ("Pengukuran (2)", 5..<6), ("Data's", 9..<9)], col: 25,
      hasCapaian: { $0 != 1 })
    func reference(_ index: Int) -> String? {
      var text = ""
      return cells.appendReference(of: index, to: &text) ? text : nil
    }
    #expect(reference(0) == "'Pengukuran'!$Z$6")
    #expect(reference(0) == Ref.external("Pengukuran", 5, 25))
    #expect(reference(1) == nil)
    #expect(reference(2) == "'Pengukuran (2)'!$Z$6")
    #expect(reference(3) == nil)
    #expect(reference(-1) == nil)
    #expect(Ref.sheetPrefix("Data's") == "'Data''s'!")
    let none = CapaianCells(pages: [("Pengukuran", 5..<7)], col: nil, hasCapaian: { _ in true })
    var text = ""
    #expect(!none.appendReference(of: 0, to: &text) && text.isEmpty)
  }

  @Test(arguments: [
    "", "Kode", "a\nbb\nccc", "\n", "a\n\n", "baris\r\npanjang sekali", "Capaian ≥ 91", "é\nab",
    "👍🏽 x\nab", String(repeating: "x", count: 300),
  ])
  func widestLineCountsCharactersAsBefore(_ text: String) {
    #expect(SheetCursor.widestLine(text) == (text.split(separator: "\n").map(\.count).max() ?? 0))
  }
}
