// The only place that imports zlib. `XLSXVerifier` inflates and checksums every zip part
// through these two functions; no zlib pointer or type leaves this file.
internal import CLibZ

/// Raw DEFLATE decompression and CRC-32 from Debian's zlib, as `XLSXVerifier` needs them to
/// check every part of a written package.
enum Zlib {
  /// The largest ratio between decompressed and compressed size DEFLATE can reach (a
  /// 258-byte match coded in 2 bits, plus block overhead); a part whose directory record
  /// claims more cannot be sound, and is refused before anything is allocated for it.
  static let maximumRatio = 1032

  /// Returns the bytes a raw DEFLATE stream (as zip stores it: no zlib header or trailer)
  /// decompresses to. Throws `XLSXError.verificationFailed` if the stream is damaged, ends
  /// before its final block, is followed by extra bytes, or does not decompress to exactly
  /// `expectedSize` bytes.
  /// The corresponding C functions are `inflateInit2_` (window bits −15: raw DEFLATE),
  /// `inflate` and `inflateEnd`.
  static func inflateRaw(_ compressed: ArraySlice<UInt8>, expectedSize: Int)
    throws(XLSXError) -> [UInt8]
  {
    guard expectedSize >= 0,
      expectedSize / maximumRatio <= compressed.count
    else {
      throw .verificationFailed(
        reason:
          "\(compressed.count) compressed bytes cannot hold the \(expectedSize) bytes recorded")
    }
    // zlib keeps a pointer back to the stream and refuses calls from another address
    // (`inflateStateCheck`), so the stream lives at one heap address rather than in a Swift
    // variable passed with `&`, whose address the language does not promise to keep.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer {
      stream.deinitialize(count: 1)
      stream.deallocate()
    }
    let initStatus = inflateInit2_(
      stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else {
      throw .verificationFailed(
        reason: "zlib cannot start inflating: \(message(initStatus, stream.pointee.msg))")
    }
    defer { inflateEnd(stream) }

    // One byte of room beyond the expected size, so that a stream holding more is noticed.
    var outcome = InflateOutcome.endsEarly
    let output = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { buffer, count in
      compressed.withUnsafeBufferPointer { input in
        outcome = inflateAll(stream, input: input, output: buffer, produced: &count)
      }
    }
    switch outcome {
    case .finished(let unusedInput) where unusedInput > 0:
      throw .verificationFailed(
        reason: "\(unusedInput) bytes follow the end of the compressed data")
    case .finished:
      guard output.count == expectedSize else {
        throw .verificationFailed(
          reason: "decompresses to \(output.count) bytes, the directory says \(expectedSize)")
      }
      return output
    case .tooLong:
      throw .verificationFailed(
        reason: "decompresses to more than the \(expectedSize) bytes the directory says")
    case .endsEarly:
      throw .verificationFailed(
        reason: "the compressed data ends early (after \(output.count) of \(expectedSize) bytes)")
    case .failed(let reason):
      throw .verificationFailed(reason: "the compressed data is damaged (zlib: \(reason))")
    }
  }

  /// Returns the CRC-32 (IEEE 802.3, as zip records it) of `bytes`.
  /// The corresponding C function is `crc32_z`.
  static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    let crc = bytes.withUnsafeBufferPointer { buffer in
      // An empty buffer may have no base address; zlib returns the initial value for NULL.
      crc32_z(0, buffer.baseAddress, buffer.count)
    }
    // zlib computes in a `uLong` but a CRC-32 never exceeds 32 bits.
    return UInt32(truncatingIfNeeded: crc)
  }

  /// Returns the CRC-32 of `bytes`; see `crc32(_:)` on a slice.
  static func crc32(_ bytes: [UInt8]) -> UInt32 { crc32(bytes[...]) }

  /// How one run of `inflateAll` ended.
  private enum InflateOutcome {
    /// The final block was decoded; `unusedInput` compressed bytes were left over.
    case finished(unusedInput: Int)
    /// The output filled up before the final block (more bytes than expected).
    case tooLong
    /// The input ran out before the final block.
    case endsEarly
    /// zlib refused the data, with its message.
    case failed(String)
  }

  /// Feeds all of `input` to `inflate` into `output`, in pieces `uInt` can count, and sets
  /// `produced` to the number of bytes written. Nothing thrown: the caller turns the outcome
  /// into an error once the output array exists.
  private static func inflateAll(
    _ stream: UnsafeMutablePointer<z_stream>, input: UnsafeBufferPointer<UInt8>,
    output: UnsafeMutableBufferPointer<UInt8>, produced: inout Int
  ) -> InflateOutcome {
    let piece = Int(UInt32.max)
    var consumed = 0
    while true {
      let inputPiece = min(input.count - consumed, piece)
      let outputPiece = min(output.count - produced, piece)
      // zlib declares `next_in` without `const` (unless ZLIB_CONST) but never writes to it.
      stream.pointee.next_in = input.baseAddress.map {
        UnsafeMutablePointer(mutating: $0 + consumed)
      }
      stream.pointee.avail_in = uInt(inputPiece)
      stream.pointee.next_out = output.baseAddress.map { $0 + produced }
      stream.pointee.avail_out = uInt(outputPiece)
      let status = inflate(stream, Z_NO_FLUSH)
      consumed += inputPiece - Int(stream.pointee.avail_in)
      produced += outputPiece - Int(stream.pointee.avail_out)
      switch status {
      case Z_STREAM_END:
        return .finished(unusedInput: input.count - consumed)
      case Z_OK:
        // Progress was made; go on unless the room for one byte too many is used.
        if produced == output.count { return .tooLong }
      case Z_BUF_ERROR:
        // No progress was possible: the output is full or the input has run out.
        return produced == output.count ? .tooLong : .endsEarly
      default:
        return .failed(message(status, stream.pointee.msg))
      }
    }
  }

  /// zlib's own message for a failed call, or the status code's name.
  private static func message(_ status: Int32, _ text: UnsafeMutablePointer<CChar>?) -> String {
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
