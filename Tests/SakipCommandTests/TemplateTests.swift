import Foundation
import SakipCSV
import SakipCore
import SakipTestSupport
import SakipXLSX
import Testing

/// `sakip template` end to end on the samples: forms are written per section, filled the way a
/// section would, read back by `sakip validate` with every value intact (SPEC §6).
struct TemplateTests {
  let definitions = "samples/indikator.csv"

  func generate(_ extra: [String] = [], period: String = "TW2") throws -> URL {
    let out = try temporaryFolder().appendingPathComponent("formulir")
    let run = try runSakip(
      ["template", "--definitions", definitions, "--year", "2025", "--period", period, "--out", out.path]
        + extra)
    #expect(run.status == 0, "\(run.stderr)")
    return out
  }

  static func csvLine(_ fields: [String]) -> String {
    fields.map { f in
      f.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r\n" })
        ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
    }.joined(separator: ";")
  }

  /// What the test typed into one form.
  struct Filled {
    var realisations: [String: [Quarter: ReportedValue]] = [:]
    var budget: [String: [Quarter: Double]] = [:]
    var texts: [String: [FreeTextField: String]] = [:]
    /// (code, column) left empty on purpose.
    var leftEmpty: Set<[String]> = []
  }

  /// Fills the empty input cells of a CSV form as a section would, leaving the current
  /// quarter's realisation of the first indicator empty.
  static func fill(_ url: URL, period: Quarter, definitions: IndicatorDefinitions, into filled: inout Filled)
    throws
  {
    let document = try CSVReader(headerNames: ["kode"]).read(contentsOf: url.path)
    var rows = document.records.map(\.fields)
    let headerIndex = try #require(rows.firstIndex { $0.first == "Kode" })
    let header = rows[headerIndex]
    for r in (headerIndex + 1)..<rows.count {
      let code = rows[r][0]
      let definition = try #require(definitions[IndicatorCode(code)])
      let n = Double(r * 7 % 23) + 0.25
      for (c, name) in header.enumerated() {
        guard let role = HeaderMatcher.formRole(of: name) else { continue }
        switch role {
        case .realisation(let q?):
          if !rows[r][c].isEmpty {
            // Pre-filled from --from: kept as it is.
            continue
          }
          if q == period, r == headerIndex + 1 {
            filled.leftEmpty.insert([code, name])
            continue
          }
          if definition.isQualitative {
            rows[r][c] = "BB"
            filled.realisations[code, default: [:]][q] = .text("BB")
          } else {
            rows[r][c] = FormTemplateLayout.plainDecimal(n, mark: ",")
            filled.realisations[code, default: [:]][q] = .number(n)
          }
        case .budgetRealisation(let q?):
          guard definition.ceiling != nil, rows[r][c].isEmpty else { continue }
          let spent = 1_000_000.5 * Double(q.rawValue)
          rows[r][c] = FormTemplateLayout.plainDecimal(spent, mark: ",")
          filled.budget[code, default: [:]][q] = spent
        case .text(let field) where field == .kendala || field == .buktiDukung:
          let text = field == .kendala ? "Kendala \(code); \"cuaca\"\nbaris dua" : "https://contoh.go.id/\(code)"
          rows[r][c] = text
          filled.texts[code, default: [:]][field] = text.replacingOccurrences(of: "\r\n", with: "\n")
        default: continue
        }
      }
    }
    let text = rows.map(csvLine).joined(separator: "\r\n") + "\r\n"
    try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
  }

  @Test func filledCSVFormsReadBackWithEveryValue() throws {
    let out = try generate(["--from", "samples/formulir-tw1", "--agency", "Dinas Komunikasi dan Informatika"])
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files.filter { $0.hasSuffix(".xlsx") }.count == 6)
    #expect(files.filter { $0.hasSuffix(".csv") }.count == 6)
    #expect(files.contains("Sekretariat.csv"))

