import SakipXLSX
import Testing

@Suite struct XLSXErrorTests {
  @Test(arguments: [
    (XLSXError.nonFiniteNumber(row: 1, col: 2), "cell C2: the number is not finite (NaN or infinity)"),
    (.stringTooLong(row: 0, col: 0, length: 40_000),
     "cell A1: text of 40000 characters is longer than Excel's limit of 32767"),
    (.invalidSheetName(name: "a/b", reason: "x"), "invalid sheet name \"a/b\": x"),
    (.rowWrittenOutOfOrder(row: 0, currentRow: 9),
     "row 1 written after row 10: in constant-memory mode rows must be written in increasing order"),
    (.verificationFailed(reason: "no end-of-central-directory record (truncated?)"),
     "the written workbook is damaged: no end-of-central-directory record (truncated?)"),
    (.io(path: "/x", reason: "the output folder does not exist"), "/x: the output folder does not exist"),
  ])
  func descriptionsArePlain(_ error: XLSXError, _ expected: String) {
    #expect(error.description == expected)
  }

  @Test func cellAddressesRoundTrip() {
    #expect(CellAddress(row: 0, col: 0).description == "A1")
    #expect(CellAddress(row: 1_048_575, col: 16_383).description == "XFD1048576")
    #expect(CellAddress("$AA$10") == CellAddress(row: 9, col: 26))
    #expect(CellAddress("A0") == nil)
    #expect(CellRange("B2:D4")?.description == "B2:D4")
    #expect(CellRange("B2")?.rowCount == 1)
  }
}
