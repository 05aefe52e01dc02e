import ArgumentParser
import Foundation
import SakipCore

/// `--definitions`: the indicator definitions every command starts from.
struct DefinitionsOptions: ParsableArguments {
  @Option(name: .long, help: "Berkas CSV definisi indikator (PK dan Rencana Aksi), lihat SPEC §2.")
  var definitions: String
}

/// How to read the CSV inputs when detection should be overridden.
struct CSVReadingOptions: ParsableArguments {
  @Option(help: "Pemisah kolom: ';', ',' atau 'tab' (bawaan: dikenali dari baris judul).")
  var delimiter: String?

  @Flag(help: "Semua angka memakai koma desimal (1.250.000,50).")
  var decimalComma = false

  @Flag(help: "Semua angka memakai titik desimal (1,250,000.50).")
  var decimalPoint = false

  func validate() throws {
    if decimalComma && decimalPoint {
      throw ValidationError("Pilih salah satu: --decimal-comma atau --decimal-point.")
    }
    if let delimiter, delimiterByte(delimiter) == nil {
      throw ValidationError("--delimiter harus ';', ',' atau 'tab', bukan '\(delimiter)'.")
    }
  }

  var readOptions: ReadOptions {
    ReadOptions(
      delimiter: delimiter.flatMap(delimiterByte),
      decimalMark: decimalComma ? .comma : decimalPoint ? .point : nil)
  }

  private func delimiterByte(_ text: String) -> UInt8? {
    switch text.lowercased() {
    case ";": UInt8(ascii: ";")
    case ",": UInt8(ascii: ",")
    case "tab", "\\t", "\t": 9
    default: nil
    }
  }
}

/// `--lang`: Indonesian by default.
struct LanguageOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Bahasa pesan: id (Indonesia, bawaan) atau en (English).")
  var language: Language = .indonesian

  /// The run's context: the clock (or `SOURCE_DATE_EPOCH`), version, command line, language.
  var context: RunContext {
    let env = ProcessInfo.processInfo.environment
    let now = env["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    return RunContext(now: now, commandLine: CommandLine.arguments, language: language)
  }
}

extension Language: ExpressibleByArgument {}

/// A reporting period as people write it: `TW2`, `TW II`, `2`.
struct PeriodArgument: ExpressibleByArgument {
  var quarter: Quarter
  init?(argument: String) {
    guard let q = Quarter(periodText: argument) else { return nil }
    quarter = q
  }
  static var defaultCompletionKind: CompletionKind { .list(["TW1", "TW2", "TW3", "TW4"]) }
}
