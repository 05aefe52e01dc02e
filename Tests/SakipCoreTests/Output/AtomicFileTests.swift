import Foundation
import SakipTestSupport
import Testing

@testable import SakipCore

struct AtomicFileTests {
  func contents(_ url: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  @Test func aStreamedStageHoldsEveryWriteAndCommitsInPlace() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out.json")
    try Data("previous".utf8).write(to: target)
    let staged = try AtomicFile.stage(to: target.path) { (file: inout AtomicFile.Writer) throws(SakipError) in
      try file.write(Array("one,".utf8))
      try file.write([])
      try file.write(Array(repeating: UInt8(ascii: "x"), count: 3 << 20))
      #expect(file.count == 4 + 3 << 20)
    }
    #expect(try Data(contentsOf: target) == Data("previous".utf8))
    #expect(try contents(folder).count == 2)
    try staged.commit()
    let written = try Data(contentsOf: target)
    #expect(written.count == 4 + 3 << 20)
    #expect(written.prefix(5) == Data("one,x".utf8))
    #expect(try contents(folder) == ["out.json"])
  }

  @Test func aFailingWriterLeavesNothingAndTheTargetAsItWas() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out.json")
    try Data("previous".utf8).write(to: target)
    #expect(throws: SakipError.self) {
      _ = try AtomicFile.stage(to: target.path) { (file: inout AtomicFile.Writer) throws(SakipError) in
        try file.write(Array("half".utf8))
        throw .outputFailed(path: target.path, reason: "stopped")
      }
    }
    #expect(try contents(folder) == ["out.json"])
    #expect(try Data(contentsOf: target) == Data("previous".utf8))
  }

  @Test func aDiscardedStageLeavesTheTarget() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out.json")
    try AtomicFile.stage(Array("new".utf8), to: target.path).discard()
    #expect(try contents(folder) == [])
  }

  @Test func unwritablePlacesNameTheTargetAndTheReason() throws {
    let folder = try temporaryFolder()
    for (path, reason) in [
      (folder.path, "itu sebuah folder, bukan berkas"),
      (folder.appendingPathComponent("tidak-ada/out.json").path, "berkas atau folder tidak ditemukan"),
    ] {
      do {
        _ = try AtomicFile.stage(Array("x".utf8), to: path)
        Issue.record("\(path) was staged")
      } catch {
        guard case .outputFailed(let failed, let why) = error else {
          Issue.record("\(error)")
          continue
        }
        #expect(failed == path)
        #expect(why.hasPrefix(reason), "\(why)")
      }
    }
    #expect(try contents(folder) == [])
  }
}
