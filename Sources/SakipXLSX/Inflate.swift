/// A small raw-DEFLATE decoder (RFC 1951), after Mark Adler's `puff.c`, so `XLSXVerifier`
/// can check each zip entry's CRC-32 and content without linking zlib directly.
struct Inflate {
  enum Failure: Error { case damaged(String) }

  private struct Huffman {
    var count = [Int](repeating: 0, count: 16)
    var symbol: [Int]

    /// Builds a canonical code from code lengths; incomplete codes are allowed (as in puff),
    /// over-subscribed ones are not.
    init(lengths: ArraySlice<Int>) throws {
      symbol = [Int](repeating: 0, count: lengths.count)
      for length in lengths { count[length] += 1 }
      var left = 1
      for length in 1..<16 {
        left <<= 1
        left -= count[length]
        if left < 0 { throw Failure.damaged("over-subscribed Huffman code") }
      }
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + count[length] }
      for (index, length) in zip(lengths.indices, lengths) where length != 0 {
        symbol[offsets[length]] = index - lengths.startIndex
        offsets[length] += 1
      }
    }
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  private let input: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var bitBuffer = 0
  private var bitCount = 0
  private var output: [UInt8] = []

  private init(input: UnsafeBufferPointer<UInt8>, expectedSize: Int) {
    self.input = input
    output.reserveCapacity(expectedSize)
  }

  /// Decodes a raw DEFLATE stream; throws if it is damaged or ends early.
  static func decode(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) throws -> [UInt8] {
    var inflater = Inflate(input: input, expectedSize: expectedSize)
    var isLast = false
    while !isLast {
      isLast = try inflater.bits(1) == 1
      switch try inflater.bits(2) {
      case 0: try inflater.stored()
      case 1: try inflater.fixed()
      case 2: try inflater.dynamic()
      default: throw Failure.damaged("invalid block type")
      }
    }
    return inflater.output
  }

  private mutating func bits(_ need: Int) throws -> Int {
    var value = bitBuffer
    while bitCount < need {
      guard position < input.count else { throw Failure.damaged("data ends early") }
      value |= Int(input[position]) << bitCount
      position += 1
      bitCount += 8
    }
    bitBuffer = value >> need
    bitCount -= need
    return value & ((1 << need) - 1)
  }

  private mutating func stored() throws {
    bitBuffer = 0
    bitCount = 0
    guard position + 4 <= input.count else { throw Failure.damaged("data ends early") }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
    position += 4
    guard length == (~complement & 0xFFFF) else { throw Failure.damaged("stored length") }
    guard position + length <= input.count else { throw Failure.damaged("data ends early") }
    output.append(contentsOf: input[position..<(position + length)])
    position += length
  }

  private mutating func decode(_ h: Huffman) throws -> Int {
    var code = 0
    var first = 0
    var index = 0
    for length in 1..<16 {
      code |= try bits(1)
      let count = h.count[length]
      if code - count < first { return h.symbol[index + (code - first)] }
      index += count
      first += count
      first <<= 1
      code <<= 1
    }
    throw Failure.damaged("invalid Huffman code")
  }

  private mutating func codes(_ lengthCode: Huffman, _ distanceCode: Huffman) throws {
    while true {
      var symbol = try decode(lengthCode)
      if symbol < 256 {
        output.append(UInt8(symbol))
        continue
      }
      if symbol == 256 { return }
      symbol -= 257
      guard symbol < 29 else { throw Failure.damaged("invalid length symbol") }
      let length = Self.lengthBase[symbol] + (try bits(Self.lengthExtra[symbol]))
      let distanceSymbol = try decode(distanceCode)
      guard distanceSymbol < 30 else { throw Failure.damaged("invalid distance symbol") }
      let distance =
        Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
      guard distance <= output.count else { throw Failure.damaged("distance too far back") }
      let start = output.count - distance
      for offset in 0..<length { output.append(output[start + offset]) }
    }
  }

  private mutating func fixed() throws {
    var lengths = [Int](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    let lengthCode = try Huffman(lengths: lengths[...])
    let distanceCode = try Huffman(lengths: [Int](repeating: 5, count: 30)[...])
    try codes(lengthCode, distanceCode)
  }

  private mutating func dynamic() throws {
    let lengthCount = try bits(5) + 257
    let distanceCount = try bits(5) + 1
    let codeCount = try bits(4) + 4
    guard lengthCount <= 286, distanceCount <= 30 else { throw Failure.damaged("bad counts") }
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var lengths = [Int](repeating: 0, count: 320)
    for index in 0..<codeCount { lengths[order[index]] = try bits(3) }
    let lengthLengthCode = try Huffman(lengths: lengths[0..<19])
    var index = 0
    while index < lengthCount + distanceCount {
      var symbol = try decode(lengthLengthCode)
      if symbol < 16 {
        lengths[index] = symbol
        index += 1
        continue
      }
      var repeatedLength = 0
      if symbol == 16 {
        guard index > 0 else { throw Failure.damaged("repeat with no first length") }
        repeatedLength = lengths[index - 1]
        symbol = 3 + (try bits(2))
      } else if symbol == 17 {
        symbol = 3 + (try bits(3))
      } else {
        symbol = 11 + (try bits(7))
      }
      guard index + symbol <= lengthCount + distanceCount else {
        throw Failure.damaged("too many lengths")
      }
      for _ in 0..<symbol {
        lengths[index] = repeatedLength
        index += 1
      }
    }
    guard lengths[256] != 0 else { throw Failure.damaged("no end-of-block code") }
    let lengthCode = try Huffman(lengths: lengths[0..<lengthCount])
    let distanceCode = try Huffman(
      lengths: lengths[lengthCount..<(lengthCount + distanceCount)])
    try codes(lengthCode, distanceCode)
  }
}
