/// Keeps backslash-escaped `~`, `[` and `]` recognisable after cmark has parsed them.
///
/// cmark turns `\~` into a plain `~` in its text nodes, where the extension layer could no
/// longer tell it from a `~` that opens a strikethrough (or `\[` from the `[` of a footnote
/// reference or a task box). Before parsing, each such escape is replaced by a marker of the
/// same length (two bytes, so every source position stays right) that cmark treats as the
/// punctuation it replaces: a rare Armenian punctuation mark. Code and HTML get `\~` back as
/// they are built; text keeps the marker until the last step of the layer turns it into `~`.
/// A source that already holds one of the markers is left as it is (escapes then count as
/// plain characters).
enum EscapeMarkers {
    static let lead: UInt8 = 0xD5
    /// The second byte of the marker for each escaped character.
    static let tilde: UInt8 = 0x9C, openBracket: UInt8 = 0x9D, closeBracket: UInt8 = 0x9E

    /// `bytes` with the escapes replaced, or nil when there is none (or a marker is already there).
    static func mark(_ bytes: [UInt8]) -> [UInt8]? {
        var found = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == lead, index + 1 < count, (tilde...closeBracket).contains(bytes[index + 1]) { return nil }
            if byte == UInt8(ascii: "\\"), index + 1 < count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "~") || next == UInt8(ascii: "[") || next == UInt8(ascii: "]") { found = true }
                index += Bytes.isASCIIPunctuation(next) ? 2 : 1
                continue
            }
            index += 1
        }
        guard found else { return nil }
        var marked = bytes
        index = 0
        while index < count {
            if marked[index] == UInt8(ascii: "\\"), index + 1 < count {
                let next = marked[index + 1]
                if let second = secondByte(for: next) {
                    marked[index] = lead
                    marked[index + 1] = second
                }
                index += Bytes.isASCIIPunctuation(next) ? 2 : 1
                continue
            }
            index += 1
        }
        return marked
    }

    /// `text` with each marker turned back into its character, with the backslash in front of
    /// it when `keepingBackslash` (code and raw HTML, where cmark keeps escapes as written).
    static func restore(_ text: String, keepingBackslash: Bool) -> String {
        guard text.utf8.contains(lead) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == lead, let next = bytes.first, let character = character(for: next) {
                bytes.removeFirst()
                if keepingBackslash { out.append(UInt8(ascii: "\\")) }
                out.append(character)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func secondByte(for character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "~"): return tilde
        case UInt8(ascii: "["): return openBracket
        case UInt8(ascii: "]"): return closeBracket
        default: return nil
        }
    }

    private static func character(for second: UInt8) -> UInt8? {
        switch second {
        case tilde: return UInt8(ascii: "~")
        case openBracket: return UInt8(ascii: "[")
        case closeBracket: return UInt8(ascii: "]")
        default: return nil
        }
    }
}
