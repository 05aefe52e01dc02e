import Foundation
import SakipTestSupport
import Testing

/// SPEC §1: an output that cannot be written exits 3, leaves nothing half-written behind, and
/// leaves the previous file at the target untouched.
@Suite(.serialized) struct OutputFaultTests {
  let definitions = "samples/indikator.csv"
  let forms = "samples/formulir-tw2"

  func recap(_ out: String, json: String? = nil, definitions: String? = nil, forms: [String]? = nil,
    environment: [String: String] = [:]) throws -> TimedRun
  {
    try runSakipTimed(
      ["recap", "--definitions", definitions ?? self.definitions, "--period", "TW2", "--out", out]
        + (json.map { ["--json", $0] } ?? []) + (forms ?? [self.forms]),
      seconds: 60, environment: environment)
  }

  /// Everything in a folder, hidden files too (`ls -a` without `.` and `..`).
  func listing(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func missingOutputFolderExitsThreeAndLeavesNothing() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("tidak-ada/rekap.xlsx").path
    let run = try recap(target)
    #expect(run.endedCleanly)
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
    // The message names the file asked for, not the staging file written beside it.
    #expect(run.stderr.contains(target))
    #expect(!run.stderr.contains(".sakip-"))
    #expect(try listing(folder) == [])
  }

