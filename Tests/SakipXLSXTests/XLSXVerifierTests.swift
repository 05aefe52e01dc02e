import Foundation
import SakipXLSX
import Testing

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
