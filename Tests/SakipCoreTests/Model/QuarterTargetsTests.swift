import Testing

@testable import SakipCore

struct QuarterTargetsTests {
  @Test func numbersAndGradesComeBackAsGiven() {
    let targets: QuarterTargets = [.first: .number(3), .second: .grade("BB"), .fourth: .number(-0.5)]
    #expect(targets[.first] == .number(3))
    #expect(targets[.second] == .grade("BB"))
    #expect(targets[.third] == nil)
    #expect(targets[.fourth] == .number(-0.5))
    #expect(targets.values == [.number(3), .grade("BB"), .number(-0.5)])
    #expect(!targets.isEmpty)
  }

  @Test func aNumberThatIsNotFiniteIsKept() {
    let targets = QuarterTargets([.first: .number(.infinity), .second: .number(.nan)])
    #expect(targets[.first] == .number(.infinity))
    #expect(targets[.second]?.number?.isNaN == true)
  }

  @Test func replacingATargetForgetsTheOldOne() {
    var targets: QuarterTargets = [.first: .grade("A")]
    targets[.first] = .number(2)
    #expect(targets[.first] == .number(2))
    #expect(targets == [.first: .number(2)])
    targets[.first] = .grade("B")
    #expect(targets[.first] == .grade("B"))
    #expect(targets == [.first: .grade("B")])
    targets[.first] = nil
    #expect(targets.isEmpty)
    #expect(targets == QuarterTargets())
  }

  @Test func numbersTakeEightBytesEach() {
    #expect(MemoryLayout<QuarterTargets>.size == 40)
  }
}
