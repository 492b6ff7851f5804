/// ANSI styling (SGR) for text lectern prints on a terminal: the quiz's own text, rendered
/// markdown and grading reports all paint through this one type. With colour off every
/// function returns its text untouched.
public struct TerminalStyle: Sendable {
    /// One display attribute and its SGR code.
    public enum Attribute: String, Sendable, CaseIterable {
        case bold = "1", dim = "2", italic = "3", underline = "4", strike = "9"
        case red = "31", green = "32", yellow = "33", cyan = "36"
    }

    /// Whether escape sequences are written at all (see `TerminalInfo.useColor`).
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// The text with the attributes on, then everything back to normal. Empty text and no
    /// attributes give the text itself.
    public func paint(_ text: String, _ attributes: [Attribute]) -> String {
        guard color, !text.isEmpty, !attributes.isEmpty else { return text }
        return "\u{1B}[" + attributes.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    public func paint(_ text: String, _ attribute: Attribute) -> String { paint(text, [attribute]) }

    public func bold(_ text: String) -> String { paint(text, .bold) }
    public func dim(_ text: String) -> String { paint(text, .dim) }
    public func green(_ text: String) -> String { paint(text, .green) }
    public func red(_ text: String) -> String { paint(text, .red) }
    public func yellow(_ text: String) -> String { paint(text, .yellow) }
    public func cyan(_ text: String) -> String { paint(text, .cyan) }

    /// Puts every attribute back to normal: printed on every way out when colour is on.
    public var reset: String { color ? "\u{1B}[0m" : "" }
}
