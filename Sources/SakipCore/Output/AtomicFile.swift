import Foundation

/// Writes a file the way SPEC §1 asks: beside its target, checked, then renamed into place, so
/// no reader ever sees a half-written output and a failed write leaves the old file untouched.
public enum AtomicFile {
  /// A file written and checked beside its target, not yet renamed into place.
  public struct Staged: Sendable {
    public let target: String
    let temporary: String

    /// A place beside `target` for a file that another writer fills (the workbook).
    init(target: String) {
      self.target = target
      self.temporary = AtomicFile.temporaryPath(for: target)
    }

    init(target: String, temporary: String) {
      self.target = target
      self.temporary = temporary
    }

    /// Renames the staged file over its target.
    public func commit() throws(SakipError) {
      if rename(temporary, target) != 0 {
        let reason = String(cString: strerror(errno))
        discard()
        throw .outputFailed(path: target, reason: reason)
      }
    }

    /// Removes the staged file; the target stays as it was.
    public func discard() {
      try? FileManager.default.removeItem(atPath: temporary)
    }
  }

  /// Writes `bytes` beside `path` and reads them back; `commit()` puts them in place.
  public static func stage(_ bytes: [UInt8], to path: String) throws(SakipError) -> Staged {
    let temporary = URL(fileURLWithPath: temporaryPath(for: path))
    do {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw POSIXError(.EISDIR)
      }
      try Data(bytes).write(to: temporary, options: [])
      guard try Data(contentsOf: temporary).count == bytes.count else { throw POSIXError(.EIO) }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .outputFailed(path: path, reason: InputFile.describe(error))
    }
    return Staged(target: path, temporary: temporary.path)
  }

  /// A hidden name beside `path`, unique to this run.
  static func temporaryPath(for path: String) -> String {
    let target = URL(fileURLWithPath: path)
    return target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).sakip-\(UUID().uuidString).tmp").path
  }

  public static func write(_ bytes: [UInt8], to path: String) throws(SakipError) {
    try stage(bytes, to: path).commit()
  }

  public static func write(_ text: String, to path: String) throws(SakipError) {
    try write(Array(text.utf8), to: path)
  }

  /// Makes a folder for outputs, with its parents.
  public static func makeFolder(_ path: String) throws(SakipError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .outputFailed(path: path, reason: InputFile.describe(error))
    }
  }
}
