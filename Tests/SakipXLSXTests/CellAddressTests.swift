import Testing

@testable import SakipXLSX

/// Column letters and A1 text, which formulas name once per referenced cell.
@Suite struct CellAddressTests {
  @Test(arguments: [
    (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"),
    (702, "AAA"), (703, "AAB"), (16_383, "XFD"),
  ])
  func columnNamesAtTheLetterBoundaries(_ col: Int, _ name: String) {
    #expect(CellAddress.columnName(col) == name)
    #expect(CellAddress("\(name)1") == CellAddress(row: 0, col: col))
  }

  @Test func columnsOutsideTheGridAreStillSpelled() {
    #expect(CellAddress.columnName(16_384) == "XFE")
    #expect(CellAddress.columnName(18_277) == "ZZZ")
    #expect(CellAddress.columnName(18_278) == "AAAA")
    #expect(CellAddress.columnName(-1) == "")
  }

  @Test func everyGridColumnMatchesItsSpelling() {
    for col in 0..<Worksheet.maxColumns {
      let name = CellAddress.columnName(col)
      guard name == CellAddress.spelledColumnName(col), CellAddress("\(name)7")?.col == col else {
        Issue.record("column \(col): \(name)")
        return
      }
    }
  }

  @Test func addressesAppendToABuffer() {
    var text = "SUM("
    CellAddress(row: 4, col: 7).appendA1(to: &text)
    text += ":"
    CellAddress(row: 1_048_575, col: 16_383).appendA1(to: &text, absolute: true)
    text += ")"
    #expect(text == "SUM(H5:$XFD$1048576)")
    #expect(CellAddress(row: 9, col: 26).description == "AA10")
    #expect(CellAddress(row: 9, col: 26).absolute == "$AA$10")
  }
}
