import Foundation

/// Where the command writes: results to standard output, messages and progress to standard
/// error (progress only when standard error is a terminal).
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static let isTerminal = isatty(STDERR_FILENO) == 1

  /// Shows `label done/total` on one line of a terminal; silent otherwise.
  static func progress(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
    guard isTerminal else { return nil }
    return { done, total in
      let end = done == total ? "\n" : ""
      FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(end)".utf8))
    }
  }
}
