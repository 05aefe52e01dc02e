import SakipCSV
import Testing

@Suite struct CSVReaderTests {
  // MARK: Line numbers

  @Test func lineNumbersSkipBlankLinesWithBOMAndCRLF() throws {
    let document = try readFixture("utf8-bom-semicolon.csv")
    #expect(document.records.map(\.line) == [1, 2, 4])
    #expect(document.records[2].fields == ["1.2", "Jumlah aplikasi", "12"])
  }

  @Test func crOnlyLineEnds() throws {
    let document = try readFixture("cr-line-endings.csv")
    #expect(document.records.map(\.line) == [1, 2, 4])
    #expect(document.records.map(\.fields) == [["Kode", "Nama"], ["1", "Satu"], ["2", "Dua"]])
  }

  @Test func crlfLineEndsLeaveNoCarriageReturnInFields() throws {
    let document = try readFixture("crlf.csv")
    #expect(document.delimiter == comma)
    #expect(document.records.map(\.line) == [1, 2, 4])
    #expect(document.records.map(\.fields) == [["Kode", "Nama"], ["1", "Satu"], ["2", "Dua"]])
  }

  @Test func mixedLineEnds() throws {
    let document = try readFixture("mixed-line-endings.csv")
    #expect(document.records.map(\.line) == [1, 2, 3, 5])
    #expect(document.records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
  }

  @Test(arguments: [
    ("a;b\r", [1]), ("a;b\r\n", [1]), ("a;b\n\r", [1]), ("a;b\n\rc", [1, 3]),
    ("a;b\r\r\nc", [1, 3]), ("\r\n\n\rc;d", [4]),
  ])
  func lineEndsAtTheEdges(text: String, lines: [Int]) throws {
    // Ends of the buffer are where a line splitter reads one byte too far.
    let document = try CSVReader().read(bytes: Array(text.utf8))
    #expect(document.records.map(\.line) == lines)
    #expect(document.records.allSatisfy { !$0.fields.joined().contains("\0") })
  }

