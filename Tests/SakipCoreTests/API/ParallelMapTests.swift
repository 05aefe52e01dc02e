import Foundation
import Synchronization
import Testing

@testable import SakipCore

struct ParallelMapTests {
  @Test(arguments: [1, 2, 4])
  func keepsOrderAndRunsEachIndexOnce(workers: Int) {
    let calls = Atomic<Int>(0)
    let result = parallelMap(count: 1000, workers: workers) { i in
      calls.wrappingAdd(1, ordering: .relaxed)
      return i * i
    }
    #expect(result == (0..<1000).map { $0 * $0 })
    #expect(calls.load(ordering: .relaxed) == 1000)
  }

  @Test func emptyInputGivesEmptyOutput() {
    #expect(parallelMap(count: 0) { $0 }.isEmpty)
  }

  @Test(arguments: [0, 1, 4095, 4096, 4097, 10_000])
  func chunksCoverEveryElementOnceInOrder(count: Int) {
    let elements = Array(0..<(count + 3))[3...]  // a slice that does not start at 0
    let result = parallelChunks(elements, chunkSize: 4096) { chunk in chunk.map { $0 * 2 } }
    #expect(result == elements.map { $0 * 2 })
  }

  /// Results are folded in index order even when later ones finish first.
  @Test(arguments: [1, 2, 4])
  func foldsInIndexOrder(workers: Int) {
    let folded = parallelFoldInOrder([Int](), count: 500, workers: workers, { i in
      if i % 7 == 0 { usleep(200) }  // some results arrive late
      return i
    }, into: { $0.append($1) })
    #expect(folded == Array(0..<500))
    #expect(parallelFoldInOrder(0, count: 0, { $0 }, into: { $0 += $1 }) == 0)
  }
}
