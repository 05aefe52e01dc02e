import Foundation
import SakipTestSupport
import Testing

@testable import SakipXLSX

/// The zlib boundary on its own: raw DEFLATE as zip stores it, and CRC-32.
@Suite struct ZlibTests {
  /// `"sakip sakip sakip sakip "` × 20, raw-deflated by Python's zlib (level 9, wbits −15).
  private let text = Array(String(repeating: "sakip sakip sakip sakip ", count: 20).utf8)
  private let deflated: [UInt8] = [43, 78, 204, 206, 44, 80, 40, 30, 37, 135, 41, 9, 0]

  @Test func rawStreamInflates() throws {
    #expect(try Zlib.inflateRaw(deflated[...], expectedSize: text.count) == text)
  }

  @Test func crc32MatchesTheStandardCheckValue() {
    // The check value of CRC-32/ISO-HDLC (zip's CRC) for "123456789".
    #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(Zlib.crc32(text) == 0x7C8C_A212)
    #expect(Zlib.crc32([]) == 0)
  }

  @Test func reservedBlockTypeIsRefused() {
    // BFINAL = 1, BTYPE = 11 (reserved): zlib says "invalid block type".
    #expect(
      throws: XLSXError.verificationFailed(
        reason: "the compressed data is damaged (zlib: invalid block type)")
    ) {
      try Zlib.inflateRaw([0x07, 0x00][...], expectedSize: 1)
    }
  }

  @Test(arguments: [0, 1, 6, 12])
  func streamCutShortIsRefused(_ kept: Int) {
    #expect(throws: XLSXError.self) {
      try Zlib.inflateRaw(deflated.prefix(kept), expectedSize: text.count)
    }
  }

  @Test(arguments: [0, 1, 479, 481, 100_000])
  func wrongExpectedSizeIsRefused(_ expected: Int) {
    #expect(throws: XLSXError.self) { try Zlib.inflateRaw(deflated[...], expectedSize: expected) }
  }

  @Test func bytesAfterTheFinalBlockAreRefused() {
    #expect(
      throws: XLSXError.verificationFailed(
        reason: "2 bytes follow the end of the compressed data")
    ) {
      try Zlib.inflateRaw((deflated + [0, 0])[...], expectedSize: text.count)
    }
  }

  @Test func impossibleRatioIsRefusedBeforeAllocating() {
    #expect(throws: XLSXError.self) {
      try Zlib.inflateRaw(deflated[...], expectedSize: Int(UInt32.max))
    }
  }

  @Test func sliceNotStartingAtZeroInflates() throws {
    let padded = [0xFF, 0xFF] + deflated + [0xFF]
    let slice = padded[2..<(2 + deflated.count)]
    #expect(try Zlib.inflateRaw(slice, expectedSize: text.count) == text)
  }
}

/// zlib applied to the parts of a workbook libxlsxwriter wrote.
@Suite struct ZlibWorkbookTests {
  /// One central-directory record: name, method, CRC, sizes, where the data starts.
  private struct Entry {
    var name: String
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var dataStart: Int
  }

