import Foundation
import SakipCore
import SakipTestSupport
import Testing

/// The bad-input catalogue (`BadInput/BadInputCatalogue.swift`): every case exits with its
/// status, in seconds, without a crash, and gives exactly its finding (check, line, column) or
/// its Indonesian error.
struct BadInputTests {
  @Test(arguments: Catalogue.cases)
  func catalogue(_ input: BadInputCase) throws {
    let folder = try temporaryFolder("badinput")
    defer { try? FileManager.default.removeItem(at: folder) }
    let definitions = folder.appendingPathComponent("indikator.csv")
    let form = folder.appendingPathComponent("formulir.csv")
    var forms = [form.path]
    switch input.role {
    case .form:
      try Data((input.definitions ?? Catalogue.definitions).utf8).write(to: definitions)
      try Data(input.bytes).write(to: form)
    case .definitions:
      try Data(input.bytes).write(to: definitions)
      try Data(Catalogue.bytes()).write(to: form)
    }
    for (i, more) in input.moreForms.enumerated() {
      let url = folder.appendingPathComponent("formulir-\(i + 2).csv")
      try Data(more).write(to: url)
      forms.append(url.path)
    }
    let run = try runSakipTimed(
      ["validate", "--definitions", definitions.path, "--period", "TW2", "--year", "2025", "--format", "json"] + forms)
    #expect(run.endedCleanly, "crashed or hung after \(run.seconds) s: \(run.stderr.prefix(500))")
    #expect(run.status == input.status, "stderr: \(run.stderr.prefix(500))")
    if let phrase = input.stderr {
      #expect(run.stderr.contains(phrase), "stderr: \(run.stderr.prefix(1000))")
    }
    guard input.status != 2 else { return }
    let found = findings(in: run.stdout)
    // Every message stays short enough to read, whatever the cell held.
    for finding in found {
      #expect(((finding["message"] as? String) ?? "").count < 600)
    }
    if input.clean {
      #expect(found.isEmpty, "\(found.map { ($0["check"] ?? "", $0["line"] ?? "") })")
    }
    if let check = input.check {
      let matching = found.filter { finding in
        finding["check"] as? String == check
          && (input.line.map { finding["line"] as? Int == $0 } ?? (finding["line"] is NSNull))
          && (input.column.map { finding["column"] as? String == $0 } ?? true)
      }
      #expect(
        !matching.isEmpty,
        "no \(check) at line \(input.line.map(String.init) ?? "null") \(input.column ?? ""); found: \(found.map { "\($0["check"] ?? "") \($0["line"] ?? "") \($0["column"] ?? "")" })")
      if let phrase = input.message {
        #expect(
          matching.contains { ($0["message"] as? String ?? "").contains(phrase) },
          "\(matching.map { $0["message"] ?? "" })")
      }
    }
    if let encoding = input.encoding {
      let form = inputs(in: run.stdout).first { ($0["file"] as? String)?.hasSuffix("formulir.csv") == true }
      #expect(form?["encoding"] as? String == encoding)
    }
  }

  /// SPEC §8.1: every check id fires in at least one case of the catalogue (each case asserts
  /// its own finding above).
  @Test func everyCheckIdIsCovered() {
    let covered = Set(Catalogue.cases.compactMap(\.check))
    #expect(covered == Set(FindingCode.allCases.map(\.rawValue)))
  }

  @Test func theBaseFormIsClean() throws {
    let folder = try temporaryFolder()
    let definitions = folder.appendingPathComponent("indikator.csv")
    let form = folder.appendingPathComponent("formulir.csv")
    try Data(Catalogue.definitions.utf8).write(to: definitions)
    try Data(Catalogue.bytes()).write(to: form)
    let run = try runSakipTimed(
      ["validate", "--definitions", definitions.path, "--period", "TW2", "--year", "2025", "--format", "json", form.path])
    #expect(run.status == 0)
    #expect(findings(in: run.stdout).isEmpty)
  }

  // MARK: Paths that are not files

  func setUp() throws -> (folder: URL, definitions: String, good: URL) {
    let folder = try temporaryFolder("paths")
    let definitions = folder.appendingPathComponent("indikator.csv")
    try Data(Catalogue.definitions.utf8).write(to: definitions)
    let forms = folder.appendingPathComponent("formulir")
    try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
    let good = forms.appendingPathComponent("bidang-uji.csv")
    try Data(Catalogue.bytes()).write(to: good)
    return (folder, definitions.path, forms)
  }

  func validate(_ definitions: String, _ forms: [String]) throws -> TimedRun {
    try runSakipTimed(["validate", "--definitions", definitions, "--period", "TW2", "--year", "2025", "--format", "json"] + forms, seconds: 10)
  }

  func unreadable(_ run: TimedRun, _ suffix: String) -> [String: Any]? {
    findings(in: run.stdout).first { $0["check"] as? String == "unreadable-file" && ($0["file"] as? String ?? "").hasSuffix(suffix) }
  }

  @Test func aFormThatVanishedIsNamedNotFatal() throws {
    let (folder, definitions, forms) = try setUp()
    // A broken link stands for a file deleted between the folder listing and the read.
    try FileManager.default.createSymbolicLink(
      atPath: forms.appendingPathComponent("hilang.csv").path, withDestinationPath: folder.appendingPathComponent("tidak-ada.csv").path)
    let run = try validate(definitions, [forms.path])
    #expect(run.endedCleanly)
    #expect(run.status == 1)
    let finding = unreadable(run, "hilang.csv")
    #expect((finding?["message"] as? String ?? "").contains("Berkas tidak ditemukan"))
    // Named on the command line, the same link is a usage error.
    let direct = try validate(definitions, [forms.appendingPathComponent("hilang.csv").path])
    #expect(direct.endedCleanly)
    #expect(direct.status == 2)
    #expect(direct.stderr.contains("hilang.csv tidak ditemukan"))
  }

  @Test func aPipeNamedLikeAFormIsRefusedWithoutWaiting() throws {
    let (_, definitions, forms) = try setUp()
    let fifo = forms.appendingPathComponent("pipa.csv").path
    #expect(mkfifo(fifo, 0o644) == 0)
    for paths in [[forms.path], [fifo]] {
      let run = try validate(definitions, paths)
      #expect(run.endedCleanly, "hung on a FIFO: \(run.seconds) s")
      #expect(run.status == 1)
      #expect((unreadable(run, "pipa.csv")?["message"] as? String ?? "").contains("bukan berkas biasa"))
    }
  }

  @Test func aFolderNamedLikeAFormIsRefused() throws {
    let (_, definitions, forms) = try setUp()
    try FileManager.default.createDirectory(at: forms.appendingPathComponent("x.csv"), withIntermediateDirectories: true)
    let run = try validate(definitions, [forms.path])
    #expect(run.endedCleanly)
    #expect(run.status == 1)
    #expect((unreadable(run, "x.csv")?["message"] as? String ?? "").contains("sebuah folder"))
    // Named on the command line it is a folder to search, and it holds no CSV.
    let direct = try validate(definitions, [forms.appendingPathComponent("x.csv").path])
    #expect(direct.status == 2)
    #expect(direct.stderr.contains("tidak berisi berkas .csv"))
  }

  @Test func aFolderWithoutCSVExitsTwo() throws {
    let (folder, definitions, _) = try setUp()
    let empty = folder.appendingPathComponent("kosong")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try Data("bukan csv".utf8).write(to: empty.appendingPathComponent("catatan.txt"))
    let run = try validate(definitions, [empty.path])
    #expect(run.endedCleanly)
    #expect(run.status == 2)
    #expect(run.stderr.contains("tidak berisi berkas .csv"))
  }

  @Test func missingDefinitionsSayNotFoundInIndonesian() throws {
    let (folder, _, forms) = try setUp()
    let run = try validate(folder.appendingPathComponent("tidak-ada.csv").path, [forms.path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("tidak-ada.csv tidak dapat dibaca. Berkas tidak ditemukan"))
  }

  // MARK: Section names that are not file names

  @Test func sectionNamesBecomeSafeDistinctFileNames() throws {
    let folder = try temporaryFolder()
    let names = [
      "Bidang A/B", "Bidang A:B", "Bidang A\\B", "Bidang *?[]", "Seksi " + String(repeating: "x", count: 74),
      "Seksi " + String(repeating: "x", count: 73) + "y", "..", "/",
    ]
    var text = "kode;indikator;satuan;penanggung_jawab;target\n"
    for (i, name) in names.enumerated() { text += "K\(i);Indikator \(i);%;\"\(name)\";80\n" }
    let definitions = folder.appendingPathComponent("indikator.csv")
    try Data(text.utf8).write(to: definitions)
    let out = folder.appendingPathComponent("formulir")
    let run = try runSakipTimed(["template", "--definitions", definitions.path, "--year", "2025", "--period", "TW2", "--out", out.path])
    #expect(run.endedCleanly)
    #expect(run.status == 0, "\(run.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(files.count == names.count * 2)
    #expect(Set(files.map { $0.lowercased() }).count == files.count)
    for file in files {
      #expect(file.count <= 70)
      #expect(!file.hasPrefix("."))
      #expect(file.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }, "\(file)")
    }
    // Nothing was written outside the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["formulir", "indikator.csv"])

    // Return notes for the same sections: one per section, distinct names.
    let notes = folder.appendingPathComponent("catatan")
    let validate = try runSakipTimed([
      "validate", "--definitions", definitions.path, "--period", "TW2", "--notes", notes.path,
      out.appendingPathComponent("Bidang-A-B.csv").path,
    ])
    #expect(validate.endedCleanly)
    #expect(validate.status == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).count == names.count)
  }

  // MARK: Text bound for the workbook

  @Test func aKendalaOverExcelsCellLimitDoesNotBreakTheRecap() throws {
    let folder = try temporaryFolder()
    let definitions = folder.appendingPathComponent("indikator.csv")
    try Data(Catalogue.definitions.utf8).write(to: definitions)
    let form = folder.appendingPathComponent("formulir.csv")
    try Data(Catalogue.bytes([(5, 8, String(repeating: "k", count: 40_000))])).write(to: form)
    let out = folder.appendingPathComponent("rekap.xlsx")
    let json = folder.appendingPathComponent("rekap.json")
    let run = try runSakipTimed([
      "recap", "--definitions", definitions.path, "--period", "TW2", "--out", out.path, "--json", json.path, form.path,
    ])
    #expect(run.endedCleanly)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Data(contentsOf: out).starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(try String(contentsOf: json, encoding: .utf8).contains(String(repeating: "k", count: 40_000)))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["formulir.csv", "indikator.csv", "rekap.json", "rekap.xlsx"])
    let parts = try xlsxParts(at: out)
    #expect(parts.values.contains { $0.contains("[terpotong: 40000 karakter; teks lengkap ada di JSON]") })
  }
}
