import Dispatch
import Synchronization

/// Jobs run on one thread each: the sheet fills of `Workbook.fillConcurrently(_:)`, and
/// `workbook_close` beside the caller's `whileClosing` work in `Workbook.write`.
///
/// The jobs capture classes bound to one thread (sheets, the workbook handle). Handing them to
/// other threads is sound here because no two jobs touch the same one — each fill job its
/// own sheets, with the workbook-wide formats frozen; `workbook_close` the handle, while the
/// other job never sees it — and `run()` returns only after every job has finished.
struct ConcurrentJobs: @unchecked Sendable {
  private let jobs: [() throws -> Void]

  init(_ jobs: [() throws -> Void]) { self.jobs = jobs }

  /// Runs every job and returns what each threw, in job order (nil for a job that succeeded).
  func run() -> [(any Error)?] {
    let errors = Mutex<[(any Error)?]>(Array(repeating: nil, count: jobs.count))
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      do {
        try jobs[index]()
      } catch {
        errors.withLock { $0[index] = error }
      }
    }
    return errors.withLock { $0 }
  }
}