  /// Reads the central directory the plain way (no checks: the workbook is sound).
  private func entries(_ bytes: [UInt8]) throws -> [Entry] {
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    let eocd = try #require(
      stride(from: bytes.count - 22, through: 0, by: -1).first { u32($0) == 0x0605_4B50 })
    var cursor = u32(eocd + 16)
    var found: [Entry] = []
    for _ in 0..<u16(eocd + 10) {
      let nameLength = u16(cursor + 28)
      let local = u32(cursor + 42)
      found.append(
        Entry(
          name: String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self),
          method: UInt16(u16(cursor + 10)), crc: UInt32(u32(cursor + 16)),
          compressedSize: u32(cursor + 20), uncompressedSize: u32(cursor + 24),
          dataStart: local + 30 + u16(local + 26) + u16(local + 28)))
      cursor += 46 + nameLength + u16(cursor + 30) + u16(cursor + 32)
    }
    return found
  }

  private func workbook() throws -> URL {
    try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<2_000 {
        try sheet.write("baris \(row)", row: row, col: 0)
        try sheet.write(Double(row) * 1.5, row: row, col: 1)
      }
    }
  }

  @Test func everyPartInflatesToItsRecordedSizeAndCRC() throws {
    let url = try workbook()
    let bytes = try [UInt8](Data(contentsOf: url))
    let parts = try xlsxParts(at: url)  // ZIPFoundation's reading, for comparison
    let all = try entries(bytes)
    #expect(all.count == parts.count)
    #expect(all.contains { $0.name == "xl/worksheets/sheet1.xml" && $0.uncompressedSize > 50_000 })
    for entry in all where entry.method == 8 {
      let content = try Zlib.inflateRaw(
        bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)],
        expectedSize: entry.uncompressedSize)
      #expect(content.count == entry.uncompressedSize, "\(entry.name)")
      #expect(Zlib.crc32(content) == entry.crc, "\(entry.name)")
      #expect(String(decoding: content, as: UTF8.self) == parts[entry.name], "\(entry.name)")
    }
  }

  @Test(arguments: [0.1, 0.5, 0.9])
  func corruptedSheetDataIsRefused(_ at: Double) throws {
    let url = try workbook()
    var bytes = try [UInt8](Data(contentsOf: url))
    let sheet = try #require(try entries(bytes).first { $0.name == "xl/worksheets/sheet1.xml" })
    let offset = sheet.dataStart + Int(Double(sheet.compressedSize) * at)
    for index in offset..<(offset + 8) { bytes[index] ^= 0xA5 }
    let error = #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: Data(bytes)) }
    switch error {
    case .verificationFailed(let reason)?:
      #expect(reason.hasPrefix("xl/worksheets/sheet1.xml: "), "\(reason)")
    default:
      Issue.record("expected verificationFailed naming the sheet, got \(String(describing: error))")
    }
    // The same bytes straight through zlib are refused too (not only by the CRC check).
    #expect(throws: XLSXError.self) {
      let content = try Zlib.inflateRaw(
        bytes[sheet.dataStart..<(sheet.dataStart + sheet.compressedSize)],
        expectedSize: sheet.uncompressedSize)
      guard Zlib.crc32(content) == sheet.crc else {
        throw XLSXError.verificationFailed(reason: "CRC-32 mismatch")
      }
    }
  }
}

