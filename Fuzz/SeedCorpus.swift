// Writes the seed corpus of the three fuzz targets from committed sources: the bad-input
// catalogue of the command tests (compiled in with this file), the sample files, and the number
// texts of SPEC §4. Run by Fuzz/Makefile:
//   seed-corpus <out dir> <max bytes> <sample.csv>...
import Foundation

@main
struct SeedCorpus {
  /// SPEC §4 and the number parser's tests: every way a number may be written, and every refusal.
  static let numbers: [String] = [
    "3,5", "1.250.000,50", "1,250,000.50", "1.250.000", " 42 ", "Rp 1.500.000", "Rp. 1.500.000,00",
    "rp1.000", "85,5%", "85,5 %", "85.5%", "-2,5", "0", "-0", "+3", "\u{2212}4", "1,5E+12", "1.5E+12",
    "1,0E-3", ",5", "1.500", "007", "0,76", "", "  ", "-", "–", "—", "n/a", "N/A", "#N/A", "n.a.",
    "1.5", "1,5", "12,34,5", "1.25.000", "sekitar 80", "NaN", "inf", "Infinity", "1e309", "1,0E+400",
    "3 dokumen", "1 250 000", "5,", "Rp -1.000", "- 5", "1\u{00A0}000", "١٢٣", "1e", "E5", "%",
  ]

  static func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 3, let maxBytes = Int(arguments[2]) else {
      FileHandle.standardError.write(Data("usage: seed-corpus <out dir> <max bytes> <sample.csv>...\n".utf8))
      exit(2)
    }
    let out = URL(fileURLWithPath: arguments[1])
    let samples = arguments.dropFirst(3).map { URL(fileURLWithPath: $0) }
    let fm = FileManager.default
    for target in ["csv-reader", "form-reader", "number-parser"] {
      let folder = out.appendingPathComponent(target)
      try? fm.removeItem(at: folder)
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    func write(_ bytes: [UInt8], _ name: String, to targets: [String]) throws {
      for target in targets {
        try Data(bytes).write(to: out.appendingPathComponent(target).appendingPathComponent(name))
      }
    }
    let files = ["csv-reader", "form-reader"]

    // The bad-input catalogue: each case's form, further forms and definitions, when at most
    // `maxBytes` (the size cases are the command tests' business).
    var used = 0
    var skipped: [String] = []
    for (n, bad) in Catalogue.cases.enumerated() {
      let parts = [bad.bytes] + bad.moreForms + (bad.definitions.map { [Array($0.utf8)] } ?? [])
      guard parts.allSatisfy({ $0.count <= maxBytes }) else {
        skipped.append(bad.name)
        continue
      }
      used += 1
      for (k, part) in parts.enumerated() {
        try write(part, String(format: "catalogue-%02d-%d", n + 1, k), to: files)
      }
    }

    // The samples, and the cells holding a digit as number seeds.
    var cells = Set<String>()
    for url in samples {
      // All of them, even over `maxBytes` (libFuzzer reads the first `-max_len` bytes).
      let bytes = [UInt8](try Data(contentsOf: url))
      try write(bytes, "sample-" + url.deletingPathExtension().lastPathComponent, to: files)
      for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
        for cell in line.split(separator: ";") where cell.contains(where: \.isNumber) && cell.utf8.count <= 40 {
          cells.insert(String(cell))
        }
      }
    }
    let numberSeeds = numbers + cells.sorted()
    for (n, text) in numberSeeds.enumerated() {
      try write(Array(text.utf8), String(format: "number-%03d", n + 1), to: ["number-parser"])
    }

    print(
      "seed corpus in \(out.path): \(used) of \(Catalogue.cases.count) bad-input cases (\(skipped.count) larger than \(maxBytes) bytes left out), "
        + "\(samples.count) samples, \(numberSeeds.count) number texts (\(numbers.count) from SPEC §4 and the tests)")
  }
}
