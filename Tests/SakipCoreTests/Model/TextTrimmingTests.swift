import Testing

@testable import SakipCore

/// `trimmed` and `HeaderMatcher.fold` have a byte-level path for ASCII text; it must agree with
/// the Unicode path.
struct TextTrimmingTests {
  @Test(arguments: [
    ("abc", "abc"), ("  abc ", "abc"), ("\tabc\r\n", "abc"), ("\u{00A0}abc\u{00A0}", "abc"), ("", ""),
    ("   ", ""), ("a b", "a b"), ("é", "é"), (" é ", "é"), ("a\u{0301}", "a\u{0301}"), ("\r\n", ""),
  ])
  func trimsLikeTheUnicodeDefinition(text: String, expected: String) {
    #expect(text.trimmed == expected)
    #expect(text[...].trimmed == expected)
    #expect(String(Substring(text).trimmingWhitespace()) == expected)
  }

  @Test(arguments: ["Kode", "TARGET_TW1", "Realisasi TW-II", "Anggaran.TW 2", "  kode\t", "Keterangan\r\n", "Sátuan", "ＫＯＤＥ"])
  func foldsASCIIAsTheGeneralPathDoes(header: String) {
    let general = String(
      header.lowercased().unicodeScalars.filter {
        !($0 == " " || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\u{00A0}" || $0 == "\t" || $0 == "\r" || $0 == "\n")
      })
    #expect(HeaderMatcher.fold(header) == general)
  }
}
