/// Why a CSV file could not be read.
///
/// Line numbers are physical, 1-based lines as a text editor shows them (CRLF, LF and a lone CR
/// each end one line).
public enum CSVReadError: Error, Sendable, Equatable {
  /// A quoted field opened at this line never closed before the end of the file
  /// (libcsv's `CSV_STRICT_FINI`), or a later quote paired up with it and broke the syntax.
  case unclosedQuote(line: Int)
  /// A stray quote at this line: a quote inside an unquoted field, or text right after a
  /// closing quote (libcsv's `CSV_STRICT` parse error).
  case malformedQuote(line: Int)
  /// The file contains a NUL byte at this line: it is binary, not text.
  case nulBytes(line: Int)
  /// The file is a workbook saved under a `.csv` name: it starts with a zip signature
  /// (`PK\u{3}\u{4}`, xlsx/ods) or the OLE2 signature `D0 CF 11 E0` (xls).
  case workbookNotCSV
  /// The file could not be opened or read (missing, no permission, a directory, …).
  /// `reason` is the system's message (`strerror`).
  case unreadable(path: String, reason: String)
  /// libcsv could not grow its field buffer (`CSV_ENOMEM` / `CSV_ETOOBIG`).
  case outOfMemory
  /// An explicit delimiter that cannot work: a quote, CR, LF, or a byte ≥ 0x80 (it would
  /// split UTF-8 sequences).
  case unsupportedDelimiter(UInt8)
  /// The file was changed or replaced between the two reads of a streamed read
  /// (``CSVFileStream``): what was checked is not what would be parsed.
  case changedWhileRead
}
