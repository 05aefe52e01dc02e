// Measurement programs for `make bench` (not shipped). Each subcommand prints one line of
// `key=value` pairs so scripts (bench/*/run.sh) can compare it with the C floor.
//
//   sakip-bench read-csv FILE      reads FILE with SakipCSV's streaming reader
//   sakip-bench write-xlsx ROWS    writes ROWS × 3 cells in constant-memory mode, then times
//                                  XLSXVerifier on the result (the check every write repeats)
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation  // URL, for Workbook.write and XLSXVerifier
import SakipCSV
import SakipXLSX

func fail(_ message: String, status: Int32) -> Never {
  let line = "sakip-bench: \(message)\n"
  _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
  exit(status)
}

/// Reads `path` with ``CSVReader`` (streaming), counting records and fields; the time includes
/// reading the file, decoding, delimiter detection and building every field's `String`.
func readCSV(_ path: String) {
  let clock = ContinuousClock()
  let start = clock.now
  var fields = 0
  var characters = 0
  let summary: CSVSummary
  do {
    summary = try CSVReader(headerNames: ["kode", "code"]).read(contentsOf: path) { record in
      fields += record.fields.count
      // Touch the text so the Strings cannot be optimised away.
      if let first = record.fields.first { characters &+= first.utf8.count }
    }
  } catch {
    fail("\(path): \(error)", status: 1)
  }
  let elapsed = clock.now - start
  let seconds =
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let mbps = Double(summary.byteCount) / 1e6 / seconds
  let delimiter = summary.delimiter == 0x09 ? "tab" : String(UnicodeScalar(summary.delimiter))
  print(
    "records=\(summary.recordCount) fields=\(fields) bytes=\(summary.byteCount)"
      + " seconds=\(format3(seconds)) mbps=\(format1(mbps))"
      + " encoding=\(summary.encoding.rawValue.replacingSpaces()) delimiter=\(delimiter)"
      + " check=\(characters)")
}

/// Writes a `rows` × 3 workbook (text, number, number) in constant-memory mode into a fresh
/// temporary folder, then verifies the file again on its own so the verifier's time can be
/// told apart from libxlsxwriter's (`Workbook.write` already verified it once).
func writeXLSX(rows: Int) {
  let clock = ContinuousClock()
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("sakip-bench-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let url = folder.appendingPathComponent("bench.xlsx")
  let writeStart = clock.now
  do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    try Workbook.write(to: url, options: WorkbookOptions(constantMemory: true)) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<rows {
        try sheet.write("indikator \(row)", row: row, col: 0)
        try sheet.write(Double(row), row: row, col: 1)
        try sheet.write(Double(row) * 0.25, row: row, col: 2)
      }
    }
  } catch {
    fail("write-xlsx: \(error)", status: 1)
  }
  let writeSeconds = seconds(clock.now - writeStart)
  let verifyStart = clock.now
  let parts: [String]
  do {
    parts = try XLSXVerifier.verify(fileAt: url, requiredParts: ["xl/worksheets/sheet1.xml"])
  } catch {
    fail("verify: \(error)", status: 1)
  }
  let verifySeconds = seconds(clock.now - verifyStart)
  let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
  print(
    "rows=\(rows) bytes=\(bytes) parts=\(parts.count)"
      + " write_seconds=\(format3(writeSeconds)) verify_seconds=\(format3(verifySeconds))")
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func format3(_ value: Double) -> String { fixed(value, places: 3) }
func format1(_ value: Double) -> String { fixed(value, places: 1) }

/// Formats `value` with `places` decimals (no Foundation).
func fixed(_ value: Double, places: Int) -> String {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = Int((value * scale).rounded())
  let whole = scaled / Int(scale)
  var fraction = String(scaled % Int(scale))
  while fraction.count < places { fraction = "0" + fraction }
  return places == 0 ? String(whole) : "\(whole).\(fraction)"
}

extension String {
  func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "read-csv":
  guard arguments.count == 2, let path = arguments.last else {
    fail("usage: sakip-bench read-csv FILE", status: 2)
  }
  readCSV(path)
case "write-xlsx":
  guard arguments.count == 2, let text = arguments.last, let rows = Int(text), rows > 0 else {
    fail("usage: sakip-bench write-xlsx ROWS", status: 2)
  }
  writeXLSX(rows: rows)
default:
  fail("usage: sakip-bench read-csv FILE | write-xlsx ROWS", status: 2)
}
