/// The facts of a finding, from which each language's message is made.
public enum FindingMessage: Hashable, Sendable {
  case placeholder(String)
}
