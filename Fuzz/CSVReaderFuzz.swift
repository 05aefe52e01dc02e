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
    case .unreadable, .unsupportedDelimiter:
      require(false, "\(error) from bytes read with a detected delimiter")
    }
    return 0
  }
  check(document, lines: lines, size: size)

  // Line ends: with no quotes (so no field can hold a line break), the file with every line end
  // (CRLF, lone CR) made LF gives the same records on the same lines.
  if !bytes.contains(0x22), bytes.contains(0x0D), !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) {
    var lf: [UInt8] = []
    lf.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0D {
        lf.append(0x0A)
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
      } else {
        lf.append(bytes[i])
      }
      i += 1
    }
    if let other = try? reader.read(bytes: lf) {
      require(other.records == document.records, "the file with LF line ends reads differently")
    } else {
      require(false, "the file with LF line ends is unreadable")
    }
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
