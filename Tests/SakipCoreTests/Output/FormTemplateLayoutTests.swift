import SakipCSV
import Testing

@testable import SakipCore

/// The blank form's layout reads back through the form reader unchanged (SPEC §6, §3).
struct FormTemplateLayoutTests {
  func layout(_ section: String, period: Quarter, earlier: EarlierValues = EarlierValues()) throws
    -> FormTemplateLayout
  {
    let definitions = try sampleDefinitions()
    return FormTemplateLayout(
      agency: "Dinas Komunikasi dan Informatika", section: section, year: 2025, period: period,
      indicators: definitions.indicators(of: section), earlier: earlier)
  }

  static func expectedRole(_ column: TemplateColumn) -> FormColumnRole? {
    switch column {
    case .code: .code
    case .wording: .wording
    case .unit: .unit
    case .annualTarget: .annualTarget
    case .quarterTarget(let q): .quarterTarget(q)
    case .realisation(let q): .realisation(q)
    case .ceiling: nil
    case .budgetRealisation(let q): .budgetRealisation(q)
    case .text(let field): .text(field)
    }
  }

  @Test(arguments: Quarter.allCases)
  func everyHeaderIsRecognisedByTheFormReader(period: Quarter) throws {
    let columns = try layout("Bidang Aplikasi", period: period).columns
    #expect(columns.contains(.ceiling))
    for column in columns {
      #expect(HeaderMatcher.formRole(of: column.header) == Self.expectedRole(column), "\(column.header)")
    }
    #expect(columns.map(\.header).prefix(4) == ["Kode", "Indikator", "Satuan", "Target"])
    #expect(columns.map(\.header).suffix(5) == ["Kendala", "Faktor Pendorong", "Tindak Lanjut", "Bukti Dukung", "Keterangan"])
  }

  @Test(arguments: Quarter.allCases)
  func quartersAfterThePeriodAreLeftOut(period: Quarter) throws {
    let columns = try layout("Bidang Aplikasi", period: period).columns
    for q in Quarter.allCases {
      let shown = q <= period
      #expect(columns.contains(.realisation(q)) == shown)
      #expect(columns.contains(.budgetRealisation(q)) == shown)
      #expect(columns.contains(.quarterTarget(q)) == shown)
    }
  }

  @Test func budgetColumnsOnlyWhenTheSectionHasAPagu() throws {
    let columns = try layout("Sekretariat", period: .second).columns
    #expect(!columns.contains(.ceiling))
    #expect(!columns.contains { if case .budgetRealisation = $0 { true } else { false } })
  }

  @Test func qualitativeRowsTakeTextAndNegativeTargetsAnySign() throws {
    let form = try layout("Sekretariat", period: .second)
    let grade = try #require(form.indicators.first { $0.code.rawValue == "S2" })
    let index = try #require(form.indicators.first { $0.code.rawValue == "S1" })
    #expect(form.inputKind(grade, .realisation(.second)) == .grade)
    #expect(form.cell(grade, .annualTarget) == .text("BB"))
    #expect(form.inputKind(index, .realisation(.second)) == .number(allowsNegative: false))
    #expect(form.cell(index, .annualTarget) == .number(3.5))
    let growth = IndicatorDefinition(
      code: IndicatorCode("G1"), wording: "Pertumbuhan", unit: "%", section: "X",
      annualTarget: .number(-2))
    let negative = FormTemplateLayout(agency: nil, section: "X", year: 2025, period: .first, indicators: [growth])
    #expect(negative.inputKind(growth, .realisation(.first)) == .number(allowsNegative: true))
  }

  @Test func onlyRealisationBudgetWithPaguAndTextAreInput() throws {
    let form = try layout("Bidang Aplikasi", period: .third)
    for indicator in form.indicators {
      for column in form.columns {
        let isInput = form.inputKind(indicator, column) != nil
        switch column {
        case .realisation, .text: #expect(isInput)
        case .budgetRealisation: #expect(isInput == (indicator.ceiling != nil))
        default: #expect(!isInput && column.isDefinition)
        }
      }
    }
  }

  @Test func titleBlockReadsBack() throws {
    let form = try layout("Bidang Aplikasi", period: .third)
    let title = TitleBlock(rows: form.titleRows.enumerated().map { ($0.element, $0.offset + 1) })
    #expect(title.section == "Bidang Aplikasi")
    #expect(title.year?.value == 2025)
    #expect(title.period?.value == .third)
    #expect(title.metadata["Instansi"] == "Dinas Komunikasi dan Informatika")
  }

