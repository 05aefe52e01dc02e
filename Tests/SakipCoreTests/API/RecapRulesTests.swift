import Foundation
import Testing

@testable import SakipCore

/// The recap's measurement rules reach validation: the explanation check (`missing-explanation`)
/// judges the capaian the recap reports, not the one of the default rules.
@Suite struct RecapRulesTests {
  /// A `negatif` indicator with targets and realisations below zero, no kendala: the standard
  /// formula gives 50 (below 100, an explanation is due), the ratio formula gives no capaian.
  private func findings(rules: MeasurementRules) throws -> [FindingCode] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sakip-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let definitions = """
      kode;indikator;satuan;penanggung_jawab;level;induk;polaritas;agregasi;target;target_tw1;target_tw2;target_tw3;target_tw4;pagu
      N1;Selisih stok;unit;Gudang;sasaran;;negatif;akhir;-10;-10;-10;-10;-10;
      """
    let form = """
      Unit Kerja;Gudang
      Tahun;2025
      Periode;TW II
      \(header)
      N1;unit;-10;-5;-5;;;;Berita acara
      """
    try definitions.write(to: folder.appendingPathComponent("indikator.csv"), atomically: true, encoding: .utf8)
    try form.write(to: folder.appendingPathComponent("gudang.csv"), atomically: true, encoding: .utf8)
    let request = RecapRequest(
      validation: ValidationRequest(
        definitionsPath: folder.appendingPathComponent("indikator.csv").path,
        formPaths: [folder.appendingPathComponent("gudang.csv").path], period: .second, year: 2025,
        read: ReadOptions()),
      rules: rules, workbookPath: folder.appendingPathComponent("rekap.xlsx").path, jsonPath: nil,
      title: nil, signer: nil, strict: false)
    let context = RunContext(now: Date(timeIntervalSince1970: 1_751_328_000), commandLine: ["sakip"], language: .indonesian)
    return try RecapBuilder.run(request, context: context).recap.report.findings.map(\.code)
  }

  @Test func theExplanationCheckMeasuresWithTheRecapsRules() throws {
    #expect(try findings(rules: .default).contains(.missingExplanation))
    #expect(try !findings(rules: MeasurementRules(negativeFormula: .ratio)).contains(.missingExplanation))
  }
}
