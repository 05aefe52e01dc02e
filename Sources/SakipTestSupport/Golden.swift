import Foundation

/// What comparing with a golden file found.
public enum GoldenResult: Equatable, Sendable {
  case matches
  /// The golden file was written (missing, or `RECORD_GOLDEN=1`): a test must fail on this, so
  /// recording is always a deliberate second run.
  case recorded(path: String)
  case differs(path: String, firstDifference: String)
}

/// Compares `actual` with `Tests/<folder>/Golden/<name>`, recording it when the file is missing
/// or `RECORD_GOLDEN=1` is set.
public func compareWithGolden(_ actual: String, folder: String, name: String) -> GoldenResult {
  let url = packageRoot.appendingPathComponent("Tests/\(folder)/Golden/\(name)")
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    return .recorded(path: url.path)
  }
  if expected == actual { return .matches }
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
  let got = line < a.count ? String(a[line]) : "<end>"
  let want = line < e.count ? String(e[line]) : "<end>"
  return .differs(path: url.path, firstDifference: "line \(line + 1):\n  got:  \(got)\n  want: \(want)")
}
