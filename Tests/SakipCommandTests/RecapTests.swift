import Foundation
import SakipTestSupport
import Testing

/// `sakip recap` on the samples and its refusals.
@Suite(.serialized) struct RecapTests {
  let base = ["recap", "--definitions", "samples/indikator.csv", "--period", "TW2"]

  @Test func recapJSONOnTheSamples() throws {
    let folder = try temporaryFolder()
    let json = folder.appendingPathComponent("rekap.json").path
    let run = try runSakip(base + ["--out", folder.appendingPathComponent("rekap.xlsx").path, "--json", json, "samples/formulir-tw2"])
    #expect(run.status == 0)
    expectGolden(try String(contentsOfFile: json, encoding: .utf8), "recap-TW2.json")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rekap.xlsx").path))
  }

  /// The same command twice gives byte-identical files (the command line is recorded on
  /// `Sumber`, so the command must be the same, output paths included).
  @Test func twoRunsGiveIdenticalFiles() throws {
    let folder = try temporaryFolder()
    let xlsx = folder.appendingPathComponent("rekap.xlsx")
    let json = folder.appendingPathComponent("rekap.json")
    var contents: [Data] = []
    for _ in 0..<2 {
      let run = try runSakip(base + ["--out", xlsx.path, "--json", json.path, "samples/formulir-tw2"])
      #expect(run.status == 0)
      contents.append(try Data(contentsOf: xlsx))
      contents.append(try Data(contentsOf: json))
    }
    #expect(contents[0] == contents[2])
    #expect(contents[1] == contents[3])
  }

  @Test func strictRefusesToWriteAndExitsOne() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("rekap.xlsx").path
    let run = try runSakip(base + ["--out", out, "--strict", "samples/formulir-tw2"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("TIDAK ditulis"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let clean = try runSakip(["recap", "--definitions", "samples/indikator.csv", "--period", "TW1", "--out", out, "--strict", "samples/formulir-tw1"])
    #expect(clean.status == 0)
    #expect(FileManager.default.fileExists(atPath: out))
  }

  @Test func badOptionsExitTwo() throws {
    let out = try temporaryFolder().appendingPathComponent("r.xlsx").path
    #expect(try runSakip(base + ["--out", out, "--signer", "hanya nama", "samples/formulir-tw2"]).status == 2)
    #expect(try runSakip(base + ["--out", out, "--categories", "50,60,70,80", "samples/formulir-tw2"]).status == 2)
    #expect(try runSakip(base + ["--out", out, "--cap", "-5", "samples/formulir-tw2"]).status == 2)
    #expect(try runSakip(base + ["--out", out, "--negative-formula", "kebalikan", "samples/formulir-tw2"]).status == 2)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func missingOutputFolderExitsThreeAndLeavesNothing() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("tidak-ada/rekap.xlsx").path
    let run = try runSakip(base + ["--out", out, "samples/formulir-tw2"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test func failedWriteLeavesThePreviousWorkbookUntouched() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("rekap.xlsx")
    try Data("previous".utf8).write(to: out)
    // The JSON target is a folder, so the run fails; the workbook must not have been replaced.
    let json = folder.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: json, withIntermediateDirectories: true)
    let run = try runSakip(base + ["--out", out.path, "--json", json.path, "samples/formulir-tw2"])
    #expect(run.status == 3)
    #expect(try Data(contentsOf: out) == Data("previous".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["rekap.xlsx", "sub"])
  }
}
