import Foundation
import SakipTestSupport

/// `runSakip` with a deadline: the catalogue must show that no input hangs the tool. Output goes
/// to files (not pipes), so a large report cannot block the child; past the deadline the child
/// is killed and the run reported as timed out.
struct TimedRun {
  var status: Int32
  var stdout: String
  var stderr: String
  /// The process ended by a signal (a crash), not by `exit`.
  var signalled: Bool
  var timedOut: Bool
  var seconds: Double

  /// Not a crash: ended by `exit`, in time, without a Swift runtime trap.
  var endedCleanly: Bool { !signalled && !timedOut && !stderr.contains("Fatal error") }
}

func runSakipTimed(
  _ arguments: [String], seconds limit: Double = 20, environment: [String: String] = [:]
) throws -> TimedRun {
  let candidates = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sakip"),
    packageRoot.appendingPathComponent(".build/debug/sakip"),
  ]
  guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
    throw CocoaError(.fileNoSuchFile)
  }
  let logs = try temporaryFolder("run")
  defer { try? FileManager.default.removeItem(at: logs) }
  let outURL = logs.appendingPathComponent("stdout")
  let errURL = logs.appendingPathComponent("stderr")
  FileManager.default.createFile(atPath: outURL.path, contents: nil)
  FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.currentDirectoryURL = packageRoot
  var env = ProcessInfo.processInfo.environment
  env["SOURCE_DATE_EPOCH"] = "1751328000"
  for (k, v) in environment { env[k] = v }
  process.environment = env
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  let start = Date()
  try process.run()
  var timedOut = false
  while process.isRunning {
    if Date().timeIntervalSince(start) > limit {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      break
    }
    usleep(20_000)
  }
  process.waitUntilExit()
  try out.close()
  try err.close()
  return TimedRun(
    status: process.terminationStatus,
    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
    signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
    seconds: Date().timeIntervalSince(start))
}

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
