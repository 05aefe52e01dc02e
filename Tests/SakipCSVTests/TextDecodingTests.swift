import SakipCSV
import Testing

@Suite struct TextDecodingTests {
  @Test func utf8BOMIsStrippedAndReported() throws {
    let document = try readFixture("utf8-bom-semicolon.csv")
    #expect(document.encoding == .utf8WithBOM)
    // libcsv would keep the BOM in the first field: it must not be there.
    #expect(document.records.first?.fields.first == "Kode")
    #expect(document.records.first?.fields.first?.unicodeScalars.first == "K")
    #expect(document.byteCount == 81)
  }

  @Test func plainUTF8IsReported() throws {
    let document = try CSVReader().read(bytes: Array("Kode;Nama\n1;Élan €\n".utf8))
    #expect(document.encoding == .utf8)
    #expect(document.records[1].fields == ["1", "Élan €"])
  }

  @Test func invalidUTF8IsReadAsWindows1252() throws {
    let document = try readFixture("windows1252-semicolon.csv")
    #expect(document.encoding == .windows1252)
    #expect(document.delimiter == semicolon)
    #expect(
      document.records.map(\.fields) == [
        ["Kode", "Uraian", "Anggaran"],
        ["1", "Belanja \u{201C}modal\u{201D} \u{2013} café", "€ 1.250.000,50"],
        ["2", "Naïve ™ …", "0"],
      ])
  }

  /// Every byte 0x80–0x9F, including the five undefined ones (kept as the C1 control).
  static let windows1252High: [(UInt8, Unicode.Scalar)] = [
    (0x80, "\u{20AC}"), (0x81, "\u{81}"), (0x82, "\u{201A}"), (0x83, "\u{192}"),
    (0x84, "\u{201E}"), (0x85, "\u{2026}"), (0x86, "\u{2020}"), (0x87, "\u{2021}"),
    (0x88, "\u{2C6}"), (0x89, "\u{2030}"), (0x8A, "\u{160}"), (0x8B, "\u{2039}"),
    (0x8C, "\u{152}"), (0x8D, "\u{8D}"), (0x8E, "\u{17D}"), (0x8F, "\u{8F}"),
    (0x90, "\u{90}"), (0x91, "\u{2018}"), (0x92, "\u{2019}"), (0x93, "\u{201C}"),
    (0x94, "\u{201D}"), (0x95, "\u{2022}"), (0x96, "\u{2013}"), (0x97, "\u{2014}"),
    (0x98, "\u{2DC}"), (0x99, "\u{2122}"), (0x9A, "\u{161}"), (0x9B, "\u{203A}"),
    (0x9C, "\u{153}"), (0x9D, "\u{9D}"), (0x9E, "\u{17E}"), (0x9F, "\u{178}"),
    (0xA0, "\u{A0}"), (0xE9, "é"), (0xFF, "ÿ"),
  ]

  @Test(arguments: windows1252High)
  func windows1252Byte(byte: UInt8, expected: Unicode.Scalar) throws {
    // "x" + byte + "y": a lone high byte is never valid UTF-8, so the file is Windows-1252.
    let document = try CSVReader(delimiter: semicolon).read(bytes: [0x78, byte, 0x79, 0x0A])
    #expect(document.encoding == .windows1252)
    #expect(document.records.first?.fields == ["x" + String(Character(expected)) + "y"])
  }

  @Test func invalidByteLateInALongASCIIFileStillSwitchesToWindows1252() throws {
    var bytes = Array(String(repeating: "abcdefgh;ijk\n", count: 100).utf8)
    bytes += [0x31, 0x3B, 0x80, 0x0A]
    let document = try CSVReader().read(bytes: bytes)
    #expect(document.encoding == .windows1252)
    #expect(document.records.last?.fields == ["1", "€"])
  }

  @Test(arguments: [
    // Overlong encodings, surrogates, beyond U+10FFFF, truncated sequences: not UTF-8.
    [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    [0xC3], [0xE2, 0x82],
  ] as [[UInt8]])
  func malformedUTF8IsWindows1252(sequence: [UInt8]) throws {
    let document = try CSVReader(delimiter: semicolon).read(bytes: [0x61] + sequence + [0x0A])
    #expect(document.encoding == .windows1252)
  }

  @Test func validMultibyteUTF8StaysUTF8() throws {
    let text = "é€😀\u{10FFFF};\u{D7FF}\u{E000}\n"
    let document = try CSVReader().read(bytes: Array(text.utf8))
    #expect(document.encoding == .utf8)
    #expect(document.records.first?.fields == ["é€😀\u{10FFFF}", "\u{D7FF}\u{E000}"])
  }

  @Test func utf16LEIsTranscoded() throws {
    let document = try readFixture("utf16le-tab.csv", CSVReader(headerNames: ["kode"]))
    #expect(document.encoding == .utf16LE)
    #expect(document.delimiter == tab)
    #expect(document.records.map(\.fields) == [["Kode", "Nama"], ["1", "Élan 😀"]])
    #expect(document.records.map(\.line) == [1, 2])
  }

  @Test func utf16BEIsTranscoded() throws {
    let document = try readFixture("utf16be-tab.csv")
    #expect(document.encoding == .utf16BE)
    #expect(document.delimiter == tab)
    #expect(document.records.map(\.fields) == [["Kode", "Nama"], ["1", "Satu"]])
  }

  @Test func nulBytesAreBinary() {
    #expect(fixtureError("nul-bytes.csv") == .nulBytes(line: 3))
  }

  @Test func nulAfterAnInvalidUTF8ByteIsStillBinary() {
    #expect(readError([0x61, 0x80, 0x0A, 0x0D, 0x0A, 0x62, 0x00]) == .nulBytes(line: 3))
  }

  @Test func nulInUTF16IsBinary() {
    #expect(readError([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0x00]) == .nulBytes(line: 2))
  }

  @Test(arguments: ["xlsx-renamed.csv", "xls-renamed.csv"])
  func workbooksAreRefused(name: String) {
    #expect(fixtureError(name) == .workbookNotCSV)
  }

  @Test func emptyAndBOMOnlyFilesHaveNoRecords() throws {
    let empty = try CSVReader().read(bytes: [])
    #expect(empty.records.isEmpty)
    #expect(empty.encoding == .utf8)
    let bomOnly = try CSVReader().read(bytes: [0xEF, 0xBB, 0xBF])
    #expect(bomOnly.records.isEmpty)
    #expect(bomOnly.encoding == .utf8WithBOM)
  }
}
