#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CSV file read in chunks, never held whole: for a definitions file of millions of rows,
/// whose text would otherwise stay in memory while its records are read.
///
/// ``CSVReader/survey(fileAt:chunkSize:_:)`` reads the file once to find and check its encoding,
/// count its lines and find the delimiter; ``forEachRecord(_:)`` reads it again and parses it.
/// Both find what ``CSVReader/prepare(bytes:)`` and ``CSVText/forEachRecord(_:)`` find on the
/// whole file: the same encoding, records, lines and errors, and the same delimiter as long as
/// the header line is within the first 4 MiB (the whole-file read looks further). A file changed
/// or replaced between the two reads is refused (``CSVReadError/changedWhileRead``).
public struct CSVFileStream: Sendable {
  public let path: String
  /// The encoding the bytes were found to be in (UTF-8, with or without BOM, or Windows-1252).
  public let encoding: TextEncoding
  /// The delimiter used: given explicitly or detected (`;`, `,` or tab).
  public let delimiter: UInt8
  /// The size of the file in bytes, as read.
  public let byteCount: Int
  /// How many physical lines the text has: never fewer than its records.
  public let lineCount: Int
  /// Whether the file holds nothing but spaces, tabs and line breaks.
  public let isBlank: Bool
  /// The length of a UTF-8 byte order mark at the start (0 or 3), not part of the text.
  let start: Int
  let chunkSize: Int
  /// The file as surveyed: device, inode, size and modification time.
  let identity: FileIdentity

