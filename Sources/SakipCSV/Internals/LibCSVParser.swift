// The only Swift file that talks to libcsv (STYLE §5). Nothing declared here mentions a C type
// outside this file, and no C pointer outlives the call that received it.
internal import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Collects fields and records from the libcsv callbacks and tracks physical line numbers.
///
/// libcsv reports no positions, so ``LibCSVParser`` feeds it one physical line at a time:
/// everything reported while line *k* is parsed ends on line *k*. A field starts on the line it
/// ends on unless the previous line ended inside a quoted field; that start line is kept in
/// `pendingFieldLine` until the field arrives (equivalent to "current line − line breaks inside
/// the value", without scanning every value).
///
/// Its stored properties opt out of dynamic exclusivity checks: they are touched once or twice
/// per field on the hot path (the checks cost a quarter of the reader's time), and only ever
/// from one thread, by `LibCSVParser.parse` and the callbacks it makes synchronously.
final class ParseSink {
  /// The physical line being fed (1-based).
  @exclusivity(unchecked) var line = 1
  /// Start line of a quoted field still open at the end of a fed line; 0 when none.
  @exclusivity(unchecked) var pendingFieldLine = 0
  @exclusivity(unchecked) var recordCount = 0
  @exclusivity(unchecked) private var fields: [String] = []
  @exclusivity(unchecked) private var fieldLines: [Int] = []
  @exclusivity(unchecked) private var recordLine = 0
  @exclusivity(unchecked) private var spansLines = false
  /// The most fields a record had so far.
  @exclusivity(unchecked) private var widest = 0
  private let emit: (CSVRecord) -> Void

  init(emit: @escaping (CSVRecord) -> Void) {
    self.emit = emit
    fields.reserveCapacity(16)
  }

  @inline(__always)
  func addField(_ bytes: UnsafeRawBufferPointer) {
    var fieldLine = line
    if pendingFieldLine != 0 {
      fieldLine = pendingFieldLine
      pendingFieldLine = 0
    }
    if fields.isEmpty {
      recordLine = fieldLine
    } else if fieldLine != recordLine, !spansLines {
      spansLines = true
      fieldLines = Array(repeating: recordLine, count: fields.count)
    }
    if spansLines { fieldLines.append(fieldLine) }
    fields.append(String(decoding: bytes, as: UTF8.self))
  }

  @inline(__always)
  func endRecord() {
    let line = fields.isEmpty ? self.line : recordLine
    let count = fields.count
    emit(CSVRecord(fields: fields, line: line, fieldLines: spansLines ? fieldLines : []))
    recordCount += 1
    if count > widest {
      // The next buffer holds exactly the widest record so far, rather than the room doubling
      // left: a kept record (a whole document) carries no unused slots.
      widest = count
      fields = []
      fields.reserveCapacity(widest)
    } else {
      // Reuses the buffer when the body did not keep the record (streaming); otherwise
      // allocates one of the same size.
      fields.removeAll(keepingCapacity: true)
    }
    if spansLines {
      fieldLines = []
      spansLines = false
    }
  }
}

/// Field callback for `csv_parse` / `csv_fini`: `void (*cb1)(void *, size_t, void *)`.
private func onField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  // The sink is kept alive by `withExtendedLifetime` in `LibCSVParser.parse`: no retain needed.
  Unmanaged<ParseSink>.fromOpaque(context)._withUnsafeGuaranteedRef {
    $0.addField(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
  }
}

/// Record callback for `csv_parse` / `csv_fini`: `void (*cb2)(int, void *)`.
private func onRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  Unmanaged<ParseSink>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRecord() }
}

/// Space predicate for `csv_set_space_func`: nothing is a space, so libcsv keeps text exactly
/// (callers trim).
private func noSpaces(_ character: UInt8) -> Int32 { 0 }

/// Parses UTF-8 text with libcsv in strict mode, one physical line per `csv_parse` call.
enum LibCSVParser {
  /// libcsv's `pstate` value between records (`ROW_NOT_BEGUN` in libcsv.c, not in csv.h).
  fileprivate static let rowNotBegun: Int32 = 0

  /// Parses `text` (UTF-8, no BOM) split by `delimiter`, reporting to `sink`.
  static func parse(
    _ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into sink: ParseSink
  ) throws(CSVReadError) {
    let session = try Session(delimiter: delimiter, sink: sink)
    _ = try session.feed(text, isLast: true)
    try session.finish()
  }

