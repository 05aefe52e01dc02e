import Foundation
import SakipTestSupport
import Testing

@testable import SakipXLSX

@Suite struct XLSXVerifierTests {
  private func sample() throws -> Data {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<200 { try sheet.write("baris \(row)", row: row, col: 0) }
    }
    return try Data(contentsOf: url)
  }

  @Test func soundPackagePasses() throws {
    let names = try XLSXVerifier.verify(data: sample(), requiredParts: ["xl/worksheets/sheet1.xml"])
    #expect(names.contains("xl/sharedStrings.xml"))
  }

  @Test(arguments: [0.0, 0.25, 0.5, 0.9, 0.999])
  func truncatedCopyFails(_ fraction: Double) throws {
    let data = try sample()
    let truncated = data.prefix(Int(Double(data.count) * fraction))
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("truncated.xlsx")
    try truncated.write(to: url)
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(fileAt: url) }
  }

  @Test func aZipWithNoEntriesHasNoPartsToInflate() throws {
    // The end-of-central-directory record alone: no entries, directory at offset 0.
    let empty = Data([0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
    #expect(try XLSXVerifier.verify(data: empty, requiredParts: []) == [])
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: empty) }
  }

  @Test func damagedCentralDirectoryFails() throws {
    var data = try sample()
    // Overwrite the first central-directory signature.
    let signature = Data([0x50, 0x4B, 0x01, 0x02])
    let range = try #require(data.range(of: signature))
    data.replaceSubrange(range, with: Data([0, 0, 0, 0]))
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }

  @Test func damagedLocalHeaderFails() throws {
    var data = try sample()
    data.replaceSubrange(0..<4, with: Data([0, 0, 0, 0]))
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }

  @Test func missingRequiredPartFails() throws {
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(data: sample(), requiredParts: ["xl/worksheets/sheet2.xml"])
    }
  }

  @Test func missingFileFails() {
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(fileAt: URL(fileURLWithPath: "/nonexistent/x.xlsx"))
    }
  }
}

/// The damage libxlsxwriter does without reporting it when its temporary folder is full
/// (measured on a 64 KiB tmpfs, see the report): a zip that is sound, with good CRCs, around
/// a sheet that is cut short or lost its rows.
@Suite struct XLSXVerifierContentTests {
  private func rezipped(_ edit: (inout String) -> Void) throws -> URL {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<500 { try sheet.write(Double(row), row: row, col: 0) }
    }
    var parts = try xlsxParts(at: url)
    var sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    edit(&sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet
    let copy = url.deletingLastPathComponent().appendingPathComponent("edited.xlsx")
    try writeXLSXParts(parts, to: copy)
    return copy
  }

  @Test func untouchedRezipPasses() throws {
    try XLSXVerifier.verify(fileAt: rezipped { _ in })
  }

  @Test func sheetCutShortFails() throws {
    let url = try rezipped { $0 = String($0.prefix($0.count * 6 / 10)) }
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(fileAt: url) }
  }

  @Test func sheetThatLostItsRowsFails() throws {
    let url = try rezipped { sheet in
      let start = sheet.range(of: "<sheetData>")!.upperBound
      let end = sheet.range(of: "</sheetData>")!.lowerBound
      sheet.replaceSubrange(start..<end, with: "")
    }
    // The public check cannot know how many rows were meant; the writer's check does.
    try XLSXVerifier.verify(fileAt: url)
    #expect(throws: XLSXError.verificationFailed(
      reason: "xl/worksheets/sheet1.xml: row 500 was written but the sheet holds no rows")) {
      try XLSXVerifier.verify(fileAt: url, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 500])
    }
  }

  @Test func sheetThatLostItsLastRowsFails() throws {
    let url = try rezipped { sheet in
      let start = sheet.range(of: "<row r=\"400\"")!.lowerBound
      let end = sheet.range(of: "</sheetData>")!.lowerBound
      sheet.replaceSubrange(start..<end, with: "")
    }
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(fileAt: url, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 500])
    }
  }

  @Test func flippedCompressedByteFails() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<500 { try sheet.write("baris \(row)", row: row, col: 0) }
    }
    var data = try Data(contentsOf: url)
    let middle = data.count / 3
    data[middle] ^= 0x55
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }
}

/// The content checks fed window by window, as the verifier inflates a part: whatever the
/// window boundaries, the verdict is the one on the whole part.
@Suite struct PartContentWindowTests {
  /// The verdict on `text` cut into windows ending at `cut` (the second repeating the
  /// overlap), against the verdict on it whole.
  private func verdicts(_ text: String, name: String, lastRow: Int?) -> (whole: String?, split: [String?]) {
    let bytes = Array(text.utf8)
    let whole = XLSXVerifier.contentProblem(name: name, content: bytes, lastRow: lastRow)
    var split: [String?] = []
    for cut in 1..<bytes.count {
      var part = PartContent(name: name, lastRow: lastRow)
      var start = 0
      var end = cut
      while true {
        let isLast = end == bytes.count
        part.scan(Array(bytes[start..<end]).span, isLast: isLast)
        if isLast { break }
        start = max(0, end - PartContent.overlap)
        end = min(bytes.count, end + max(cut, PartContent.overlap + 1))
      }
      split.append(part.problem)
    }
    return (whole, split)
  }

