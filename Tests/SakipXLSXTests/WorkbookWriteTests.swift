import Foundation
import SakipTestSupport
import Testing

@testable import SakipXLSX

private struct BodyFailed: Error {}

@Suite struct WorkbookWriteTests {
  private func contents(of folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func successLeavesOnlyTheTarget() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("out.xlsx")
    try Workbook.write(to: url, options: WorkbookOptions(creationDate: pinnedDate)) {
      try $0.addWorksheet(named: "Data").write("x", row: 0, col: 0)
    }
    #expect(try contents(of: folder) == ["out.xlsx"])
    #expect(try XLSXVerifier.verify(fileAt: url).count >= 9)
  }

  @Test func pinnedCreationDateMakesIdenticalFiles() throws {
    let folder = try makeScratchFolder()
    var files: [Data] = []
    for name in ["a.xlsx", "b.xlsx"] {
      let url = folder.appendingPathComponent(name)
      try Workbook.write(to: url, options: WorkbookOptions(creationDate: pinnedDate, title: "Rekap")) {
        try $0.addWorksheet(named: "Data").write(1.5, row: 0, col: 0)
      }
      files.append(try Data(contentsOf: url))
      Thread.sleep(forTimeInterval: 1.1)  // a clock-dependent field would now differ
    }
    #expect(files[0] == files[1])
    let core = try xlsxParts(at: folder.appendingPathComponent("a.xlsx"))["docProps/core.xml"]
    #expect(core?.contains("2025-01-01T00:00:00Z") == true)
    #expect(core?.contains("<dc:title>Rekap</dc:title>") == true)
  }

  @Test func missingFolderThrowsAndCreatesNothing() throws {
    let parent = try makeScratchFolder()
    let url = parent.appendingPathComponent("missing/out.xlsx")
    #expect(throws: XLSXError.io(path: parent.appendingPathComponent("missing").path,
                                 reason: "the output folder does not exist")) {
      try Workbook.write(to: url) { _ = try $0.addWorksheet(named: "Data") }
    }
    #expect(try contents(of: parent).isEmpty)
  }

  @Test func bodyErrorKeepsPreviousFileAndLeavesNoTemporaries() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("out.xlsx")
    let previous = Data("previous contents".utf8)
    try previous.write(to: url)
    #expect(throws: BodyFailed.self) {
      try Workbook.write(to: url) { workbook in
        try workbook.addWorksheet(named: "Data").write("half", row: 0, col: 0)
        throw BodyFailed()
      }
    }
    #expect(try Data(contentsOf: url) == previous)
    #expect(try contents(of: folder) == ["out.xlsx"])
  }

  @Test func libraryErrorInsideBodyPropagatesAndCleansUp() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("out.xlsx")
    #expect(throws: XLSXError.nonFiniteNumber(row: 0, col: 0)) {
      try Workbook.write(to: url) { try $0.addWorksheet(named: "Data").write(.nan, row: 0, col: 0) }
    }
    #expect(try contents(of: folder).isEmpty)
  }

  @Test(arguments: [TestingFault.verificationFails, .renameFails])
  func injectedFaultKeepsPreviousFile(_ fault: TestingFault) throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("out.xlsx")
    let previous = Data("previous contents".utf8)
    try previous.write(to: url)
    var options = WorkbookOptions(creationDate: pinnedDate)
    options.testingFault = fault
    #expect(throws: XLSXError.self) {
      try Workbook.write(to: url, options: options) {
        try $0.addWorksheet(named: "Data").write("new", row: 0, col: 0)
      }
    }
    #expect(try Data(contentsOf: url) == previous)
    #expect(try contents(of: folder) == ["out.xlsx"])
  }

  @Test func successReplacesPreviousFile() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("out.xlsx")
    try Data("old".utf8).write(to: url)
    try Workbook.write(toPath: url.path) { try $0.addWorksheet(named: "Data").write("new", row: 0, col: 0) }
    #expect(try xlsxParts(at: url)["xl/sharedStrings.xml"]?.contains("<t>new</t>") == true)
  }

  @Test func emptyBodyStillWritesAValidWorkbook() throws {
    let url = try writeWorkbook { _ in }
    #expect(try XLSXVerifier.verify(fileAt: url, requiredParts: ["xl/worksheets/sheet1.xml"]).isEmpty == false)
  }
}
