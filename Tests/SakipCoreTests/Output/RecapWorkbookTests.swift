import Foundation
import SakipTestSupport
import Testing

@testable import SakipCore

/// A small recap built from the fixture CSV of `Support.swift` through the real reading and
/// validation path (files in a temporary folder), written to a temporary workbook.
struct WorkbookFixture {
  let folder: URL
  let recap: Recap
  let context = RunContext(
    now: Date(timeIntervalSince1970: 1_751_328_000), commandLine: ["sakip", "recap", "--period", "TW2"],
    language: .indonesian)

  /// Secretariat clean; Bidang Aplikasi with a kendala that looks like a formula and P2's TW II
  /// not reported (so its period figures are incomplete).
  init(signer: Signer? = Signer(name: "Budi Santoso", position: "Kepala Dinas", nip: "197001011990031001")) throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sakip-workbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let applications =
      cleanApplications
      .replacingOccurrences(of: "P1;aplikasi;12;3;3;100.000.000;120.000.000;;SK 2", with: "P1;aplikasi;12;3;3;100.000.000;120.000.000;=1+1;SK 2")
      .replacingOccurrences(of: "P2;%;85;60;70", with: "P2;%;85;60;")
    try sampleDefinitionsCSV.write(to: folder.appendingPathComponent("indikator.csv"), atomically: true, encoding: .utf8)
    try cleanSecretariat.write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    try applications.write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let report = try ValidationRun.run(
      ValidationRequest(
        definitionsPath: folder.appendingPathComponent("indikator.csv").path,
        formPaths: [folder.appendingPathComponent("a.csv").path, folder.appendingPathComponent("b.csv").path],
        period: .second, year: 2025, read: ReadOptions()))
    recap = Recap(report: report, rules: .default, title: "Dinas Uji", signer: signer)
  }

  /// Writes the workbook and returns its parts.
  func write(
    _ name: String = "rekap.xlsx",
    configuration: RecapWorkbookLayout.Configuration = .init()
  ) throws -> (url: URL, parts: [String: String]) {
    let url = folder.appendingPathComponent(name)
    try RecapWorkbookLayout.write(recap, to: url.path, context: context, configuration: configuration)
    return (url, try xlsxParts(at: url))
  }
}

/// One cell of a sheet part as written: its type attribute, formula, value and inline text.
struct SheetCell {
  var type: String?
  var formula: String?
  var value: String?
  var inline: String?
}

