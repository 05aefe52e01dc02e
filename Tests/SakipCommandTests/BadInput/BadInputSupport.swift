import Foundation
import SakipTestSupport

/// The findings of a `--format json` report, as dictionaries.
func findings(in json: String) -> [[String: Any]] {
  guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
  return object["findings"] as? [[String: Any]] ?? []
}

/// The `inputs` of a `--format json` report.
func inputs(in json: String) -> [[String: Any]] {
  guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
  return object["inputs"] as? [[String: Any]] ?? []
}

/// Runs a command (mount, umount) and says whether it worked.
@discardableResult
func shell(_ path: String, _ arguments: [String]) -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return false }
  process.waitUntilExit()
  return process.terminationReason == .exit && process.terminationStatus == 0
}

/// A small tmpfs mounted for one test (root only), unmounted by `close()`.
struct SmallDisk {
  let folder: URL

  /// Nil when this machine does not let the test mount a tmpfs (not root, in a container).
  static func mount(kilobytes: Int, readOnly: Bool = false) throws -> SmallDisk? {
    let folder = try temporaryFolder("disk")
    let options = "size=\(kilobytes)k" + (readOnly ? ",ro" : "")
    guard shell("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]) else {
      try? FileManager.default.removeItem(at: folder)
      return nil
    }
    return SmallDisk(folder: folder)
  }

  func remountReadOnly() -> Bool { shell("/bin/mount", ["-o", "remount,ro", folder.path]) }

  func close() {
    shell("/bin/umount", [folder.path])
    try? FileManager.default.removeItem(at: folder)
  }

  /// Whether the test may mount a tmpfs here (tried once).
  static let available: Bool = {
    guard let disk = try? SmallDisk.mount(kilobytes: 16) else { return false }
    disk.close()
    return true
  }()
}

extension Array where Element == UInt8 {
  init(_ text: String) { self = Array(text.utf8) }
}