    let request = ValidationRequest(
      definitionsPath: packagePath(definitions), formPaths: [out.path], period: .second, year: 2025,
      read: ReadOptions())
    let definitionsOnly = try ValidationRun.run(request).definitions
    var filled = Filled()
    for file in files where file.hasSuffix(".csv") {
      try Self.fill(out.appendingPathComponent(file), period: .second, definitions: definitionsOnly, into: &filled)
    }

    // The built binary: nothing unreadable, nothing mistaken, missing only where left empty.
    let run = try runSakip(["validate", "--definitions", definitions, "--period", "TW2", "--year", "2025", "--format", "json", out.path])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    let checks = findings.compactMap { $0["check"] as? String }
    for forbidden in [
      "invalid-number", "unknown-code", "target-mismatch", "unit-mismatch", "orphan-value",
      "extra-cells", "no-header", "period-mismatch", "year-mismatch", "missing-form",
      "missing-indicator", "missing-budget", "duplicate-code", "unreadable-file",
    ] {
      #expect(!checks.contains(forbidden), "\(forbidden): \(findings.filter { $0["check"] as? String == forbidden })")
    }
    let missing = Set(
      findings.filter { $0["check"] as? String == "missing-value" }
        .map { [$0["code"] as? String ?? "", $0["column"] as? String ?? ""] })
    #expect(missing == filled.leftEmpty)
    #expect(filled.leftEmpty.count == 6)