  /// Parses the file again, chunk by chunk, and calls `body` with each record in order, without
  /// keeping them; returns how many there were. A file whose size changed since the survey is
  /// refused as unreadable.
  public func forEachRecord(_ body: (CSVRecord) -> Void) throws(CSVReadError) -> Int {
    let result: Result<Int, CSVReadError> = withoutActuallyEscaping(body) { emit in
      do throws(CSVReadError) {
        return .success(try parse(into: ParseSink(emit: emit)))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private func parse(into sink: ParseSink) throws(CSVReadError) -> Int {
    var file = try ChunkedFile(path)
    guard file.identity == identity else { throw .changedWhileRead }
    let session = try LibCSVParser.Session(delimiter: delimiter, sink: sink)
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    var pending: [UInt8] = []
    var read = 0
    var skip = start
    while true {
      let got = try file.next(into: &chunk)
      read += got
      let isLast = got == 0
      if got > skip {
        if encoding == .windows1252 {
          pending += TextDecoding.windows1252ToUTF8(Array(chunk[skip..<got]), from: 0)
        } else {
          pending += chunk[skip..<got]
        }
      }
      skip = max(0, skip - got)
      let consumed = try pending.withUnsafeBufferPointer { text throws(CSVReadError) in
        try session.feed(text, isLast: isLast)
      }
      pending.removeFirst(consumed)
      if isLast { break }
    }
    guard read == byteCount, (try? ChunkedFile(path).identity) == identity else { throw .changedWhileRead }
    try session.finish()
    return sink.recordCount
  }
}

extension CSVReader {
  /// Reads the file at `path` once, in chunks of `chunkSize` bytes, handing each to `eachChunk`
  /// as read (to hash it), and returns what ``CSVFileStream/forEachRecord(_:)`` needs to parse
  /// it. Throws, once the whole file is read, what ``prepare(bytes:)`` would throw for its
  /// bytes, unless they are blank (``CSVFileStream/isBlank``). Returns nil for a UTF-16 file,
  /// which is to be read whole with ``read(bytes:)``, after handing `eachChunk` nothing.
  /// Chunks are at least 4 bytes.
  public func survey(
    fileAt path: String, chunkSize: Int = 1 << 22, _ eachChunk: (UnsafeRawBufferPointer) -> Void
  ) throws(CSVReadError) -> CSVFileStream? {
    var file = try ChunkedFile(path)
    let identity = file.identity
    var chunk = [UInt8](repeating: 0, count: max(chunkSize, 4))
    var survey = Survey()
    var first = true
    while true {
      let got = try file.next(into: &chunk)
      if got == 0 { break }
      if first {
        first = false
        if got >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
          return nil
        }
      }
      chunk.withUnsafeBufferPointer { buffer in
        let piece = UnsafeBufferPointer(rebasing: buffer[..<got])
        eachChunk(UnsafeRawBufferPointer(piece))
        survey.add(piece)
      }
    }
    survey.finish()
    let lineCount = 1 + (survey.lineFeeds > 0 ? survey.lineFeeds : survey.carriageReturns)
    if survey.isBlank {
      // Nothing to parse, whatever the delimiter: the caller says the file is empty.
      return CSVFileStream(
        path: path, encoding: .utf8, delimiter: delimiter ?? CSVDialect.candidates[0], byteCount: survey.byteCount,
        lineCount: lineCount, isBlank: true, start: 0, chunkSize: max(chunkSize, 4), identity: identity)
    }
    if let delimiter, delimiter == 0x22 || delimiter == 0x0A || delimiter == 0x0D || delimiter >= 0x80 {
      throw .unsupportedDelimiter(delimiter)
    }
    if TextDecoding.hasWorkbookSignature(survey.head) { throw .workbookNotCSV }
    if let line = survey.nulLine { throw .nulBytes(line: line) }
    let encoding: TextEncoding = survey.isUTF8 ? (survey.start == 3 ? .utf8WithBOM : .utf8) : .windows1252
    var head = Array(survey.head.dropFirst(survey.start))
    if encoding == .windows1252 { head = TextDecoding.windows1252ToUTF8(head, from: 0) }
    let found =
      self.delimiter
      ?? head.withUnsafeBufferPointer { CSVDialect.detectDelimiter(in: $0, headerNames: headerNames) }
    return CSVFileStream(
      path: path, encoding: encoding, delimiter: found, byteCount: survey.byteCount,
      lineCount: lineCount, isBlank: false, start: survey.start, chunkSize: max(chunkSize, 4),
      identity: identity)
  }
}

/// What a first pass over a file's chunks finds: its first bytes (for the signature, the BOM and
/// the delimiter), whether it is valid UTF-8, its line breaks and its first NUL byte's line.
private struct Survey {
  /// The first 4 MiB: where the delimiter is looked for (the header within 200 lines).
  var head: [UInt8] = []
  static let headLimit = 1 << 22
  var start = 0
  var byteCount = 0
  var isBlank = true
  var isUTF8 = true
  /// The end of a UTF-8 sequence cut by the end of a chunk, checked with the next one.
  var carry: [UInt8] = []
  var lineFeeds = 0
  var carriageReturns = 0
  /// CR LF pairs: one line break, not two.
  var pairs = 0
  var endsWithCR = false
  var nulLine: Int?

  mutating func add(_ piece: UnsafeBufferPointer<UInt8>) {
    var piece = piece
    if isBlank { isBlank = piece.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
    if head.count < Self.headLimit { head += piece.prefix(Self.headLimit - head.count) }
    if byteCount == 0 {
      if piece.count >= 3, piece[0] == 0xEF, piece[1] == 0xBB, piece[2] == 0xBF { start = 3 }
      piece = UnsafeBufferPointer(rebasing: piece[start...])
    }
    byteCount += piece.count + (byteCount == 0 ? start : 0)
    if nulLine == nil, let base = piece.baseAddress, let nul = memchr(base, 0, piece.count) {
      let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
      var before = self
      before.countBreaks(UnsafeBufferPointer(rebasing: piece[..<offset]))
      nulLine = 1 + before.lineFeeds + before.carriageReturns - before.pairs
    }
    countBreaks(piece)
    if isUTF8 { checkUTF8(piece) }
  }

  mutating func finish() {
    if isUTF8, !carry.isEmpty {
      isUTF8 = carry.withUnsafeBufferPointer { TextDecoding.scanUTF8($0, from: 0).isValid }
    }
  }

  private mutating func countBreaks(_ piece: UnsafeBufferPointer<UInt8>) {
    guard let base = piece.baseAddress, !piece.isEmpty else { return }
    if endsWithCR, piece[0] == 0x0A { pairs += 1 }
    lineFeeds += LibCSVParser.count(0x0A, in: piece)
    var index = 0
    while index < piece.count, let cr = memchr(base + index, 0x0D, piece.count - index) {
      let at = UnsafeRawPointer(cr) - UnsafeRawPointer(base)
      carriageReturns += 1
      if at + 1 < piece.count, piece[at + 1] == 0x0A { pairs += 1 }
      index = at + 1
    }
    endsWithCR = piece[piece.count - 1] == 0x0D
  }

  /// Checks the piece in place, and the sequence the previous one ended in, leaving a sequence
  /// the piece ends in the middle of for the next.
  private mutating func checkUTF8(_ piece: UnsafeBufferPointer<UInt8>) {
    var from = 0
    if let lead = carry.first {
      // The sequence cut at the end of the last piece, completed by this one's first bytes.
      let length = Self.sequenceLength(lead)
      from = min(piece.count, length - carry.count)
      carry += piece[..<from]
      if carry.count < length { return }
      isUTF8 = carry.withUnsafeBufferPointer { TextDecoding.scanUTF8($0, from: 0).isValid }
      carry = []
      if !isUTF8 { return }
    }
    var cut = piece.count
    for back in 1...3 where piece.count - back >= from {
      let byte = piece[piece.count - back]
      if byte < 0x80 { break }
      if byte >= 0xC0 {
        if Self.sequenceLength(byte) > back { cut = piece.count - back }
        break
      }
    }
    carry = Array(piece[cut...])
    isUTF8 = TextDecoding.scanUTF8(UnsafeBufferPointer(rebasing: piece[..<cut]), from: from).isValid
  }

  /// The length of the UTF-8 sequence `lead` starts (checked by the scan, not here).
  private static func sequenceLength(_ lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }
}

/// What tells one version of a file from another: changed in place, its size or modification
/// time changes; replaced, its inode does.
struct FileIdentity: Sendable, Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modifiedSeconds: Int64
  var modifiedNanoseconds: Int64
}

/// A file opened for reading in chunks with POSIX calls, closed when let go.
private struct ChunkedFile: ~Copyable {
  private let descriptor: Int32
  private let path: String
  let identity: FileIdentity

  init(_ path: String) throws(CSVReadError) {
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    var status = stat()
    if fstat(opened, &status) != 0 || status.st_mode & S_IFMT == S_IFDIR {
      let code = status.st_mode & S_IFMT == S_IFDIR ? EISDIR : errno
      _ = close(opened)
      throw .unreadable(path: path, reason: String(cString: strerror(code)))
    }
    // Stored only once nothing can throw: a value that was never whole is not closed again.
    self.path = path
    identity = FileIdentity(
      device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino),
      size: Int64(truncatingIfNeeded: status.st_size),
      modifiedSeconds: Int64(truncatingIfNeeded: status.st_mtim.tv_sec),
      modifiedNanoseconds: Int64(truncatingIfNeeded: status.st_mtim.tv_nsec))
    descriptor = opened
  }

  deinit { _ = close(descriptor) }

  /// Fills `buffer` from the file as far as it goes; returns how many bytes, 0 at the end.
  mutating func next(into buffer: inout [UInt8]) throws(CSVReadError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let result = buffer.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if result == 0 { break }
      filled += result
    }
    return filled
  }
}
