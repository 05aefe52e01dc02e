// The only place that imports zlib. `XLSXVerifier` inflates and checksums every zip part
// through `Zlib.Inflater` and `Zlib.crc32`; no zlib pointer or type leaves this file, and
// what callers see of the output is a `Span` (a bounds-checked view) of the inflater's window.
internal import CLibZ

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
  /// `expectedSize` bytes. (The whole output in one array: for tests and small parts;
  /// `Inflater` streams.)
  static func inflateRaw(_ compressed: ArraySlice<UInt8>, expectedSize: Int)
    throws(XLSXError) -> [UInt8]
  {
    let inflater = try Inflater(windowSize: 64 * 1024)
    var output: [UInt8] = []
    _ = try inflater.inflate(compressed.span, expectedSize: expectedSize, overlap: 0) {
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
  /// Not `Sendable`: one verification uses it on one thread.
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

    /// Inflates one raw DEFLATE stream and returns the CRC-32 of its output, handing the output
    /// to `body` one window at a time: each window starts with the last `overlap` bytes of the
    /// window before (none for the first), so that a pattern of up to `overlap` bytes is whole
    /// in some window wherever it falls; `isLast` marks the window that ends the output.
    ///
    /// Throws `XLSXError.verificationFailed` if the stream is damaged, ends before its final
    /// block, is followed by extra bytes, or does not decompress to exactly `expectedSize`
    /// bytes; an error thrown by `body` stops inflating and is rethrown.
    func inflate(
      _ compressed: Span<UInt8>, expectedSize: Int, overlap: Int,
      _ body: (_ window: Span<UInt8>, _ isLast: Bool) throws(XLSXError) -> Void
    ) throws(XLSXError) -> UInt32 {
      guard expectedSize >= 0, expectedSize / Zlib.maximumRatio <= compressed.count else {
        throw .verificationFailed(
          reason:
            "\(compressed.count) compressed bytes cannot hold the \(expectedSize) bytes recorded")
      }
      let overlap = max(0, min(overlap, window.count / 4))
      guard inflateReset(stream) == Z_OK else {
        throw .verificationFailed(reason: "zlib cannot restart inflating")
      }
      var crc: uLong = 0
      var produced = 0
      var consumed = 0
      var kept = 0  // bytes carried over at the start of the window
      let outcome: Outcome = compressed.withUnsafeBufferPointer { input in
        while true {
          let step = fill(input: input, consumed: &consumed, from: kept)
          let fresh = step.filled - kept
          crc = crc32_z(crc, window.baseAddress.map { $0 + kept }, fresh)
          produced += fresh
          if produced > expectedSize { return .tooLong }
          switch step.status {
          case .finished, .more: break
          case .endsEarly: return .endsEarly
          case .failed(let reason): return .failed(reason)
          }
          let isLast: Bool
          if case .finished = step.status { isLast = true } else { isLast = false }
          if isLast || step.filled == window.count {
            let view = Span(_unsafeElements: UnsafeBufferPointer(rebasing: window[..<step.filled]))
            do throws(XLSXError) {
              try body(view, isLast)
            } catch {
              return .rejected(error)
            }
          }
          if isLast { return .finished(unusedInput: input.count - consumed) }
          if step.filled == window.count {
            // Carry the window's tail to its start (the regions cannot overlap: the tail is
            // at most a quarter of the window).
            if let base = window.baseAddress, overlap > 0 {
              base.update(from: base + (step.filled - overlap), count: overlap)
            }
            kept = overlap
          } else {
            kept = step.filled
          }
        }
      }
      switch outcome {
      case .finished(let unusedInput) where unusedInput > 0:
        throw .verificationFailed(
          reason: "\(unusedInput) bytes follow the end of the compressed data")
      case .finished:
        guard produced == expectedSize else {
          throw .verificationFailed(
            reason: "decompresses to \(produced) bytes, the directory says \(expectedSize)")
        }
        return UInt32(truncatingIfNeeded: crc)
      case .tooLong:
        throw .verificationFailed(
          reason: "decompresses to more than the \(expectedSize) bytes the directory says")
      case .endsEarly:
        throw .verificationFailed(
          reason: "the compressed data ends early (after \(produced) of \(expectedSize) bytes)")
      case .failed(let reason):
        throw .verificationFailed(reason: "the compressed data is damaged (zlib: \(reason))")
      case .rejected(let error):
        throw error
      }
    }

    /// How one stream ended.
    private enum Outcome {
      /// The final block was decoded; `unusedInput` compressed bytes were left over.
      case finished(unusedInput: Int)
      /// More bytes came out than the directory records.
      case tooLong
      /// The input ran out before the final block.
      case endsEarly
      /// zlib refused the data, with its message.
      case failed(String)
      /// `body` refused the content.
      case rejected(XLSXError)
    }

    /// How one fill of the window ended.
    private enum FillStatus {
      case finished, more, endsEarly
      case failed(String)
    }

    /// Inflates into the window from `start` until the window is full, the stream ends, the
    /// input runs out or zlib fails; returns how far the window is filled.
    private func fill(input: UnsafeBufferPointer<UInt8>, consumed: inout Int, from start: Int)
      -> (filled: Int, status: FillStatus)
    {
      let piece = Int(UInt32.max)
      var filled = start
      while filled < window.count {
        let inputPiece = min(input.count - consumed, piece)
        let outputPiece = min(window.count - filled, piece)
        // zlib declares `next_in` without `const` (unless ZLIB_CONST) but never writes to it.
        stream.pointee.next_in = input.baseAddress.map {
          UnsafeMutablePointer(mutating: $0 + consumed)
        }
        stream.pointee.avail_in = uInt(inputPiece)
        stream.pointee.next_out = window.baseAddress.map { $0 + filled }
        stream.pointee.avail_out = uInt(outputPiece)
        let status = CLibZ.inflate(stream, Z_NO_FLUSH)
        consumed += inputPiece - Int(stream.pointee.avail_in)
        filled += outputPiece - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
          return (filled, .finished)
        case Z_OK:
          continue
        case Z_BUF_ERROR:
          // No progress was possible with room in the window: the input has run out.
          return (filled, .endsEarly)
        default:
          return (filled, .failed(Zlib.message(status, stream.pointee.msg)))
        }
      }
      return (filled, .more)
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
