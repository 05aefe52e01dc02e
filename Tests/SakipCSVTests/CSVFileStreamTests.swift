import Foundation
import Testing

@testable import SakipCSV

/// `CSVFileStream` reads a file in chunks and must find exactly what reading it whole finds:
/// the same records and lines, encoding, delimiter, line count and errors, wherever the chunks
/// cut a line, a CRLF, a quoted field or a UTF-8 sequence.
struct CSVFileStreamTests {
  /// What a read finds, or the error it throws.
  struct Outcome: Equatable {
    var records: [CSVRecord] = []
    var encoding: TextEncoding?
    var delimiter: UInt8?
    var lineCount = 0
    var error: CSVReadError?
  }

  func whole(_ bytes: [UInt8], _ reader: CSVReader) -> Outcome {
    var outcome = Outcome()
    do {
      let text = try reader.prepare(bytes: bytes)
      outcome.encoding = text.encoding
      outcome.delimiter = text.delimiter
      outcome.lineCount = text.lineCount
      _ = try text.forEachRecord { outcome.records.append($0) }
    } catch {
      outcome.error = error
    }
    return outcome
  }

  func streamed(_ path: String, _ reader: CSVReader, chunkSize: Int) -> (Outcome, hashed: [UInt8], blank: Bool)? {
    var outcome = Outcome()
    var hashed: [UInt8] = []
    var blank = false
    do {
      guard let stream = try reader.survey(fileAt: path, chunkSize: chunkSize, { hashed += $0 }) else { return nil }
      blank = stream.isBlank
      outcome.encoding = stream.encoding
      outcome.delimiter = stream.delimiter
      outcome.lineCount = stream.lineCount
      let count = try stream.forEachRecord { outcome.records.append($0) }
      #expect(count == outcome.records.count)
    } catch {
      outcome.error = error
    }
    return (outcome, hashed, blank)
  }

  static let texts: [(String, [UInt8])] = [
    ("crlf", Array("Kode;Nama;Nilai\r\nA;Satu;1,5\r\nB;Dua;2\r\n".utf8)),
    ("cr only", Array("Kode;Nama\rA;Satu\rB;Dua".utf8)),
    ("mixed", Array("Kode,Nama\nA,\"baris\r\ndua\"\rB,x\r\n\r\nC,\"\"\"q\"\"\"\n".utf8)),
    ("bom + é across chunks", [0xEF, 0xBB, 0xBF] + Array("Kode;Uraian\nA;café ✓ 👍🏽\nB;Sekretariat\n".utf8)),
    ("windows-1252", Array("Kode;Uraian\nA;caf".utf8) + [0xE9, 0x3B, 0x80] + Array("\nB;x\n".utf8)),
    ("bom then invalid", [0xEF, 0xBB, 0xBF] + Array("Kode;U\nA;".utf8) + [0xE9] + Array("\n".utf8)),
    ("utf-8 cut at the end", Array("Kode;U\nA;caf".utf8) + [0xC3]),
    ("a sequence broken after its second byte", Array("Kode;U\nA;".utf8) + [0xE2, 0x82] + Array("X\nB;€\n".utf8)),
    ("four-byte sequences side by side", Array("Kode;U\nA;".utf8) + Array(String(repeating: "😀", count: 9).utf8) + [0x0A]),
    ("nul on line 3", Array("Kode;U\r\nA;1\r\nB;".utf8) + [0] + Array("\r\n".utf8)),
    ("unclosed quote", Array("Kode;U\nA;\"open\nB;2\nC;3\n".utf8)),
    ("stray quote", Array("Kode;U\nA;te\"xt\nB;2\n".utf8)),
    ("xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
    ("blank", Array("  \r\n\t\n".utf8)),
    ("empty", []),
    ("no final newline, tab", Array("Kode\tNama\nA\tSatu".utf8)),
  ]

  @Test(arguments: [4, 5, 7, 16, 64, 1 << 22])
  func findsWhatTheWholeFileReadFinds(chunkSize: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sakip-stream-\(getpid())-\(chunkSize)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let reader = CSVReader(headerNames: ["kode"])
    for (name, bytes) in Self.texts {
      let path = folder.appendingPathComponent("t.csv").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let stream = try #require(streamed(path, reader, chunkSize: chunkSize), "\(name)")
      var expected = whole(bytes, reader)
      // The stream reports its text's findings only when the file parses.
      if expected.error != nil, stream.0.error == expected.error { expected = stream.0 }
      #expect(stream.0 == expected, "\(name), chunks of \(chunkSize)")
      #expect(stream.hashed == bytes, "\(name)")
      #expect(stream.blank == bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }, "\(name)")
    }
  }

  @Test func fixturesReadAsWhole() throws {
    let names = [
      "comma-quoted-semicolon.csv", "cr-line-endings.csv", "crlf.csv", "decimal-comma-semicolon.csv",
      "mixed-line-endings.csv", "no-final-newline.csv", "nul-bytes.csv", "quoted-line-break.csv",
      "ragged-rows.csv", "spaces-kept.csv", "stray-quote.csv", "text-after-closing-quote.csv",
      "unterminated-quote-later-quotes.csv", "unterminated-quote.csv", "utf8-bom-semicolon.csv",
      "windows1252-semicolon.csv", "xls-renamed.csv", "xlsx-renamed.csv",
    ]
    let reader = CSVReader(headerNames: ["kode", "code"])
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixturePath(name))))
      for chunkSize in [4, 17, 1 << 22] {
        let stream = try #require(streamed(fixturePath(name), reader, chunkSize: chunkSize), "\(name)")
        var expected = whole(bytes, reader)
        if expected.error != nil, stream.0.error == expected.error { expected = stream.0 }
        #expect(stream.0 == expected, "\(name), chunks of \(chunkSize)")
      }
    }
  }

  @Test func utf16IsLeftToTheWholeFileRead() throws {
    var handed = 0
    for name in ["utf16le-tab.csv", "utf16be-tab.csv"] {
      #expect(try CSVReader().survey(fileAt: fixturePath(name), { _ in handed += 1 }) == nil)
    }
    #expect(handed == 0)
  }

  @Test func aFileReplacedOrChangedBetweenTheReadsIsRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sakip-stream-changed-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("d.csv").path
    let other = folder.appendingPathComponent("new.csv").path
    // The same length, other bytes: only the file's identity tells.
    try Data("Kode;U\nA;1\n".utf8).write(to: URL(fileURLWithPath: path))
    try Data("Kode;U\nB;2\n".utf8).write(to: URL(fileURLWithPath: other))
    let stream = try #require(try CSVReader().survey(fileAt: path, { _ in }))
    #expect(rename(other, path) == 0)
    #expect(throws: CSVReadError.changedWhileRead) { try stream.forEachRecord { _ in } }
    // Surveyed again, the new file reads.
    let again = try #require(try CSVReader().survey(fileAt: path, { _ in }))
    var codes: [String] = []
    _ = try again.forEachRecord { codes.append($0.fields[0]) }
    #expect(codes == ["Kode", "B"])
  }

  @Test func aMissingFileOrAFolderIsUnreadable() {
    #expect(throws: CSVReadError.self) { try CSVReader().survey(fileAt: "/nonexistent/x.csv", { _ in }) }
    #expect(throws: CSVReadError.self) { try CSVReader().survey(fileAt: "/tmp", { _ in }) }
  }
}
