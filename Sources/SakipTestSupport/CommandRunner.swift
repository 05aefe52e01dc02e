import Foundation

/// What one run of the built `sakip` gave.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `sakip` and returns its status and output (see `runSakipTimed`).
public func runSakip(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
  let run = try runSakipTimed(arguments, environment: environment)
  return CommandResult(status: run.status, stdout: run.stdout, stderr: run.stderr)
}

/// Runs the built `sakip` (built beside the test bundle) from the package root with the creation
/// time pinned by `SOURCE_DATE_EPOCH`, and a deadline: the catalogue must show that no input hangs the tool. Output goes
/// to files (not pipes), so a large report cannot block the child; past the deadline the child
/// is killed and the run reported as timed out.
public struct TimedRun: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// The process ended by a signal (a crash), not by `exit`.
  public var signalled: Bool
  public var timedOut: Bool
  public var seconds: Double

  /// Not a crash: ended by `exit`, in time, without a Swift runtime trap.
  public var endedCleanly: Bool { !signalled && !timedOut && !stderr.contains("Fatal error") }
}

public func runSakipTimed(
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
