import Foundation
import SakipTestSupport
import SakipXLSX
import Testing

@Suite struct WorksheetFeatureTests {
  @Test func printSetupMatchesGolden() throws {
    let xml = try sheetPart { sheet in
      try sheet.write("Kode", row: 0, col: 0)
      try sheet.write("Nilai", row: 0, col: 1)
      try sheet.freezePanes(row: 1, col: 0)
      try sheet.autoFilter(CellRange("A1:B10")!)
      try sheet.setLandscape()
      try sheet.setPaperA4()
      try sheet.fitToPages(width: 1, height: 0)
      try sheet.repeatRows(first: 0, last: 0)
      try sheet.setMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
      try sheet.setHeader("&CRekapitulasi")
      try sheet.setFooter("&RHalaman &P dari &N")
      try sheet.hideGridlines()
      try sheet.setTabColor(RGBColor(0x00B050))
    }
    assertMatchesGolden(xml, suite: "WorksheetFeatureTests", name: "printSetupMatchesGolden.xml")
  }

  @Test func dataValidationAndProtectionMatchGolden() throws {
    let xml = try sheetPart { sheet in
      try sheet.write("locked", row: 0, col: 0)
      try sheet.writeBlank(row: 1, col: 1, style: CellStyle(isLocked: false))
      try sheet.dataValidation(
        CellRange("B2:B20")!,
        DataValidation(
          rule: .decimal(.greaterThanOrEqual(.number(0))), inputTitle: "Realisasi",
          inputMessage: "Isi angka ≥ 0; kosong berarti belum dilaporkan.",
          errorTitle: "Bukan angka", errorMessage: "Realisasi harus angka ≥ 0."))
      try sheet.dataValidation(
        CellRange("C2:C20")!,
        DataValidation(rule: .decimal(.between(.number(0), .formula("=$D2"))),
                       errorMessage: "Melebihi pagu"))
      try sheet.dataValidation(
        CellRange("E2:E20")!, DataValidation(rule: .wholeNumber(.lessThanOrEqual(.number(100)))))
      try sheet.dataValidation(
        CellRange("F2:F20")!, DataValidation(rule: .anyValue, inputMessage: "Teks bebas"))
      try sheet.protect(password: "sakip")
    }
    assertMatchesGolden(
      xml, suite: "WorksheetFeatureTests", name: "dataValidationAndProtectionMatchGolden.xml")
    #expect(xml.contains(#"sqref="B2:B20""#))
    #expect(xml.contains(#"<formula2>$D2</formula2>"#))
    #expect(xml.contains(#"<sheetProtection password="#))
  }

  @Test func validationTextLimitsThrowClearly() throws {
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      let range = CellRange("A1:A2")!
      #expect(throws: XLSXError.textTooLong(field: "data validation input message", length: 256, limit: 255)) {
        try sheet.dataValidation(
          range, DataValidation(rule: .anyValue, inputMessage: String(repeating: "m", count: 256)))
      }
      #expect(throws: XLSXError.textTooLong(field: "data validation error title", length: 33, limit: 32)) {
        try sheet.dataValidation(
          range, DataValidation(rule: .anyValue, errorTitle: String(repeating: "t", count: 33)))
      }
      #expect(throws: XLSXError.self) {
        try sheet.dataValidation(range, DataValidation(rule: .decimal(.lessThan(.number(.nan)))))
      }
      // At the limits: accepted.
      try sheet.dataValidation(
        range, DataValidation(
          rule: .anyValue, inputTitle: String(repeating: "t", count: 32),
          inputMessage: String(repeating: "m", count: 255)))
    }
  }

  @Test func conditionalFormatsMatchGolden() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<5 { try sheet.write(Double(row) * 30, row: row, col: 0) }
      let range = CellRange("A1:A5")!
      try sheet.conditionalFormat(
        range, rule: .greaterThanOrEqual(91), style: CellStyle(fillColor: RGBColor(0x00B050)))
      try sheet.conditionalFormat(
        range, rule: .between(76, 90.99), style: CellStyle(fillColor: RGBColor(0x92D050)))
      try sheet.conditionalFormat(
        range, rule: .lessThan(50),
        style: CellStyle(isBold: true, fontColor: RGBColor(0xFFFFFF), fillColor: RGBColor(0xFF0000)))
    }
    let sheet = try normalizedXLSXPart("xl/worksheets/sheet1.xml", at: url)
    assertMatchesGolden(sheet, suite: "WorksheetFeatureTests", name: "conditionalFormatsMatchGolden.xml")
    #expect(sheet.contains(#"<conditionalFormatting sqref="A1:A5">"#))
    #expect(sheet.contains(#"operator="between""#))
    let styles = try normalizedXLSXPart("xl/styles.xml", at: url)
    #expect(styles.contains(#"<dxfs count="3">"#))
  }

  @Test func chartsAreAddedAsParts() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Ringkasan")
      for (row, (name, count)) in [("Sangat Tinggi", 4.0), ("Tinggi", 3), ("Rendah", 1)].enumerated() {
        try sheet.write(name, row: row, col: 0)
        try sheet.write(count, row: row, col: 1)
      }
      try sheet.insertChart(
        ChartSpec(kind: .column, title: "Kategori capaian", seriesName: "Indikator",
                  categories: CellRange("A1:A3")!, values: CellRange("B1:B3")!),
        at: CellAddress("D2")!)
      try sheet.insertChart(
        ChartSpec(kind: .pie, categories: CellRange("A1:A3")!, values: CellRange("B1:B3")!, scale: 0.8),
        at: CellAddress("D20")!)
    }
    let parts = try xlsxParts(at: url)
    let column = try #require(parts["xl/charts/chart1.xml"])
    #expect(column.contains("<c:barChart>"))
    #expect(column.contains("<c:f>Ringkasan!$A$1:$A$3</c:f>"))
    #expect(column.contains("<c:f>Ringkasan!$B$1:$B$3</c:f>"))
    #expect(column.contains("Kategori capaian"))
    #expect(try #require(parts["xl/charts/chart2.xml"]).contains("<c:pieChart>"))
    #expect(parts["xl/drawings/drawing1.xml"] != nil)
  }
}
