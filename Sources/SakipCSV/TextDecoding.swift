/// Text ready for the parser: UTF-8 bytes from `start` on, and the encoding they came from.
///
/// For UTF-8 input `utf8` is the caller's array itself (no copy; `start` skips the BOM).
struct DecodedText: Sendable {
  var utf8: [UInt8]
  var start: Int
  var encoding: TextEncoding
}

/// Turns the bytes of a file into UTF-8: BOM handling, UTF-8 validation, UTF-16 and
/// Windows-1252 transcoding, and the refusals (workbooks, binary files).
enum TextDecoding {
  /// Finds the encoding of `bytes` and returns them as UTF-8.
  ///
  /// Order of checks: workbook signatures; UTF-16 BOM (`FF FE`, `FE FF`) → transcode;
  /// UTF-8 BOM (`EF BB BF`) → strip; valid UTF-8 → as is; otherwise Windows-1252 → transcode.
  /// A NUL anywhere in the text is `.nulBytes(line:)`.
  static func decode(_ bytes: [UInt8]) throws(CSVReadError) -> DecodedText {
    if hasWorkbookSignature(bytes) { throw .workbookNotCSV }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return try checked(DecodedText(utf8: utf16ToUTF8(bytes, bigEndian: false), start: 0, encoding: .utf16LE))
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return try checked(DecodedText(utf8: utf16ToUTF8(bytes, bigEndian: true), start: 0, encoding: .utf16BE))
    }
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let start = hasBOM ? 3 : 0
    let scan = bytes.withUnsafeBufferPointer { scanUTF8($0, from: start) }
    if let nul = scan.firstNUL {
      throw .nulBytes(line: lineNumber(of: nul, in: bytes, from: start))
    }
    if scan.isValid {
      return DecodedText(utf8: bytes, start: start, encoding: hasBOM ? .utf8WithBOM : .utf8)
    }
    // Not UTF-8. A BOM followed by invalid UTF-8 is a damaged UTF-8 file more likely than
    // Windows-1252 text starting "ï»¿"; the mark is dropped and the rest read as Windows-1252.
    let text = windows1252ToUTF8(bytes, from: start)
    return try checked(DecodedText(utf8: text, start: 0, encoding: .windows1252))
  }

  /// Returns true when `bytes` start like a zip (xlsx, ods) or an OLE2 compound file (xls).
  static func hasWorkbookSignature(_ bytes: [UInt8]) -> Bool {
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    return bytes.starts(with: zip) || bytes.starts(with: ole2)
  }

  /// Throws `.nulBytes` if transcoded text holds U+0000; returns it otherwise.
  private static func checked(_ text: DecodedText) throws(CSVReadError) -> DecodedText {
    let nul = text.utf8.withUnsafeBufferPointer { buffer -> Int? in
      var index = text.start
      while index < buffer.count {
        if buffer[index] == 0 { return index }
        index += 1
      }
      return nil
    }
    if let nul { throw .nulBytes(line: lineNumber(of: nul, in: text.utf8, from: text.start)) }
    return text
  }

  /// Returns the physical 1-based line holding byte `offset` (CRLF, LF and lone CR each end a line).
  static func lineNumber(of offset: Int, in bytes: [UInt8], from start: Int) -> Int {
    var line = 1
    var index = start
    while index < offset, index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D {
        line += 1
        if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
      }
      index += 1
    }
    return line
  }

  // MARK: UTF-8

  /// Validates UTF-8 from `start` and finds the first NUL, eight bytes at a time while the text is ASCII.
  ///
  /// Stops at the first NUL (an error whatever the encoding) or, once the text is known not to
  /// be UTF-8, keeps looking only for a NUL.
  static func scanUTF8(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (isValid: Bool, firstNUL: Int?) {
    guard let base = buffer.baseAddress else { return (true, nil) }
    let count = buffer.count
    let raw = UnsafeRawPointer(base)
    var index = start
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    while index < count {
      // Fast path: eight ASCII bytes with no NUL.
      if index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let hasZero = (word &- ones) & ~word & high
        if word & high == 0 && hasZero == 0 {
          index += 8
          continue
        }
      }
      let byte = base[index]
      if byte == 0 { return (true, index) }
      if byte < 0x80 {
        index += 1
        continue
      }
      let length = sequenceLength(base, count, index)
      if length == 0 {
        return (false, firstNUL(buffer, from: index))
      }
      index += length
    }
    return (true, nil)
  }

  /// Returns the length of the valid UTF-8 sequence starting at `index` (a non-ASCII lead byte), or 0.
  @inline(__always)
  private static func sequenceLength(_ base: UnsafePointer<UInt8>, _ count: Int, _ index: Int) -> Int {
    @inline(__always) func byte(_ offset: Int) -> UInt8 {
      index + offset < count ? base[index + offset] : 0
    }
    @inline(__always) func isContinuation(_ value: UInt8) -> Bool { value & 0xC0 == 0x80 }
    let lead = base[index]
    switch lead {
    case 0xC2...0xDF:
      return isContinuation(byte(1)) ? 2 : 0
    case 0xE0:
      return (0xA0...0xBF).contains(byte(1)) && isContinuation(byte(2)) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return isContinuation(byte(1)) && isContinuation(byte(2)) ? 3 : 0
    case 0xED:
      return (0x80...0x9F).contains(byte(1)) && isContinuation(byte(2)) ? 3 : 0
    case 0xF0:
      return (0x90...0xBF).contains(byte(1)) && isContinuation(byte(2)) && isContinuation(byte(3)) ? 4 : 0
    case 0xF1...0xF3:
      return isContinuation(byte(1)) && isContinuation(byte(2)) && isContinuation(byte(3)) ? 4 : 0
    case 0xF4:
      return (0x80...0x8F).contains(byte(1)) && isContinuation(byte(2)) && isContinuation(byte(3)) ? 4 : 0
    default:
      return 0
    }
  }

  private static func firstNUL(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < buffer.count {
      if buffer[index] == 0 { return index }
      index += 1
    }
    return nil
  }

  // MARK: Windows-1252

  /// Unicode scalars for bytes 0x80–0x9F in Windows-1252; the five undefined bytes
  /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as Windows does.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// Transcodes Windows-1252 bytes from `start` to UTF-8 (exact size computed first, one allocation).
  static func windows1252ToUTF8(_ bytes: [UInt8], from start: Int) -> [UInt8] {
    let table = windows1252High
    @inline(__always) func scalar(_ byte: UInt8) -> UInt32 {
      byte >= 0x80 && byte < 0xA0 ? table[Int(byte) - 0x80] : UInt32(byte)
    }
    var size = 0
    for index in start..<bytes.count {
      let value = scalar(bytes[index])
      size += value < 0x80 ? 1 : value < 0x800 ? 2 : 3
    }
    return [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
      var position = 0
      for index in start..<bytes.count {
        let value = scalar(bytes[index])
        if value < 0x80 {
          out[position] = UInt8(value)
          position += 1
        } else if value < 0x800 {
          out[position] = UInt8(0xC0 | (value >> 6))
          out[position + 1] = UInt8(0x80 | (value & 0x3F))
          position += 2
        } else {
          out[position] = UInt8(0xE0 | (value >> 12))
          out[position + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
          out[position + 2] = UInt8(0x80 | (value & 0x3F))
          position += 3
        }
      }
      initialized = position
    }
  }

  // MARK: UTF-16

  /// Transcodes UTF-16 after its 2-byte BOM to UTF-8; unpaired surrogates and an odd last byte
  /// become U+FFFD.
  static func utf16ToUTF8(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    if index < bytes.count { units.append(0xFFFD) }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }
}
