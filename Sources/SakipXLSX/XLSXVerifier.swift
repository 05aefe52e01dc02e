import Dispatch
import Foundation
import Synchronization

/// Checks that a file is a structurally sound XLSX (zip) package, without trusting the
/// writer's own status: libxlsxwriter reports success even when its temporary folder
/// filled up and the result is damaged.
///
/// Checked: the end-of-central-directory record is found and consistent with the file size;
/// the central directory parses and holds exactly the number of entries it announces; every
/// entry's local header is where the directory says, with the same name, a known
/// compression method, and data that ends before the directory; names are unique; every
/// required part is present; every entry decompresses (raw DEFLATE, through Debian's zlib)
/// to the size and CRC-32 the directory records; every XML part ends with a tag; every
/// worksheet ends with `</worksheet>` (and, when `Workbook.write` verifies, reaches the last
/// row written).
/// Not checked: that the XML is otherwise well-formed or valid.
///
/// A file is read piece by piece (its end, its central directory, each local header, each
/// part's data 1 MiB at a time), never whole. Once every header is checked, the parts are
/// inflated on two threads, each through one reused 1 MiB window (`Zlib.Inflater`), their
/// CRC-32 and content checks computed window by window: memory stays flat however large the
/// package or a sheet is.
public enum XLSXVerifier {
  /// Throws `XLSXError.verificationFailed` if the file at `url` is not a sound zip package
  /// holding every part named in `requiredParts`; returns the entry names in order.
  @discardableResult
  public static func verify(fileAt url: URL, requiredParts: [String] = ["[Content_Types].xml"])
    throws(XLSXError) -> [String]
  {
    try verify(fileAt: url, requiredParts: requiredParts, lastRows: [:])
  }

  /// Verifies a file, also requiring each sheet part named in `lastRows` to hold a row
  /// numbered at least as high as given (1-based), as the writer knows what it wrote.
  @discardableResult
  static func verify(fileAt url: URL, requiredParts: [String], lastRows: [String: Int])
    throws(XLSXError) -> [String]
  {
    let file: FileHandle
    do {
      file = try FileHandle(forReadingFrom: url)
    } catch {
      throw .verificationFailed(reason: "cannot read \(url.path): \(error.localizedDescription)")
    }
    defer { try? file.close() }
    return try verify(
      PackageBytes(file: file, path: url.path), requiredParts: requiredParts, lastRows: lastRows)
  }

  /// Verifies the bytes of a package; see `verify(fileAt:requiredParts:)`.
  @discardableResult
  public static func verify(data: Data, requiredParts: [String] = ["[Content_Types].xml"])
    throws(XLSXError) -> [String]
  {
    try verify(data: data, requiredParts: requiredParts, lastRows: [:])
  }

  static func verify(data: Data, requiredParts: [String], lastRows: [String: Int])
    throws(XLSXError) -> [String]
  {
    try verify(PackageBytes(data: data), requiredParts: requiredParts, lastRows: lastRows)
  }

