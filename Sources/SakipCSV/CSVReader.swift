#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads CSV files as Excel, LibreOffice and Google Sheets save them, through libcsv.
///
/// The reader finds the encoding (``TextEncoding``) and the delimiter, and returns records with
/// the physical line each starts on. It knows nothing about what the columns mean. Text is kept
/// exactly: no trimming, ragged rows as they are.
///
/// ```swift
/// let document = try CSVReader(headerNames: ["kode", "code"]).read(contentsOf: "form.csv")
/// ```
public struct CSVReader: Sendable {
  /// The delimiter to use, or nil to detect it from the header line.
  public var delimiter: UInt8?
  /// Lowercased header cell texts that identify the header line for delimiter detection
  /// (e.g. `["kode", "code"]`).
  public var headerNames: Set<String>

  /// Creates a reader that uses `delimiter`, or detects it with the help of `headerNames`.
  public init(delimiter: UInt8? = nil, headerNames: Set<String> = []) {
    self.delimiter = delimiter
    self.headerNames = headerNames
  }

  /// Reads the whole file at `path` into a ``CSVDocument``.
  public func read(contentsOf path: String) throws(CSVReadError) -> CSVDocument {
    try read(bytes: FileBytes.load(path))
  }

  /// Reads the file at `path` and calls `body` with each record in order, without keeping them.
  public func read(contentsOf path: String, _ body: (CSVRecord) -> Void) throws(CSVReadError) -> CSVSummary {
    try read(bytes: FileBytes.load(path), body)
  }

  /// Reads `bytes` (a file's contents) into a ``CSVDocument``.
  public func read(bytes: [UInt8]) throws(CSVReadError) -> CSVDocument {
    var records: [CSVRecord] = []
    let summary = try read(bytes: bytes) { records.append($0) }
    return CSVDocument(
      records: records, encoding: summary.encoding, delimiter: summary.delimiter,
      byteCount: summary.byteCount)
  }

  /// Reads `bytes` and calls `body` with each record in order, without keeping them; returns what
  /// was found.
  public func read(bytes: [UInt8], _ body: (CSVRecord) -> Void) throws(CSVReadError) -> CSVSummary {
    let text = try prepare(bytes: bytes)
    let recordCount = try text.forEachRecord(body)
    return CSVSummary(
      encoding: text.encoding, delimiter: text.delimiter, byteCount: text.byteCount,
      recordCount: recordCount)
  }

  /// Decodes `bytes` and finds the delimiter, without parsing any record yet: what a caller
  /// needs to know before the first record (the delimiter implies the decimal mark).
  public func prepare(bytes: [UInt8]) throws(CSVReadError) -> CSVText {
    if let delimiter, delimiter == 0x22 || delimiter == 0x0A || delimiter == 0x0D || delimiter >= 0x80 {
      throw .unsupportedDelimiter(delimiter)
    }
    let text = try TextDecoding.decode(bytes)
    let delimiter =
      self.delimiter
      ?? text.utf8.withUnsafeBufferPointer { whole in
        CSVDialect.detectDelimiter(in: UnsafeBufferPointer(rebasing: whole[text.start...]), headerNames: headerNames)
      }
    return CSVText(text: text, delimiter: delimiter, byteCount: bytes.count)
  }
}

/// A CSV file's text decoded to UTF-8 and its delimiter found, its records not parsed yet.
public struct CSVText: Sendable {
  fileprivate let text: DecodedText
  /// The delimiter used: given explicitly or detected (`;`, `,` or tab).
  public let delimiter: UInt8
  /// The size of the input in bytes, as read (before any transcoding).
  public let byteCount: Int

  /// The encoding the bytes were found to be in.
  public var encoding: TextEncoding { text.encoding }

  /// How many physical lines the text has (LF-ended, else CR-ended): never fewer than its
  /// records, so a caller can reserve room for them.
  public var lineCount: Int {
    text.utf8.withUnsafeBufferPointer { whole in
      let buffer = UnsafeBufferPointer(rebasing: whole[text.start...])
      let lines = LibCSVParser.count(0x0A, in: buffer)
      return 1 + (lines > 0 ? lines : LibCSVParser.count(0x0D, in: buffer))
    }
  }

  /// Parses the records and calls `body` with each in order, without keeping them; returns how
  /// many there were.
  public func forEachRecord(_ body: (CSVRecord) -> Void) throws(CSVReadError) -> Int {
    let result: Result<Int, CSVReadError> = text.utf8.withUnsafeBufferPointer { whole in
      let buffer = UnsafeBufferPointer(rebasing: whole[text.start...])
      return withoutActuallyEscaping(body) { emit in
        let sink = ParseSink(emit: emit)
        do throws(CSVReadError) {
          try LibCSVParser.parse(buffer, delimiter: delimiter, into: sink)
        } catch {
          return .failure(error)
        }
        return .success(sink.recordCount)
      }
    }
    return try result.get()
  }
}

/// Reads a whole file with POSIX calls, turning failures into ``CSVReadError/unreadable(path:reason:)``.
enum FileBytes {
  static func load(_ path: String) throws(CSVReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw unreadable(path) }
    defer { _ = close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw unreadable(path) }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw .unreadable(path: path, reason: String(cString: strerror(EISDIR)))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    // Read straight into the array's spare capacity while it lasts, then in chunks (a file that
    // grows while read, or a pipe reporting size 0).
    while true {
      let spare = bytes.capacity - bytes.count
      var got = 0
      if spare > 0 {
        let before = bytes.count
        var failed = false
        bytes.append(contentsOf: repeatElement(0, count: spare))
        bytes.withUnsafeMutableBufferPointer { buffer in
          let result = read(descriptor, buffer.baseAddress.map { $0 + before }, spare)
          if result < 0 { failed = true } else { got = result }
        }
        bytes.removeLast(spare - got)
        if failed {
          if errno == EINTR { continue }
          throw unreadable(path)
        }
      } else {
        let result = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if result < 0 {
          if errno == EINTR { continue }
          throw unreadable(path)
        }
        got = result
        bytes.append(contentsOf: chunk[0..<got])
      }
      if got == 0 { return bytes }
    }
  }

  private static func unreadable(_ path: String) -> CSVReadError {
    .unreadable(path: path, reason: String(cString: strerror(errno)))
  }
}
