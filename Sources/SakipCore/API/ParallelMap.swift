import Dispatch
import Foundation
import Synchronization

/// Runs `body` for every index in `0..<count` on up to `workers` threads at once and returns the
/// results in index order. Work is handed out one index at a time, so one slow file does not
/// hold back the others; with one worker (or one item) it runs on the calling thread.
func parallelMap<T: Sendable>(
  count: Int, workers: Int = defaultWorkerCount, _ body: @Sendable (Int) -> T
) -> [T] {
  guard count > 0 else { return [] }
  let threads = max(1, min(workers, count))
  if threads == 1 { return (0..<count).map(body) }
  let results = Mutex<[T?]>(Array(repeating: nil, count: count))
  let next = Atomic<Int>(0)
  DispatchQueue.concurrentPerform(iterations: threads) { _ in
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard i < count else { return }
      let result = body(i)
      results.withLock { $0[i] = result }
    }
  }
  return results.withLock { $0.compactMap { $0 } }
}

/// The processors this run may use (both cores of the usual office PC).
let defaultWorkerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
