import Testing

@testable import SakipCore

struct CompactNumberTests {
  @Test func keepsAFigureOrNone() {
    #expect(CompactNumber(2.5).value == 2.5)
    #expect(CompactNumber(-0.0).value == 0)
    #expect(CompactNumber(nil).value == nil)
    #expect(CompactNumber(.greatestFiniteMagnitude).value == .greatestFiniteMagnitude)
  }

  @Test func noneEqualsNone() {
    #expect(CompactNumber(nil) == CompactNumber(nil))
    #expect(CompactNumber(nil).hashValue == CompactNumber(nil).hashValue)
    #expect(CompactNumber(1) != CompactNumber(nil))
    #expect(CompactNumber(1) == CompactNumber(1))
  }

  @Test func isSmallerThanAnOptionalDouble() {
    #expect(MemoryLayout<CompactNumber>.size == 8)
    #expect(MemoryLayout<QuarterAmounts>.size == 32)
  }

  @Test func quarterAmountsReadLikeADictionary() {
    var amounts: QuarterAmounts = [.third: 30, .first: 10]
    #expect(amounts[.first] == 10)
    #expect(amounts[.second] == nil)
    #expect(amounts.keys == [.first, .third])
    #expect(amounts.values == [10, 30])
    #expect(amounts.count == 2 && !amounts.isEmpty)
    #expect(amounts.map(\.key) == [.first, .third])
    #expect(amounts.sorted { $0.key < $1.key }.map(\.value) == [10, 30])
    amounts[.first] = nil
    amounts[.fourth] = 0
    #expect(amounts == QuarterAmounts([.third: 30, .fourth: 0]))
    #expect(QuarterAmounts().isEmpty)
  }

  @Test func missingQuartersAreThoseNotReported() {
    let notReported: UnmeasuredReason? = .notReported([.first, .second])
    let other: UnmeasuredReason? = .realisationNotANumber([.first])
    let none: UnmeasuredReason? = nil
    #expect(notReported.quartersNotReported == [.first, .second])
    #expect(other.quartersNotReported == [])
    #expect(none.quartersNotReported == [])
  }
}
