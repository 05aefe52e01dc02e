import Testing

@testable import SakipCore

/// Validates forms given as CSV text against the sample definitions; returns every finding.
func validate(_ forms: [(String, String)], period: Quarter = .second, year: Int? = 2025) throws -> [Finding] {
  let definitions = try sampleDefinitions()
  var findings: [Finding] = []
  var read: [Form] = []
  for (file, csv) in forms {
    let (form, found) = try FormReader(file: file, decimalMark: .comma, defaultPeriod: period)
      .read(records(csv), definitions: definitions)
    read.append(form)
    findings += found
  }
  return findings + Validator.validate(
    ValidationInput(definitions: definitions, forms: read, period: period, year: year)).findings
}

let header = "Kode;Satuan;Target;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I;Realisasi Anggaran TW II;Kendala;Bukti Dukung"

/// Complete, consistent returns from both sample sections.
let cleanSecretariat = """
  Unit Kerja;Sekretariat
  Tahun;2025
  Periode;TW II
  \(header)
  S1;indeks;3,5;3;3,2;;;;SK 1
  S2;predikat;BB;B;BB;;;;LHE 2025
  """
let cleanApplications = """
  Unit Kerja;Bidang Aplikasi
  Tahun;2025
  Periode;TW II
  \(header)
  P1;aplikasi;12;3;3;100.000.000;120.000.000;;SK 2
  P2;%;85;60;70;;;;Laporan
  P3;kali;4;1;1;;;;Log
  """

func codes(_ findings: [Finding]) -> [FindingCode] { findings.map(\.code) }

struct ValidatorTests {
  @Test func cleanFormsHaveNoFindings() throws {
    #expect(try validate([("a.csv", cleanSecretariat), ("b.csv", cleanApplications)]) == [])
  }

  @Test func missingForm() throws {
    let findings = try validate([("b.csv", cleanApplications)])
    #expect(codes(findings) == [.missingForm])
    #expect(findings[0].section == "Sekretariat")
  }

  @Test func missingIndicator() throws {
    let form = cleanApplications.replacingOccurrences(of: "P3;kali;4;1;1;;;;Log", with: "")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(codes(findings) == [.missingIndicator])
    #expect(findings[0].indicator == IndicatorCode("P3"))
  }

