import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import SakipTestSupport
import SakipXLSX

/// A fixed creation date, so that written workbooks are byte-for-byte stable.
let pinnedDate = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

/// A fresh empty folder under the system temporary folder.
func makeScratchFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("sakip-xlsx-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Writes a workbook with a pinned creation date into a scratch folder; returns its URL.
func writeWorkbook(
  options: WorkbookOptions = WorkbookOptions(creationDate: pinnedDate),
  _ body: (Workbook) throws -> Void
) throws -> URL {
  let url = try makeScratchFolder().appendingPathComponent("book.xlsx")
  try Workbook.write(to: url, options: options, body)
  return url
}

/// Writes a one-sheet workbook and returns the named part, normalised one element per line.
func sheetPart(
  _ part: String = "xl/worksheets/sheet1.xml",
  options: WorkbookOptions = WorkbookOptions(creationDate: pinnedDate),
  _ body: (Worksheet) throws -> Void
) throws -> String {
  let url = try writeWorkbook(options: options) { workbook in
    try body(workbook.addWorksheet(named: "Data"))
  }
  defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
  return try normalizedXLSXPart(part, at: url)
}

/// Whether `xml` is well-formed, according to Foundation's XMLParser.
func isWellFormedXML(_ xml: String) -> Bool {
  XMLParser(data: Data(xml.utf8)).parse()
}

/// The contents of every text node in `xml`'s `<t>` elements (shared or inline strings).
func textNodes(_ xml: String) -> [String] {
  final class Collector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var current: String?
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) { if name == "t" { current = "" } }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if name == "t", let current { texts.append(current) }
      current = nil
    }
  }
  let collector = Collector()
  let parser = XMLParser(data: Data(xml.utf8))
  parser.delegate = collector
  _ = parser.parse()
  return collector.texts
}
