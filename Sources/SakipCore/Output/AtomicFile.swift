import Foundation

/// Writes a file the way SPEC §1 asks: beside its target, checked, then renamed into place, so
/// no reader ever sees a half-written output and a failed write leaves the old file untouched.
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String) throws(SakipError) {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).sakip-\(UUID().uuidString).tmp")
    do {
      try Data(bytes).write(to: temporary, options: [])
      let written = try Data(contentsOf: temporary)
      guard written.count == bytes.count else {
        throw CocoaError(.fileWriteUnknown)
      }
      if rename(temporary.path, target.path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .outputFailed(path: path, reason: InputFile.describe(error))
    }
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
