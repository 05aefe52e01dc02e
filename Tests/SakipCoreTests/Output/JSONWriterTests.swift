import Testing

@testable import SakipCore

struct JSONWriterTests {
  func quoted(_ text: String) -> String {
    var writer = JSONWriter()
    writer.string(text)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  func number(_ d: Double) -> String {
    var writer = JSONWriter()
    writer.number(d)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func everyControlCharacterIsEscaped() {
    let short: [UInt32: String] = [0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"]
    for code in UInt32(0)..<0x20 {
      let scalar = Character(Unicode.Scalar(UInt8(code)))
      let hex = String(code, radix: 16)
      let expected = short[code] ?? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      #expect(quoted("a\(scalar)b") == "\"a\(expected)b\"", "U+\(hex)")
    }
    #expect(quoted("\u{0}\u{8}\u{B}\u{C}\u{1B}\u{1F}") == #""\u0000\u0008\u000b\u000c\u001b\u001f""#)
  }

  @Test func quoteAndBackslashAreEscapedAndNothingElse() {
    #expect(quoted(#"a"b\c"#) == #""a\"b\\c""#)
    #expect(quoted(#""\"#) == #""\"\\""#)
    #expect(quoted("/ ' \u{7F} ~") == "\"/ ' \u{7F} ~\"")
    #expect(quoted("") == #""""#)
    // Excel's escape for control characters is text like any other in JSON.
    #expect(quoted("_x000D_ and _x0009_") == #""_x000D_ and _x0009_""#)
  }

  @Test func nonASCIIIsKeptAsItsUTF8Bytes() {
    let text = "Pérdagangan — Rp 1.000 · 漢字 😀 e\u{301}"
    var writer = JSONWriter()
    writer.string(text)
    #expect(writer.bytes == [0x22] + Array(text.utf8) + [0x22])
    #expect(quoted("é\n😀\"") == "\"é\\n😀\\\"\"")
  }

  /// The escaping as it was done scalar by scalar before the byte writer, as an oracle.
  func scalarEscaped(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  @Test func mixedRunsMatchScalarByScalarEscaping() {
    let pieces = ["a", "\"", "\\", "\n", "\u{1}", "é", "😀", "  ", "\t\t", "_x000A_", "Bidang", "\r\n", "\u{7F}"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &generator))
        .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      #expect(quoted(text) == scalarEscaped(text), "\(Array(text.utf8))")
    }
  }

  @Test func integralNumbersBelowTenToTheFifteenAreIntegers() {
    #expect(number(0) == "0")
    #expect(number(-0.0) == "0")
    #expect(number(7) == "7")
    #expect(number(-12) == "-12")
    #expect(number(10) == "10")
    #expect(number(450_000_000) == "450000000")
    #expect(number(999_999_999_999_999) == "999999999999999")
    #expect(number(-999_999_999_999_999) == "-999999999999999")
  }

  @Test func otherNumbersInTheirShortestRoundTripForm() {
    #expect(number(1e15) == "1000000000000000.0")
    #expect(number(-1e15) == "-1000000000000000.0")
    #expect(number(1e20) == "1e+20")
    #expect(number(-0.5) == "-0.5")
    #expect(number(0.1) == "0.1")
    #expect(number(66.66666666666667) == "66.66666666666667")
    #expect(number(1e-7) == "1e-07")
    #expect(number(5e-324) == "5e-324")
    #expect(number(123_456.789) == "123456.789")
    for d in [1e15, 2.5e15, 1e16, 0.3, -1.25, 1.7976931348623157e308] {
      #expect(number(d) == "\(d)")
      #expect(JSONValue.format(d) == "\(d)")
    }
  }

  func elements(_ count: Int) -> JSONWriter.Member {
    .objects(count: count) { i in
      [
        ("i", .finite(Double(i))), ("name", .string("Bidang \(i) \"A\"")),
        ("list", .array([.finite(1), .null, .string("x")])),
        ("nested", .array([.object([("k", .bool(i % 2 == 0))])])),
        ("empty", i == 1 ? .object([]) : .array([])),
      ]
    }
  }

  @Test(arguments: [0, 1, 3])
  func aStreamedDocumentEqualsTheRenderedTree(count: Int) {
    let members: [(String, JSONWriter.Member)] = [
      ("tool", .value(.string("sakip"))), ("year", .value(.finite(2025))),
      ("items", elements(count)), ("empty", .objects(count: 0) { _ in [] }),
      ("bare", .objects(count: 2) { _ in [] }), ("tail", elements(count)),
    ]
    var writer = JSONWriter()
    writer.writeDocument(members) { (_: inout JSONWriter) in }
    let tree = JSONValue.object(members.map { ($0, $1.value) })
    #expect(String(decoding: writer.bytes, as: UTF8.self) == tree.rendered())
  }

  @Test func anEmptyDocument() {
    var writer = JSONWriter()
    writer.writeDocument([]) { (_: inout JSONWriter) in }
    #expect(writer.bytes == Array("{}\n".utf8))
    #expect(JSONValue.object([]).rendered() == "{}\n")
  }

  /// Draining whenever the buffer passes a few bytes splits the text in many places; the pieces
  /// joined are the whole document, and the buffer never holds much more than one element.
  @Test(arguments: [1, 40, 500])
  func drainingInChunksKeepsTheBytes(chunk: Int) {
    let members: [(String, JSONWriter.Member)] = [("head", .value(.string("x"))), ("items", elements(20))]
    var writer = JSONWriter()
    var pieces: [[UInt8]] = []
    var largest = 0
    writer.writeDocument(members) { (writer: inout JSONWriter) in
      largest = max(largest, writer.bytes.count)
      guard writer.bytes.count >= chunk else { return }
      pieces.append(writer.bytes)
      writer.removeAll()
    }
    pieces.append(writer.bytes)
    let expected = Array(JSONValue.object(members.map { ($0, $1.value) }).rendered().utf8)
    #expect(pieces.flatMap { $0 } == expected)
    #expect(pieces.count > 2)
    #expect(largest < chunk + 300)
  }
}