  private let sheet =
    #"<?xml version="1.0"?><worksheet><sheetData><row r="9"><c r="A9"/></row><row r="10"><c r="A10"/></row></sheetData></worksheet>"#

  @Test(arguments: [nil, 9, 10, 11, 100])
  func sheetVerdictDoesNotDependOnWindows(_ lastRow: Int?) {
    let (whole, split) = verdicts(sheet, name: "xl/worksheets/sheet1.xml", lastRow: lastRow)
    #expect(split.allSatisfy { $0 == whole }, "\(split.filter { $0 != whole })")
    #expect((whole == nil) == ((lastRow ?? 0) <= 10))
  }

  @Test func trailingSpaceWindowsKeepTheVerdict() {
    let padded = sheet + String(repeating: " \n", count: 100)
    let (whole, split) = verdicts(padded, name: "xl/worksheets/sheet1.xml", lastRow: 10)
    #expect(whole == nil)
    #expect(split.allSatisfy { $0 == nil }, "\(Set(split.map { $0 ?? "nil" }))")
    let cut = String(sheet.dropLast(12)) + String(repeating: " ", count: 200)
    let (cutWhole, cutSplit) = verdicts(cut, name: "xl/worksheets/sheet1.xml", lastRow: 10)
    #expect(cutWhole == "the sheet XML is cut short")
    #expect(cutSplit.allSatisfy { $0 == cutWhole })
  }

  @Test func rowNumberLongerThanTheOverlapIsUnreadable() {
    let digits = String(repeating: "0", count: 70) + "12"
    let text = #"<worksheet><sheetData><row r="5"/><row r=""# + digits + #""/></sheetData></worksheet>"#
    // Whole, the number reads as 12; cut inside its digits it cannot be read whole, and is
    // refused rather than replaced by row 5.
    #expect(XLSXVerifier.contentProblem(name: "xl/worksheets/sheet1.xml", content: Array(text.utf8), lastRow: 12) == nil)
    let bytes = Array(text.utf8)
    let digitsStart = text.utf8.count - digits.utf8.count - #""/></sheetData></worksheet>"#.utf8.count
    var part = PartContent(name: "xl/worksheets/sheet1.xml", lastRow: 5)
    let cut = digitsStart + 66
    part.scan(Array(bytes[..<cut]).span, isLast: false)
    part.scan(Array(bytes[(cut - PartContent.overlap)...]).span, isLast: true)
    #expect(part.problem?.hasPrefix("row 5 was written but the last row in the sheet is 000") == true)
  }

  @Test func otherPartsNeedOnlyAClosingTag() {
    let (whole, split) = verdicts(#"<?xml version="1.0"?><Types></Types>"#, name: "[Content_Types].xml", lastRow: nil)
    #expect(whole == nil && split.allSatisfy { $0 == nil })
    let (cutWhole, cutSplit) = verdicts(#"<?xml version="1.0"?><Types></Typ"#, name: "[Content_Types].xml", lastRow: nil)
    #expect(cutWhole == "the XML is cut short" && cutSplit.allSatisfy { $0 == cutWhole })
  }

  /// A sheet of several megabytes: its rows span many 1 MiB windows of the real verifier.
  @Test func largeSheetThatLostItsLastRowsFails() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<60_000 {
        try sheet.write("baris nomor \(row) dengan teks", row: row, col: 0)
        try sheet.write(Double(row), row: row, col: 1)
      }
    }
    var parts = try xlsxParts(at: url)
    var sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.utf8.count > 3 << 20)
    try XLSXVerifier.verify(fileAt: url, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 60_000])
    let start = try #require(sheet.range(of: "<row r=\"59000\"")).lowerBound
    let end = try #require(sheet.range(of: "</sheetData>")).lowerBound
    sheet.replaceSubrange(start..<end, with: "")
    parts["xl/worksheets/sheet1.xml"] = sheet
    let copy = url.deletingLastPathComponent().appendingPathComponent("edited.xlsx")
    try writeXLSXParts(parts, to: copy)
    try XLSXVerifier.verify(fileAt: copy, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 58_999])
    #expect(throws: XLSXError.verificationFailed(
      reason: "xl/worksheets/sheet1.xml: row 60000 was written but the last row in the sheet is 58999")) {
      try XLSXVerifier.verify(fileAt: copy, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 60_000])
    }
  }
}
