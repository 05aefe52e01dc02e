import SakipCore
import Testing

@Suite("Qualitative indicators (SPEC §5.5)")
struct QualitativeStatusTests {
  @Test(
    "Known scales: at or above the target is achieved; otherwise only the same text",
    arguments: [
      ("BB", "BB", QualitativeStatus.achieved), ("BB", "A", .achieved), ("BB", "AA", .achieved),
      ("BB", "B", .notAchieved), ("BB", "CC", .notAchieved), ("BB", "D", .notAchieved),
      ("A", "AA", .achieved), ("AA", "A", .notAchieved), ("D", "C", .achieved),
      (" bb ", "a", .achieved), ("BB", " b b ", .achieved), ("bb", "cc", .notAchieved),
      ("WTP", "WTP", .achieved), ("WTP", "WDP", .notAchieved), ("WDP", "WTP", .achieved),
      ("TW", "WDP", .achieved), ("TW", "TMP", .notAchieved), ("wdp", " Wtp", .achieved),
      // a realisation off the target's scale is judged by text only
      ("BB", "Baik", .notAchieved), ("BB", "WTP", .notAchieved), ("WTP", "A", .notAchieved),
      // free text: the same text, ignoring case and white space
      ("Tersedia", "Tersedia", .achieved), ("Tersedia", " tersedia ", .achieved),
      ("Tersedia", "TERSEDIA", .achieved), ("Tersedia", "Belum tersedia", .notAchieved),
      ("Ada", "", .notAchieved), ("Ada  Dokumen", "ada dokumen", .achieved),
    ])
  func status(target: String, realisation: String, expected: QualitativeStatus) {
    #expect(QualitativeStatus(target: target, realisation: realisation) == expected)
  }

  @Test func scales() {
    #expect(GradeScale.scale(containing: " bb") == .sakip)
    #expect(GradeScale.scale(containing: "tmp") == .auditOpinion)
    #expect(GradeScale.scale(containing: "Tersedia") == nil)
    #expect(GradeScale.sakip.rank(of: "AA") == 0)
    #expect(GradeScale.auditOpinion.rank(of: "TMP") == 3)
  }
}