  private static func verify(
    _ package: PackageBytes, requiredParts: [String], lastRows: [String: Int]
  ) throws(XLSXError) -> [String]
  {
    func fail(_ reason: String) -> XLSXError { .verificationFailed(reason: reason) }
    let size = package.count
    guard size > 0 else { throw fail("the file is empty") }
    guard size >= 22 else { throw fail("the file is too short to be a zip (\(size) bytes)") }

    // End of central directory: the last record signature within the final 64 KiB + 22.
    let tailStart = max(0, size - 22 - 0xFFFF)
    let tailData = try package.read(tailStart..<size)
    let tail = tailData.span
    var eocdInTail: Int?
    var position = tail.count - 22
    while position >= 0 {
      if u32(tail, position) == 0x0605_4B50 {
        eocdInTail = position
        break
      }
      position -= 1
    }
    guard let eocdInTail else { throw fail("no end-of-central-directory record (truncated?)") }
    let eocd = tailStart + eocdInTail
    let entriesOnDisk = Int(u16(tail, eocdInTail + 8))
    let entryCount = Int(u16(tail, eocdInTail + 10))
    let directorySize = Int(u32(tail, eocdInTail + 12))
    let directoryOffset = Int(u32(tail, eocdInTail + 16))
    let commentLength = Int(u16(tail, eocdInTail + 20))
    guard entryCount != 0xFFFF, directoryOffset != 0xFFFF_FFFF else {
      throw fail("ZIP64 packages are not supported by the verifier")
    }
    guard eocd + 22 + commentLength == size else {
      throw fail("bytes after the end-of-central-directory record")
    }
    guard entriesOnDisk == entryCount, u16(tail, eocdInTail + 4) == 0 else {
      throw fail("multi-disk zip")
    }
    guard directoryOffset + directorySize == eocd else {
      throw fail("central directory (offset \(directoryOffset), size \(directorySize)) does not end at \(eocd)")
    }

    let directoryData = try package.read(directoryOffset..<eocd)
    let directory = directoryData.span
    var parts: [Part] = []
    var names: [String] = []
    var seen = Set<String>()
    var cursor = 0  // in the directory
    let directoryEnd = directory.count
    for index in 0..<entryCount {
      guard cursor + 46 <= directoryEnd, u32(directory, cursor) == 0x0201_4B50 else {
        throw fail("central directory entry \(index + 1) of \(entryCount) is missing or damaged")
      }
      let method = u16(directory, cursor + 10)
      let crc = u32(directory, cursor + 16)
      let compressedSize = Int(u32(directory, cursor + 20))
      let uncompressedSize = Int(u32(directory, cursor + 24))
      let nameLength = Int(u16(directory, cursor + 28))
      let extraLength = Int(u16(directory, cursor + 30))
      let entryCommentLength = Int(u16(directory, cursor + 32))
      let localOffset = Int(u32(directory, cursor + 42))
      let nameEnd = cursor + 46 + nameLength
      guard nameEnd <= directoryEnd else {
        throw fail("entry \(index + 1): name runs past the directory")
      }
      let nameBytes = copy(directory, (cursor + 46)..<nameEnd)
      let name = String(decoding: nameBytes, as: UTF8.self)
      cursor = nameEnd + extraLength + entryCommentLength
      guard cursor <= directoryEnd else { throw fail("\(name): directory record runs past its end") }
      guard seen.insert(name).inserted else { throw fail("\(name) appears twice") }
      guard method == 0 || method == 8 else { throw fail("\(name): unknown compression \(method)") }

      guard localOffset + 30 <= directoryOffset else {
        throw fail("\(name): local header missing at offset \(localOffset)")
      }
      let fixedHeaderData = try package.read(localOffset..<(localOffset + 30))
      let fixedHeader = fixedHeaderData.span
      guard u32(fixedHeader, 0) == 0x0403_4B50 else {
        throw fail("\(name): local header missing at offset \(localOffset)")
      }
      let localNameLength = Int(u16(fixedHeader, 26))
      let localExtraLength = Int(u16(fixedHeader, 28))
      let dataStart = localOffset + 30 + localNameLength + localExtraLength
      guard dataStart <= directoryOffset,
        try package.read((localOffset + 30)..<(localOffset + 30 + localNameLength))
          .elementsEqual(nameBytes)
      else { throw fail("\(name): local header name differs from the directory") }
      guard dataStart + compressedSize <= directoryOffset else {
        throw fail("\(name): data (\(compressedSize) bytes) runs into the central directory")
      }
      if method == 8, uncompressedSize > 0, compressedSize == 0 {
        throw fail("\(name): no compressed data for \(uncompressedSize) bytes")
      }
      parts.append(
        Part(
          name: name, isStored: method == 0, crc: crc, compressedSize: compressedSize,
          uncompressedSize: uncompressedSize, dataStart: dataStart, lastRow: lastRows[name]))
      names.append(name)
    }
    guard cursor == directoryEnd else {
      throw fail("central directory holds more than \(entryCount) entries")
    }
    let missing = requiredParts.filter { !seen.contains($0) }
    guard missing.isEmpty else { throw fail("missing parts: \(missing.joined(separator: ", "))") }
    try checkContents(of: parts, in: package)
    return names
  }

  /// A part whose headers are sound, its content still to be checked.
  private struct Part: Sendable {
    let name: String
    let isStored: Bool
    let crc: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let dataStart: Int
    let lastRow: Int?
  }

