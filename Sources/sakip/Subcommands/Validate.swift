import ArgumentParser
import SakipCore

extension SakipCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Periksa formulir yang dikembalikan unit kerja (SOP langkah 3).",
      discussion: """
        Melaporkan setiap masalah di setiap formulir: unit kerja, berkas, baris, kolom, kode
        indikator, dan apa yang harus dilakukan. Dengan --notes DIR, setiap unit kerja yang
        harus memperbaiki formulirnya mendapat catatan pengembalian.

        Contoh:
          sakip validate --definitions indikator.csv --period TW2 formulir/
          sakip validate --definitions indikator.csv --period TW2 --notes catatan/ formulir/
          sakip validate --definitions indikator.csv --period TW2 --format json formulir/ > temuan.json

        Status keluar: 0 tidak ada kesalahan (mungkin ada peringatan); 1 ada kesalahan;
        2 perintah salah atau definisi tak dapat dipakai; 3 catatan gagal ditulis.
        """)

    @OptionGroup var definitions: DefinitionsOptions

    @Option(help: "Triwulan yang dilaporkan: TW1 … TW4 (bawaan: dari judul formulir).")
    var period: PeriodArgument?

    @Option(help: "Tahun yang diminta (bawaan: tahun yang ditulis di sebagian besar formulir).")
    var year: Int?

    @Option(help: "Bentuk laporan: text atau json (SPEC §8.1).")
    var format: ReportFormat = .text

    @Option(help: "Folder untuk catatan pengembalian, satu per unit kerja yang harus memperbaiki.")
    var notes: String?

    @OptionGroup var csv: CSVReadingOptions
    @OptionGroup var language: LanguageOptions

    @Argument(help: "Formulir (berkas CSV atau folder berisi CSV).")
    var forms: [String]

    func run() throws {
      let context = language.context
      let request = ValidationRequest(
        definitionsPath: definitions.definitions, formPaths: forms, period: period?.quarter,
        year: year, read: csv.readOptions)
      try SakipCommand.reportingFailures(context) {
        let report = try ValidationRun.run(request, progress: Console.progress("Membaca formulir"))
        let renderer = ReportRenderer(context: context)
        Console.out(format == .json ? renderer.json(report).rendered() : renderer.text(report))
        if let notes { try ReturnNote.write(for: report, to: notes, context: context) }
        throw ExitCode(report.isValid ? ExitStatus.done.rawValue : ExitStatus.invalid.rawValue)
      }
    }
  }
}

enum ReportFormat: String, ExpressibleByArgument {
  case text, json
}
