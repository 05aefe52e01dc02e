import Foundation

/// The package's root folder, found from this source file's path (fixtures and goldens are read
/// from the source tree, not from a copied bundle, so a recording run writes where git sees it).
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A path below the package root.
public func packagePath(_ relative: String) -> String {
  packageRoot.appendingPathComponent(relative).path
}

/// A fresh empty folder for one test's outputs.
public func temporaryFolder(_ name: String = #function) throws -> URL {
  let safe = name.filter { $0.isLetter || $0.isNumber }
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("sakip-tests-\(safe)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
