import ArgumentParser
import SakipCore

extension SakipCommand {
  struct Recap: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rekapitulasi capaian kinerja dan anggaran ke buku kerja XLSX dan JSON (SOP langkah 4–6).",
      discussion: """
        Membaca dan memeriksa formulir seperti `sakip validate`, mengukur capaian setiap
        indikator (triwulan, semester, s.d. triwulan, progres terhadap target tahunan), dan
        menulis buku kerja: Ringkasan, Pengukuran, Anggaran, Kelengkapan, Validasi, E.81,
        Sumber. Yang belum lengkap ditandai di buku kerja; dengan --strict, kesalahan validasi
        membuat rekap tidak ditulis.

        Contoh:
          sakip recap --definitions indikator.csv --period TW2 --out rekap-TW2.xlsx formulir/
          sakip recap --definitions indikator.csv --period TW2 --out rekap-TW2.xlsx --json rekap-TW2.json formulir/
          sakip recap --definitions indikator.csv --period TW2 --out rekap.xlsx \\
            --title "Dinas Kominfo Kabupaten Sukamaju" --signer "Budi Santoso|Kepala Dinas|197001011990031001" formulir/

        Status keluar: 0 rekap ditulis; 1 --strict menolak karena ada kesalahan; 2 perintah
        salah atau masukan tak dapat dipakai; 3 rekap gagal ditulis (berkas lama tidak berubah).
        """)

    @OptionGroup var definitions: DefinitionsOptions

    @Option(help: "Triwulan yang dilaporkan: TW1 … TW4 (bawaan: dari judul formulir).")
    var period: PeriodArgument?

    @Option(help: "Tahun yang diminta (bawaan: tahun yang ditulis di sebagian besar formulir).")
    var year: Int?

    @Option(name: .customLong("out"), help: "Buku kerja rekap yang ditulis (.xlsx).")
    var workbook: String

    @Option(help: "Hasil yang sama dalam JSON (SPEC §8.1).")
    var json: String?

    @Option(help: "Judul di lembar Ringkasan, mis. nama instansi.")
    var title: String?

    @Option(help: "Penandatangan di bawah tabel Pengukuran: \"Nama|Jabatan|NIP\".")
    var signer: String?

    @Flag(help: "Jangan tulis rekap bila validasi menemukan kesalahan (status 1).")
    var strict = false

    @Option(help: "Rumus indikator negatif: standard ((2T−R)/T×100) atau ratio (T/R×100).")
    var negativeFormula: NegativeFormula = .standard

    @Option(help: "Batas atas capaian (%), mis. 120. Bawaan: tidak dibatasi.")
    var cap: Double?

    @Option(help: "Batas kategori Sangat Tinggi,Tinggi,Sedang,Rendah (bawaan 91,76,66,51).")
    var categories: String?

    @OptionGroup var csv: CSVReadingOptions
    @OptionGroup var language: LanguageOptions

    @Argument(help: "Formulir (berkas CSV atau folder berisi CSV).")
    var forms: [String]

    func validate() throws {
      if let signer, SakipCore.Signer(parsing: signer) == nil {
        throw ValidationError("--signer harus \"Nama|Jabatan|NIP\", bukan \"\(signer)\".")
      }
      if let categories, CategoryThresholds(parsing: categories) == nil {
        throw ValidationError("--categories harus empat angka menurun dengan titik desimal, mis. 91,76,66,51.")
      }
      if rules == nil { throw ValidationError("--cap harus angka lebih dari 0.") }
    }

    var rules: MeasurementRules? {
      MeasurementRules(
        negativeFormula: negativeFormula, cap: cap,
        thresholds: categories.flatMap(CategoryThresholds.init(parsing:)) ?? .default)
    }

    func run() throws {
      let context = language.context
      let request = RecapRequest(
        validation: ValidationRequest(
          definitionsPath: definitions.definitions, formPaths: forms, period: period?.quarter,
          year: year, read: csv.readOptions),
        rules: rules ?? .default, workbookPath: workbook, jsonPath: json, title: title,
        signer: signer.flatMap(SakipCore.Signer.init(parsing:)), strict: strict)
      try SakipCommand.reportingFailures(context) {
        let outcome = try RecapBuilder.run(request, context: context, progress: Console.progress("Membaca formulir"))
        let renderer = ReportRenderer(context: context)
        Console.out(renderer.recapSummary(outcome, workbook: workbook, json: json))
        throw ExitCode(outcome.written ? ExitStatus.done.rawValue : ExitStatus.invalid.rawValue)
      }
    }
  }
}

extension NegativeFormula: ExpressibleByArgument {}
