import Foundation
import SakipTestSupport
import Testing

@testable import SakipCore

/// The recap's JSON streamed to a file, indicator by indicator, is the rendered document.
struct RecapJSONTests {
  @Test(arguments: [1, 64, 1000, 1 << 20])
  func theStreamedFileIsTheRenderedDocument(chunkSize: Int) throws {
    let fixture = try WorkbookFixture()
    let renderer = ReportRenderer(context: fixture.context)
    let target = fixture.folder.appendingPathComponent("rekap.json")
    try renderer.stageJSON(fixture.recap, to: target.path, chunkSize: chunkSize).commit()
    let expected = renderer.json(fixture.recap).rendered()
    #expect(try Data(contentsOf: target) == Data(expected.utf8))
    #expect(expected.contains("\"indicators\": [\n    {\n      \"code\": \"S1\""))
  }

  @Test func theValidationDocumentHasNoIndicators() throws {
    let fixture = try WorkbookFixture()
    let renderer = ReportRenderer(context: fixture.context)
    let text = renderer.json(fixture.recap.report).rendered()
    #expect(!text.contains("\"indicators\""))
    #expect(text.hasPrefix("{\n  \"tool\": \"sakip\",\n  \"version\": "))
    #expect(text.contains("\n  \"sections\": [\n    {\n      \"name\": "))
  }
}
