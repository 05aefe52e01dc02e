/// Delimiter detection from the header line (SPEC §4 "Delimiter").
enum CSVDialect {
  /// The delimiters detection chooses among, in tie-break order: `;` (Excel on Indonesian
  /// settings), tab (Excel "Unicode Text"), `,`.
  static let candidates: [UInt8] = [0x3B, 0x09, 0x2C]

  /// How many logical lines detection looks at for a header.
  static let headerSearchLines = 200

  /// Returns the delimiter of the UTF-8 text in `buffer`.
  ///
  /// The header line is the first of the first 200 logical lines (quoted line breaks do not end
  /// a line) that, split by a candidate outside quotes, has a cell whose trimmed, lowercased text
  /// is in `headerNames`; among the candidates that find such a cell, the one giving the most
  /// cells wins. With no header line, the candidate occurring most often outside quotes on the
  /// first non-empty line wins. Ties prefer `;`, then tab, then `,`.
  static func detectDelimiter(in buffer: UnsafeBufferPointer<UInt8>, headerNames: Set<String>) -> UInt8 {
    let names = Set(headerNames.map { $0.lowercased() })
    var firstNonEmpty: Range<Int>?
    var linesSeen = 0
    var lineStart = 0
    while lineStart < buffer.count, linesSeen < headerSearchLines {
      let (line, next) = logicalLine(in: buffer, from: lineStart)
      lineStart = next
      linesSeen += 1
      if line.isEmpty { continue }
      if firstNonEmpty == nil { firstNonEmpty = line }
      if names.isEmpty { break }
      if let found = headerDelimiter(UnsafeBufferPointer(rebasing: buffer[line]), names: names) {
        return found
      }
    }
    guard let line = firstNonEmpty else { return candidates[0] }
    let slice = UnsafeBufferPointer(rebasing: buffer[line])
    var best = candidates[0]
    var bestCount = -1
    for candidate in candidates {
      let count = splitCount(slice, delimiter: candidate)
      if count > bestCount {
        best = candidate
        bestCount = count
      }
    }
    return best
  }

  /// Returns the byte range of the logical line starting at `start` (without its terminator) and
  /// where the next one starts. A `"` toggles "inside quotes", so doubled quotes cancel out.
  static func logicalLine(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>, Int) {
    var inQuotes = false
    var index = start
    while index < buffer.count {
      let byte = buffer[index]
      if byte == 0x22 {
        inQuotes.toggle()
      } else if !inQuotes, byte == 0x0A || byte == 0x0D {
        var next = index + 1
        if byte == 0x0D, next < buffer.count, buffer[next] == 0x0A { next += 1 }
        return (start..<index, next)
      }
      index += 1
    }
    return (start..<buffer.count, buffer.count)
  }

  /// Returns the candidate that makes `line` a header line, or nil.
  private static func headerDelimiter(_ line: UnsafeBufferPointer<UInt8>, names: Set<String>) -> UInt8? {
    var best: UInt8?
    var bestCells = 0
    for candidate in candidates {
      let cells = self.cells(of: line, delimiter: candidate)
      guard cells.count > bestCells else { continue }
      if cells.contains(where: { names.contains($0) }) {
        best = candidate
        bestCells = cells.count
      }
    }
    return best
  }

  /// Splits `line` by `delimiter` outside quotes; each cell with its quotes dropped, trimmed and
  /// lowercased (for comparison with header names only).
  static func cells(of line: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> [String] {
    var cells: [String] = []
    var current: [UInt8] = []
    var inQuotes = false
    func finish() {
      if current.allSatisfy({ $0 < 0x80 }) {
        // ASCII: trim and lowercase the bytes themselves.
        let isSpace = { (b: UInt8) in b == 0x20 || (0x09...0x0D).contains(b) }
        let start = current.firstIndex { !isSpace($0) } ?? current.endIndex
        let end = current.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        let lowered = current[start..<max(start, end)].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        cells.append(String(decoding: lowered, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
        return
      }
      let text = String(decoding: current, as: UTF8.self)
      let trimmed = text.unicodeScalars.drop(while: \.properties.isWhitespace)
        .reversed().drop(while: \.properties.isWhitespace).reversed()
      cells.append(String(String.UnicodeScalarView(trimmed)).lowercased())
      current.removeAll(keepingCapacity: true)
    }
    for byte in line {
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == delimiter, !inQuotes {
        finish()
      } else {
        current.append(byte)
      }
    }
    finish()
    return cells
  }

  /// Returns how many times `delimiter` occurs outside quotes in `line`.
  static func splitCount(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Int {
    var count = 0
    var inQuotes = false
    for byte in line {
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == delimiter, !inQuotes {
        count += 1
      }
    }
    return count
  }
}
