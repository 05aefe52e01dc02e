/// Where each indicator's row was first found, 8 bytes per indicator: a file number plus one
/// (0 while no form has the row) and a line. An origin that does not fit — a line from
/// `UInt32.max` up or below 0, the file numbered `UInt32.max` — is kept aside whole, its line
/// slot saying `UInt32.max`.
struct RowOrigins: Sendable {
  private var files: [UInt32]
  private var lines: [UInt32]
  private var spilled: [Int: (file: UInt32, line: Int)] = [:]

  init(indicators: Int) {
    files = Array(repeating: 0, count: indicators)
    lines = Array(repeating: 0, count: indicators)
  }

  /// The file number and line of an indicator's row; `nil` while none was noted.
  subscript(indicator: Int) -> (file: UInt32, line: Int)? {
    guard files[indicator] != 0 else { return nil }
    let line = lines[indicator]
    return line == .max ? spilled[indicator] : (files[indicator] - 1, Int(line))
  }

  /// Notes the row of an indicator unless one was noted before.
  mutating func note(file: UInt32, line: Int, of indicator: Int) {
    guard files[indicator] == 0 else { return }
    if file < .max, let packedLine = UInt32(exactly: line), packedLine < .max {
      files[indicator] = file + 1
      lines[indicator] = packedLine
    } else {
      files[indicator] = .max
      lines[indicator] = .max
      spilled[indicator] = (file, line)
    }
  }
}
