import Foundation
import SakipTestSupport
import Testing

func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  switch compareWithGolden(actual, folder: "SakipCommandTests", name: name) {
  case .matches: break
  case .recorded(let path): Issue.record("recorded \(path); run again", sourceLocation: sourceLocation)
  case .differs(let path, let diff): Issue.record("\(path) differs at \(diff)", sourceLocation: sourceLocation)
  }
}

/// The README's commands on the bundled samples, compared with golden output.
@Suite(.serialized) struct SamplesTests {
  @Test func validateTW2Text() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "samples/formulir-tw2"])
    #expect(run.status == 1)
    expectGolden(run.stdout, "validate-TW2.txt")
  }

  @Test func validateTW2JSON() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "--format", "json", "samples/formulir-tw2"])
    #expect(run.status == 1)
    expectGolden(run.stdout, "validate-TW2.json")
  }

  @Test func validateTW2English() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "--lang", "en", "samples/formulir-tw2"])
    #expect(run.status == 1)
    expectGolden(run.stdout, "validate-TW2-en.txt")
  }

  @Test func validateTW1IsClean() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW1", "samples/formulir-tw1"])
    #expect(run.status == 0)
    expectGolden(run.stdout, "validate-TW1.txt")
  }

  @Test func returnNotes() throws {
    let folder = try temporaryFolder()
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "--notes", folder.path, "samples/formulir-tw2"])
    #expect(run.status == 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == [
      "catatan-pengembalian-Bidang-Infrastruktur-TIK.txt", "catatan-pengembalian-Bidang-Statistik-Sektoral.txt",
      "catatan-pengembalian-Sekretariat.txt",
    ])
    let note = try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
    expectGolden(note, "catatan-pengembalian-Bidang-Infrastruktur-TIK.txt")
  }
}
