import Foundation

/// What a run knows about its surroundings, injected so tests can pin it.
public struct RunContext: Sendable {
  /// The time stamped on outputs: the clock, or `SOURCE_DATE_EPOCH` for reproducible files.
  public var now: Date
  public var programVersion: String
  public var commandLine: [String]
  public var language: Language

  public init(now: Date, programVersion: String = sakipVersion, commandLine: [String], language: Language) {
    self.now = now
    self.programVersion = programVersion
    self.commandLine = commandLine
    self.language = language
  }
}

/// The program's version.
public let sakipVersion = "0.1.0"

/// How to read CSV inputs when the detection should be overridden (`--delimiter`,
/// `--decimal-comma`, `--decimal-point`).
public struct ReadOptions: Sendable, Hashable {
  public var delimiter: UInt8?
  public var decimalMark: DecimalMark?

  public init(delimiter: UInt8? = nil, decimalMark: DecimalMark? = nil) {
    self.delimiter = delimiter
    self.decimalMark = decimalMark
  }
}

/// One input file as read: for provenance (`Sumber` sheet, `inputs` in JSON).
public struct SourceSummary: Sendable, Hashable {
  public var file: String
  public var bytes: Int
  public var sha256: String
  public var encoding: String?
  public var delimiter: String?
  public var rows: Int
}
