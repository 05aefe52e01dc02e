/// Excel's rules for sheet names, checked in Swift before `workbook_add_worksheet` (which
/// compares names case-sensitively and counts length in code points, unlike Excel).
public enum SheetName {
  /// The longest name Excel accepts, in UTF-16 units.
  public static let maxLength = 31
  /// Characters Excel refuses in a sheet name.
  public static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// Throws `XLSXError.invalidSheetName` unless `name` is a valid sheet name that differs
  /// (case-insensitively) from every name in `existing`.
  public static func validate(_ name: String, existing: [String] = []) throws(XLSXError) {
    if let reason = problem(with: name, existing: existing) {
      throw .invalidSheetName(name: name, reason: reason)
    }
  }

  /// Makes any text a valid sheet name not used in `existing`: forbidden and control
  /// characters become `_`, edge apostrophes and spaces are dropped, the name is cut to 31
  /// characters, an empty result becomes `Sheet`, and a clash gets a suffix ` (2)`, ` (3)`, …
  public static func sanitized(_ text: String, existing: [String] = []) -> String {
    var cleaned = String(
      text.map { character -> Character in
        if forbiddenCharacters.contains(character) { return "_" }
        if character.unicodeScalars.contains(where: isControl) { return "_" }
        return character
      })
    while let first = cleaned.first, first == "'" || first == " " { cleaned.removeFirst() }
    while let last = cleaned.last, last == "'" || last == " " { cleaned.removeLast() }
    if cleaned.isEmpty || cleaned.lowercased() == "history" { cleaned = "Sheet" + cleaned }
    let taken = Set(existing.map(folded))
    var suffixNumber = 1
    while true {
      let suffix = suffixNumber == 1 ? "" : " (\(suffixNumber))"
      var base = cleaned
      while base.utf16.count + suffix.utf16.count > maxLength { base.removeLast() }
      while let last = base.last, last == "'" || last == " " { base.removeLast() }
      let candidate = base + suffix
      if !candidate.isEmpty, !taken.contains(folded(candidate)) { return candidate }
      suffixNumber += 1
    }
  }

  /// The reason `name` is not a valid new sheet name, or nil when it is.
  static func problem(with name: String, existing: [String]) -> String? {
    if name.isEmpty { return "a sheet name cannot be empty" }
    if name.utf16.count > maxLength {
      return "longer than \(maxLength) characters (\(name.utf16.count))"
    }
    if let bad = name.first(where: { forbiddenCharacters.contains($0) }) {
      return "contains \"\(bad)\"; none of [ ] : * ? / \\ is allowed"
    }
    if name.unicodeScalars.contains(where: isControl) {
      return "contains a control character"
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      return "cannot begin or end with an apostrophe"
    }
    if name.lowercased() == "history" { return "\"History\" is reserved by Excel" }
    if existing.contains(where: { folded($0) == folded(name) }) {
      return "already used (Excel compares sheet names without regard to case)"
    }
    return nil
  }

  private static func folded(_ name: String) -> String { name.uppercased() }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE
      || scalar.value == 0xFFFF
  }
}
