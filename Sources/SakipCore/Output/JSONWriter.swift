/// JSON text as UTF-8 bytes in a growing buffer: the one layout every JSON output of sakip
/// follows (SPEC §8.1). Two-space indent, one member or element per line, arrays of scalars on
/// one line (`[1, 2.5]`), `[]` and `{}` when empty. `JSONValue.rendered()` and the streamed
/// recap both write through it, so they give the same bytes for the same content.
public struct JSONWriter: Sendable {
  /// What is written since the start or the last `removeAll()`.
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Empties the buffer, keeping its memory, after its bytes went to a file.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes `value` as it stands at nesting depth `depth` (its members are indented one level
  /// deeper, its closing bracket at `depth`).
  public mutating func write(_ value: JSONValue, depth: Int = 0) {
    switch value {
    case .null: ascii("null")
    case .bool(let b): b ? ascii("true") : ascii("false")
    case .finite(let d): number(d)
    case .string(let s): string(s)
    case .array(let items):
      if items.isEmpty { ascii("[]"); return }
      if items.allSatisfy(\.isScalar) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
          if i > 0 { ascii(", ") }
          write(item, depth: depth)
        }
        bytes.append(UInt8(ascii: "]"))
        return
      }
      for (i, item) in items.enumerated() {
        openElement(first: i == 0, depth: depth)
        write(item, depth: depth + 1)
      }
      close(UInt8(ascii: "]"), depth: depth)
    case .object(let members):
      writeObject(members, depth: depth)
    }
  }

  /// Writes `{…}` with `members`, as `write(.object(members), depth:)` does.
  mutating func writeObject(_ members: JSONValue.Members, depth: Int) {
    if members.isEmpty { ascii("{}"); return }
    for (i, (key, value)) in members.enumerated() {
      openMember(key, first: i == 0, depth: depth)
      write(value, depth: depth + 1)
    }
    close(UInt8(ascii: "}"), depth: depth)
  }

  // MARK: Streaming

  /// A member of a document written by `writeDocument`: a value given whole, or an array of
  /// objects made one at a time as it is written, so a long list never stands whole in memory.
  public enum Member: Sendable {
    case value(JSONValue)
    case objects(count: Int, element: @Sendable (Int) -> JSONValue.Members)

    /// The member as one value, every element made.
    public var value: JSONValue {
      switch self {
      case .value(let value): value
      case .objects(let count, let element): .array((0..<count).map { .object(element($0)) })
      }
    }
  }

  /// Writes the document `{…}` of `members` with its final newline, the same bytes as
  /// `JSONValue.object(members.map { ($0, $1.value) }).rendered()`. `drain` runs after every
  /// element made by an `.objects` member and at the end, to move the buffer to a file.
  public mutating func writeDocument<E: Error>(
    _ members: [(String, Member)], drain: (inout JSONWriter) throws(E) -> Void
  ) throws(E) {
    if members.isEmpty {
      ascii("{}")
    } else {
      for (i, (key, member)) in members.enumerated() {
        openMember(key, first: i == 0, depth: 0)
        switch member {
        case .value(let value):
          write(value, depth: 1)
        case .objects(let count, let element):
          if count == 0 { ascii("[]"); continue }
          for index in 0..<count {
            openElement(first: index == 0, depth: 1)
            writeObject(element(index), depth: 2)
            try drain(&self)
          }
          close(UInt8(ascii: "]"), depth: 1)
        }
      }
      close(UInt8(ascii: "}"), depth: 0)
    }
    bytes.append(UInt8(ascii: "\n"))
    try drain(&self)
  }

  // MARK: Pieces

  /// `{` and a new line before the first member of an object at `depth`, `,` and a new line
  /// before the others; then the indent, the key and `: `.
  mutating func openMember(_ key: String, first: Bool, depth: Int) {
    ascii(first ? "{\n" : ",\n")
    indent(depth + 1)
    string(key)
    ascii(": ")
  }

  /// `[` or `,`, a new line and the indent before an element of an array laid out one per line.
  mutating func openElement(first: Bool, depth: Int) {
    ascii(first ? "[\n" : ",\n")
    indent(depth + 1)
  }

  /// The new line, indent and bracket that close an object or array at `depth`.
  mutating func close(_ bracket: UInt8, depth: Int) {
    bytes.append(UInt8(ascii: "\n"))
    indent(depth)
    bytes.append(bracket)
  }

  mutating func indent(_ depth: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  mutating func ascii(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Integral values below 10^15 without a fraction (`-0` as `0`); others in Swift's shortest
  /// form that reads back to the same double (`66.66666666666667`, `1e+20`).
  mutating func number(_ d: Double) {
    if d == d.rounded(), abs(d) < 1e15 {
      integer(Int64(d))
    } else {
      bytes.append(contentsOf: d.description.utf8)
    }
  }

  mutating func integer(_ value: Int64) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var rest = value.magnitude
    var digits = 1
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    rest = value.magnitude
    var index = start + digits - 1
    while index >= start {
      bytes[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
      index -= 1
    }
  }

  /// A quoted string: `"`, `\` and the control characters escaped (`\n`, `\r`, `\t`, else
  /// `\u00XX`), everything else, non-ASCII included, copied as its UTF-8 bytes.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for i in utf8.indices {
        let byte = utf8[i]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
        escape(byte)
        start = i + 1
      }
      if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): ascii("\\\"")
    case UInt8(ascii: "\\"): ascii("\\\\")
    case UInt8(ascii: "\n"): ascii("\\n")
    case UInt8(ascii: "\r"): ascii("\\r")
    case UInt8(ascii: "\t"): ascii("\\t")
    default:
      let hex: StaticString = "0123456789abcdef"
      ascii("\\u00")
      hex.withUTF8Buffer { digits in
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0xF)])
      }
    }
  }
}
