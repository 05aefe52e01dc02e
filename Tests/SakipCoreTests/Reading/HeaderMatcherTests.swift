import Testing

@testable import SakipCore

struct HeaderMatcherTests {
  static let realisation: [(String, Quarter?)] = [
    ("Realisasi TW I", .first), ("Realisasi TW 1", .first), ("Realisasi Triwulan I", .first),
    ("realisasi_tw1", .first), ("Realisasi Q1", .first), ("REALISASI TW II", .second),
    ("Realisasi TW-III", .third), ("realisasi.tw.4", .fourth), ("Realisation Q2", .second),
    ("Realisasi", nil), ("realisasi ", nil),
  ]

  @Test(arguments: realisation)
  func realisationColumnsNameTheirQuarter(header: String, quarter: Quarter?) {
    #expect(HeaderMatcher.formRole(of: header) == .realisation(quarter))
  }

  static let budget: [(String, Quarter?)] = [
    ("Realisasi Anggaran TW II", .second), ("realisasi_anggaran_tw1", .first),
    ("Realisasi Anggaran", nil), ("Budget Realisation Q3", .third),
  ]

  @Test(arguments: budget)
  func budgetColumnsNameTheirQuarter(header: String, quarter: Quarter?) {
    #expect(HeaderMatcher.formRole(of: header) == .budgetRealisation(quarter))
  }

  static let texts: [(String, FreeTextField)] = [
    ("Kendala", .kendala), ("Penghambat", .kendala), ("Permasalahan", .kendala),
    ("Faktor Pendorong", .faktorPendorong), ("faktor_pendorong", .faktorPendorong),
    ("Tindak Lanjut", .tindakLanjut), ("Solusi", .tindakLanjut), ("Upaya", .tindakLanjut),
    ("Bukti Dukung", .buktiDukung), ("bukti_dukung", .buktiDukung), ("Keterangan", .keterangan),
  ]

  @Test(arguments: texts)
  func freeTextColumnsAndAliases(header: String, field: FreeTextField) {
    #expect(HeaderMatcher.formRole(of: header) == .text(field))
  }

  @Test func otherFormColumns() {
    #expect(HeaderMatcher.formRole(of: "Kode") == .code)
    #expect(HeaderMatcher.formRole(of: "CODE") == .code)
    #expect(HeaderMatcher.formRole(of: "Indikator") == .wording)
    #expect(HeaderMatcher.formRole(of: "Unit") == .unit)
    #expect(HeaderMatcher.formRole(of: "Target") == .annualTarget)
    #expect(HeaderMatcher.formRole(of: "Target TW II") == .quarterTarget(.second))
    #expect(HeaderMatcher.formRole(of: "No") == nil)
    #expect(HeaderMatcher.formRole(of: "Realisasi s.d. TW II") == nil)
  }

  static let definitionColumns: [(String, DefinitionColumn)] = [
    ("kode", .code), ("Code", .code), ("indicator", .wording), ("Satuan", .unit), ("unit", .unit),
    ("penanggung_jawab", .section), ("Penanggung Jawab", .section), ("section", .section),
    ("target", .annualTarget), ("annual_target", .annualTarget), ("target_tw1", .targetQ1),
    ("target_q2", .targetQ2), ("Target TW III", .targetQ3), ("target-tw-4", .targetQ4),
    ("induk", .parent), ("parent", .parent), ("iku", .keyIndicator), ("kpi", .keyIndicator),
    ("polaritas", .polarity), ("polarity", .polarity), ("agregasi", .aggregation),
    ("aggregation", .aggregation), ("pagu", .ceiling), ("budget", .ceiling), ("level", .level),
    ("target_renstra", .strategicTarget), ("strategic_target", .strategicTarget),
    ("realisasi_tahun_lalu", .lastYear), ("last_year", .lastYear),
  ]

  @Test(arguments: definitionColumns)
  func definitionColumnsInIndonesianAndEnglish(header: String, column: DefinitionColumn) {
    #expect(HeaderMatcher.definitionColumn(of: header) == column)
  }

  @Test func quartersFromPeriodText() {
    #expect(Quarter(periodText: "TW2") == .second)
    #expect(Quarter(periodText: "TW II") == .second)
    #expect(Quarter(periodText: "Triwulan III") == .third)
    #expect(Quarter(periodText: "q4") == .fourth)
    #expect(Quarter(periodText: "tw-1") == .first)
    #expect(Quarter(periodText: "TW5") == nil)
    #expect(Quarter(periodText: "semester") == nil)
  }
}

struct PeriodTextTests {
  @Test(arguments: [
    ("Triwulan II Tahun 2025", Quarter.second), ("Quarter 2", .second), ("TW III (Juli–September)", .third),
    ("TW IV/2025", .fourth), ("q1", .first),
  ])
  func periodsAsFormsWriteThem(text: String, quarter: Quarter) {
    #expect(Quarter(periodText: text) == quarter)
  }
}
