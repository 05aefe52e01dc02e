// TEMPORARY stub of the CSV adapter API; replaced by the real adapter on merge.
import Foundation

public enum TextEncoding: String, Sendable { case utf8 = "UTF-8", utf8WithBOM = "UTF-8 BOM", windows1252 = "Windows-1252", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE" }
public struct CSVRecord: Sendable, Equatable {
  public var fields: [String]
  public var line: Int
  public init(fields: [String], line: Int) { self.fields = fields; self.line = line }
  public func line(ofField index: Int) -> Int { line }
}
public struct CSVDocument: Sendable { public var records: [CSVRecord]; public var encoding: TextEncoding; public var delimiter: UInt8; public var byteCount: Int }
public enum CSVReadError: Error, Sendable, Equatable {
  case unclosedQuote(line: Int)
  case malformedQuote(line: Int)
  case nulBytes(line: Int)
  case workbookNotCSV
  case unreadable(path: String, reason: String)
  case outOfMemory
}
public struct CSVReader: Sendable {
  let delimiter: UInt8?
  public init(delimiter: UInt8? = nil, headerNames: Set<String> = []) { self.delimiter = delimiter }
  public func read(contentsOf path: String) throws(CSVReadError) -> CSVDocument {
    guard let d = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "x") }
    return try read(bytes: [UInt8](d))
  }
  public func read(bytes: [UInt8]) throws(CSVReadError) -> CSVDocument {
    var b = bytes
    var enc = TextEncoding.utf8
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3); enc = .utf8WithBOM }
    let s = String(decoding: b, as: UTF8.self)
    let delim = delimiter ?? (s.contains(";") ? UInt8(ascii: ";") : UInt8(ascii: ","))
    var recs: [CSVRecord] = []
    for (i, l) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = l.hasSuffix("\r") ? l.dropLast() : l
      if line.isEmpty { continue }
      recs.append(CSVRecord(fields: line.split(separator: Character(UnicodeScalar(delim)), omittingEmptySubsequences: false).map(String.init), line: i + 1))
    }
    return CSVDocument(records: recs, encoding: enc, delimiter: delim, byteCount: bytes.count)
  }
}
