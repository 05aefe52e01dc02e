// libFuzzer target: the number parser (SakipCore, SPEC §4) on arbitrary text, with both marks.
import SakipCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
  let comma = NumberParser(decimalMark: .comma)
  let point = NumberParser(decimalMark: .point)
  for parser in [comma, point] {
    let cell = parser.parse(text)
    require(parser.parse(text) == cell, "\(text.debugDescription) read twice differently")

    if case .number(let value, let percent) = cell {
      require(value.isFinite && value.magnitude <= 1e300, "\(text.debugDescription) read as \(value)")
      require(!(value == 0 && value.sign == .minus), "\(text.debugDescription) read as -0")
      require(percent == text.contains("%"), "\(text.debugDescription): percent sign \(percent)")
      // An integer value written plainly reads back as itself.
      if value == value.rounded(), value.magnitude < 1e15 {
        let plain = String(Int64(value))
        require(parser.parse(plain) == .number(value, hadPercentSign: false), "\(plain) does not read as \(value)")
      }
      // A minus sign in front negates (the text has no sign of its own in front).
      let signed = "-" + text
      if signed.count == text.count + 1, !startsWithSign(text) {
        require(parser.parse(signed) == .number(-value, hadPercentSign: percent), "\(signed.debugDescription) is not -\(value)")
      }
    }
    // Spaces around change nothing (unless the text starts with a combining mark, which would
    // join the space into one character).
    let padded = "  " + text + " "
    if padded.count == text.count + 3 {
      require(parser.parse(padded) == cell, "\(padded.debugDescription) reads unlike \(text.debugDescription)")
    }
  }
  // The two marks mirror each other: swapping `.` and `,` in digits-and-signs text swaps the reading.
  if text.unicodeScalars.allSatisfy({ "0123456789.,%+-eE ".unicodeScalars.contains($0) }) {
    let swapped = String(text.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
    require(comma.parse(text) == point.parse(swapped), "\(text.debugDescription) (comma) unlike \(swapped.debugDescription) (point)")
  }
  return 0
}

func startsWithSign(_ text: String) -> Bool {
  guard let first = text.first(where: { !$0.isWhitespace }) else { return false }
  return first == "-" || first == "+" || first == "\u{2212}"
}
