/// Places in a list found by a hash of what is there: open addressing with linear probing over
/// four-byte slots. It holds no keys of its own: whoever asks says what a place's hash is and
/// whether the place matches, from the list it indexes. A place is below `UInt32.max`.
struct SlotTable: Sendable {
  private var slots: [UInt32] = []
  private(set) var count = 0

  private static let empty = UInt32.max

  /// The bytes held, for the measurements.
  var byteCount: Int { slots.capacity * MemoryLayout<UInt32>.stride }

  /// The place first inserted with `hash` for which `matches` holds; `nil` when none.
  @inline(__always)
  func find(hash: Int, _ matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var slot = hash & mask
    while true {
      let place = slots[slot]
      if place == Self.empty { return nil }
      if matches(Int(place)) { return Int(place) }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `place`, whose hash is `hash` and whose key no place there has yet (the caller found
  /// none). `hashOf` gives the hash of a place already held, to spread them again when the
  /// table grows.
  mutating func insert(_ place: Int, hash: Int, hashOf: (Int) -> Int) {
    precondition(place < Int(Self.empty), "more places than four bytes can number")
    // At most three quarters full: a hit takes about two probes, a miss about eight.
    if (count + 1) * 4 > slots.count * 3 { grow(hashOf) }
    put(UInt32(place), hash: hash)
    count += 1
  }

  private mutating func put(_ place: UInt32, hash: Int) {
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] != Self.empty { slot = (slot + 1) & mask }
    slots[slot] = place
  }

  private mutating func grow(_ hashOf: (Int) -> Int) {
    let old = slots
    slots = Array(repeating: Self.empty, count: max(16, slots.count * 2))
    for place in old where place != Self.empty { put(place, hash: hashOf(Int(place))) }
  }
}
