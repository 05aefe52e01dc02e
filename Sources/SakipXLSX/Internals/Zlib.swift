// The only place that imports zlib. `XLSXVerifier` inflates and checksums every zip part
// through `Zlib.Inflater` and `Zlib.crc32`; no zlib pointer or type leaves this file, and
// what callers see of the output is a `Span` (a bounds-checked view) of the inflater's window.
internal import CLibZ
import Foundation

/// Raw DEFLATE decompression and CRC-32 from Debian's zlib, as `XLSXVerifier` needs them to
/// check every part of a written package.
enum Zlib {
  /// The largest ratio between decompressed and compressed size DEFLATE can reach (a
  /// 258-byte match coded in 2 bits, plus block overhead); a part whose directory record
  /// claims more cannot be sound, and is refused before anything is inflated.
  static let maximumRatio = 1032

  /// Returns the bytes a raw DEFLATE stream (as zip stores it: no zlib header or trailer)
  /// decompresses to. Throws `XLSXError.verificationFailed` if the stream is damaged, ends
  /// before its final block, is followed by extra bytes, or does not decompress to exactly
  /// `expectedSize` bytes. (The whole output in one array, for tests; the verifier streams
  /// through `Inflater`.)
  static func inflateRaw(_ compressed: ArraySlice<UInt8>, expectedSize: Int)
    throws(XLSXError) -> [UInt8]
  {
    let inflater = try Inflater(windowSize: 64 * 1024)
    var output: [UInt8] = []
    _ = try inflater.inflate(Data(compressed), expectedSize: expectedSize, overlap: 0) {
      window, _ throws(XLSXError) in
      window.withUnsafeBufferPointer { output.append(contentsOf: $0) }
    }
    return output
  }

  /// Returns the CRC-32 (IEEE 802.3, as zip records it) of `bytes`.
  /// The corresponding C function is `crc32_z`.
  static func crc32(_ bytes: Span<UInt8>) -> UInt32 {
    let crc = bytes.withUnsafeBufferPointer { buffer in
      // An empty buffer may have no base address; zlib returns the initial value for NULL.
      crc32_z(0, buffer.baseAddress, buffer.count)
    }
    // zlib computes in a `uLong` but a CRC-32 never exceeds 32 bits.
    return UInt32(truncatingIfNeeded: crc)
  }

  /// Returns the CRC-32 of `bytes`; see `crc32(_:)` on a span.
  static func crc32(_ bytes: [UInt8]) -> UInt32 { crc32(bytes.span) }

  /// Inflates raw DEFLATE streams one after another through one fixed output window, so that
  /// checking a part of hundreds of megabytes needs the window, not the part, in memory.
  /// The corresponding C functions are `inflateInit2_` (window bits −15: raw DEFLATE),
  /// `inflateReset`, `inflate`, `inflateEnd` and `crc32_z`.
  ///
  /// Not `Sendable`: each verifying thread has its own.
  final class Inflater {
    /// zlib keeps a pointer back to the stream and refuses calls from another address
    /// (`inflateStateCheck`), so the stream lives at one heap address rather than in a
    /// Swift variable passed with `&`, whose address the language does not promise to keep.
    private let stream: UnsafeMutablePointer<z_stream>
    private let window: UnsafeMutableBufferPointer<UInt8>

    /// Starts an inflater whose output window holds `windowSize` bytes.
    init(windowSize: Int = 1 << 20) throws(XLSXError) {
      stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      stream.initialize(to: z_stream())
      window = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(windowSize, 4096))
      window.initialize(repeating: 0)
      let status = inflateInit2_(
        stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
      guard status == Z_OK else {
        let reason = Zlib.message(status, stream.pointee.msg)
        window.deallocate()
        stream.deinitialize(count: 1)
        stream.deallocate()
        throw .verificationFailed(reason: "zlib cannot start inflating: \(reason)")
      }
    }

    deinit {
      inflateEnd(stream)
      window.deallocate()
      stream.deinitialize(count: 1)
      stream.deallocate()
    }

    /// Inflates one raw DEFLATE stream of `compressedSize` bytes and returns the CRC-32 of its
    /// output. The input is asked of `read` piece by piece (`read(offset, count)` returns the
    /// `count` bytes at `offset` in the stream, in order, at most `inputPiece` at a time), so a
    /// file need not be in memory. The output goes to `body` one window at a time: each window
    /// starts with the last `overlap` bytes of the window before (none for the first), so that a
    /// pattern of up to `overlap` bytes is whole in some window wherever it falls; `isLast`
    /// marks the window that ends the output.
    ///
    /// Throws `XLSXError.verificationFailed` if the stream is damaged, ends before its final
    /// block, is followed by extra bytes, or does not decompress to exactly `expectedSize`
    /// bytes; an error thrown by `read` or `body` stops inflating and is rethrown.
    func inflate(
      compressedSize: Int, expectedSize: Int, overlap: Int, inputPiece: Int = 1 << 20,
      read: (_ offset: Int, _ count: Int) throws(XLSXError) -> Data,
      _ body: (_ window: Span<UInt8>, _ isLast: Bool) throws(XLSXError) -> Void
    ) throws(XLSXError) -> UInt32 {
      guard compressedSize >= 0, expectedSize >= 0,
        expectedSize / Zlib.maximumRatio <= compressedSize
      else {
        throw .verificationFailed(
          reason:
            "\(compressedSize) compressed bytes cannot hold the \(expectedSize) bytes recorded")
      }
      let overlap = max(0, min(overlap, window.count / 4))
      guard inflateReset(stream) == Z_OK else {
        throw .verificationFailed(reason: "zlib cannot restart inflating")
      }
      var progress = Progress()
      var outcome: Outcome?
      while outcome == nil {
        let offset = progress.consumed
        let count = min(max(1, inputPiece), compressedSize - offset)
        let piece = count > 0 ? try read(offset, count) : Data()
        guard piece.count == count else {
          throw .verificationFailed(
            reason: "the compressed data cannot be read (\(piece.count) of \(count) bytes)")
        }
        outcome = piece.withUnsafeBytes { raw in
          feed(
            raw.bindMemory(to: UInt8.self), isFinalPiece: offset + count == compressedSize,
            expectedSize: expectedSize, overlap: overlap, progress: &progress, body)
        }
      }
      switch outcome {
      case .finished?:
        let unused = compressedSize - progress.consumed
        guard unused == 0 else {
          throw .verificationFailed(reason: "\(unused) bytes follow the end of the compressed data")
        }
        guard progress.produced == expectedSize else {
          throw .verificationFailed(
            reason: "decompresses to \(progress.produced) bytes, the directory says \(expectedSize)")
        }
        return UInt32(truncatingIfNeeded: progress.crc)
      case .tooLong?:
        throw .verificationFailed(
          reason: "decompresses to more than the \(expectedSize) bytes the directory says")
      case .endsEarly?, nil:
        throw .verificationFailed(
          reason:
            "the compressed data ends early (after \(progress.produced) of \(expectedSize) bytes)")
      case .failed(let reason)?:
        throw .verificationFailed(reason: "the compressed data is damaged (zlib: \(reason))")
      case .rejected(let error)?:
        throw error
      }
    }

