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
}
