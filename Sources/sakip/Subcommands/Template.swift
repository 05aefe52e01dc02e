import ArgumentParser
import SakipCore

extension SakipCommand {
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Buat formulir kosong per unit kerja, XLSX dan CSV (SOP langkah 1).",
      discussion: """
        Untuk setiap unit kerja (penanggung_jawab) di definisi indikator ditulis satu formulir
        XLSX dan satu formulir CSV: judul (instansi, unit kerja, tahun, periode), satu baris per
        indikator dengan kode, uraian, satuan dan target terkunci, sel isian realisasi,
        realisasi anggaran dan uraian yang terbuka dengan validasi data, lembar Petunjuk, dan
        tata cetak A4 lanskap. Triwulan setelah --period tidak dimuat; dengan --from, realisasi
        triwulan sebelumnya diisi dari formulir yang sudah dikembalikan.

        Contoh:
          sakip template --definitions indikator.csv --year 2025 --period TW1 --out formulir-TW1/
          sakip template --definitions indikator.csv --year 2025 --period TW2 --out formulir-TW2/ --from kembali-TW1/ --agency "Dinas Komunikasi dan Informatika"

        Status keluar: 0 formulir ditulis; 2 perintah salah atau definisi tak dapat dipakai;
        3 formulir gagal ditulis.
        """)

    @OptionGroup var definitions: DefinitionsOptions

    @Option(help: "Tahun anggaran yang ditulis di formulir, mis. 2025.")
    var year: Int

    @Option(help: "Triwulan yang akan dilaporkan: TW1 … TW4.")
    var period: PeriodArgument

    @Option(help: "Folder tujuan (dibuat bila belum ada).")
    var out: String

    @Option(name: .customLong("from"), help: "Formulir triwulan lalu (berkas CSV atau folder) untuk mengisi realisasi sebelumnya; boleh diulang.")
    var earlier: [String] = []

    @Option(help: "Nama instansi untuk judul formulir, mis. \"Dinas Komunikasi dan Informatika\".")
    var agency: String?

    @Option(help: "Kata sandi proteksi lembar (bawaan: diproteksi tanpa kata sandi).")
    var password: String?

    @OptionGroup var csv: CSVReadingOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
      guard (1900...2200).contains(year) else {
        throw ValidationError("--year harus tahun empat angka, mis. 2025, bukan \(year).")
      }
    }

    func run() throws {
      let context = language.context
      let request = TemplateRequest(
        definitionsPath: definitions.definitions, year: year, period: period.quarter, outputFolder: out,
        earlierForms: earlier, agency: agency, password: password, read: csv.readOptions)
      try SakipCommand.reportingFailures(context) {
        let outcome = try TemplateBuilder.build(request, context: context)
        Console.out(Self.summary(outcome))
        throw ExitCode(ExitStatus.done.rawValue)
      }
    }

    static func summary(_ outcome: TemplateOutcome) -> String {
      var lines = outcome.forms.map {
        "\($0.section): \($0.xlsxPath), \($0.csvPath) (\($0.indicators) indikator"
          + ($0.prefilledCells > 0 ? ", \($0.prefilledCells) sel terisi dari --from)" : ")")
      }
      lines.append("\(outcome.forms.count) unit kerja, \(outcome.forms.count * 2) berkas ditulis.")
      if outcome.earlierFormsIgnored {
        lines.append("Catatan: --from diabaikan karena TW I tidak memiliki triwulan sebelumnya.")
      }
      if !outcome.conflictingIndicators.isEmpty {
        lines.append(
          "Catatan: nilai triwulan lalu tidak diisi untuk "
            + outcome.conflictingIndicators.map(\.rawValue).joined(separator: ", ")
            + " karena formulir --from saling bertentangan (lihat sakip validate).")
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}
