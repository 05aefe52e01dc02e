import Testing

@testable import SakipCore

struct JSONValueTests {
  @Test func keysKeepTheirOrderAndNumbersTheirPrecision() {
    let value = JSONValue.object([
      ("z", .finite(12)), ("a", .number(66.66666666666667)), ("n", .number(nil)), ("s", .string("a\"b\n\u{1}")),
      ("l", .array([.finite(1), .finite(2.5)])), ("e", .array([])), ("o", .object([])), ("b", .bool(false)),
    ])
    #expect(
      value.rendered() == """
        {
          "z": 12,
          "a": 66.66666666666667,
          "n": null,
          "s": "a\\"b\\n\\u0001",
          "l": [1, 2.5],
          "e": [],
          "o": {},
          "b": false
        }

        """)
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteNumbersBecomeNull(value: Double) {
    #expect(JSONValue.number(value) == .null)
  }

  @Test func largeAndNegativeNumbers() {
    #expect(JSONValue.format(450_000_000) == "450000000")
    #expect(JSONValue.format(-0.5) == "-0.5")
    #expect(JSONValue.format(1e20) == "1e+20")
  }
}

struct SignerTests {
  @Test func parsesNamePositionNIP() {
    let signer = Signer(parsing: "Drs. Ahmad, M.Si | Kepala Dinas | 197001011990031001")
    #expect(signer == Signer(name: "Drs. Ahmad, M.Si", position: "Kepala Dinas", nip: "197001011990031001"))
    #expect(Signer(parsing: "Ahmad|Kepala Dinas")?.nip == "")
    #expect(Signer(parsing: "Ahmad") == nil)
    #expect(Signer(parsing: "|Kepala|1") == nil)
    #expect(Signer(parsing: "a|b|c|d") == nil)
  }
}

struct FileNameTests {
  @Test func slugsAreSafeOnEveryFileSystem() {
    #expect(FileName.slug("Bidang Aplikasi Informatika") == "Bidang-Aplikasi-Informatika")
    #expect(FileName.slug("Sub Bag. Umum / Kepegawaian: [TU]*?") == "Sub-Bag-Umum-Kepegawaian-TU")
    #expect(FileName.slug("Seksi Pelayanan Pengaduan \\ Perizinan") == "Seksi-Pelayanan-Pengaduan-Perizinan")
    #expect(FileName.slug("Pérdagangan") == "Perdagangan")
    #expect(FileName.slug("///") == "unit-kerja")
    #expect(FileName.slug(String(repeating: "Bidang ", count: 20)).count <= 60)
  }

  @Test func duplicatesAfterCleaningAreNumbered() {
    #expect(FileName.uniqueSlugs(["Bidang A/B", "Bidang A B", "bidang-a-b"]) == ["Bidang-A-B", "Bidang-A-B-2", "bidang-a-b-3"])
  }
}

struct LanguageTests {
  @Test func numbersAsEachLanguageWritesThem() {
    #expect(Language.indonesian.number(1_250_000.5) == "1.250.000,5")
    #expect(Language.english.number(1_250_000.5) == "1,250,000.5")
    #expect(Language.indonesian.number(66.666666, decimals: 2) == "66,67")
    #expect(Language.indonesian.number(-0.001) == "0")
    #expect(Language.indonesian.number(-12.5) == "-12,5")
    #expect(Language.english.number(100) == "100")
  }
}

struct ReservedNameTests {
  @Test func windowsReservedNamesAreAvoided() {
    #expect(FileName.slug("CON") == "CON-unit")
    #expect(FileName.slug("com1") == "com1-unit")
    #expect(FileName.slug("Console") == "Console")
  }

  @Test func hugeNumbersFormatWithoutTrapping() {
    #expect(Language.indonesian.number(1e20) == "1e+20")
    #expect(Language.indonesian.number(99_999_999_999_999) == "99.999.999.999.999")
  }
}