  @Test func missingValueForEveryQuarterUpToThePeriodNotAfter() throws {
    let form = cleanApplications.replacingOccurrences(of: "P2;%;85;60;70", with: "P2;%;85;;-")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(projection(findings) == [["6", "Realisasi TW I", "missing-value"], ["6", "Realisasi TW II", "missing-value"]])
    // At TW I only TW I is needed; both forms say TW II, which is after the period asked for.
    #expect(
      codes(try validate([("a.csv", cleanSecretariat), ("b.csv", form)], period: .first))
        == [.missingValue, .periodMismatch, .periodMismatch])
  }

  @Test func zeroIsReportedButEmptyIsNot() throws {
    let zero = cleanApplications.replacingOccurrences(of: "P3;kali;4;1;1", with: "P3;kali;4;0;0")
    #expect(try validate([("a.csv", cleanSecretariat), ("b.csv", zero)]) == [])
  }

  @Test func missingBudgetOnlyWhereThereIsAPagu() throws {
    let form = cleanApplications.replacingOccurrences(of: "100.000.000;120.000.000", with: "100.000.000;")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(projection(findings) == [["5", "Realisasi Anggaran TW II", "missing-budget"]])
  }

  @Test func conflictAcrossFilesNamesBothAndKeepsTheFirst() throws {
    let resent = cleanApplications.replacingOccurrences(of: "P2;%;85;60;70", with: "P2;%;85;60;71")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", cleanApplications), ("b2.csv", resent)])
    #expect(projection(findings) == [["6", "Realisasi TW II", "conflict"]])
    #expect(findings[0].message == .conflict(.second, budget: false, value: .number(71), otherValue: .number(70), otherFile: "b.csv", otherLine: 6))
    // The same value twice (a cumulative re-send) is fine.
    #expect(try validate([("a.csv", cleanSecretariat), ("b.csv", cleanApplications), ("b2.csv", cleanApplications)]) == [])
  }

  @Test func yearAndPeriodMismatch() throws {
    let form = cleanApplications.replacingOccurrences(of: "Tahun;2025", with: "Tahun;2024")
    #expect(codes(try validate([("a.csv", cleanSecretariat), ("b.csv", form)])) == [.yearMismatch])
    let later = cleanSecretariat.replacingOccurrences(of: "Periode;TW II", with: "Periode;TW III")
    let findings = try validate([("a.csv", later), ("b.csv", cleanApplications)])
    #expect(codes(findings) == [.periodMismatch])
    #expect(findings[0].severity == .error)
    let earlier = cleanSecretariat.replacingOccurrences(of: "Periode;TW II", with: "Periode;TW I")
    #expect(try validate([("a.csv", earlier), ("b.csv", cleanApplications)]).map(\.severity) == [.warning])
  }

  @Test func targetAndUnitMismatchAreWarningsTheDefinitionsWin() throws {
    let form = cleanApplications.replacingOccurrences(of: "P2;%;85", with: "P2;persen;80")
      .replacingOccurrences(of: "P3;kali;4", with: "P3;kejadian;4")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(projection(findings) == [["6", "Target", "target-mismatch"], ["7", "Satuan", "unit-mismatch"]])
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  @Test func budgetOverCeiling() throws {
    let form = cleanApplications.replacingOccurrences(of: "100.000.000;120.000.000", with: "300.000.000;200.000.000")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(projection(findings) == [["5", "Realisasi Anggaran TW II", "budget-over-ceiling"]])
    let exactly = cleanApplications.replacingOccurrences(of: "100.000.000;120.000.000", with: "200.000.000;250.000.000")
    #expect(try validate([("a.csv", cleanSecretariat), ("b.csv", exactly)]) == [])
  }

  @Test func fractionPercent() throws {
    let form = cleanApplications.replacingOccurrences(of: "P2;%;85;60;70", with: "P2;%;85;60;0,7")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(codes(findings).contains(.fractionPercent))
    #expect(!codes(try validate([("a.csv", cleanSecretariat), ("b.csv", cleanApplications)])).contains(.fractionPercent))
  }

  @Test func outlierAgainstThePreviousQuarter() throws {
    let form = cleanApplications.replacingOccurrences(of: "P1;aplikasi;12;3;3", with: "P1;aplikasi;12;1;9")
    #expect(codes(try validate([("a.csv", cleanSecretariat), ("b.csv", form)])) == [.outlier])
    #expect(Validator.isOutlier(9, previous: 1, annualTarget: 12))
    #expect(!Validator.isOutlier(4, previous: 1, annualTarget: 100))  // small against the target
    #expect(!Validator.isOutlier(3, previous: 2, annualTarget: nil))
  }

  @Test func lowAchievementNeedsAnExplanation() throws {
    let low = cleanApplications.replacingOccurrences(of: "P2;%;85;60;70;;;", with: "P2;%;85;60;40;;;")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", low)])
    #expect(projection(findings) == [["6", "Kendala", "missing-explanation"]])
    let explained = cleanApplications.replacingOccurrences(of: "P2;%;85;60;70;;;", with: "P2;%;85;60;40;;;Jaringan putus")
    #expect(try validate([("a.csv", cleanSecretariat), ("b.csv", explained)]) == [])
  }

  @Test func missingEvidence() throws {
    let form = cleanApplications.replacingOccurrences(of: ";;Log", with: ";;")
    #expect(projection(try validate([("a.csv", cleanSecretariat), ("b.csv", form)])) == [["7", "Bukti Dukung", "missing-evidence"]])
  }

  @Test func qualitativeRealisationsAreTextNotErrors() throws {
    let form = cleanSecretariat.replacingOccurrences(of: "S2;predikat;BB;B;BB", with: "S2;predikat;BB;B;A")
    #expect(try validate([("a.csv", form), ("b.csv", cleanApplications)]) == [])
  }

  @Test func everyFindingCodeHasAFamilyAndSeverity() {
    for code in FindingCode.allCases {
      #expect(!code.rawValue.isEmpty)
      _ = code.category
    }
    #expect(FindingCode.allCases.count == 22)
    #expect(FindingCode.missingEvidence.defaultSeverity == .warning)
    #expect(FindingCode.conflict.defaultSeverity == .error)
  }
}

struct ReviewFixValidatorTests {
  @Test func budgetOverCeilingPointsWhereTheTotalFirstPassesThePagu() throws {
    let form = cleanApplications.replacingOccurrences(of: "100.000.000;120.000.000", with: "500.000.000;0")
    let findings = try validate([("a.csv", cleanSecretariat), ("b.csv", form)])
    #expect(projection(findings) == [["5", "Realisasi Anggaran TW I", "budget-over-ceiling"]])
  }

  @Test func findingsOfAnUntitledFormTakeTheSectionOfItsCodes() throws {
    let (_, findings) = try readForm("Kode;Realisasi TW I;Realisasi TW II\nP1;1;1\nP2;1;1\nP9;1;1\n")
    #expect(findings.map(\.code) == [.unknownCode])
    #expect(findings.first?.section == "Bidang Aplikasi")
  }
}
