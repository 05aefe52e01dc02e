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

  /// The temporary file of a streaming `stage`: every `write` goes straight to disk, so the
  /// caller decides how much to gather before writing (a buffer of about 1 MiB is plenty).
  public struct Writer: Sendable {
    let target: String
    let descriptor: Int32
    /// The bytes written so far.
    public private(set) var count = 0

    /// Writes all of `bytes`; a failure names the target, as every output error does.
    public mutating func write(_ bytes: [UInt8]) throws(SakipError) {
      let failure: Int32? = bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return nil
      }
      if let failure { throw AtomicFile.failure(target, failure) }
      count += bytes.count
    }
  }

  /// Writes beside `path` what `body` hands to its `Writer`, then checks that the file on disk
  /// holds as many bytes as were written; `commit()` puts it in place. On any failure the
  /// temporary file is removed and the target stays as it was.
  public static func stage(
    to path: String, _ body: (inout Writer) throws(SakipError) -> Void
  ) throws(SakipError) -> Staged {
    let temporary = temporaryPath(for: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw failure(path, EISDIR)
    }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(path, errno) }
    var writer = Writer(target: path, descriptor: descriptor)
    var closed = false
    do throws(SakipError) {
      try body(&writer)
      var info = stat()
      guard fstat(descriptor, &info) == 0 else { throw failure(path, errno) }
      closed = true
      guard close(descriptor) == 0 else { throw failure(path, errno) }
      guard Int(info.st_size) == writer.count else { throw failure(path, EIO) }
    } catch {
      if !closed { close(descriptor) }
      unlink(temporary)
      throw error
    }
    return Staged(target: path, temporary: temporary)
  }

  /// The output error for `path` with the system's reason.
  private static func failure(_ path: String, _ code: Int32) -> SakipError {
    .outputFailed(path: path, reason: InputFile.describe(errno: code))
  }

  /// Writes `bytes` beside `path`; `commit()` puts them in place.
  public static func stage(_ bytes: [UInt8], to path: String) throws(SakipError) -> Staged {
    try stage(to: path) { (file: inout Writer) throws(SakipError) in try file.write(bytes) }
  }

  /// A hidden name beside `path`, unique to this run.
  static func temporaryPath(for path: String) -> String {
    let target = URL(fileURLWithPath: path)
    // The start of the name is enough to recognise a leftover; all of it could make the
    // staging name (and libxlsxwriter's names built on it) too long for the file system.
    let name = String(target.lastPathComponent.prefix(40))
    return target.deletingLastPathComponent()
      .appendingPathComponent(".\(name).sakip-\(UUID().uuidString.prefix(8)).tmp").path
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

/// `write(2)`, named apart from `AtomicFile.Writer.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
