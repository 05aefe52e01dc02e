import Foundation
import Testing

@testable import SakipCore

/// `Recap.summary` and `Recap.summaryBySection` (SPEC §8 `Ringkasan`) against counting each
/// section's indicators one by one.
@Suite struct RecapSummaryTests {
  @Test func sectionsCountTheirOwnIndicatorsWhereverTheyStand() throws {
    // The fixture's definitions go Sekretariat, Bidang Aplikasi ×3, Sekretariat again.
    let recap = try WorkbookFixture().recap
    let sections = recap.definitions.indicators.map(\.section)
    #expect(sections.first == sections.last && Set(sections).count == 2)
    for (section, summary) in recap.summaryBySection {
      let own = zip(recap.definitions.indicators, recap.measurements)
        .filter { $0.0.section == section }.map(\.1)
      #expect(summary == CategorySummary(yearToDate: own), "\(section)")
    }
    var total = CategorySummary([PeriodMeasure]())
    for (_, summary) in recap.summaryBySection { total.add(summary) }
    #expect(total == recap.summary && total.total == recap.measurements.count)
  }

  /// An indicator whose section is written in another case or spacing counts in its section.
  @Test func aSectionWrittenAnotherWayCountsWithItsSection() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sakip-sections-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let definitions = sampleDefinitionsCSV.replacingOccurrences(
      of: "P3;Jumlah insiden;kali;Bidang Aplikasi", with: "P3;Jumlah insiden;kali;bidang  APLIKASI")
    try definitions.write(to: folder.appendingPathComponent("indikator.csv"), atomically: true, encoding: .utf8)
    try cleanApplications.write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let report = try ValidationRun.run(
      ValidationRequest(
        definitionsPath: folder.appendingPathComponent("indikator.csv").path,
        formPaths: [folder.appendingPathComponent("b.csv").path], period: .second, year: 2025, read: ReadOptions()))
    let recap = Recap(report: report, rules: .default)
    #expect(recap.definitions.sections == ["Sekretariat", "Bidang Aplikasi"])
    let applications = try #require(recap.summaryBySection.first { $0.section == "Bidang Aplikasi" })
    let own = zip(recap.definitions.indicators, recap.measurements)
      .filter { IndicatorDefinitions.sectionKey($0.0.section) == "bidang aplikasi" }.map(\.1)
    #expect(own.count == 3)
    #expect(applications.summary == CategorySummary(yearToDate: own))
    var total = CategorySummary([PeriodMeasure]())
    for (_, summary) in recap.summaryBySection { total.add(summary) }
    #expect(total == recap.summary)
  }
}