  /// Inflates every part and checks its size, CRC-32 and end (`PartContent`), on two threads:
  /// each part on its own is one core's work, and a province's largest sheet is half the
  /// package. The problem reported is that of the first bad part in package order.
  /// Every part is checked even after one fails, so the problem reported does not depend on
  /// which thread got where first.
  private static func checkContents(of parts: [Part], in package: PackageBytes) throws(XLSXError) {
    guard !parts.isEmpty else { return }
    // Largest first, so the two threads finish together.
    let order = parts.indices.sorted { parts[$0].compressedSize > parts[$1].compressedSize }
    let next = Mutex(0)
    let problems = Mutex<[(any Error)?]>(Array(repeating: nil, count: parts.count))
    let setupFailure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: min(2, max(1, parts.count))) { _ in
      let inflater: Zlib.Inflater
      do {
        inflater = try Zlib.Inflater()
      } catch {
        setupFailure.withLock { $0 = $0 ?? error }
        return
      }
      while true {
        let taken = next.withLock { (value: inout Int) -> Int in
          defer { value += 1 }
          return value
        }
        guard taken < order.count else { return }
        let index = order[taken]
        do {
          try check(parts[index], in: package, with: inflater)
        } catch {
          problems.withLock { $0[index] = error }
        }
      }
    }
    if let failure = setupFailure.withLock({ $0 }) {
      throw failure as? XLSXError ?? .verificationFailed(reason: "\(failure)")
    }
    if let problem = problems.withLock({ $0.compactMap { $0 }.first }) {
      throw problem as? XLSXError ?? .verificationFailed(reason: "\(problem)")
    }
  }

  /// Inflates one part (or reads it, when stored) and checks its size, CRC-32 and end.
  private static func check(_ part: Part, in package: PackageBytes, with inflater: Zlib.Inflater)
    throws(XLSXError)
  {
    func fail(_ reason: String) -> XLSXError { .verificationFailed(reason: "\(part.name): \(reason)") }
    var content = PartContent(name: part.name, lastRow: part.lastRow)
    let computedCRC: UInt32
    if part.isStored {
      guard part.compressedSize == part.uncompressedSize else { throw fail("stored sizes differ") }
      // Stored parts are small (libxlsxwriter deflates every part): checked whole.
      let stored = try package.read(part.dataStart..<(part.dataStart + part.compressedSize))
      computedCRC = Zlib.crc32(stored.span)
      content.scan(stored.span, isLast: true)
    } else {
      do {
        computedCRC = try inflater.inflate(
          compressedSize: part.compressedSize, expectedSize: part.uncompressedSize,
          overlap: PartContent.overlap,
          read: { offset, count throws(XLSXError) in
            try package.read((part.dataStart + offset)..<(part.dataStart + offset + count))
          }
        ) { window, isLast throws(XLSXError) in
          content.scan(window, isLast: isLast)
        }
      } catch .verificationFailed(let reason) {
        throw fail(reason)
      } catch {
        throw fail("\(error)")
      }
    }
    guard computedCRC == part.crc else { throw fail("CRC-32 mismatch") }
    if let problem = content.problem { throw fail(problem) }
  }

  /// What is wrong with the text of an XML part, if anything; see `PartContent`.
  static func contentProblem(name: String, content: [UInt8], lastRow: Int?) -> String? {
    var part = PartContent(name: name, lastRow: lastRow)
    part.scan(content.span, isLast: true)
    return part.problem
  }

  /// The bytes of `range` as an array (names: a few dozen bytes).
  private static func copy(_ b: Span<UInt8>, _ range: Range<Int>) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    for index in range { bytes.append(b[index]) }
    return bytes
  }

  private static func u16(_ b: Span<UInt8>, _ i: Int) -> UInt16 {
    UInt16(b[i]) | UInt16(b[i + 1]) << 8
  }

  private static func u32(_ b: Span<UInt8>, _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
  }
}

/// The bytes of a package being verified: a file, read a range at a time (`pread`, so parts
/// can be read on several threads at once), or bytes in memory.
private struct PackageBytes: Sendable {
  private let descriptor: Int32?
  private let path: String
  private let data: Data
  /// The package's size in bytes.
  let count: Int

  /// Reads through `file`'s descriptor, which must stay open while the package is read.
  init(file: FileHandle, path: String) throws(XLSXError) {
    self.descriptor = file.fileDescriptor
    self.path = path
    self.data = Data()
    do {
      count = Int(try file.seekToEnd())
    } catch {
      throw .verificationFailed(reason: "cannot read \(path): \(error.localizedDescription)")
    }
  }

  init(data: Data) {
    self.descriptor = nil
    self.path = "the package"
    self.data = data
    self.count = data.count
  }

  /// The bytes of `range` (which lies inside the package).
  func read(_ range: Range<Int>) throws(XLSXError) -> Data {
    guard let descriptor else {
      return data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
    }
    var bytes = Data(count: range.count)
    var done = 0
    while done < range.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        pread(descriptor, buffer.baseAddress.map { $0 + done }, range.count - done, off_t(range.lowerBound + done))
      }
      if got < 0, errno == EINTR { continue }
      guard got > 0 else {
        let why = got < 0 ? String(cString: strerror(errno)) : "the file ends before"
        throw .verificationFailed(
          reason: "\(path): \(range.count) bytes at \(range.lowerBound) cannot be read (\(why))")
      }
      done += got
    }
    return bytes
  }
}

