import Foundation
import Testing

/// The folder of golden files, found from this source file (the folder is excluded from the
/// test bundle, so recording writes into the source tree).
private let goldenRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Golden")

/// Compares `actual` with `Golden/<suite>/<name>`. When the file is missing or
/// `RECORD_GOLDEN=1` is set, writes `actual` there and records a failure, so that accepting a
/// new golden file is always a deliberate second run.
func assertMatchesGolden(
  _ actual: String, suite: String, name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = goldenRoot.appendingPathComponent(suite).appendingPathComponent(name)
  let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  if recording || !FileManager.default.fileExists(atPath: url.path) {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded golden file \(suite)/\(name); check it and run again without RECORD_GOLDEN.",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("Cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  #expect(
    actual == expected, "differs from golden file \(suite)/\(name)", sourceLocation: sourceLocation)
}
