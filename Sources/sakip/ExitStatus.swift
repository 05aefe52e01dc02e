/// The exit statuses of SPEC §1.
enum ExitStatus: Int32 {
  case done = 0
  case invalid = 1
  case badUsage = 2
  case outputFailed = 3
}
