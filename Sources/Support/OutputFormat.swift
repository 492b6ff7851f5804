/// How a command prints its result: text for people, or JSON (`StableJSON`) for scripts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
}
