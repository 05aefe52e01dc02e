/// File names made from section names, safe on every file system (SPEC §6): ASCII letters,
/// digits and `-` only, at most 60 characters, never empty, unique within one set.
public enum FileName {
  public static func slug(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      let folded = Self.accents[scalar.value].map { Unicode.Scalar($0) } ?? scalar
      if folded.isASCII, folded.properties.isAlphabetic || ("0"..."9").contains(folded) {
        out.unicodeScalars.append(folded)
      } else if !out.isEmpty, !out.hasSuffix("-") {
        out += "-"
      }
    }
    if out.count > 60 { out = String(out.prefix(60)) }
    while out.hasSuffix("-") { out.removeLast() }
    if out.isEmpty { return "unit-kerja" }
    // Windows refuses these names whatever the extension.
    let reserved = ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] }
    return reserved.contains(out.uppercased()) ? out + "-unit" : out
  }

  /// Slugs for several names, numbered where two would collide (case-insensitively).
  public static func uniqueSlugs(_ names: [String]) -> [String] {
    var used: Set<String> = []
    return names.map { name in
      let base = slug(name)
      var candidate = base
      var n = 2
      while used.contains(candidate.lowercased()) {
        candidate = "\(base)-\(n)"
        n += 1
      }
      used.insert(candidate.lowercased())
      return candidate
    }
  }

  /// Accented Latin letters to their base letter (é → e).
  private static let accents: [UInt32: UInt8] = {
    var table: [UInt32: UInt8] = [:]
    let groups: [(String, Character)] = [
      ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõö", "o"),
      ("ùúûü", "u"), ("ýÿ", "y"), ("ÀÁÂÃÄÅ", "A"), ("Ç", "C"), ("ÈÉÊË", "E"), ("ÌÍÎÏ", "I"),
      ("Ñ", "N"), ("ÒÓÔÕÖ", "O"), ("ÙÚÛÜ", "U"), ("Ý", "Y"),
    ]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar.value] = base.asciiValue }
    }
    return table
  }()
}
