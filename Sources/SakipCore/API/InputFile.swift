import Crypto
import Foundation
import SakipCSV

/// One input file read into records, with its provenance.
struct InputFile {
  var summary: SourceSummary
  var document: CSVDocument?
  var failure: UnreadableReason?
  /// The line a failure was found on, when there is one (a NUL byte, a stray quote).
  var failureLine: Int?

  /// The text, decoded and its delimiter found, between ``open(_:options:)`` and the parse.
  private var text: CSVText?
  /// The file surveyed, to be parsed in chunks, when opened with `streaming`.
  private var stream: CSVFileStream?

  /// Reads the file at `path` whole, every record kept.
  static func read(_ path: String, options: ReadOptions) -> InputFile {
    var file = open(path, options: options)
    guard let text = file.text else { return file }
    var records: [CSVRecord] = []
    file.forEachRecord { records.append($0) }
    if file.failure == nil {
      file.document = CSVDocument(
        records: records, encoding: text.encoding, delimiter: text.delimiter, byteCount: text.byteCount)
    }
    return file
  }

  /// How many physical lines an opened file has, before it is parsed: at least its records.
  var lineCount: Int { text?.lineCount ?? stream?.lineCount ?? 0 }

  /// Parses the records of an opened file and hands each to `body` in file order, without
  /// keeping them; the text is let go afterwards. A file that does not parse gets its failure,
  /// and what was found about its text is taken back (it is not reported for such a file).
  mutating func forEachRecord(_ body: (CSVRecord) -> Void) {
    let (text, stream) = (self.text, self.stream)
    self.text = nil
    self.stream = nil
    do {
      if let text {
        summary.rows = try text.forEachRecord(body)
      } else if let stream {
        summary.rows = try stream.forEachRecord(body)
      }
    } catch {
      summary.encoding = nil
      summary.delimiter = nil
      summary.rows = 0
      failure = Self.reason(error)
    }
  }

