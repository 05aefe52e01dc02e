import Dispatch
import Synchronization

/// Jobs that `Workbook.fillConcurrently(_:)` runs on one thread each.
///
/// The jobs capture sheets, which are classes bound to one thread. Handing them to other
/// threads is sound here because each job alone touches its sheets, the workbook-wide state
/// they read (formats and their numbers) is frozen while they run, and `run()` returns only
/// after every job has finished.
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