  /// One text parsed in pieces, as a file is read in chunks: libcsv's state and the line count
  /// carry over from one piece to the next.
  ///
  /// The corresponding C functions are `csv_init` (options `CSV_STRICT | CSV_STRICT_FINI`),
  /// `csv_set_delim`, `csv_set_space_func`, `csv_parse`, `csv_fini` and `csv_free`.
  final class Session {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let sink: ParseSink

    init(delimiter: UInt8, sink: ParseSink) throws(CSVReadError) {
      parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
      guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
        parser.deallocate()
        throw .outOfMemory
      }
      csv_set_delim(parser, delimiter)
      csv_set_space_func(parser, noSpaces)
      self.sink = sink
    }

    deinit {
      csv_free(parser)
      parser.deallocate()
    }

    /// Parses the whole lines of `text`, and the unterminated last one too when `isLast`;
    /// returns how many bytes were parsed. What is left (part of a line, or a CR that may be
    /// the first half of a CRLF) is to be fed again at the start of the next piece.
    func feed(_ text: UnsafeBufferPointer<UInt8>, isLast: Bool) throws(CSVReadError) -> Int {
      let (parser, sink) = (self.parser, self.sink)
      let outcome: Result<Int, CSVReadError> = withExtendedLifetime(sink) {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let base = text.baseAddress else { return .success(0) }
        let count = text.count
        var start = 0
        // Next LF and CR at or after `start` (`count` when none), found with memchr and reused
        // until passed, so each byte is searched once even in a CR-only or LF-only file.
        var nextLF = -1
        var nextCR = -1
        while start < count {
          // The end of this physical line, terminator included (LF, CRLF or a lone CR).
          if nextLF < start { nextLF = position(of: 0x0A, in: base, from: start, count: count) }
          if nextCR < start { nextCR = position(of: 0x0D, in: base, from: start, count: count) }
          let lineBreak = Swift.min(nextLF, nextCR)
          let terminated = lineBreak < count
          // Only the last piece may end without a line break, or with a CR whose LF is unknown.
          if !isLast, !terminated || (lineBreak == nextCR && lineBreak == count - 1) { break }
          var end = lineBreak
          if terminated {
            end += 1
            if lineBreak == nextCR, end < count, end == nextLF { end += 1 }
          }
          let length = end - start
          let fed = csv_parse(parser, base + start, length, onField, onRecord, context)
          if fed != length {
            return .failure(error(of: parser, sink: sink))
          }
          if parser.pointee.pstate != rowNotBegun, sink.pendingFieldLine == 0 {
            sink.pendingFieldLine = sink.line
          }
          if terminated { sink.line += 1 }
          start = end
        }
        return .success(start)
      }
      return try outcome.get()
    }

    /// Ends the text: the last record is reported, or an unclosed quote.
    func finish() throws(CSVReadError) {
      let (parser, sink) = (self.parser, self.sink)
      let failure: CSVReadError? = withExtendedLifetime(sink) {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        return csv_fini(parser, onField, onRecord, context) != 0 ? error(of: parser, sink: sink) : nil
      }
      if let failure { throw failure }
    }
  }

  /// Returns the index of the first `byte` in `base[from..<count]`, or `count`.
  @inline(__always)
  fileprivate static func position(
    of byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, count: Int
  ) -> Int {
    guard let found = memchr(base + from, Int32(byte), count - from) else { return count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// Returns how many times `byte` occurs in `text`.
  static func count(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = text.baseAddress else { return 0 }
    var found = 0
    var start = 0
    while start < text.count {
      start = position(of: byte, in: base, from: start, count: text.count) + 1
      if start <= text.count { found += 1 }
    }
    return found
  }

  /// Builds the error for a failed `csv_parse` or `csv_fini` from `csv_error`.
  ///
  /// A parse error while a quoted field from an earlier line is still open is reported as an
  /// unclosed quote at that field's line: a forgotten closing quote makes the next quote in the
  /// file look stray, and the line worth showing is where the quote was opened.
  fileprivate static func error(of parser: UnsafeMutablePointer<csv_parser>, sink: ParseSink) -> CSVReadError {
    switch csv_error(parser) {
    case CSV_EPARSE:
      if sink.pendingFieldLine != 0 { return .unclosedQuote(line: sink.pendingFieldLine) }
      return .malformedQuote(line: sink.line)
    default:
      return .outOfMemory
    }
  }
}