  /// Reads the file at `path`: its bytes, their hash, their encoding and the delimiter. Its
  /// records are parsed by ``forEachRecord(_:)``. With `streaming`, the file is read in
  /// chunks twice (to survey it, then to parse it) rather than held whole while it is parsed:
  /// for the definitions, which can be millions of rows.
  static func open(_ path: String, options: ReadOptions, streaming: Bool = false) -> InputFile {
    // Only regular files are read: a pipe would block the run forever, and Foundation's
    // messages for folders and pipes ("error 256", "no permission") tell the user nothing.
    var status = stat()
    let notRegular: UnreadableReason? =
      if stat(path, &status) != 0 {
        errno == ENOENT || errno == ENOTDIR ? .vanished : .io(String(cString: strerror(errno)))
      } else if status.st_mode & S_IFMT == S_IFDIR {
        .folder
      } else if status.st_mode & S_IFMT != S_IFREG {
        .notAFile
      } else {
        nil
      }
    if let notRegular {
      return InputFile(
        summary: SourceSummary(file: path, bytes: 0, sha256: "", encoding: nil, delimiter: nil, rows: 0),
        document: nil, failure: notRegular)
    }
    if streaming, let file = surveyed(path, options: options) { return file }
    let bytes: [UInt8]
    do {
      // Copied out of the `Data` at once, so the file is not held twice while it is parsed.
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      return InputFile(
        summary: SourceSummary(file: path, bytes: 0, sha256: "", encoding: nil, delimiter: nil, rows: 0),
        document: nil, failure: .io(Self.describe(error)))
    }
    let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    var summary = SourceSummary(file: path, bytes: bytes.count, sha256: hash, encoding: nil, delimiter: nil, rows: 0)
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return InputFile(summary: summary, document: nil, failure: .empty)
    }
    let reader = CSVReader(delimiter: options.delimiter, headerNames: HeaderMatcher.codeHeaderNames)
    do {
      let text = try reader.prepare(bytes: bytes)
      var file = found(summary, encoding: text.encoding, delimiter: text.delimiter)
      file.text = text
      return file
    } catch {
      return refused(summary, error)
    }
  }

  /// A file read as text: its summary with the encoding and delimiter found.
  private static func found(_ summary: SourceSummary, encoding: TextEncoding, delimiter: UInt8) -> InputFile {
    var summary = summary
    summary.encoding = encoding.rawValue
    summary.delimiter = delimiter == 9 ? "\\t" : String(UnicodeScalar(delimiter))
    return InputFile(summary: summary, document: nil, failure: nil)
  }

  /// A file whose bytes are not CSV text, and why.
  private static func refused(_ summary: SourceSummary, _ error: CSVReadError) -> InputFile {
    var file = InputFile(summary: summary, document: nil, failure: reason(error))
    if case .nulBytes(let line) = error { file.failureLine = line }
    return file
  }

  /// Surveys the file at `path` for a streamed read: what ``open(_:options:streaming:)`` finds,
  /// hashed chunk by chunk. Nil for a UTF-16 file, which is read whole.
  private static func surveyed(_ path: String, options: ReadOptions) -> InputFile? {
    let failed = { (reason: UnreadableReason) in
      InputFile(
        summary: SourceSummary(file: path, bytes: 0, sha256: "", encoding: nil, delimiter: nil, rows: 0),
        document: nil, failure: reason)
    }
    // The reason in plain Indonesian, as a whole read gives it.
    if access(path, R_OK) != 0 { return failed(.io(describe(errno: errno))) }
    var hasher = SHA256()
    var byteCount = 0
    let reader = CSVReader(delimiter: options.delimiter, headerNames: HeaderMatcher.codeHeaderNames)
    let hashed = { () -> SourceSummary in
      let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
      return SourceSummary(file: path, bytes: byteCount, sha256: hash, encoding: nil, delimiter: nil, rows: 0)
    }
    do {
      guard
        let stream = try reader.survey(fileAt: path, { chunk in
          hasher.update(bufferPointer: chunk)
          byteCount += chunk.count
        })
      else { return nil }
      if stream.isBlank { return InputFile(summary: hashed(), document: nil, failure: .empty) }
      var file = found(hashed(), encoding: stream.encoding, delimiter: stream.delimiter)
      file.stream = stream
      return file
    } catch {
      if case .unreadable(_, let why) = error { return failed(.io(why)) }
      return refused(hashed(), error)
    }
  }

  /// The decimal mark to read numbers with: as asked, else the one the delimiter implies.
  func decimalMark(_ options: ReadOptions) -> DecimalMark {
    options.decimalMark
      ?? DecimalMark.implied(
        byDelimiter: text?.delimiter ?? stream?.delimiter ?? document?.delimiter ?? UInt8(ascii: ";"))
  }

  static func reason(_ error: CSVReadError) -> UnreadableReason {
    switch error {
    case .unclosedQuote(let line): .unclosedQuote(line: line)
    case .malformedQuote(let line): .malformedQuote(line: line)
    case .nulBytes: .binary
    case .workbookNotCSV: .workbook
    case .unreadable(_, let why): .io(why)
    case .outOfMemory: .io("out of memory")
    case .unsupportedDelimiter(let byte): .io("delimiter \(byte) cannot be used")
    case .changedWhileRead: .changedWhileRead
    }
  }

  static func describe(_ error: Error) -> String {
    let ns = error as NSError
    if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
      return describe(errno: Int32(posix.code))
    }
    if ns.domain == NSPOSIXErrorDomain { return describe(errno: Int32(ns.code)) }
    switch ns.code {
    case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: return describe(errno: ENOENT)
    case CocoaError.fileWriteOutOfSpace.rawValue: return describe(errno: ENOSPC)
    case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: return describe(errno: EACCES)
    case CocoaError.fileWriteVolumeReadOnly.rawValue: return describe(errno: EROFS)
    case CocoaError.fileWriteFileExists.rawValue: return describe(errno: EEXIST)
    default: return ns.localizedDescription
    }
  }

  /// A system error in plain Indonesian, with its name for whoever maintains the computer.
  static func describe(errno code: Int32) -> String {
    let text: String
    switch code {
    case ENOENT: text = "berkas atau folder tidak ditemukan"
    case EACCES, EPERM: text = "tidak ada izin"
    case ENOSPC: text = "ruang disk habis"
    case EROFS: text = "disk hanya dapat dibaca"
    case EISDIR: text = "itu sebuah folder, bukan berkas"
    case ENOTDIR: text = "bagian dari jalurnya bukan folder"
    case EEXIST: text = "sudah ada berkas atau folder dengan nama itu"
    case EDQUOT: text = "kuota disk habis"
    case EIO: text = "kesalahan baca/tulis disk"
    default: text = String(cString: strerror(code))
    }
    return "\(text); \(String(cString: strerror(code)))"
  }
}

extension DefinitionsReading {
  /// Reads the definitions file every command starts from, and refuses it with every problem
  /// listed when it cannot be used (SPEC §2).
  static func load(_ path: String, options: ReadOptions) throws(SakipError) -> (reading: DefinitionsReading, source: SourceSummary) {
    // The file is read in chunks and each record used as it is parsed: neither the file's text
    // nor its records are ever all held at once.
    var file = InputFile.open(path, options: options, streaming: true)
    var definitions = DefinitionsReader.Reading(
      DefinitionsReader(file: path, decimalMark: file.decimalMark(options)), expectedRows: file.lineCount)
    file.forEachRecord { definitions.add($0) }
    if let failure = file.failure { throw .definitionsUnreadable(path: path, failure) }
    let reading = definitions.finish()
    guard reading.isUsable else { throw .definitionsRefused(reading.findings) }
    return (reading, file.summary)
  }
}
