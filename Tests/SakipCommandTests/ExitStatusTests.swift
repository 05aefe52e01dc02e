import Foundation
import SakipTestSupport
import Testing

/// Exit statuses of SPEC §1 for every kind of outcome.
struct ExitStatusTests {
  let definitions = "samples/indikator.csv"

  @Test func usageErrorsExitTwoNotSixtyFour() throws {
    let run = try runSakip(["validate", "samples/formulir-tw2"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--definitions"))
    #expect(try runSakip(["validate", "--definitions", definitions, "--period", "TW9", "samples/formulir-tw2"]).status == 2)
    #expect(try runSakip(["validate", "--definitions", definitions, "--decimal-comma", "--decimal-point", "samples/formulir-tw2"]).status == 2)
    #expect(try runSakip(["frobnicate"]).status == 2)
  }

  @Test func missingInputExitsTwoAndSaysWhich() throws {
    let run = try runSakip(["validate", "--definitions", definitions, "--period", "TW2", "tidak-ada/"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("tidak-ada/ tidak ditemukan"))
    let noDefinitions = try runSakip(["validate", "--definitions", "tidak-ada.csv", "--period", "TW2", "samples/formulir-tw2"])
    #expect(noDefinitions.status == 2)
    #expect(noDefinitions.stderr.contains("tidak-ada.csv"))
  }

  @Test func folderWithoutCSVExitsTwo() throws {
    let empty = try temporaryFolder()
    let run = try runSakip(["validate", "--definitions", definitions, "--period", "TW2", empty.path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("tidak berisi berkas .csv"))
  }

  @Test func refusedDefinitionsListEveryProblemAndExitTwo() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("indikator.csv")
    try "kode;indikator;satuan;penanggung_jawab;target\nA;Satu;%;Sekretariat;80\nA;Dua;%;Sekretariat;80\nB;;%;Sekretariat;1.5\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let run = try runSakip(["validate", "--definitions", file.path, "--period", "TW2", "samples/formulir-tw2"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(file.path):3"))
    #expect(run.stderr.contains("\(file.path):4, kolom \"indikator\""))
    #expect(run.stderr.contains("\(file.path):4, kolom \"target\""))
  }

  @Test func warningsOnlyExitZeroErrorsExitOne() throws {
    #expect(try runSakip(["validate", "--definitions", definitions, "--period", "TW1", "samples/formulir-tw1"]).status == 0)
    #expect(try runSakip(["validate", "--definitions", definitions, "--period", "TW2", "samples/formulir-tw2"]).status == 1)
  }

  @Test func unwritableNotesFolderExitsThree() throws {
    let folder = try temporaryFolder()
    let blocker = folder.appendingPathComponent("bukan-folder")
    try "x".write(to: blocker, atomically: true, encoding: .utf8)
    let run = try runSakip(["validate", "--definitions", definitions, "--period", "TW2", "--notes", blocker.appendingPathComponent("catatan").path, "samples/formulir-tw2"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
  }

  @Test func helpHasExamplesForEveryCommand() throws {
    let root = try runSakip(["--help"])
    #expect(root.status == 0)
    for command in ["template", "validate", "recap"] {
      let help = try runSakip([command, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("Contoh:"))
      #expect(help.stdout.contains("sakip \(command) --definitions"))
    }
  }
}
