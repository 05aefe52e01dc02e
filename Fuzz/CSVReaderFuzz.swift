// libFuzzer target: the CSV reader (SakipCSV) on arbitrary bytes, as a form or definitions file.
import SakipCSV

/// The header names sakip detects the delimiter with (`HeaderMatcher.codeHeaderNames` in
/// SakipCore, which this target does not link).
let headerNames: Set<String> = ["kode", "code"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let lines = physicalLineCount(bytes)
  let reader = CSVReader(headerNames: headerNames)
  let document: CSVDocument
  do {
    document = try reader.read(bytes: bytes)
  } catch {
    switch error {
    case .unclosedQuote(let line), .malformedQuote(let line), .nulBytes(let line):
      require((1...lines).contains(line), "error \(error) outside lines 1...\(lines)")
    case .workbookNotCSV, .outOfMemory:
      break
    case .unreadable, .unsupportedDelimiter, .changedWhileRead:
      require(false, "\(error) from bytes read with a detected delimiter")
    }
    return 0
  }
  check(document, lines: lines, size: size)

  // The encoding, decoded here independently (Swift's own UTF-8 and UTF-16 decoding, the
  // Windows-1252 table from the standard), must be the one found.
  let (text, encoding) = decode(bytes)
  require(document.encoding == encoding, "read as \(document.encoding), not \(encoding)")

  // Without quotes, a file is its non-empty lines split at the delimiter, nothing else.
  if !text.utf8.contains(0x22) {
    var expected: [CSVRecord] = []
    for (n, line) in physicalLines(text).enumerated() where !line.isEmpty {
      let fields = line.split(separator: document.delimiter, omittingEmptySubsequences: false)
      expected.append(CSVRecord(fields: fields.map { String(decoding: $0, as: UTF8.self) }, line: n + 1))
    }
    require(document.records == expected, "records differ from the lines split at \(document.delimiter)")
  }
  return 0
}

func check(_ document: CSVDocument, lines: Int, size: Int) {
  require(document.byteCount == size, "byteCount \(document.byteCount) for \(size) bytes")
  require([0x3B, 0x2C, 0x09].contains(document.delimiter), "detected delimiter \(document.delimiter)")
  var previous = 0
  for record in document.records {
    require(record.line > previous, "record on line \(record.line) after one on line \(previous)")
    require(record.line <= lines, "record on line \(record.line) of a \(lines)-line file")
    require(!record.fields.isEmpty, "a record with no fields on line \(record.line)")
    var fieldLine = record.line
    for i in record.fields.indices {
      let line = record.line(ofField: i)
      require(line >= fieldLine && line <= lines, "field \(i) of line \(record.line) on line \(line)")
      fieldLine = line
    }
    previous = record.line
  }
}

/// The lines of `text` as UTF-8 bytes, without their ends (CRLF, LF, lone CR).
func physicalLines(_ text: String) -> [ArraySlice<UInt8>] {
  let bytes = Array(text.utf8)
  var lines: [ArraySlice<UInt8>] = []
  var start = 0
  var i = 0
  while i < bytes.count {
    if bytes[i] == 0x0A || bytes[i] == 0x0D {
      lines.append(bytes[start..<i])
      if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
      start = i + 1
    }
    i += 1
  }
  lines.append(bytes[start...])
  return lines
}

/// Windows-1252 bytes 0x80–0x9F (the five undefined ones as the C1 control of the same value).
let windows1252: [Unicode.Scalar] = Array(
  "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ".unicodeScalars)

/// What SPEC §4 says a file's bytes are: UTF-16 after its mark, UTF-8 with or without a mark,
/// and Windows-1252 for anything that is not valid UTF-8.
func decode(_ bytes: [UInt8]) -> (String, TextEncoding) {
  if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
    let big = bytes[0] == 0xFE
    var units: [UInt16] = []
    for i in stride(from: 2, to: bytes.count - 1, by: 2) {
      let (high, low) = big ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
      units.append(UInt16(high) << 8 | UInt16(low))
    }
    if bytes.count % 2 == 1 { units.append(0xFFFD) }
    return (String(decoding: units, as: UTF16.self), big ? .utf16BE : .utf16LE)
  }
  let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
  let body = bom ? Array(bytes[3...]) : bytes
  if let text = String(validating: body, as: UTF8.self) { return (text, bom ? .utf8WithBOM : .utf8) }
  var scalars = String.UnicodeScalarView()
  for byte in body {
    scalars.append((0x80..<0xA0).contains(byte) ? windows1252[Int(byte) - 0x80] : Unicode.Scalar(byte))
  }
  return (String(scalars), .windows1252)
}