    // In process: every value typed is the value read, and TW I comes from the returned forms.
    let report = try ValidationRun.run(request)
    let tw1 = try ValidationRun.run(
      ValidationRequest(
        definitionsPath: packagePath(definitions), formPaths: [packagePath("samples/formulir-tw1")],
        period: .first, year: 2025, read: ReadOptions()))
    for indicator in report.definitions.indicators {
      let code = indicator.code
      let read = report.merged.realisations(of: code)
      for (q, value) in filled.realisations[code.rawValue] ?? [:] {
        #expect(read[q]?.value == value, "\(code) \(q)")
      }
      #expect(read[.first]?.value == tw1.merged.realisation(of: code, in: .first)?.value, "\(code) TW1 pre-filled")
      for (q, value) in filled.budget[code.rawValue] ?? [:] {
        #expect(report.merged.budget(of: code, in: q)?.value == .number(value), "\(code) budget \(q)")
      }
      if indicator.ceiling != nil {
        #expect(report.merged.budget(of: code, in: .first)?.value == tw1.merged.budget(of: code, in: .first)?.value)
      }
      for (field, text) in filled.texts[code.rawValue] ?? [:] {
        #expect(report.merged.texts(of: code)[field] == text, "\(code) \(field)")
      }
    }
  }

  /// Unlocked style indices of the workbook, from `styles.xml`'s `cellXfs`.
  static func unlockedStyles(_ styles: String) throws -> Set<Int> {
    let start = try #require(styles.range(of: "<cellXfs"))
    let end = try #require(styles.range(of: "</cellXfs>"))
    let body = String(styles[start.upperBound..<end.lowerBound])
    var unlocked: Set<Int> = []
    var index = 0
    var rest = Substring(body)
    while let open = rest.range(of: "<xf ") {
      let after = rest[open.upperBound...]
      let selfClosing = after.range(of: "/>")
      let closing = after.range(of: "</xf>")
      let endOfXF: Range<Substring.Index>
      if let selfClosing, closing.map({ selfClosing.lowerBound < $0.lowerBound }) ?? true,
        !after[..<selfClosing.lowerBound].contains(">")
      {
        endOfXF = selfClosing
      } else {
        endOfXF = try #require(closing)
      }
      if after[..<endOfXF.upperBound].contains("locked=\"0\"") { unlocked.insert(index) }
      index += 1
      rest = after[endOfXF.upperBound...]
    }
    return unlocked
  }

  @Test func lockedCellsAreExactlyTheNonInputCellsUnderProtection() throws {
    let out = try generate(["--password", "rahasia"])
    let definitions = try ValidationRun.run(
      ValidationRequest(
        definitionsPath: packagePath(definitions), formPaths: [packagePath("samples/formulir-tw1")],
        period: .first, year: nil, read: ReadOptions())
    ).definitions
    let slugs = FileName.uniqueSlugs(definitions.sections)
    for (section, slug) in zip(definitions.sections, slugs) {
      let parts = try xlsxParts(at: out.appendingPathComponent(slug + ".xlsx"))
      let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
      let workbook = try #require(parts["xl/workbook.xml"])
      #expect(workbook.contains("name=\"Formulir\""))
      #expect(workbook.contains("name=\"Petunjuk\""))
      let protected = sheet.contains("<sheetProtection password=")
      let a4LandscapeFitToWidth = sheet.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"")
        && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>")
      let headerRepeated = (parts["xl/workbook.xml"] ?? "").contains("_xlnm.Print_Titles")
      #expect(protected, "\(slug)")
      #expect(a4LandscapeFitToWidth, "\(slug)")
      #expect(headerRepeated, "\(slug)")
      let unlocked = try Self.unlockedStyles(try #require(parts["xl/styles.xml"]))
      let layout = FormTemplateLayout(
        agency: nil, section: section, year: 2025, period: .second,
        indicators: definitions.indicators(of: section))
      var cells: [String: Int] = [:]
      let pattern = try NSRegularExpression(pattern: "<c r=\"([A-Z]+[0-9]+)\"(?: s=\"([0-9]+)\")?")
      for match in pattern.matches(in: sheet, range: NSRange(sheet.startIndex..., in: sheet)) {
        guard let r = Range(match.range(at: 1), in: sheet) else { continue }
        let style = Range(match.range(at: 2), in: sheet).flatMap { Int(sheet[$0]) } ?? 0
        cells[String(sheet[r])] = style
      }
      var inputs = 0
      for (i, indicator) in layout.indicators.enumerated() {
        for (c, column) in layout.columns.enumerated() {
          let address = "\(CellAddress.columnName(c))\(layout.firstDataRow + i + 1)"
          let style = try #require(cells[address], "\(slug) \(address) not written")
          let isInput = layout.inputKind(indicator, column) != nil
          #expect(unlocked.contains(style) == isInput, "\(slug) \(address) \(column.header)")
          if isInput { inputs += 1 }
        }
      }
      // Nothing outside the table is unlocked.
      #expect(cells.values.filter { unlocked.contains($0) }.count == inputs)
    }
  }

  @Test func outputIsReproducibleAndUnwritableFolderExitsThree() throws {
    let a = try generate()
    let b = try generate()
    for file in try FileManager.default.contentsOfDirectory(atPath: a.path) {
      #expect(
        try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)),
        "\(file)")
    }
    let blocker = try temporaryFolder().appendingPathComponent("berkas")
    try "x".write(to: blocker, atomically: true, encoding: .utf8)
    let run = try runSakip([
      "template", "--definitions", definitions, "--year", "2025", "--period", "TW2", "--out",
      blocker.appendingPathComponent("formulir").path,
    ])
    #expect(run.status == 3)
    #expect(run.stderr.contains("tidak dapat ditulis"))
  }

  @Test func usageAndHelp() throws {
    #expect(try runSakip(["template", "--definitions", definitions, "--period", "TW2", "--out", "x"]).status == 2)
    #expect(try runSakip(["template", "--definitions", definitions, "--year", "25", "--period", "TW2", "--out", "x"]).status == 2)
    #expect(try runSakip(["template", "--definitions", "tidak-ada.csv", "--year", "2025", "--period", "TW2", "--out", "x"]).status == 2)
    let help = try runSakip(["template", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Contoh:"))
    #expect(help.stdout.contains("sakip template --definitions"))
  }

  @Test func fromIsIgnoredForTheFirstQuarterWithANote() throws {
    let out = try temporaryFolder().appendingPathComponent("f")
    let run = try runSakip([
      "template", "--definitions", definitions, "--year", "2025", "--period", "TW1", "--out", out.path,
      "--from", "samples/formulir-tw1",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.contains("--from diabaikan"))
  }
}
