import Dispatch
import Foundation
import Synchronization

/// Runs `body` for every index in `0..<count` on up to `workers` threads at once and returns the
/// results in index order. Work is handed out one index at a time, so one slow file does not
/// hold back the others; with one worker (or one item) it runs on the calling thread.
func parallelMap<T: Sendable>(
  count: Int, workers: Int = defaultWorkerCount, _ body: @Sendable (Int) -> T
) -> [T] {
  var results: [T] = []
  results.reserveCapacity(count)
  return parallelFoldInOrder(results, count: count, workers: workers, body, into: { $0.append($1) })
}

/// Runs `body` on consecutive slices of `elements` (`chunkSize` at a time) on every core and
/// returns what the slices gave, joined in the order of `elements`.
func parallelChunks<Elements: RandomAccessCollection & Sendable, T: Sendable>(
  _ elements: Elements, chunkSize: Int = 4096, _ body: @Sendable (Elements.SubSequence) -> [T]
) -> [T] where Elements.Index == Int {
  let chunks = parallelMap(count: (elements.count + chunkSize - 1) / chunkSize) { c in
    let start = elements.startIndex + c * chunkSize
    return body(elements[start..<min(elements.endIndex, start + chunkSize)])
  }
  return Array(chunks.joined())
}

/// The processors this run may use (both cores of the usual office PC).
let defaultWorkerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// Runs `first` and `second` at the same time, one on each of two threads, and returns both
/// results once both are done.
func concurrently<A: Sendable, B: Sendable>(
  _ first: @Sendable () -> A, _ second: @Sendable () -> B
) -> (A, B) {
  let a = Mutex<A?>(nil)
  let b = Mutex<B?>(nil)
  DispatchQueue.concurrentPerform(iterations: 2) { i in
    if i == 0 {
      let result = first()
      a.withLock { $0 = result }
    } else {
      let result = second()
      b.withLock { $0 = result }
    }
  }
  guard let resultA = a.withLock({ $0 }), let resultB = b.withLock({ $0 }) else {
    preconditionFailure("concurrentPerform returned before both halves ran")
  }
  return (resultA, resultB)
}
