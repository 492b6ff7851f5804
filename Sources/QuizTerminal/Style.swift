/// ANSI styling for the quiz's own text (the content's markdown is styled by TerminalRenderer).
/// With colour off every function returns its text untouched.
struct Style: Sendable {
    var color: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    /// Puts every attribute back to normal: printed on every way out when colour is on.
    var reset: String { color ? "\u{1B}[0m" : "" }

    private func wrap(_ text: String, _ code: String) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