/// The end of an XML part as far as `XLSXVerifier` checks it, gathered from the windows the
/// part is inflated through (each starting with the last `overlap` bytes of the one before).
///
/// libxlsxwriter, when its temporary folder fills, reports success yet cuts a sheet short
/// (measured: the normal mode stops mid-row at 64 KiB; constant-memory mode drops the rows
/// but keeps the closing tags), so every XML part must end with a tag, a sheet with
/// `</worksheet>`, and a sheet whose last written row is known must hold a `<row>` at least
/// that far down.
///
/// On the bytes, not a String: every byte looked for is ASCII (so it cannot be part of a
/// longer UTF-8 sequence). Trailing space is XML's (space, tab, CR, LF), the only kind
/// allowed after the root element. Each window is searched backwards from its end, so a
/// window costs the length of its last row, not its size.
struct PartContent {
  /// Bytes each window repeats from the one before: room for `<row r="` and a row number of
  /// up to 55 digits, so the last row reference is whole in some window.
  static let overlap = 64
  private static let rowStart = Array("<row r=\"".utf8)
  private static let worksheetEnd = Array("</worksheet>".utf8)

  private let isXML: Bool
  private let isSheet: Bool
  private let lastRow: Int?
  /// The last byte before trailing space, once any is seen.
  private var lastByte: UInt8?
  /// Whether the bytes before trailing space end with `</worksheet>`.
  private var endsWithWorksheet = false
  /// The digits after the last `<row r="`, once one is seen.
  private var lastRowDigits: String?
  /// Whether a window has been scanned (the ones after it start with repeated bytes).
  private var scannedAny = false

  init(name: String, lastRow: Int?) {
    isXML = name.hasSuffix(".xml") || name.hasSuffix(".rels")
    isSheet = name.hasPrefix("xl/worksheets/sheet")
    self.lastRow = isSheet ? lastRow : nil
  }

  /// Takes in the next window of the part; `isLast` for the one that ends it.
  mutating func scan(_ window: Span<UInt8>, isLast: Bool) {
    guard isXML else { return }
    var end = window.count
    while end > 0, Self.isSpace(window[end - 1]) { end -= 1 }
    // A window of nothing but trailing space leaves what the windows before found.
    guard end > 0 else { return }
    lastByte = window[end - 1]
    // Fewer than 12 bytes up to the last one, in a window after the first: that byte is in the
    // repeated bytes, so the window before saw it with more of what precedes it.
    if isSheet, end >= 12 || !scannedAny {
      endsWithWorksheet = end >= 12 && Self.matches(Self.worksheetEnd, in: window, at: end - 12)
    }
    scannedAny = true
    if lastRow != nil { findLastRow(in: window, isLast: isLast) }
  }

  /// Records the digits after the last `<row r="` in the window, unless they may go on in the
  /// next window (which repeats them, as they lie within its overlap).
  private mutating func findLastRow(in window: Span<UInt8>, isLast: Bool) {
    let pattern = Self.rowStart
    var start = window.count - pattern.count
    while start >= 0 {
      if window[start] == pattern[0], Self.matches(pattern, in: window, at: start) {
        let first = start + pattern.count
        var end = first
        while end < window.count, (0x30...0x39).contains(window[end]) { end += 1 }
        let cutByWindow = end == window.count && !isLast
        if cutByWindow, start >= window.count - Self.overlap {
          return  // whole in the next window
        }
        var digits = String.UnicodeScalarView()
        for index in first..<end { digits.append(Unicode.Scalar(window[index])) }
        // A number running past the overlap is longer than any row number; keep it
        // unreadable rather than let an earlier row stand in for it.
        lastRowDigits = String(digits) + (cutByWindow ? "…" : "")
        return
      }
      start -= 1
    }
  }

  /// What is wrong with the part, if anything, once every window has been scanned.
  var problem: String? {
    guard isXML else { return nil }
    guard lastByte == UInt8(ascii: ">") else { return "the XML is cut short" }
    guard isSheet else { return nil }
    guard endsWithWorksheet else { return "the sheet XML is cut short" }
    guard let lastRow else { return nil }
    guard let digits = lastRowDigits else {
      return "row \(lastRow) was written but the sheet holds no rows"
    }
    guard let found = Int(digits), found >= lastRow else {
      return "row \(lastRow) was written but the last row in the sheet is \(digits)"
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func matches(_ pattern: [UInt8], in window: Span<UInt8>, at start: Int) -> Bool {
    guard start >= 0, start + pattern.count <= window.count else { return false }
    for offset in pattern.indices where window[start + offset] != pattern[offset] { return false }
    return true
  }
}
