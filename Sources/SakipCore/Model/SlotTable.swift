/// Places in a list found by a hash of what is there: open addressing with linear probing over
/// four-byte slots. It holds no keys of its own: whoever asks says what a place's hash is and
/// whether the place matches, from the list it indexes. A place is below `UInt32.max`.
///
/// Beside each slot, a byte of its place's hash: most places that are not the one sought are
/// passed over without asking whether they match.
struct SlotTable: Sendable {
  private var slots: [UInt32] = []
  private var tags: [UInt8] = []
  private(set) var count = 0

  private static let empty = UInt32.max

  init() {}

  /// A table with room for `expectedCount` places before it must grow.
  init(expectedCount: Int) {
    if expectedCount > 0 {
      slots = Array(repeating: Self.empty, count: Self.size(for: expectedCount))
      tags = Array(repeating: 0, count: slots.count)
    }
  }

  /// The place inserted with `hash` for which `matches` holds; `nil` when none.
  @inline(__always)
  func find(hash: Int, _ matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let tag = Self.tag(hash)
    var slot = home(hash)
    while true {
      let place = slots[slot]
      if place == Self.empty { return nil }
      if tags[slot] == tag, matches(Int(place)) { return Int(place) }
      slot += 1
      if slot == slots.count { slot = 0 }
    }
  }

  /// Adds `place`, whose hash is `hash` and whose key no place there has yet (the caller found
  /// none). `hashOf` gives the hash of a place already held, to spread them again when the
  /// table grows.
  mutating func insert(_ place: Int, hash: Int, hashOf: (Int) -> Int) {
    precondition(place < Int(Self.empty), "more places than four bytes can number")
    // At most three quarters full: a hit takes about two probes, a miss about eight.
    if (count + 1) * 4 > slots.count * 3 + 2 { spread(over: max(16, slots.count * 2), hashOf) }
    put(UInt32(place), hash: hash)
    count += 1
  }

  /// Lets go of the room kept for more places: three quarters full, no more room than that.
  mutating func shrinkToFit(_ hashOf: (Int) -> Int) {
    let size = Self.size(for: count)
    if slots.count > size + size / 16 { spread(over: size, hashOf) }
  }

  /// Slots for `count` places, three quarters full.
  private static func size(for count: Int) -> Int { max(16, (count * 4 + 2) / 3) }

  /// The byte of `hash` kept beside its slot: its low bits, as the slot comes from its high bits.
  @inline(__always)
  private static func tag(_ hash: Int) -> UInt8 { UInt8(truncatingIfNeeded: hash) }

  /// The slot where a search for `hash` starts: `hash` scaled to the table's size.
  @inline(__always)
  private func home(_ hash: Int) -> Int {
    Int(UInt64(UInt(bitPattern: hash)).multipliedFullWidth(by: UInt64(slots.count)).high)
  }

  private mutating func put(_ place: UInt32, hash: Int) {
    var slot = home(hash)
    while slots[slot] != Self.empty {
      slot += 1
      if slot == slots.count { slot = 0 }
    }
    slots[slot] = place
    tags[slot] = Self.tag(hash)
  }

  private mutating func spread(over size: Int, _ hashOf: (Int) -> Int) {
    let old = slots
    slots = Array(repeating: Self.empty, count: size)
    tags = Array(repeating: 0, count: size)
    for place in old where place != Self.empty { put(place, hash: hashOf(Int(place))) }
  }
}
