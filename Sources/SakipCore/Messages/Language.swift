/// The language of messages, notes and workbook labels: Indonesian by default, English on
/// request (`--lang en`).
public enum Language: String, Sendable, CaseIterable {
  case indonesian = "id"
  case english = "en"

  /// A number as people of this language write it: `1.250.000,5` or `1,250,000.5`; at most
  /// `decimals` decimals, trailing zeros dropped.
  public func number(_ value: Double, decimals: Int = 2) -> String {
    // Beyond what a grouped integer can show exactly, the shortest exact form is clearer.
    guard value.isFinite, value.magnitude < 1e15 else { return "\(value)" }
    let negative = value < 0
    let scale = pow10(decimals)
    let rounded = (abs(value) * scale).rounded() / scale
    let integerPart = rounded.rounded(.down)
    var fraction = ""
    if decimals > 0 {
      let f = Int64(((rounded - integerPart) * scale).rounded())
      if f > 0 {
        var digits = String(f)
        while digits.count < decimals { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        fraction = digits
      }
    }
    let grouped = Self.group(String(Int64(integerPart)), separator: self == .indonesian ? "." : ",")
    let mark = self == .indonesian ? "," : "."
    return (negative && rounded != 0 ? "-" : "") + grouped + (fraction.isEmpty ? "" : mark + fraction)
  }

  private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }

  private static func group(_ digits: String, separator: String) -> String {
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out = separator + out }
      out = String(c) + out
    }
    return out
  }
}
