/// Makes Swift text safe to hand to libxlsxwriter.
///
/// Measured with libxlsxwriter 1.1.4: in cell strings (shared and inline) it escapes
/// U+0001…U+001F except tab/LF/CR as `_xHHHH_`, which is valid XML and what Excel expects.
/// It does not escape a literal `_xHHHH_` already in the text, so Excel would show
/// `_x0041_` as `A`; a NUL cuts the C string short; U+FFFE/U+FFFF are not XML characters.
/// Texts written into XML attributes (validation messages, headers, titles) get no escaping
/// of control characters at all, so there they are replaced.
enum TextEscaping {
  /// The cell text to pass to `worksheet_write_string`, reading back as `text` in Excel.
  static func cellText(_ text: String) -> String {
    guard containsByte(of: text, where: { $0 == 0x5F || $0 == 0x00 || $0 == 0xEF }) else {
      return text
    }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      switch scalar.value {
      case 0x00, 0xFFFE, 0xFFFF:
        result.append(contentsOf: escape(scalar.value).unicodeScalars)
      case 0x5F where isEscapeSequence(scalars, at: i):
        // `_` of a literal `_xHHHH_` is itself escaped so Excel keeps the text as written.
        result.append(contentsOf: "_x005F_".unicodeScalars)
      default:
        result.append(scalar)
      }
      i += 1
    }
    return String(result)
  }

  /// Text for places without `_xHHHH_` decoding (attributes, headers, titles, properties):
  /// control characters other than tab, LF and CR, and U+FFFE/U+FFFF become U+FFFD.
  static func plainText(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isInvalidInXML) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isInvalidInXML(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(result)
  }

  /// Whether `text` holds a scalar `isInvalidInXML` refuses, found on the UTF-8 bytes: a
  /// control character is one byte below 0x20, and U+FFFE/U+FFFF start with 0xEF (only then
  /// are the scalars decoded).
  static func containsInvalidXML(_ text: String) -> Bool {
    let bytes = text.utf8.span
    var sawEF = false
    for index in bytes.indices {
      let byte = bytes[index]
      if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
      if byte == 0xEF { sawEF = true }
    }
    return sawEF && text.unicodeScalars.contains(where: isInvalidInXML)
  }

  /// Whether a UTF-8 byte of `text` satisfies `test`, scanned over the string's own storage
  /// (a `Span`: several times faster than iterating `String.UTF8View`, which every cell
  /// written pays).
  static func containsByte(of text: String, where test: (UInt8) -> Bool) -> Bool {
    let bytes = text.utf8.span
    for index in bytes.indices where test(bytes[index]) { return true }
    return false
  }

  static func isInvalidInXML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return false
    case 0x00..<0x20, 0xFFFE, 0xFFFF: return true
    default: return false
    }
  }

  private static func escape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }

  private static func isEscapeSequence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X",
      scalars[i + 6] == "_"
    else { return false }
    return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }
}
