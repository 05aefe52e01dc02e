import SakipCSV
import Testing

@Suite struct CSVDialectTests {
  let headerNames: Set<String> = ["kode", "code"]

  @Test func semicolonFileWithDecimalCommasIsSemicolon() throws {
    let document = try readFixture("decimal-comma-semicolon.csv", CSVReader(headerNames: headerNames))
    #expect(document.delimiter == semicolon)
    #expect(document.records.last?.fields == ["2", "Anggaran", "1.250.000,50", "2,5"])
  }

  @Test func withoutHeaderNamesTheFirstNonEmptyLineDecides() throws {
    // The comma title line is the first non-empty line: no header names, so it decides.
    let document = try readFixture("decimal-comma-semicolon.csv")
    #expect(document.delimiter == comma)
  }

  @Test func commaFileWithQuotedSemicolonsIsComma() throws {
    let named = try readFixture("comma-quoted-semicolon.csv", CSVReader(headerNames: headerNames))
    #expect(named.delimiter == comma)
    #expect(named.records.last?.fields == ["1", "a; b"])
    // The fallback counts delimiters outside quotes too.
    let unnamed = try readFixture("comma-quoted-semicolon.csv")
    #expect(unnamed.delimiter == comma)
  }

  @Test func headerLineIsFoundBelowATitleBlock() throws {
    let text = "PEMERINTAH KOTA, DINAS X\nFORMULIR\tTRIWULAN\t\t\n\nKODE\tIndikator, satuan\tNilai\n1\ta,b\t3\n"
    let document = try CSVReader(headerNames: headerNames).read(bytes: Array(text.utf8))
    #expect(document.delimiter == tab)
    #expect(document.records[2].fields == ["KODE", "Indikator, satuan", "Nilai"])
  }

  @Test func headerCellsAreTrimmedLowercasedAndUnquoted() throws {
    let text = "Nama,\" Code \",Nilai;x\n"
    let document = try CSVReader(headerNames: headerNames).read(bytes: Array(text.utf8))
    #expect(document.delimiter == comma)
  }

  @Test func theCandidateWithTheMostCellsWinsOnTheHeaderLine() throws {
    // Both `;` and `,` give a "kode" cell; `;` gives 3 cells, `,` gives 2.
    let text = "kode;nama;nilai, rupiah\n"
    let document = try CSVReader(headerNames: headerNames).read(bytes: Array(text.utf8))
    #expect(document.delimiter == semicolon)
  }

  @Test(arguments: [
    ("a;b,c\n", UInt8(ascii: ";")),  // tie: `;` first
    ("a\tb,c\n", UInt8(ascii: "\t")),  // tie: tab before `,`
    ("a,b,c;d\n", UInt8(ascii: ",")),
    ("\n\nsatu\n", UInt8(ascii: ";")),  // no delimiter at all: `;`
    ("", UInt8(ascii: ";")),
  ])
  func fallbackTies(text: String, expected: UInt8) throws {
    #expect(try CSVReader().read(bytes: Array(text.utf8)).delimiter == expected)
  }

  @Test func headerBeyondTwoHundredLinesIsNotSearched() throws {
    let text = String(repeating: "judul, lain\n", count: 200) + "Kode;Nama\n"
    #expect(try CSVReader(headerNames: headerNames).read(bytes: Array(text.utf8)).delimiter == comma)
    let near = String(repeating: "judul, lain\n", count: 199) + "Kode;Nama\n"
    #expect(try CSVReader(headerNames: headerNames).read(bytes: Array(near.utf8)).delimiter == semicolon)
  }

  @Test func explicitDelimiterOverridesDetection() throws {
    let document = try readFixture("decimal-comma-semicolon.csv", CSVReader(delimiter: comma))
    #expect(document.delimiter == comma)
    #expect(document.records[2].fields == ["1;Persentase;3", "5;4", "25"])
  }

  @Test(arguments: [UInt8(ascii: "\""), 0x0A, 0x0D, 0xC3])
  func unusableExplicitDelimiterIsRefused(delimiter: UInt8) {
    #expect(readError(Array("a;b\n".utf8), CSVReader(delimiter: delimiter)) == .unsupportedDelimiter(delimiter))
  }
}
