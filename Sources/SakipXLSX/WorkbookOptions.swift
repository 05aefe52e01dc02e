import Foundation

/// How a workbook is written (`lxw_workbook_options`) and what its document properties say
/// (`lxw_doc_properties`).
public struct WorkbookOptions: Sendable {
  /// Writes each row to disk as soon as a later row is started, so memory stays flat however
  /// large the sheet (libxlsxwriter's `constant_memory`). Rows must then be written in
  /// increasing order; writing to an earlier row throws `XLSXError.rowWrittenOutOfOrder`.
  /// Strings are stored inline instead of in a shared-strings table.
  public var constantMemory: Bool
  /// The document creation time (`lxw_doc_properties.created`). Pin it to make two runs with
  /// the same content produce byte-identical files; nil means "now".
  public var creationDate: Date?
  /// Document title (`lxw_doc_properties.title`).
  public var title: String?
  /// Document author (`lxw_doc_properties.author`).
  public var author: String?
  /// Document company (`lxw_doc_properties.company`).
  public var company: String?

  /// TESTING ONLY: makes `Workbook.write` fail at a chosen step so the clean-up paths can be
  /// tested without a full disk or a read-only folder. Never set outside tests.
  var testingFault: TestingFault?

  /// Creates options; the defaults write a normal (in-memory) workbook dated "now".
  public init(
    constantMemory: Bool = false, creationDate: Date? = nil, title: String? = nil,
    author: String? = nil, company: String? = nil
  ) {
    self.constantMemory = constantMemory
    self.creationDate = creationDate
    self.title = title
    self.author = author
    self.company = company
  }
}

/// TESTING ONLY: a failure injected into `Workbook.write` (see `WorkbookOptions.testingFault`).
enum TestingFault: Sendable {
  /// The verification of the closed file reports damage.
  case verificationFails
  /// The final rename fails.
  case renameFails
}