/// The cells of a worksheet part by A1 reference (a small reader for libxlsxwriter's output).
func cells(_ xml: String) -> [String: SheetCell] {
  var out: [String: SheetCell] = [:]
  let pattern = #/<c r="([A-Z]+[0-9]+)"([^>]*?)(/>|>(.*?)</c>)/#
  for match in xml.matches(of: pattern) {
    let attributes = String(match.2)
    let body = match.4.map(String.init) ?? ""
    var cell = SheetCell()
    cell.type = attributes.firstMatch(of: #/t="([a-zA-Z]+)"/#).map { String($0.1) }
    cell.formula = body.firstMatch(of: #/<f>(.*?)</f>/#).map { String($0.1) }
    cell.value = body.firstMatch(of: #/<v>(.*?)</v>/#).map { String($0.1) }
    cell.inline = body.firstMatch(of: #/<t[^>]*>(.*?)</t>/#).map { String($0.1) }
    out[String(match.1)] = cell
  }
  return out
}

/// The shared strings in order.
func sharedStrings(_ parts: [String: String]) -> [String] {
  (parts["xl/sharedStrings.xml"] ?? "").matches(of: #/<si><t[^>]*>(.*?)</t></si>/#).map { String($0.1) }
}

/// The text of a string cell, shared or inline.
func text(of cell: SheetCell?, _ strings: [String]) -> String? {
  guard let cell else { return nil }
  if cell.type == "s", let index = cell.value.flatMap(Int.init), strings.indices.contains(index) {
    return strings[index]
  }
  return cell.inline
}

func sheetNames(_ parts: [String: String]) -> [String] {
  (parts["xl/workbook.xml"] ?? "").matches(of: #/<sheet name="([^"]+)"/#).map { String($0.1) }
}

func ref(_ row: Int, _ col: Int) -> String { Ref.cell(row, col) }

@Suite struct RecapWorkbookTests {
  @Test func sheetsInOrder() throws {
    let fixture = try WorkbookFixture()
    let (_, parts) = try fixture.write()
    #expect(
      sheetNames(parts) == ["Ringkasan", "Pengukuran", "Anggaran", "Kelengkapan", "Validasi", "E.81", "Sumber"])
  }

  @Test func capaianAndPeriodFiguresAreFormulasWithTheEnginesValues() throws {
    let fixture = try WorkbookFixture()
    let (_, parts) = try fixture.write()
    let sheet = cells(try #require(parts["xl/worksheets/sheet2.xml"]))
    let strings = sharedStrings(parts)
    let columns = MeasurementColumns(through: .second)
    var formulas = 0
    for (i, (definition, measurement)) in fixture.recap.rows.enumerated() {
      let row = 5 + i
      for p in columns.periods {
        let measure = try #require(measurement.measure(of: p.period))
        let cell = sheet[ref(row, p.achievement)]
        if let achievement = measure.achievement {
          let formula = try #require(cell?.formula, "\(definition.code) \(p.period.key)")
          let cached = try #require(cell?.value.flatMap(Double.init))
          #expect(abs(cached - achievement) <= 1e-13 * max(1, abs(achievement)), "\(formula)")
          formulas += 1
          let realisation = try #require(sheet[ref(row, p.realisation)])
          #expect(realisation.formula != nil)
          #expect(realisation.value.flatMap(Double.init) == measure.realisation)
        } else {
          // Never a formula over partial data: the reason (or the status) as text.
          #expect(cell?.formula == nil)
          #expect(cell?.type == "s")
        }
      }
      if let progress = measurement.annual.progress {
        let cell = sheet[ref(row, columns.progress)]
        #expect(cell?.formula != nil)
        #expect(cell?.value.flatMap(Double.init).map { abs($0 - progress) <= 1e-13 * max(1, progress) } == true)
      }
    }
    #expect(formulas == 6)
    // P2 (row 7): TW II not reported.
    #expect(text(of: sheet[ref(7, columns.periods[1].achievement)], strings) == "belum lengkap: TW II")
    #expect(text(of: sheet[ref(7, columns.quarters[1].realisation)], strings) == "belum dilaporkan")
    // P1 (jumlah, row 6): S1 realisation sums the quarters; negative P3 (row 8) uses the standard formula.
    #expect(sheet[ref(6, columns.periods[0].realisation)]?.formula == "SUM(J7,L7)")
    #expect(sheet[ref(8, columns.periods[0].achievement)]?.formula == "MAX(0,(2*M9-N9)*100/M9)")
    // S2 (qualitative, row 9): status, not a percentage.
    #expect(text(of: sheet[ref(9, columns.periods[1].achievement)], strings) == "tercapai")
  }

  @Test func rulesShapeTheFormula() {
    let capped = MeasurementRules(negativeFormula: .ratio, cap: 120)
    #expect(capped.map { Ref.achievement(target: "A1", realisation: "B1", targetValue: 4, polarity: .negative, rules: $0) }
      == "MIN(120,IF(B1=0,120,A1*100/B1))")
    #expect(Ref.achievement(target: "A1", realisation: "B1", targetValue: 0, polarity: .negative, rules: .default)
      == "IF(B1<=0,100,0)")
    #expect(Ref.achievement(target: "A1", realisation: "B1", targetValue: -2, polarity: .positive, rules: .default)
      == "100+(B1-A1)*100/ABS(A1)")
    #expect(Ref.aggregate(["A1", "B1"], .mean) == "AVERAGE(A1,B1)")
    #expect(Ref.aggregate(["A1", "B1"], .last) == "B1")
  }

  @Test func numbersAreNumbersAndTextStaysText() throws {
    let fixture = try WorkbookFixture()
    let (_, parts) = try fixture.write()
    let sheet = cells(try #require(parts["xl/worksheets/sheet2.xml"]))
    let strings = sharedStrings(parts)
    let columns = MeasurementColumns(through: .second)
    // Annual target of P1 (row 6) is the number 12.
    let target = try #require(sheet[ref(6, MeasurementColumns.annualTarget)])
    #expect(target.type == nil && target.value == "12")
    // The code is text; the kendala "=1+1" is a text cell, not a formula.
    #expect(text(of: sheet[ref(6, MeasurementColumns.code)], strings) == "P1")
    let kendala = try #require(sheet[ref(6, columns.obstacles)])
    #expect(kendala.formula == nil && kendala.type == "s")
    #expect(text(of: kendala, strings) == "=1+1")
    // The NIP is text, under the table.
    let nip = sheet.values.filter { text(of: $0, strings) == "NIP 197001011990031001" }
    #expect(nip.count == 1)
    // Budget: pagu as a rupiah number, to date a SUM.
    let budget = cells(try #require(parts["xl/worksheets/sheet3.xml"]))
    #expect(budget["D5"]?.value == "450000000" && budget["D5"]?.type == nil)
    #expect(budget["G5"]?.formula == "SUM(E5:F5)" && budget["G5"]?.value == "220000000")
    #expect(budget["H5"]?.formula == "G5*100/D5")
    #expect(budget["J5"]?.formula == "'Pengukuran'!$R$7")
  }

  @Test func conditionalFormatsPrintSetupAndFrozenHeader() throws {
    let (_, parts) = try WorkbookFixture().write()
    let xml = try #require(parts["xl/worksheets/sheet2.xml"])
    // Five categories on each capaian column (S1, s.d. TW II) and the progress.
    #expect(xml.matches(of: #/<cfRule type="cellIs"/#).count == 15)
    #expect(xml.contains(#"operator="between""#))
    #expect(xml.contains(#"state="frozen""#))
    #expect(xml.contains("<autoFilter"))
    #expect(xml.contains(#"paperSize="9""#) && xml.contains(#"orientation="landscape""#))
    #expect(xml.contains(#"<pageSetUpPr fitToPage="1"/>"#) && xml.contains(#"fitToHeight="0""#))
    let workbook = try #require(parts["xl/workbook.xml"])
    #expect(workbook.contains("_xlnm.Print_Titles\" localSheetId=\"1\""))
    #expect(parts.keys.contains("xl/charts/chart1.xml"))
    for index in 1...7 {
      let sheet = try #require(parts["xl/worksheets/sheet\(index).xml"])
      #expect(sheet.contains(#"orientation="landscape""#), "sheet \(index)")
    }
  }

  @Test func twoWritesAreByteIdentical() throws {
    let fixture = try WorkbookFixture()
    let (a, _) = try fixture.write("a.xlsx")
    let (b, _) = try fixture.write("b.xlsx")
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  @Test func aLongTableContinuesOnNumberedSheetsWithItsHeader() throws {
    let fixture = try WorkbookFixture()
    // 5 top rows + 2 data rows + 8 rows for the signature: two indicators per sheet.
    let (_, parts) = try fixture.write(configuration: .init(rowLimit: 15))
    let names = sheetNames(parts)
    #expect(Array(names.prefix(4)) == ["Ringkasan", "Pengukuran", "Pengukuran (2)", "Pengukuran (3)"])
    let strings = sharedStrings(parts)
    let third = cells(try #require(parts["xl/worksheets/sheet4.xml"]))
    #expect(text(of: third["A5"], strings) == "Kode")
    #expect(text(of: third["A6"], strings) == "S2")
    #expect(third["A7"] == nil)
    #expect(try #require(parts["xl/workbook.xml"]).contains("_xlnm.Print_Titles\" localSheetId=\"3\""))
  }

  @Test func constantMemoryModeWritesTheSameFigures() throws {
    let fixture = try WorkbookFixture()
    let (_, parts) = try fixture.write(configuration: .init(constantMemoryThreshold: 0))
    let sheet = cells(try #require(parts["xl/worksheets/sheet2.xml"]))
    let columns = MeasurementColumns(through: .second)
    let cell = try #require(sheet[ref(5, columns.periods[1].achievement)])
    let engine = try #require(fixture.recap.measurements[0].yearToDate?.achievement)
    #expect(cell.formula != nil && cell.value.flatMap(Double.init).map { abs($0 - engine) < 1e-12 } == true)
    #expect(sheet[ref(6, columns.obstacles)]?.inline == "=1+1")
  }

  /// Every sheet's cells as text, a shared string by its text, with its style spelled out
  /// (number format, font, fill, border, alignment) rather than numbered: formats are numbered
  /// in another order when rows are written on two threads.
  private func contents(_ parts: [String: String], styles: Bool = false) throws -> [String: [String: String]] {
    let strings = sharedStrings(parts)
    let xfs = try resolvedStyles(parts["xl/styles.xml"] ?? "")
    var sheets: [String: [String: String]] = [:]
    for (index, name) in sheetNames(parts).enumerated() {
      let xml = parts["xl/worksheets/sheet\(index + 1).xml"] ?? ""
      let styleOf = Dictionary(
        xml.matches(of: #/<c r="([A-Z]+[0-9]+)" s="([0-9]+)"/#).map { (String($0.1), Int($0.2) ?? 0) },
        uniquingKeysWith: { a, _ in a })
      sheets[name] = Dictionary(uniqueKeysWithValues: cells(xml).map { reference, cell in
        let value = cell.type == "s" || cell.type == "inlineStr" ? text(of: cell, strings) ?? "" : cell.value ?? ""
        let style = styles ? xfs[styleOf[reference] ?? 0] ?? "?" : ""
        return (reference, "\(cell.formula ?? "")|\(value)|\(style)")
      })
    }
    return sheets
  }

  /// Each cell format of `styles.xml` (by its number) as the number format, font, fill and
  /// border it points to and its own alignment.
  private func resolvedStyles(_ xml: String) throws -> [Int: String] {
    func items(_ list: String, _ item: String) throws -> [String] {
      guard let body = xml.firstMatch(of: try Regex("<\(list)[^>]*>(.*?)</\(list)>").dotMatchesNewlines())
      else { return [] }
      let inner = String(body.output[1].substring ?? "")
      return inner.matches(of: try Regex("<\(item)\\b.*?(?:/>|</\(item)>)").dotMatchesNewlines()).map { String(inner[$0.range]) }
    }
    let formats = Dictionary(
      xml.matches(of: #/<numFmt numFmtId="([0-9]+)" formatCode="([^"]*)"/#).map { (String($0.1), String($0.2)) },
      uniquingKeysWith: { a, _ in a })
    let fonts = try items("fonts", "font"), fills = try items("fills", "fill")
    let borders = try items("borders", "border")
    var resolved: [Int: String] = [:]
    for (number, xf) in try items("cellXfs", "xf").enumerated() {
      func id(_ name: String) throws -> Int {
        try xf.firstMatch(of: Regex("\(name)=\"([0-9]+)\"")).flatMap { Int($0.output[1].substring ?? "") } ?? 0
      }
      let format = try formats[String(id("numFmtId"))] ?? String(id("numFmtId"))
      let pick = { (list: [String], index: Int) in list.indices.contains(index) ? list[index] : "?" }
      let alignment = xf.firstMatch(of: #/<alignment[^>]*>/#).map { String($0.output) } ?? ""
      resolved[number] = try [format, pick(fonts, id("fontId")), pick(fills, id("fillId")), pick(borders, id("borderId")), alignment]
        .joined(separator: "|")
    }
    return resolved
  }

  @Test(arguments: [1_048_576, 15])
  func longTablesWrittenOnTwoThreadsHoldTheSameCells(rowLimit: Int) throws {
    let fixture = try WorkbookFixture()
    let inTurn = RecapWorkbookLayout.Configuration(rowLimit: rowLimit, constantMemoryThreshold: 0, fillsConcurrently: false)
    var together = inTurn
    together.fillsConcurrently = true
    let (_, serial) = try fixture.write("serial.xlsx", configuration: inTurn)
    let (a, concurrent) = try fixture.write("a.xlsx", configuration: together)
    let (b, _) = try fixture.write("b.xlsx", configuration: together)
    #expect(sheetNames(concurrent) == sheetNames(serial))
    let styled = try contents(concurrent, styles: true)
    #expect(try styled == contents(serial, styles: true))
    // Styles are spelled out, not all unknown: the rupiah format and a bold font appear.
    #expect(styled.values.flatMap(\.values).contains { $0.contains("#,##0") && $0.contains("<b/>") })
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  /// 5 top rows, 1 data row and 8 rows for the signature: one indicator per `Pengukuran` sheet.
  @Test func budgetCapaianRefersToItsMeasurementCellOnContinuationSheets() throws {
    let fixture = try WorkbookFixture()
    let (_, parts) = try fixture.write(configuration: .init(rowLimit: 14, constantMemoryThreshold: 0))
    let names = sheetNames(parts)
    let sheets = try contents(parts)
    let budget = try #require(names.firstIndex(of: "Anggaran"))
    var referenced: [String] = []
    for (_, cell) in cells(try #require(parts["xl/worksheets/sheet\(budget + 1).xml"])) {
      guard let formula = cell.formula, formula.hasPrefix("&apos;Pengukuran") || formula.hasPrefix("'Pengukuran")
      else { continue }
      let match = try #require(formula.firstMatch(of: #/(?:&apos;|')(Pengukuran[^'&]*)(?:&apos;|')!\$([A-Z]+)\$([0-9]+)/#))
      let target = try #require(sheets[String(match.1)]?["\(match.2)\(match.3)"], "\(formula)")
      // The referenced cell is the capaian formula, with the value cached in Anggaran.
      let fields = target.split(separator: "|", omittingEmptySubsequences: false)
      #expect(fields.count == 3 && !fields[0].isEmpty && fields[1] == cell.value ?? "", "\(formula) → \(target)")
      referenced.append(String(match.1))
    }
    #expect(referenced.contains { $0.hasPrefix("Pengukuran (") }, "\(referenced)")
  }

  @Test func aWriterFailureIsAnOutputFailure() throws {
    let fixture = try WorkbookFixture()
    let path = fixture.folder.appendingPathComponent("no-such-folder/rekap.xlsx").path
    #expect {
      try RecapWorkbookLayout.write(fixture.recap, to: path, context: fixture.context)
    } throws: { error in
      guard case SakipError.outputFailed(let failed, _)? = error as? SakipError else { return false }
      return failed == path
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