  @Test func missingJSONFolderKeepsThePreviousWorkbook() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("rekap.xlsx")
    try Data("previous".utf8).write(to: out)
    let run = try recap(out.path, json: folder.appendingPathComponent("tidak-ada/rekap.json").path)
    #expect(run.endedCleanly)
    #expect(run.status == 3)
    #expect(try Data(contentsOf: out) == Data("previous".utf8))
    #expect(try listing(folder) == ["rekap.xlsx"])
  }

  /// Root ignores file modes, so "read-only" is a path whose parent is a regular file.
  @Test func outputUnderARegularFileExitsThree() throws {
    let folder = try temporaryFolder()
    let blocker = folder.appendingPathComponent("berkas")
    try Data("x".utf8).write(to: blocker)
    let run = try recap(blocker.appendingPathComponent("rekap.xlsx").path)
    #expect(run.endedCleanly)
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
    let template = try runSakipTimed([
      "template", "--definitions", definitions, "--year", "2025", "--period", "TW2", "--out",
      blocker.appendingPathComponent("formulir").path,
    ])
    #expect(template.endedCleanly)
    #expect(template.status == 3)
    #expect(try listing(folder) == ["berkas"])
  }

  @Test(.enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
  func readOnlyFileSystemExitsThreeAndKeepsThePreviousWorkbook() throws {
    let disk = try #require(try SmallDisk.mount(kilobytes: 1024))
    defer { disk.close() }
    let out = disk.folder.appendingPathComponent("rekap.xlsx")
    try Data("previous".utf8).write(to: out)
    guard disk.remountReadOnly() else {
      Issue.record("remount,ro refused: read-only case not run")
      return
    }
    let run = try recap(out.path, json: disk.folder.appendingPathComponent("rekap.json").path)
    #expect(run.endedCleanly)
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
    #expect(try Data(contentsOf: out) == Data("previous".utf8))
    #expect(try listing(disk.folder) == ["rekap.xlsx"])
    let notes = try runSakipTimed([
      "validate", "--definitions", definitions, "--period", "TW2", "--notes",
      disk.folder.appendingPathComponent("catatan").path, forms,
    ])
    #expect(notes.endedCleanly)
    #expect(notes.status == 3)
    #expect(try listing(disk.folder) == ["rekap.xlsx"])
  }

  /// A recap large enough not to fit: 600 indicators (unless told), one form.
  func largeInput(in folder: URL, indicators: Int = 600) throws -> (definitions: String, form: String) {
    var defs = "kode;indikator;satuan;penanggung_jawab;target;pagu\n"
    var form = "Unit Kerja;Bidang Uji\nTahun;2025\nPeriode;TW II\nKode;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I;Realisasi Anggaran TW II;Kendala;Bukti Dukung\n"
    for i in 1...indicators {
      defs += "K\(i);Jumlah keluaran kegiatan nomor \(i) yang diselesaikan tepat waktu;dokumen;Bidang Uji;10;1.000.000\n"
      form += "K\(i);4;5;100.000;200.000;Pengadaan tertunda karena proses lelang ulang;Laporan \(i)\n"
    }
    let d = folder.appendingPathComponent("indikator.csv")
    let f = folder.appendingPathComponent("formulir.csv")
    try Data(defs.utf8).write(to: d)
    try Data(form.utf8).write(to: f)
    return (d.path, f.path)
  }

  @Test(.enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
  func fullDiskExitsThreeLeavesNoTemporaryFileAndKeepsThePreviousWorkbook() throws {
    let inputs = try temporaryFolder()
    let (defs, form) = try largeInput(in: inputs)
    // The previous, valid workbook, made on a roomy disk.
    let good = inputs.appendingPathComponent("rekap.xlsx")
    #expect(try recap(good.path, definitions: defs, forms: [form]).status == 0)
    let previous = try Data(contentsOf: good)

    // Room for the previous workbook, not for writing a new one beside it.
    let disk = try #require(try SmallDisk.mount(kilobytes: max(64, previous.count / 1024 + 24)))
    defer { disk.close() }
    let out = disk.folder.appendingPathComponent("rekap.xlsx")
    try previous.write(to: out)
    let json = disk.folder.appendingPathComponent("rekap.json")
    let run = try recap(out.path, json: json.path, definitions: defs, forms: [form])
    #expect(run.endedCleanly)
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("tidak dapat ditulis"))
    #expect(try Data(contentsOf: out) == previous)
    #expect(try listing(disk.folder) == ["rekap.xlsx"])
  }

  /// The JSON is written in 1 MiB pieces: a disk that fills after the first piece stops the
  /// run with nothing of the JSON left and the previous workbook untouched (both or neither).
  @Test(.enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
  func fullDiskInTheMiddleOfTheJSONLeavesBothOutputsAsTheyWere() throws {
    let inputs = try temporaryFolder()
    let (defs, form) = try largeInput(in: inputs, indicators: 1500)
    let out = inputs.appendingPathComponent("rekap.xlsx")
    try Data("previous".utf8).write(to: out)
    let disk = try #require(try SmallDisk.mount(kilobytes: 1536))
    defer { disk.close() }
    let json = disk.folder.appendingPathComponent("rekap.json")
    try Data("previous".utf8).write(to: json)
    let run = try recap(out.path, json: json.path, definitions: defs, forms: [form])
    #expect(run.endedCleanly)
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("tidak dapat ditulis"))
    #expect(run.stderr.contains("ruang disk habis"), "\(run.stderr)")
    #expect(try Data(contentsOf: out) == Data("previous".utf8))
    #expect(try Data(contentsOf: json) == Data("previous".utf8))
    #expect(try listing(disk.folder) == ["rekap.json"])
    #expect(try listing(inputs) == ["formulir.csv", "indikator.csv", "rekap.xlsx"])
  }

  @Test(.enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
  func fullDiskDuringTemplateLeavesOnlyWholeFiles() throws {
    let inputs = try temporaryFolder()
    var defs = "kode;indikator;satuan;penanggung_jawab;target\n"
    for i in 1...40 { defs += "K\(i);Indikator \(i);%;Bidang Nomor \(i);80\n" }
    let d = inputs.appendingPathComponent("indikator.csv")
    try Data(defs.utf8).write(to: d)
    let disk = try #require(try SmallDisk.mount(kilobytes: 64))
    defer { disk.close() }
    let run = try runSakipTimed(["template", "--definitions", d.path, "--year", "2025", "--period", "TW2", "--out", disk.folder.path])
    #expect(run.endedCleanly)
    #expect(run.status == 3, "\(run.stderr)")
    let left = try listing(disk.folder)
    // No hidden partial or scratch file; what is left is whole (each earlier section's pair).
    #expect(!left.contains { $0.hasPrefix(".") }, "\(left)")
    for name in left where name.hasSuffix(".xlsx") {
      #expect(try Data(contentsOf: disk.folder.appendingPathComponent(name)).starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
  }

  /// libxlsxwriter's scratch files go beside the target, not to TMPDIR: a full TMPDIR is no fault.
  @Test(.enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
  func fullTemporaryFolderDoesNotDamageTheWorkbook() throws {
    let disk = try #require(try SmallDisk.mount(kilobytes: 16))
    defer { disk.close() }
    try? Data(repeating: 0x41, count: 64 * 1024).write(to: disk.folder.appendingPathComponent("isi"))
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("rekap.xlsx")
    let run = try recap(out.path, json: folder.appendingPathComponent("rekap.json").path, environment: ["TMPDIR": disk.folder.path])
    #expect(run.endedCleanly)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Data(contentsOf: out).starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(try listing(folder) == ["rekap.json", "rekap.xlsx"])
  }
}
