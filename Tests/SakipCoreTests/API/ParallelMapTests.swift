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
}
