/// Why a command could not do its job, carried to the command line's edge.
public enum SakipError: Error, Sendable {
  /// A path that does not exist, a folder with no CSV, a missing `--period`, …
  case usage(UsageProblem)
  /// The definitions file could not be read at all.
  case definitionsUnreadable(path: String, UnreadableReason)
  /// The definitions were read but refused; every problem is listed.
  case definitionsRefused([Finding])
  /// An output could not be written; nothing was left half-written.
  case outputFailed(path: String, reason: String)

  /// The exit status of SPEC §1.
  public var exitStatus: Int32 {
    switch self {
    case .usage, .definitionsUnreadable, .definitionsRefused: 2
    case .outputFailed: 3
    }
  }
}

/// A problem with what the user asked for.
public enum UsageProblem: Sendable, Hashable {
  case pathNotFound(String)
  case noFormsIn(String)
  case periodUnknown
  case invalidPeriod(String)
  case invalidThresholds(String)
  case invalidSigner(String)
  /// An output path that names one of the inputs.
  case outputIsInput(String)
  /// Two outputs asked to be written to the same file.
  case sameOutputTwice(String)
}
