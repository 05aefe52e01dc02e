import Foundation

/// What one run of the built `sakip` gave.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `sakip` executable (built beside the test bundle) from the package root, with
/// the creation time pinned by `SOURCE_DATE_EPOCH`.
public func runSakip(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
  let candidates = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sakip"),
    packageRoot.appendingPathComponent(".build/debug/sakip"),
  ]
  guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
    throw CocoaError(.fileNoSuchFile)
  }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.currentDirectoryURL = packageRoot
  var env = ProcessInfo.processInfo.environment
  env["SOURCE_DATE_EPOCH"] = "1751328000"
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
  let stderrData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
    stderr: String(decoding: stderrData, as: UTF8.self))
}