  @Test func blankCSVFormReadsBackWithoutFindingsAndWithMatchingTargets() throws {
    let form = try layout("Bidang Aplikasi", period: .second)
    let bytes = form.csvBytes()
    #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let document = try CSVReader(headerNames: HeaderMatcher.codeHeaderNames).read(bytes: bytes)
    #expect(document.delimiter == UInt8(ascii: ";"))
    let (read, findings) = FormReader(file: "f.csv", decimalMark: .comma, defaultPeriod: nil)
      .read(document.records, definitions: try sampleDefinitions())
    #expect(findings.isEmpty)
    #expect(read.section == "Bidang Aplikasi")
    #expect(read.period?.value == .second)
    #expect(read.rows.map(\.code.rawValue) == ["P1", "P2", "P3"])
    let parser = NumberParser(decimalMark: .comma)
    for row in read.rows {
      let definition = try #require(try sampleDefinitions()[row.code])
      let target = try #require(row.targetText)
      #expect(Validator.targetMatches(target, definition.annualTarget, parser: parser))
      #expect(row.realisations.allSatisfy { $0.value == .notReported })
      #expect(row.realisations.map(\.quarter) == [.first, .second])
    }
  }

  @Test func earlierQuartersArePrefilledAndTheCurrentOneIsNot() throws {
    let earlier = EarlierValues(
      realisations: [IndicatorCode("P1"): [.first: .number(3), .second: .number(99)]],
      budget: [IndicatorCode("P1"): [.first: 80_000_000.5]])
    let form = try layout("Bidang Aplikasi", period: .second, earlier: earlier)
    let p1 = try #require(form.indicators.first)
    #expect(form.cell(p1, .realisation(.first)) == .number(3))
    #expect(form.cell(p1, .realisation(.second)) == .empty)
    #expect(form.cell(p1, .budgetRealisation(.first)) == .number(80_000_000.5))
    let text = String(decoding: form.csvBytes(), as: UTF8.self)
    #expect(text.contains("P1;Jumlah aplikasi;aplikasi;12;3;3;3;;450000000;80000000,5;;"))
  }

  static let decimals: [(Double, String)] = [
    (0, "0"), (-0.0, "0"), (3.5, "3,5"), (0.1, "0,1"), (5_045_000_000, "5045000000"),
    (1e-7, "0,0000001"), (1e21, "1000000000000000000000"), (-2.25, "-2,25"),
    (1234567.891, "1234567,891"), (0.30000000000000004, "0,30000000000000004"),
  ]

  @Test(arguments: decimals)
  func numbersAreWrittenWithoutLosingPrecision(value: Double, text: String) {
    #expect(FormTemplateLayout.plainDecimal(value, mark: ",") == text)
    if case .number(let back, _) = NumberParser(decimalMark: .comma).parse(text) {
      #expect(back == value)
    } else {
      Issue.record("\(text) does not read back")
    }
  }

  @Test func csvFieldsAreQuotedOnlyWhereNeeded() {
    #expect(FormTemplateLayout.csvField("Indeks SPBE") == "Indeks SPBE")
    #expect(FormTemplateLayout.csvField("Renja; RKA") == "\"Renja; RKA\"")
    #expect(FormTemplateLayout.csvField("aplikasi \"Satu\"") == "\"aplikasi \"\"Satu\"\"\"")
    #expect(FormTemplateLayout.csvField("dua\r\nbaris") == "\"dua\r\nbaris\"")
    #expect(FormTemplateLayout.csvField(" spasi") == "\" spasi\"")
  }

  @Test func fileNamesAreSafeAndUniqueForAnySectionName() {
    let long = String(repeating: "Bidang Pengelolaan Informasi ", count: 3).prefix(80)
    let names = [
      "Bidang A/B", "Bidang A\\B", "Bidang A:B", "Bidang A*B?", "[Bidang] A B", "Sekretariat",
      "SEKRETARIAT", "Sekretariat ", String(long), String(long) + " 2", "***", "", "Sub Bagian Umum & Kepegawaian",
    ]
    let slugs = FileName.uniqueSlugs(names)
    #expect(Set(slugs.map { $0.lowercased() }).count == names.count)
    for slug in slugs {
      #expect(!slug.isEmpty)
      #expect(slug.count <= 64)
      #expect(slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
    }
    #expect(slugs[0] == "Bidang-A-B")
    #expect(slugs[1] == "Bidang-A-B-2")
  }

  @Test func instructionsExplainEmptyIsNotZeroEveryColumnAndSavingAsCSV() throws {
    let form = try layout("Bidang Aplikasi", period: .second)
    let text = form.instructions.map(\.text).joined(separator: "\n")
    #expect(text.contains("Kosong tidak sama dengan nol"))
    #expect(text.contains("CSV UTF-8 (Comma delimited)"))
    #expect(text.contains("CSV (Comma delimited)"))
    #expect(text.contains("LibreOffice"))
    for column in form.columns { #expect(text.contains("• \(column.header):")) }
  }
}
