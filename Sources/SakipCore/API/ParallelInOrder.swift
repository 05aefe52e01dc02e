import Dispatch
import Synchronization

/// Runs `body` for every index in `0..<count` on up to `workers` threads at once and folds the
/// results into `initial` with `fold`, in index order, each as soon as every earlier one is
/// folded in: results are not all held at once, only those that finished ahead of an earlier
/// one wait. `fold` runs under a lock, on whichever thread finished the result it waits for;
/// with one worker (or one item) everything runs on the calling thread.
func parallelFoldInOrder<T: Sendable, State: Sendable>(
  _ initial: consuming State, count: Int, workers: Int = defaultWorkerCount,
  _ body: @Sendable (Int) -> T, into fold: @Sendable (inout State, T) -> Void
) -> State {
  let threads = max(1, min(workers, count))
  if threads == 1 {
    var state = initial
    for i in 0..<count { fold(&state, body(i)) }
    return state
  }
  let folding = Mutex(InOrderFolding<State, T>(state: initial))
  let nextIndex = Atomic<Int>(0)
  DispatchQueue.concurrentPerform(iterations: threads) { _ in
    while true {
      let i = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
      guard i < count else { return }
      let result = body(i)
      folding.withLock { folding in
        folding.waiting[i] = result
        while let ready = folding.waiting.removeValue(forKey: folding.next) {
          fold(&folding.state, ready)
          folding.next += 1
        }
      }
    }
  }
  return folding.withLock { $0.state }
}

/// A fold in index order under way: the state, the results waiting for an earlier one, and the
/// index folded in next.
private struct InOrderFolding<State: Sendable, T: Sendable>: Sendable {
  var state: State
  var waiting: [Int: T] = [:]
  var next = 0
}
