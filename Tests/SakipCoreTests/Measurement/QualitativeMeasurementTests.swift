import SakipCore
import Testing

@Suite("Measuring a qualitative indicator (SPEC §5.5)")
struct QualitativeMeasurementTests {
  static let definition = IndicatorDefinition(
    code: IndicatorCode("SS1.IKU2"), wording: "Nilai SAKIP", unit: "nilai", section: "Sekretariat",
    annualTarget: .grade("BB"))

  @Test func periodsGetStatusNotPercentage() throws {
    let m = measure(
      Self.definition, realisations: [.first: .text("B"), .second: .text("bb")], budget: [:],
      through: .second, rules: .default)
    let tw1 = try #require(m.measure(of: .quarter(.first)))
    #expect(tw1.qualitative == .notAchieved)
    #expect(tw1.achievement == nil && tw1.category == nil && tw1.target == nil)
    #expect(tw1.targetText == "BB" && tw1.realisationText == "B")
    #expect(tw1.reason == .qualitative)
    let ytd = try #require(m.yearToDate)
    #expect(ytd.qualitative == .achieved)
    #expect(ytd.realisationText == "bb")
    #expect(m.annual.qualitative == .achieved)
    #expect(m.annual.progress == nil && m.annual.reason == .qualitative)
  }

  @Test func unreportedGradeIsIncompleteNotFailed() throws {
    let m = measure(
      Self.definition, realisations: [.first: .text("A")], budget: [:], through: .second,
      rules: .default)
    let ytd = try #require(m.yearToDate)
    #expect(ytd.qualitative == nil)
    #expect(ytd.missing == [.second])
    #expect(ytd.reason == .notReported([.second]))
  }
}
