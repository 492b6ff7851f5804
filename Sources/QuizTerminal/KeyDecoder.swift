import Quiz

/// One event from the learner's keyboard.
public enum KeyEvent: Equatable, Sendable {
    case key(Key)
    /// Ctrl-D (or the end of the input).
    case endOfInput
    /// Ctrl-C, SIGTERM or SIGHUP, or the terminal went away.
    case stopped(StopReason)
    /// The process was continued after a stop (Ctrl-Z then `fg`): the screen may have been
    /// drawn over, so the question is shown again.
    case resumed
}

/// Turns the bytes a terminal sends into key events: UTF-8 characters, Enter, Backspace, and
/// the escape sequences of the arrow, Home and End keys (both the `ESC [` and the `ESC O`
/// forms, with or without modifiers). Pure, so every sequence is tested without a terminal.
///
/// A lone ESC may be the Escape key or the start of a sequence: it stays pending until the
/// next byte, or until the reader finds the input quiet and calls `flush()`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// A CR was just decoded: a following LF is the same Enter (CRLF pasted or sent).
    private var afterCarriageReturn = false

    public init() {}

    /// Whether bytes are held back waiting for the rest of a sequence or character.
    public var isPending: Bool { !pending.isEmpty }

    /// Decodes one more byte; returns the events it completes (often none or one).
    public mutating func feed(_ byte: UInt8) -> [KeyEvent] {
        let wasAfterCR = afterCarriageReturn
        afterCarriageReturn = false
        if !pending.isEmpty {
            pending.append(byte)
            return continuePending()
        }
        switch byte {
        case 0x1B:
            pending = [byte]
            return []
        case 0x0D:
            afterCarriageReturn = true
            return [.key(.enter)]
        case 0x0A:
            return wasAfterCR ? [] : [.key(.enter)]
        case 0x7F, 0x08:
            return [.key(.backspace)]
        case 0x03:
            return [.stopped(.interrupt)]
        case 0x04:
            return [.endOfInput]
        case 0x00..<0x20:
            return [.key(.other)]
        case 0x20..<0x7F:
            return [.key(.character(Character(UnicodeScalar(byte))))]
        case 0xC0...0xF7:
            pending = [byte]
            return []
        default:
            return [.key(.other)]  // a stray continuation byte
        }
    }

    /// The input went quiet: whatever is pending is taken as typed. A lone ESC is Escape.
    public mutating func flush() -> [KeyEvent] {
        defer { pending = [] }
        if pending == [0x1B] { return [.key(.escape)] }
        return pending.isEmpty ? [] : [.key(.other)]
    }

    private mutating func continuePending() -> [KeyEvent] {
        if pending[0] == 0x1B { return continueEscape() }
        let expected = pending[0] >= 0xF0 ? 4 : pending[0] >= 0xE0 ? 3 : 2
        guard pending.last! & 0xC0 == 0x80 else {
            // Not a continuation byte: the character was broken; start again from this byte.
            let byte = pending.removeLast()
            pending = []
            return [.key(.other)] + feed(byte)
        }
        guard pending.count == expected else { return [] }
        defer { pending = [] }
        guard let text = String(validating: pending, as: UTF8.self), let character = text.first else {
            return [.key(.other)]
        }
        return [.key(.character(character))]
    }

    private mutating func continueEscape() -> [KeyEvent] {
        if pending.count == 2 {
            switch pending[1] {
            case UInt8(ascii: "["), UInt8(ascii: "O"):
                return []
            case 0x1B:
                // ESC ESC: the first was Escape on its own.
                pending = [0x1B]
                return [.key(.escape)]
            default:
                pending = []
                return [.key(.other)]  // Alt and a key
            }
        }
        let last = pending.last!
        // A CSI sequence ends with a byte in 0x40...0x7E; before it come parameters (digits, ';').
        guard (0x40...0x7E).contains(last) else {
            if pending.count > 16 { pending = []; return [.key(.other)] }
            return []
        }
        defer { pending = [] }
        let parameters = String(decoding: pending[2..<(pending.count - 1)], as: UTF8.self)
        switch last {
        case UInt8(ascii: "A"): return [.key(.up)]
        case UInt8(ascii: "B"): return [.key(.down)]
        case UInt8(ascii: "H"): return [.key(.home)]
        case UInt8(ascii: "F"): return [.key(.end)]
        case UInt8(ascii: "~"):
            switch parameters.split(separator: ";").first {
            case "1", "7": return [.key(.home)]
            case "4", "8": return [.key(.end)]
            default: return [.key(.other)]
            }
        default:
            return [.key(.other)]
        }
    }
}
