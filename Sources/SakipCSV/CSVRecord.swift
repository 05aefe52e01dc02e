/// One record (row) of a CSV file, with the physical line it starts on.
///
/// Fields are kept exactly as written (no trimming); a ragged row simply has fewer or more
/// fields than its neighbours.
public struct CSVRecord: Sendable, Equatable {
  /// The record's fields, quotes removed and doubled quotes undone, text otherwise untouched.
  public var fields: [String]
  /// The physical 1-based line where the record starts, as a text editor shows it.
  public var line: Int
  /// The start line of each field, stored only when some field starts after `line`
  /// (a quoted line break earlier in the record); empty means every field starts on `line`.
  var fieldLines: [Int]

  /// Creates a record whose fields all start on `line`, or on the lines given in `fieldLines`
  /// (one per field; used when a quoted field holds a line break).
  public init(fields: [String], line: Int, fieldLines: [Int] = []) {
    self.fields = fields
    self.line = line
    self.fieldLines = fieldLines.allSatisfy { $0 == line } ? [] : fieldLines
  }

  /// Returns the physical line where the field at `index` starts.
  ///
  /// It differs from ``line`` only for fields that follow a quoted field holding a line break.
  /// An index past the stored lines gives the last known line (never traps).
  public func line(ofField index: Int) -> Int {
    guard !fieldLines.isEmpty else { return line }
    if index < 0 { return line }
    return fieldLines[Swift.min(index, fieldLines.count - 1)]
  }
}
