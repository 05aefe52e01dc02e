import Synchronization

/// Who signs the recap (`--signer "Name|Position|NIP"`): the block under `Pengukuran`.
public struct Signer: Sendable, Hashable {
  public var name: String
  public var position: String
  /// *Nomor Induk Pegawai*: always text, never a number.
  public var nip: String

  public init(name: String, position: String, nip: String) {
    self.name = name
    self.position = position
    self.nip = nip
  }

  /// Reads `Name|Position|NIP`; the NIP may be empty.
  public init?(parsing text: String) {
    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmed)
    guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.init(name: parts[0], position: parts[1], nip: parts.count == 3 ? parts[2] : "")
  }
}

/// What `sakip recap` is asked to do.
public struct RecapRequest: Sendable {
  public var validation: ValidationRequest
  public var rules: MeasurementRules
  public var workbookPath: String
  public var jsonPath: String?
  public var title: String?
  public var signer: Signer?
  /// Refuse to write when validation found any error (exit 1).
  public var strict: Bool

  public init(
    validation: ValidationRequest, rules: MeasurementRules, workbookPath: String, jsonPath: String?,
    title: String?, signer: Signer?, strict: Bool
  ) {
    self.validation = validation
    self.rules = rules
    self.workbookPath = workbookPath
    self.jsonPath = jsonPath
    self.title = title
    self.signer = signer
    self.strict = strict
  }
}

/// The result of a recap run.
public struct RecapOutcome: Sendable {
  public var recap: Recap
  /// `false` when `--strict` refused to write because validation found errors.
  public var written: Bool
}

/// Reads and validates the forms, measures every indicator, and writes the workbook and JSON.
public enum RecapBuilder {
  public static func run(
    _ request: RecapRequest, context: RunContext,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(SakipError) -> RecapOutcome {
    // The explanation check measures with the rules the recap reports under.
    var validation = request.validation
    validation.rules = request.rules
    let report = try ValidationRun.run(validation, progress: progress)
    try OutputPaths.check(
      outputs: [request.workbookPath] + (request.jsonPath.map { [$0] } ?? []),
      inputs: report.inputs.map(\.file))
    let recap = Recap(report: report, rules: request.rules, title: request.title, signer: request.signer)
    if request.strict && !report.isValid {
      return RecapOutcome(recap: recap, written: false)
    }
    // The JSON is written while the workbook is compressed (one core's work for seconds on a
    // province), both beside their targets. Only when both are complete are they renamed
    // into place, one right after the other; when either fails to be written, neither target
    // is touched (only a failed rename of the JSON, after the workbook's, leaves the new
    // workbook beside the old JSON).
    let workbookStage = AtomicFile.Staged(target: request.workbookPath)
    let json = Mutex<Result<AtomicFile.Staged?, SakipError>>(.success(nil))
    do {
      try RecapWorkbookLayout.write(
        recap, staging: workbookStage.temporary, for: request.workbookPath, context: context,
        whileClosing: { [recap] in
          let staged = Result { () throws(SakipError) in
            try request.jsonPath.map { path throws(SakipError) in
              try ReportRenderer(context: context).stageJSON(recap, to: path)
            }
          }
          json.withLock { $0 = staged }
        })
      let staged = try json.withLock { $0 }.get()
      try workbookStage.commit()
      try staged?.commit()
    } catch {
      workbookStage.discard()
      if case .success(let staged) = json.withLock({ $0 }) { staged?.discard() }
      throw error
    }
    return RecapOutcome(recap: recap, written: true)
  }
}
