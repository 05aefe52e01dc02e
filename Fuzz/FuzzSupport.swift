// Shared by the three fuzz targets (compiled into each; see Fuzz/Makefile).

/// Stops the run when a property of the code under test does not hold. `fatalError` traps, so
/// libFuzzer reports it like a crash and saves the input. Used only here, never in the library.
func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError("fuzz property failed: " + message(), file: file, line: line) }
}

/// The number of physical lines in a file's bytes as the CSV reader counts them: CRLF, LF and a
/// lone CR each end one line. Counted on 16-bit units after a UTF-16 byte-order mark, on bytes
/// otherwise (UTF-8 and Windows-1252 encode CR and LF as themselves). No line number the reader
/// or the form reader reports may exceed it.
func physicalLineCount(_ bytes: [UInt8]) -> Int {
  var units: [UInt16]
  if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
    let littleEndian = bytes[0] == 0xFF
    units = stride(from: 2, to: bytes.count - 1, by: 2).map { i in
      littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
    }
  } else {
    units = bytes.map(UInt16.init)
  }
  var lines = 1
  var i = 0
  while i < units.count {
    if units[i] == 0x0D {
      lines += 1
      if i + 1 < units.count, units[i + 1] == 0x0A { i += 1 }
    } else if units[i] == 0x0A {
      lines += 1
    }
    i += 1
  }
  return lines
}
