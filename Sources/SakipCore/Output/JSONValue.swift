/// A JSON document with its keys in the order written, so outputs follow SPEC §8.1 exactly and
/// two runs give the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// Always finite: `number(_:)` turns anything else into `null`.
  case finite(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .finite(value)
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// An object's members, keys in the order written.
  public typealias Members = [(String, JSONValue)]

  /// The JSON text, indented by two spaces, with a final newline (`JSONWriter`'s layout).
  public func rendered() -> String {
    var writer = JSONWriter()
    writer.write(self)
    writer.ascii("\n")
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// A number as `rendered()` writes it.
  static func format(_ d: Double) -> String {
    var writer = JSONWriter()
    writer.number(d)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
