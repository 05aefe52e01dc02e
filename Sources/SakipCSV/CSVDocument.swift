/// A whole CSV file read into memory: its records and what the reader found about it.
public struct CSVDocument: Sendable {
  /// The records in file order; blank lines produce none.
  public var records: [CSVRecord]
  /// The encoding the bytes were found to be in.
  public var encoding: TextEncoding
  /// The delimiter used: given explicitly or detected (`;`, `,` or tab).
  public var delimiter: UInt8
  /// The size of the input in bytes, as read (before any transcoding).
  public var byteCount: Int

  /// Creates a document from its parts.
  public init(records: [CSVRecord], encoding: TextEncoding, delimiter: UInt8, byteCount: Int) {
    self.records = records
    self.encoding = encoding
    self.delimiter = delimiter
    self.byteCount = byteCount
  }
}

/// What a streaming read found, without the records themselves.
public struct CSVSummary: Sendable, Equatable {
  /// The encoding the bytes were found to be in.
  public var encoding: TextEncoding
  /// The delimiter used: given explicitly or detected (`;`, `,` or tab).
  public var delimiter: UInt8
  /// The size of the input in bytes, as read (before any transcoding).
  public var byteCount: Int
  /// How many records were handed to the body.
  public var recordCount: Int

  /// Creates a summary from its parts.
  public init(encoding: TextEncoding, delimiter: UInt8, byteCount: Int, recordCount: Int) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.byteCount = byteCount
    self.recordCount = recordCount
  }
}
