import Foundation
import SakipTestSupport
import Testing

/// Faults a SPEC review found, each pinned by a test.
@Suite(.serialized) struct ReviewFixesTests {
  @Test func outputsNeverOverwriteInputs() throws {
    let folder = try temporaryFolder()
    let definitions = folder.appendingPathComponent("indikator.csv")
    try FileManager.default.copyItem(atPath: packagePath("samples/indikator.csv"), toPath: definitions.path)
    let before = try Data(contentsOf: definitions)
    let run = try runSakip(["recap", "--definitions", definitions.path, "--period", "TW2", "--out", definitions.path, "samples/formulir-tw2"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("tidak pernah menimpa masukan"))
    #expect(try Data(contentsOf: definitions) == before)
    let form = "samples/formulir-tw2/Sekretariat_TW2.csv"
    let formBefore = try Data(contentsOf: URL(fileURLWithPath: packagePath(form)))
    #expect(try runSakip(["recap", "--definitions", definitions.path, "--period", "TW2", "--out", folder.appendingPathComponent("r.xlsx").path, "--json", form, "samples/formulir-tw2"]).status == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: packagePath(form))) == formBefore)
    let same = folder.appendingPathComponent("r.out").path
    #expect(try runSakip(["recap", "--definitions", definitions.path, "--period", "TW2", "--out", same, "--json", same, "samples/formulir-tw2"]).status == 2)
  }

  @Test func templateNeverOverwritesTheEarlierForms() throws {
    let folder = try temporaryFolder()
    let forms = folder.appendingPathComponent("forms")
    try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
    let target = forms.appendingPathComponent("Sekretariat.csv")
    try FileManager.default.copyItem(atPath: packagePath("samples/formulir-tw1/Sekretariat_TW1.csv"), toPath: target.path)
    let before = try Data(contentsOf: target)
    let run = try runSakip(["template", "--definitions", "samples/indikator.csv", "--year", "2025", "--period", "TW2", "--from", forms.path, "--out", forms.path])
    #expect(run.status == 2)
    #expect(try Data(contentsOf: target) == before)
  }

  @Test func theDefinitionsFileInAFormsFolderIsNotAForm() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW1", "--format", "json", "samples/formulir-tw1", "samples/indikator.csv"])
    #expect(run.status == 0)
    #expect(!run.stdout.contains("\"forms\": [\"samples/indikator.csv\""))
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    #expect((object?["inputs"] as? [Any])?.count == 7)
  }

  @Test func hugeNumbersDoNotCrashTheRecap() throws {
    let folder = try temporaryFolder()
    let form = folder.appendingPathComponent("f.csv")
    try "Kode;Realisasi TW I;Realisasi TW II;Kendala;Bukti Dukung\nP1;99999999999999999999;1e300;x;y\n".write(to: form, atomically: true, encoding: .utf8)
    let definitions = folder.appendingPathComponent("d.csv")
    try "kode;indikator;satuan;penanggung_jawab;target\nP1;Satu;dokumen;Sekretariat;10\n".write(to: definitions, atomically: true, encoding: .utf8)
    let run = try runSakipTimed(["recap", "--definitions", definitions.path, "--period", "TW2", "--out", folder.appendingPathComponent("r.xlsx").path, "--json", folder.appendingPathComponent("r.json").path, form.path])
    #expect(run.endedCleanly, "\(run.stderr)")
    #expect(run.status == 0)
    let validate = try runSakipTimed(["validate", "--definitions", definitions.path, "--period", "TW2", form.path])
    #expect(validate.endedCleanly)
  }

  @Test func aDashForTheAnnualTargetIsRefusedNotDropped() throws {
    let folder = try temporaryFolder()
    let definitions = folder.appendingPathComponent("d.csv")
    try "kode;indikator;satuan;penanggung_jawab;target\nP1;Satu;dokumen;Sekretariat;-\nP2;Dua;dokumen;Sekretariat;5\n".write(to: definitions, atomically: true, encoding: .utf8)
    let run = try runSakip(["validate", "--definitions", definitions.path, "--period", "TW2", "samples/formulir-tw2"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(definitions.path):2, kolom \"target\""))
  }

  @Test func anUnreadableNumberIsNotANumberInTheRecapNotMissing() throws {
    let folder = try temporaryFolder()
    let json = folder.appendingPathComponent("r.json")
    #expect(try runSakip(["recap", "--definitions", "samples/indikator.csv", "--period", "TW2", "--out", folder.appendingPathComponent("r.xlsx").path, "--json", json.path, "samples/formulir-tw2"]).status == 0)
    let text = try String(contentsOf: json, encoding: .utf8)
    #expect(text.contains("realisation is not a number"))
  }

  @Test func onATieTheLaterPeriodIsTaken() throws {
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--format", "json", "samples/formulir-tw1/Sekretariat_TW1.csv", "samples/formulir-tw2/Sekretariat_TW2.csv"])
    #expect(run.stdout.contains("\"period\": \"TW2\""))
  }
}

struct UnreadableFormTests {
  @Test func anUnreadableFormIsAttributedToItsSectionNotReportedMissing() throws {
    let folder = try temporaryFolder()
    for name in try FileManager.default.contentsOfDirectory(atPath: packagePath("samples/formulir-tw2")) {
      try FileManager.default.copyItem(atPath: packagePath("samples/formulir-tw2/\(name)"), toPath: folder.appendingPathComponent(name).path)
    }
    try Data("Kode;Realisasi TW I\n\"SS1;1\n".utf8).write(to: folder.appendingPathComponent("Bidang_Statistik_Sektoral_TW2.csv"))
    let run = try runSakip(["validate", "--definitions", "samples/indikator.csv", "--period", "TW2", "--format", "json", folder.path])
    #expect(run.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let findings = object?["findings"] as? [[String: Any]] ?? []
    let statistik = findings.filter { $0["section"] as? String == "Bidang Statistik Sektoral" }.compactMap { $0["check"] as? String }
    #expect(statistik == ["unreadable-file"])
  }
}