/// The streaming inflater: windows that repeat the tail of the one before, reused between parts.
@Suite struct ZlibInflaterTests {
  /// A sheet part of a few hundred KiB as libxlsxwriter deflated it, its text and its CRC-32.
  private func sheet() throws -> (compressed: [UInt8], content: [UInt8], crc: UInt32) {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<5_000 {
        try sheet.write("baris \(row)", row: row, col: 0)
        try sheet.write(Double(row) * 1.5, row: row, col: 1)
      }
    }
    let bytes = try [UInt8](Data(contentsOf: url))
    let content = Array(try #require(try xlsxParts(at: url)["xl/worksheets/sheet1.xml"]).utf8)
    // The sheet's local header: find its name, then the data after the fixed 30-byte header.
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    let at = try #require(
      (0..<(bytes.count - name.count)).first { bytes[$0..<($0 + name.count)].elementsEqual(name) })
    let header = at - 30
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    var compressedSize = u32(header + 18)
    if compressedSize == 0 {
      // Sizes in a data descriptor: take them from the central directory instead.
      let central = try #require(
        (0..<(bytes.count - 4)).last { u32($0) == 0x0201_4B50 && bytes[($0 + 46)..<($0 + 46 + name.count)].elementsEqual(name) })
      compressedSize = u32(central + 20)
    }
    let start = header + 30 + u16(header + 26) + u16(header + 28)
    return (Array(bytes[start..<(start + compressedSize)]), content, Zlib.crc32(content))
  }

  @Test(arguments: [(0, 1 << 20), (16, 1 << 20), (64, 1 << 20), (64, 1), (64, 7), (16, 4096)])
  func windowsRepeatTheOverlapAndAddUpToTheContent(_ overlap: Int, _ inputPiece: Int) throws {
    let (compressed, content, crc) = try sheet()
    #expect(content.count > 3 * 4096)
    let inflater = try Zlib.Inflater(windowSize: 4096)
    var rebuilt: [UInt8] = []
    var windows = 0
    var lastFlags: [Bool] = []
    var requested = 0
    let computed = try inflater.inflate(
      compressedSize: compressed.count, expectedSize: content.count, overlap: overlap,
      inputPiece: inputPiece,
      read: { offset, count throws(XLSXError) in
        // Asked in order, never more than a piece.
        #expect(offset == requested && count <= inputPiece)
        requested += count
        return Data(compressed[offset..<(offset + count)])
      }
    ) { window, isLast throws(XLSXError) in
      let skip = windows == 0 ? 0 : overlap
      if windows > 0 {
        // The window starts with the last `overlap` bytes already seen.
        for i in 0..<overlap { #expect(window[i] == rebuilt[rebuilt.count - overlap + i]) }
      }
      for i in skip..<window.count { rebuilt.append(window[i]) }
      windows += 1
      lastFlags.append(isLast)
    }
    #expect(computed == crc)
    #expect(requested == compressed.count)
    #expect(rebuilt == content)
    #expect(windows > 3)
    #expect(lastFlags.last == true && lastFlags.dropLast().allSatisfy { !$0 })
  }

  @Test func oneInflaterServesSeveralStreams() throws {
    let (compressed, content, crc) = try sheet()
    let inflater = try Zlib.Inflater(windowSize: 4096)
    let deflated: [UInt8] = [43, 78, 204, 206, 44, 80, 40, 30, 37, 135, 41, 9, 0]
    for _ in 0..<2 {
      #expect(try inflater.inflate(Data(compressed), expectedSize: content.count, overlap: 64) { _, _ in } == crc)
      #expect(try inflater.inflate(Data(deflated), expectedSize: 480, overlap: 64) { _, _ in } == 0x7C8C_A212)
    }
    // A damaged stream in between leaves the inflater usable.
    let damaged = Data(compressed.prefix(100))
    #expect(throws: XLSXError.self) {
      try inflater.inflate(damaged, expectedSize: content.count, overlap: 64) { _, _ in }
    }
    #expect(try inflater.inflate(Data(compressed), expectedSize: content.count, overlap: 64) { _, _ in } == crc)
  }

  @Test(arguments: [1, 3, 1 << 20])
  func damageIsFoundWhateverThePieces(_ inputPiece: Int) throws {
    let deflated: [UInt8] = [43, 78, 204, 206, 44, 80, 40, 30, 37, 135, 41, 9, 0]
    let inflater = try Zlib.Inflater(windowSize: 4096)
    func inflate(_ bytes: [UInt8], _ expected: Int) throws(XLSXError) -> UInt32 {
      try inflater.inflate(Data(bytes), expectedSize: expected, overlap: 64, inputPiece: inputPiece) { _, _ in }
    }
    #expect(try inflate(deflated, 480) == 0x7C8C_A212)
    #expect(throws: XLSXError.verificationFailed(reason: "2 bytes follow the end of the compressed data")) {
      try inflate(deflated + [0, 0], 480)
    }
    #expect(throws: XLSXError.verificationFailed(reason: "the compressed data ends early (after 0 of 480 bytes)")) {
      try inflate(Array(deflated.prefix(1)), 480)
    }
    #expect(throws: XLSXError.verificationFailed(reason: "decompresses to more than the 479 bytes the directory says")) {
      try inflate(deflated, 479)
    }
    #expect(throws: XLSXError.verificationFailed(reason: "decompresses to 480 bytes, the directory says 481")) {
      try inflate(deflated, 481)
    }
  }

  @Test func aReadErrorStopsInflating() throws {
    let inflater = try Zlib.Inflater(windowSize: 4096)
    #expect(throws: XLSXError.verificationFailed(reason: "disk gone")) {
      try inflater.inflate(
        compressedSize: 13, expectedSize: 480, overlap: 0,
        read: { _, _ throws(XLSXError) in throw .verificationFailed(reason: "disk gone") }
      ) { _, _ in }
    }
    #expect(throws: XLSXError.self) {
      try inflater.inflate(
        compressedSize: 13, expectedSize: 480, overlap: 0, read: { _, _ in Data([43]) }
      ) { _, _ in }
    }
  }

  @Test func errorFromTheBodyStopsInflating() throws {
    let (compressed, content, _) = try sheet()
    let inflater = try Zlib.Inflater(windowSize: 4096)
    var calls = 0
    #expect(throws: XLSXError.invalidArgument("stop")) {
      try inflater.inflate(Data(compressed), expectedSize: content.count, overlap: 0) {
        _, _ throws(XLSXError) in
        calls += 1
        throw .invalidArgument("stop")
      }
    }
    #expect(calls == 1)
  }
}
