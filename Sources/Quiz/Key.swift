/// A key the learner pressed, as the quiz understands it. The terminal front end decodes its
/// bytes (escape sequences for the arrows, UTF-8 for characters) into these.
public enum Key: Equatable, Sendable {
    /// A printable character: a letter, a digit, `?`, a space.
    case character(Character)
    case up
    case down
    case home
    case end
    case enter
    case backspace
    case escape
    /// A key the quiz gives no meaning (function keys, left and right, …).
    case other
}
