import ArgumentParser
import Foundation
import SakipCore

@main
struct SakipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sakip",
    abstract: "Rekap data kinerja SAKIP: formulir kosong, validasi formulir, rekapitulasi capaian.",
    discussion: """
      Langkah SOP pengumpulan dan pengukuran data kinerja:
        1. sakip template  – formulir kosong per unit kerja (XLSX dan CSV)
        3. sakip validate  – periksa formulir yang dikembalikan, buat catatan pengembalian
        4. sakip recap     – rekapitulasi capaian, anggaran, dan Formulir E.81 (XLSX dan JSON)

      Status keluar: 0 selesai; 1 formulir belum lengkap/tidak valid (atau --strict menolak);
      2 perintah salah atau masukan tak terbaca; 3 keluaran gagal ditulis.
      """,
    version: sakipVersion,
    subcommands: [Template.self, Validate.self, Recap.self]
  )

  /// Maps ArgumentParser's usage failures to exit status 2 (it uses 64 on Linux) and says in
  /// Indonesian where to look.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let status = exitCode(for: error)
      if status == .success {
        SakipCommand.exit(withError: error)
      }
      Console.error(fullMessage(for: error))
      Console.error(
        "Perintah tidak dapat dijalankan. Periksa pilihan di atas, atau lihat contoh: sakip help <perintah>")
      Foundation.exit(ExitStatus.badUsage.rawValue)
    }
  }
}

extension SakipCommand {
  /// Runs a subcommand's work; a `SakipError` is told to the user in the run's language and
  /// becomes the exit status of SPEC §1.
  static func reportingFailures(_ context: RunContext, _ work: () throws -> Void) throws {
    do {
      try work()
    } catch let error as SakipError {
      Console.error(ReportRenderer(context: context).text(error))
      throw ExitCode(error.exitStatus)
    }
  }
}