  @Test func quotedLineBreaksAndDoubledQuotes() throws {
    let document = try readFixture("quoted-line-break.csv")
    #expect(
      document.records.map(\.fields) == [
        ["Kode", "Keterangan", "Nilai"],
        ["1", "baris satu\nbaris dua", "10"],
        ["2", "tiga\r\nempat\r\nlima", "kata \"kutip\""],
        ["3", "c", "d"],
      ])
    #expect(document.records.map(\.line) == [1, 2, 4, 7])
    let second = document.records[1]
    #expect((0..<3).map { second.line(ofField: $0) } == [2, 2, 3])
    let third = document.records[2]
    #expect((0..<3).map { third.line(ofField: $0) } == [4, 4, 6])
    #expect((0..<3).map { document.records[3].line(ofField: $0) } == [7, 7, 7])
  }

  @Test func quotedLineBreakInTheFirstFieldWithCROnly() throws {
    let bytes = Array("a;b\r\"x\ry\rz\";w\r\rc;d".utf8)
    let document = try CSVReader().read(bytes: bytes)
    #expect(document.records.map(\.fields) == [["a", "b"], ["x\ry\rz", "w"], ["c", "d"]])
    #expect(document.records.map(\.line) == [1, 2, 6])
    #expect(document.records[1].line(ofField: 1) == 4)
  }

  @Test func lineOfFieldNeverTraps() {
    let record = CSVRecord(fields: ["a", "b"], line: 3, fieldLines: [3, 5])
    #expect(record.line(ofField: -1) == 3)
    #expect(record.line(ofField: 9) == 5)
    #expect(CSVRecord(fields: ["a"], line: 2, fieldLines: [2]) == CSVRecord(fields: ["a"], line: 2))
  }

  @Test func lastRecordWithoutLineTerminator() throws {
    let document = try readFixture("no-final-newline.csv")
    #expect(document.records.map(\.fields) == [["Kode", "Nama"], ["1", "a"], ["2", "b"]])
    #expect(document.records.map(\.line) == [1, 2, 3])
  }

  // MARK: Quote errors

  @Test func unclosedQuoteIsAnErrorAtItsLine() {
    // Line 3 of 10 opens a quote that never closes: an error at line 3, not fewer records.
    #expect(fixtureError("unterminated-quote.csv") == .unclosedQuote(line: 3))
  }

  @Test func unclosedQuoteIsReportedWhereItOpenedEvenWhenALaterQuotePairsWithIt() {
    #expect(fixtureError("unterminated-quote-later-quotes.csv") == .unclosedQuote(line: 3))
  }

  @Test func unclosedQuoteOnTheLastLineWithoutTerminator() {
    #expect(readError(Array("a;b\n1;\"x".utf8)) == .unclosedQuote(line: 2))
  }

  @Test func strayQuoteIsMalformed() {
    #expect(fixtureError("stray-quote.csv") == .malformedQuote(line: 2))
  }

  @Test func textAfterClosingQuoteIsMalformed() {
    #expect(fixtureError("text-after-closing-quote.csv") == .malformedQuote(line: 3))
  }

  // MARK: Content kept as it is

  @Test func raggedRowsAreReturnedAsTheyAre() throws {
    let document = try readFixture("ragged-rows.csv")
    #expect(
      document.records.map(\.fields) == [
        ["Kode", "A", "B"], ["1", "x"], ["2", "y", "z", "lebih"], ["3"], ["4", "", ""],
      ])
  }

  @Test func spacesAreKept() throws {
    let document = try readFixture("spaces-kept.csv")
    #expect(document.records.map(\.fields) == [["  Kode ", "Nama"], [" 1 ", " a "]])
  }

  // MARK: Streaming and files

  @Test func streamingGivesTheSameRecordsAsTheDocument() throws {
    let reader = CSVReader(headerNames: ["kode"])
    let bytes = Array("Kode;Nama\n1;\"a\nb\"\n\n2;c\n".utf8)
    var streamed: [CSVRecord] = []
    let summary = try reader.read(bytes: bytes) { streamed.append($0) }
    let document = try reader.read(bytes: bytes)
    #expect(streamed == document.records)
    #expect(summary == CSVSummary(encoding: .utf8, delimiter: semicolon, byteCount: bytes.count, recordCount: 3))
  }

  /// A caller learns the delimiter and a bound on the records before any record is parsed.
  @Test func preparedTextGivesDelimiterAndLineCountBeforeParsing() throws {
    let reader = CSVReader(headerNames: ["kode"])
    let text = try reader.prepare(bytes: Array("\u{FEFF}Kode,Nama\r\n1,\"a\r\nb\"\r\n2,c".utf8))
    #expect(text.delimiter == UInt8(ascii: ","))
    #expect(text.encoding == .utf8WithBOM)
    #expect(text.lineCount == 4)  // three records: one spans two lines
    var fields: [[String]] = []
    #expect(try text.forEachRecord { fields.append($0.fields) } == 3)
    #expect(fields == [["Kode", "Nama"], ["1", "a\r\nb"], ["2", "c"]])
    #expect(try reader.prepare(bytes: Array("a;b\rc;d\r".utf8)).lineCount == 3)  // CR-only
  }

  /// Records wider than any before them come whole, however the field buffer is sized.
  @Test func recordsGrowingWiderKeepEveryField() throws {
    let rows = (1...40).map { width in (1...width).map { "f\($0)" } }
    let text = rows.map { $0.joined(separator: ";") }.joined(separator: "\n")
    let document = try CSVReader(delimiter: semicolon).read(bytes: Array(text.utf8))
    #expect(document.records.map(\.fields) == rows)
  }

  @Test func streamingAFile() throws {
    var lines: [Int] = []
    let summary = try CSVReader().read(contentsOf: fixturePath("crlf.csv")) { lines.append($0.line) }
    #expect(lines == [1, 2, 4])
    #expect(summary.recordCount == 3)
    #expect(summary.byteCount == 28)
  }

  @Test func missingFileIsUnreadable() {
    let path = fixturePath("does-not-exist.csv")
    #expect(
      fixtureError("does-not-exist.csv") == .unreadable(path: path, reason: "No such file or directory"))
  }

  @Test func directoryIsUnreadable() {
    let path = fixturePath("")
    #expect(throws: CSVReadError.unreadable(path: path, reason: "Is a directory")) {
      try CSVReader().read(contentsOf: path)
    }
  }

  @Test func largeFieldsAndManyRecords() throws {
    // Beyond libcsv's 128-byte buffer steps and the 64 KiB read chunk.
    let long = String(repeating: "x", count: 100_000)
    var text = "Kode;Isi\n"
    for index in 1...2000 { text += "\(index);\"\(index == 1000 ? long : "v\"\"\(index)")\"\n" }
    let document = try CSVReader().read(bytes: Array(text.utf8))
    #expect(document.records.count == 2001)
    #expect(document.records[1000].fields == ["1000", long])
    #expect(document.records[2000].fields == ["2000", "v\"2000"])
    #expect(document.records[2000].line == 2001)
  }
}
