import Foundation

/// An XLSX workbook being written. Obtain one only through
/// `Workbook.write(to:options:whileClosing:_:)`, which owns its whole life: a file at the
/// target is either the complete, verified new workbook or whatever was there before — never
/// a partial file.
public final class Workbook {
  private let handle: WorkbookHandle
  private let options: WorkbookOptions
  private var worksheets: [Worksheet] = []

  private init(handle: WorkbookHandle, options: WorkbookOptions) {
    self.handle = handle
    self.options = options
  }

  /// The names of the sheets added so far, in order.
  public var worksheetNames: [String] { worksheets.map(\.name) }

  /// Adds a sheet after checking Excel's name rules (≤ 31 characters, none of
  /// `[ ] : * ? / \`, no edge apostrophe, unique ignoring case); use
  /// `SheetName.sanitized(_:existing:)` to make any text acceptable.
  /// The corresponding C function is `workbook_add_worksheet`.
  public func addWorksheet(named name: String) throws(XLSXError) -> Worksheet {
    try SheetName.validate(name, existing: worksheetNames)
    let sheet = Worksheet(
      handle: try handle.addWorksheet(named: name), constantMemory: options.constantMemory)
    worksheets.append(sheet)
    return sheet
  }

  /// Registers `style` once (checking it: number format length, font size, indent) and
  /// returns its `CellFormat`, for writing many cells without hashing the style each time.
  /// The libxlsxwriter format (`workbook_add_format`) is made when a cell first uses it, or
  /// when `fillConcurrently(_:)` starts.
  public func format(_ style: CellStyle) throws(XLSXError) -> CellFormat {
    try handle.register(style)
  }

  /// Runs `jobs` at the same time, one thread each, and returns when all are done; the first
  /// error thrown (in `jobs` order) is rethrown. Only in constant-memory mode, where each sheet
  /// goes to its own temporary file and text is written inline; otherwise (and for a single
  /// job) the jobs run one after the other on this thread.
  ///
  /// Each job must write only to sheets no other job touches, with formats registered before
  /// this call: while the jobs run, every registered style has its libxlsxwriter format and
  /// number (in registration order, so the file does not depend on thread timing), and
  /// registering a new style, adding a sheet, a chart, a data validation or a conditional
  /// format throws.
  package func fillConcurrently(_ jobs: [() throws -> Void]) throws {
    guard options.constantMemory, jobs.count > 1 else {
      for job in jobs { try job() }
      return
    }
    try handle.freezeFormats()
    defer { handle.thawFormats() }
    let errors = ConcurrentJobs(jobs).run()
    if let error = errors.compactMap({ $0 }).first { throw error }
  }

  /// Writes a workbook to `url`: `body` fills it, then it is closed (`workbook_close`),
  /// verified (`XLSXVerifier`), flushed to disk and renamed over the target in one step.
  ///
  /// The file is first written beside the target under a hidden name, and libxlsxwriter's
  /// temporary files go to a fresh hidden folder beside it as well (not `/tmp`: when its
  /// temporary folder fills, libxlsxwriter writes a damaged file without reporting it).
  /// On any error — thrown by `body`, by libxlsxwriter, by verification or by the file
  /// system — the partial file and the temporary folder are removed, an existing file at
  /// `url` is left untouched, and the error is rethrown.
  ///
  /// `whileClosing` runs on another thread while the file is compressed (`workbook_close`,
  /// one core's work for seconds on a large workbook); it does not run when `body` throws.
  /// It must not touch the workbook, nor call C's non-reentrant `gmtime`/`localtime`
  /// (`workbook_close` dates the file with `gmtime`).
  public static func write(
    to url: URL, options: WorkbookOptions = WorkbookOptions(),
    whileClosing: (@Sendable () -> Void)? = nil, _ body: (Workbook) throws -> Void
  ) throws {
    let fileManager = FileManager.default
    let target = url.standardizedFileURL
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw XLSXError.io(path: folder.path, reason: "the output folder does not exist")
    }
    let stem = ".\(target.lastPathComponent).\(UUID().uuidString)"
    let partial = folder.appendingPathComponent(stem + ".partial")
    let scratch = folder.appendingPathComponent(stem + ".tmp")
    do {
      try fileManager.createDirectory(
        at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw XLSXError.io(
        path: scratch.path, reason: "cannot create a temporary folder: \(error.localizedDescription)")
    }
    defer { try? fileManager.removeItem(at: scratch) }
    var renamed = false
    defer { if !renamed { try? fileManager.removeItem(at: partial) } }

    let handle = try WorkbookHandle(
      path: partial.path, options: options, temporaryDirectory: scratch.path)
    let workbook = Workbook(handle: handle, options: options)
    do {
      try body(workbook)
      if workbook.worksheets.isEmpty { _ = try workbook.addWorksheet(named: "Sheet1") }
    } catch {
      handle.discard()
      throw error
    }
    if let whileClosing {
      let errors = ConcurrentJobs([{ try handle.close() }, whileClosing]).run()
      if let error = errors.compactMap({ $0 }).first { throw error }
    } else {
      try handle.close()
    }

    try XLSXVerifier.verify(
      fileAt: partial, requiredParts: workbook.requiredParts, lastRows: workbook.lastRows)
    if options.testingFault == .verificationFails {
      throw XLSXError.verificationFailed(reason: "injected by a test")
    }
    try synchronize(partial)
    if options.testingFault == .renameFails {
      throw XLSXError.io(path: target.path, reason: "rename failed (injected by a test)")
    }
    guard rename(partial.path, target.path) == 0 else {
      throw XLSXError.io(
        path: target.path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
    }
    renamed = true
  }

  /// Writes a workbook to a file path; see `write(to:options:whileClosing:_:)`.
  public static func write(
    toPath path: String, options: WorkbookOptions = WorkbookOptions(),
    whileClosing: (@Sendable () -> Void)? = nil, _ body: (Workbook) throws -> Void
  ) throws {
    try write(to: URL(fileURLWithPath: path), options: options, whileClosing: whileClosing, body)
  }

  /// The parts every workbook written by libxlsxwriter contains, plus one per sheet.
  var requiredParts: [String] {
    var parts = [
      "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
      "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml",
    ]
    for index in worksheets.indices { parts.append("xl/worksheets/sheet\(index + 1).xml") }
    return parts
  }

  /// For each sheet part, the 1-based number of the last row certainly written.
  var lastRows: [String: Int] {
    var rows: [String: Int] = [:]
    for (index, sheet) in worksheets.enumerated() {
      if let row = sheet.lastDataRow { rows["xl/worksheets/sheet\(index + 1).xml"] = row + 1 }
    }
    return rows
  }

  /// Flushes the file's data to disk before the rename makes it visible.
  private static func synchronize(_ url: URL) throws {
    do {
      let file = try FileHandle(forUpdating: url)
      defer { try? file.close() }
      try file.synchronize()
    } catch {
      throw XLSXError.io(path: url.path, reason: "cannot flush: \(error.localizedDescription)")
    }
  }
}
