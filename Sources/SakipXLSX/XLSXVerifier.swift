import Foundation

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
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .verificationFailed(reason: "cannot read \(url.path): \(error.localizedDescription)")
    }
    return try verify(data: data, requiredParts: requiredParts, lastRows: lastRows)
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
    let bytes = [UInt8](data)
    func fail(_ reason: String) -> XLSXError { .verificationFailed(reason: reason) }
    guard !bytes.isEmpty else { throw fail("the file is empty") }
    guard bytes.count >= 22 else { throw fail("the file is too short to be a zip (\(bytes.count) bytes)") }

    // End of central directory: the last record signature within the final 64 KiB + 22.
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    var eocd: Int?
    var position = bytes.count - 22
    while position >= lowest {
      if u32(bytes, position) == 0x0605_4B50 {
        eocd = position
        break
      }
      position -= 1
    }
    guard let eocd else { throw fail("no end-of-central-directory record (truncated?)") }
    let entriesOnDisk = Int(u16(bytes, eocd + 8))
    let entryCount = Int(u16(bytes, eocd + 10))
    let directorySize = Int(u32(bytes, eocd + 12))
    let directoryOffset = Int(u32(bytes, eocd + 16))
    let commentLength = Int(u16(bytes, eocd + 20))
    guard entryCount != 0xFFFF, directoryOffset != 0xFFFF_FFFF else {
      throw fail("ZIP64 packages are not supported by the verifier")
    }
    guard eocd + 22 + commentLength == bytes.count else {
      throw fail("bytes after the end-of-central-directory record")
    }
    guard entriesOnDisk == entryCount, u16(bytes, eocd + 4) == 0 else {
      throw fail("multi-disk zip")
    }
    guard directoryOffset + directorySize == eocd else {
      throw fail("central directory (offset \(directoryOffset), size \(directorySize)) does not end at \(eocd)")
    }

    var names: [String] = []
    var seen = Set<String>()
    var cursor = directoryOffset
    for index in 0..<entryCount {
      guard cursor + 46 <= eocd, u32(bytes, cursor) == 0x0201_4B50 else {
        throw fail("central directory entry \(index + 1) of \(entryCount) is missing or damaged")
      }
      let method = u16(bytes, cursor + 10)
      let crc = u32(bytes, cursor + 16)
      let compressedSize = Int(u32(bytes, cursor + 20))
      let uncompressedSize = Int(u32(bytes, cursor + 24))
      let nameLength = Int(u16(bytes, cursor + 28))
      let extraLength = Int(u16(bytes, cursor + 30))
      let entryCommentLength = Int(u16(bytes, cursor + 32))
      let localOffset = Int(u32(bytes, cursor + 42))
      let nameEnd = cursor + 46 + nameLength
      guard nameEnd <= eocd else { throw fail("entry \(index + 1): name runs past the directory") }
      let name = String(decoding: bytes[(cursor + 46)..<nameEnd], as: UTF8.self)
      cursor = nameEnd + extraLength + entryCommentLength
      guard cursor <= eocd else { throw fail("\(name): directory record runs past its end") }
      guard seen.insert(name).inserted else { throw fail("\(name) appears twice") }
      guard method == 0 || method == 8 else { throw fail("\(name): unknown compression \(method)") }

      guard localOffset + 30 <= directoryOffset, u32(bytes, localOffset) == 0x0403_4B50 else {
        throw fail("\(name): local header missing at offset \(localOffset)")
      }
      let localNameLength = Int(u16(bytes, localOffset + 26))
      let localExtraLength = Int(u16(bytes, localOffset + 28))
      let dataStart = localOffset + 30 + localNameLength + localExtraLength
      guard dataStart <= directoryOffset,
        bytes[(localOffset + 30)..<(localOffset + 30 + localNameLength)].elementsEqual(name.utf8)
      else { throw fail("\(name): local header name differs from the directory") }
      guard dataStart + compressedSize <= directoryOffset else {
        throw fail("\(name): data (\(compressedSize) bytes) runs into the central directory")
      }
      if method == 8, uncompressedSize > 0, compressedSize == 0 {
        throw fail("\(name): no compressed data for \(uncompressedSize) bytes")
      }
      let stored = bytes[dataStart..<(dataStart + compressedSize)]
      let content: [UInt8]
      if method == 0 {
        guard compressedSize == uncompressedSize else { throw fail("\(name): stored sizes differ") }
        content = Array(stored)
      } else {
        do {
          content = try Zlib.inflateRaw(stored, expectedSize: uncompressedSize)
        } catch .verificationFailed(let reason) {
          throw fail("\(name): \(reason)")
        } catch {
          throw fail("\(name): \(error)")
        }
      }
      guard Zlib.crc32(content) == crc else { throw fail("\(name): CRC-32 mismatch") }
      if let problem = contentProblem(name: name, content: content, lastRow: lastRows[name]) {
        throw fail("\(name): \(problem)")
      }
      names.append(name)
    }
    guard cursor == eocd else { throw fail("central directory holds more than \(entryCount) entries") }
    let missing = requiredParts.filter { !seen.contains($0) }
    guard missing.isEmpty else { throw fail("missing parts: \(missing.joined(separator: ", "))") }
    return names
  }

  /// What is wrong with the text of an XML part, if anything. libxlsxwriter, when its
  /// temporary folder fills, reports success yet cuts a sheet short (measured: the normal
  /// mode stops mid-row at 64 KiB; constant-memory mode drops the rows but keeps the closing
  /// tags), so every XML part must end with a tag, a sheet with `</worksheet>`, and a sheet
  /// whose last written row is known must hold a `<row>` at least that far down.
  static func contentProblem(name: String, content: [UInt8], lastRow: Int?) -> String? {
    guard name.hasSuffix(".xml") || name.hasSuffix(".rels") else { return nil }
    // On the bytes, not a String: every byte looked for is ASCII (so it cannot be part of a
    // longer UTF-8 sequence), and decoding a sheet of tens of megabytes and searching it
    // through Foundation took longer than inflating it. Trailing space is XML's (space, tab,
    // CR, LF), the only kind allowed after the root element.
    var end = content.endIndex
    while end > content.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(content[end - 1]) {
      end -= 1
    }
    let trimmed = content[..<end]
    guard trimmed.last == UInt8(ascii: ">") else { return "the XML is cut short" }
    guard name.hasPrefix("xl/worksheets/sheet") else { return nil }
    guard trimmed.suffix(12).elementsEqual("</worksheet>".utf8) else {
      return "the sheet XML is cut short"
    }
    guard let lastRow else { return nil }
    guard let afterRowStart = endOfLast(Array("<row r=\"".utf8), in: trimmed) else {
      return "row \(lastRow) was written but the sheet holds no rows"
    }
    let digits = String(
      decoding: trimmed[afterRowStart...].prefix { (0x30...0x39).contains($0) }, as: UTF8.self)
    guard let found = Int(digits), found >= lastRow else {
      return "row \(lastRow) was written but the last row in the sheet is \(digits)"
    }
    return nil
  }

  /// The index just past the last occurrence of `pattern` in `bytes`, searching backwards.
  private static func endOfLast(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    var start = bytes.endIndex - pattern.count
    while start >= bytes.startIndex {
      if bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start + pattern.count
      }
      start -= 1
    }
    return nil
  }

  private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
    UInt16(b[i]) | UInt16(b[i + 1]) << 8
  }

  private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
  }
}