    /// Inflates a stream held whole in `compressed`; see `inflate(compressedSize:…)`.
    func inflate(
      _ compressed: Data, expectedSize: Int, overlap: Int, inputPiece: Int = 1 << 20,
      _ body: (_ window: Span<UInt8>, _ isLast: Bool) throws(XLSXError) -> Void
    ) throws(XLSXError) -> UInt32 {
      let start = compressed.startIndex
      return try inflate(
        compressedSize: compressed.count, expectedSize: expectedSize, overlap: overlap,
        inputPiece: inputPiece, read: { offset, count in
          compressed[(start + offset)..<(start + offset + count)]
        }, body)
    }

    /// Where a stream stands between pieces of input.
    private struct Progress {
      /// Input bytes zlib has taken.
      var consumed = 0
      /// Output bytes made so far.
      var produced = 0
      /// Bytes at the start of the window: carried over, or made and not yet handed on.
      var filled = 0
      /// Whether the window has been handed to `body` (the next one starts with the overlap).
      var handedOn = false
      var crc: uLong = 0
    }

    /// Inflates all of `input` (and, for the final piece, whatever zlib still holds), handing
    /// each full window to `body`; returns how the stream ended, or nil when it needs more
    /// input.
    private func feed(
      _ input: UnsafeBufferPointer<UInt8>, isFinalPiece: Bool, expectedSize: Int, overlap: Int,
      progress: inout Progress,
      _ body: (_ window: Span<UInt8>, _ isLast: Bool) throws(XLSXError) -> Void
    ) -> Outcome? {
      let limit = Int(UInt32.max)
      var taken = 0
      while true {
        let inputCount = min(input.count - taken, limit)
        let room = min(window.count - progress.filled, limit)
        // zlib declares `next_in` without `const` (unless ZLIB_CONST) but never writes to it.
        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + taken) }
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = window.baseAddress.map { $0 + progress.filled }
        stream.pointee.avail_out = uInt(room)
        let status = CLibZ.inflate(stream, Z_NO_FLUSH)
        let used = inputCount - Int(stream.pointee.avail_in)
        let made = room - Int(stream.pointee.avail_out)
        taken += used
        progress.consumed += used
        progress.crc = crc32_z(progress.crc, window.baseAddress.map { $0 + progress.filled }, made)
        progress.filled += made
        progress.produced += made
        if progress.produced > expectedSize { return .tooLong }
        let ended = status == Z_STREAM_END
        switch status {
        case Z_STREAM_END, Z_OK, Z_BUF_ERROR: break
        default: return .failed(Zlib.message(status, stream.pointee.msg))
        }
        if ended || progress.filled == window.count {
          let view = Span(_unsafeElements: UnsafeBufferPointer(rebasing: window[..<progress.filled]))
          do throws(XLSXError) {
            try body(view, ended)
          } catch {
            return .rejected(error)
          }
          if ended { return .finished }
          // Carry the window's tail to its start (the regions cannot overlap: the tail is at
          // most a quarter of the window).
          if let base = window.baseAddress, overlap > 0 {
            base.update(from: base + (progress.filled - overlap), count: overlap)
          }
          progress.filled = overlap
          continue
        }
        if status == Z_BUF_ERROR || (made == 0 && used == 0) {
          // No progress with room in the window: zlib needs input.
          guard taken == input.count, !isFinalPiece else { return .endsEarly }
          return nil
        }
      }
    }

    /// How one stream ended.
    private enum Outcome {
      /// The final block was decoded.
      case finished
      /// More bytes came out than the directory records.
      case tooLong
      /// The input ran out before the final block.
      case endsEarly
      /// zlib refused the data, with its message.
      case failed(String)
      /// `body` refused the content.
      case rejected(XLSXError)
    }

  }

  /// zlib's own message for a failed call, or the status code's name.
  fileprivate static func message(_ status: Int32, _ text: UnsafeMutablePointer<CChar>?) -> String {
    if let text { return String(cString: text) }
    switch status {
    case Z_DATA_ERROR: return "invalid data"
    case Z_MEM_ERROR: return "out of memory"
    case Z_STREAM_ERROR: return "inconsistent stream"
    case Z_VERSION_ERROR: return "incompatible zlib version"
    case Z_NEED_DICT: return "a preset dictionary is needed"
    default: return "status \(status)"
    }
  }
}
