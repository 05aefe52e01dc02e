import Foundation

/// Checks that a file is a structurally sound XLSX (zip) package, without trusting the
/// writer's own status: libxlsxwriter reports success even when its temporary folder
/// filled up and the result is damaged.
///
/// Checked: the end-of-central-directory record is found and consistent with the file size;
/// the central directory parses and holds exactly the number of entries it announces; every
/// entry's local header is where the directory says, with the same name, a known
/// compression method, and data that ends before the directory; names are unique; every
/// required part is present; stored (uncompressed) entries match their CRC-32.
/// Not checked: the CRC of deflated entries (that needs an inflater) and the XML inside.
public enum XLSXVerifier {
  /// Throws `XLSXError.verificationFailed` if the file at `url` is not a sound zip package
  /// holding every part named in `requiredParts`; returns the entry names in order.
  @discardableResult
  public static func verify(fileAt url: URL, requiredParts: [String] = ["[Content_Types].xml"])
    throws(XLSXError) -> [String]
  {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .verificationFailed(reason: "cannot read \(url.path): \(error.localizedDescription)")
    }
    return try verify(data: data, requiredParts: requiredParts)
  }

  /// Verifies the bytes of a package; see `verify(fileAt:requiredParts:)`.
  @discardableResult
  public static func verify(data: Data, requiredParts: [String] = ["[Content_Types].xml"])
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
      if method == 0 {
        guard compressedSize == uncompressedSize else { throw fail("\(name): stored sizes differ") }
        guard CRC32.checksum(bytes[dataStart..<(dataStart + compressedSize)]) == crc else {
          throw fail("\(name): CRC-32 mismatch")
        }
      }
      names.append(name)
    }
    guard cursor == eocd else { throw fail("central directory holds more than \(entryCount) entries") }
    let missing = requiredParts.filter { !seen.contains($0) }
    guard missing.isEmpty else { throw fail("missing parts: \(missing.joined(separator: ", "))") }
    return names
  }

  private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
    UInt16(b[i]) | UInt16(b[i + 1]) << 8
  }

  private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
  }
}

/// CRC-32 (IEEE 802.3), as zip uses.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
