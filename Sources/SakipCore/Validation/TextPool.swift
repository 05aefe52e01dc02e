/// Every distinct text merged — free texts and qualitative realisations — kept once, as UTF-8 in
/// one buffer, and named by its number.
///
/// Forms repeat their texts ("Tidak ada kendala") on many rows, so each is kept once. Finding a
/// text already kept goes through a table of 4-byte slots, at most three quarters full, that
/// points into the buffer: 5 to 11 bytes per distinct text. A `[String: UInt32]` would hold a
/// second copy of every text (its own allocation above 15 bytes) and cost more than the texts
/// themselves when every row writes its own, as *bukti dukung* references do.
struct TextPool: Sendable {
  /// The texts' UTF-8, one after another.
  private var bytes: [UInt8] = []
  /// Where each text ends in `bytes`; a text starts where the one before it ends.
  private var ends: [Int] = []
  /// Open addressing by the hash of a text's bytes: 0 is a free slot, `n` is text `n - 1`. Its
  /// count is a power of two.
  private var slots: [UInt32] = Array(repeating: 0, count: 16)

  /// How many distinct texts are kept.
  var count: Int { ends.count }

  /// The number of `text`, adding it when new.
  mutating func number(of text: String) -> UInt32 {
    let utf8 = text.utf8
    if let found = lookUp(utf8) { return found }
    // Four billion distinct texts would not fit in memory first: each costs at least 12 bytes.
    precondition(ends.count < Int(UInt32.max), "more distinct texts than a text pool can number")
    let number = UInt32(ends.count)
    bytes.append(contentsOf: utf8)
    ends.append(bytes.count)
    if ends.count * 4 > slots.count * 3 {
      rehash(into: slots.count * 2)
    } else {
      place(number)
    }
    return number
  }

  /// The text numbered `number`.
  subscript(number: UInt32) -> String {
    String(decoding: bytes(of: Int(number)), as: UTF8.self)
  }

  private func bytes(of index: Int) -> ArraySlice<UInt8> {
    bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  private func lookUp(_ utf8: String.UTF8View) -> UInt32? {
    let mask = slots.count - 1
    var slot = Self.hash(utf8) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot] - 1)
      let kept = bytes(of: index)
      if kept.count == utf8.count, kept.elementsEqual(utf8) { return UInt32(index) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Puts text `number` in the first free slot from its hash.
  private mutating func place(_ number: UInt32) {
    let mask = slots.count - 1
    var slot = Self.hash(bytes(of: Int(number))) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = number + 1
  }

  private mutating func rehash(into count: Int) {
    slots = Array(repeating: 0, count: count)
    for number in 0..<ends.count { place(UInt32(number)) }
  }

  /// FNV-1a over the bytes, mixed so the low bits, which pick the slot, depend on all of them.
  private static func hash(_ utf8: some Sequence<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    hash ^= hash >> 29
    hash = hash &* 0xbf58_476d_1ce4_e5b9
    hash ^= hash >> 32
    return Int(truncatingIfNeeded: hash)
  }
}
