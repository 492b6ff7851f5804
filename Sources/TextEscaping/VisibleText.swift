/// Text that lectern did not write (a learner's output and messages, file names, anything read
/// back from a database) made safe to print on a terminal: every control character is shown as
/// a visible escape instead of being obeyed, so such text cannot clear the screen, move the
/// cursor over lectern's own lines, set the window title or write the clipboard (OSC 52).
///
/// Escaped: the C0 controls, DEL and the C1 controls (U+0080–U+009F, which include an 8-bit
/// CSI), as `\xHH` (`\n`, `\r`, `\t` for those three); and the Unicode bidirectional controls
/// and line and paragraph separators, which reorder or break what is shown, as `\uHHHH`. A
/// backslash is left as it is: the escapes are for reading, not for parsing back.
public enum VisibleText {
    /// `text` as one line: line breaks and tabs are escaped too.
    public static func line(_ text: String) -> String {
        escaping(text) { _ in false }
    }

    /// `text` with its line feeds and tabs kept and every other control character escaped.
    /// A carriage return is escaped: it would let a line overwrite the start of itself.
    public static func lines(_ text: String) -> String {
        escaping(text) { $0 == "\n" || $0 == "\t" }
    }

    /// The visible escape of `scalar`, or nil when it prints as itself.
    public static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: break
        }
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) {
            return "\\x" + hex(value, digits: 2)
        }
        if bidirectionalAndSeparators.contains(value) {
            return "\\u" + hex(value, digits: 4)
        }
        return nil
    }

    /// U+061C, U+200E–U+200F, U+2028–U+202E, U+2066–U+2069.
    private static let bidirectionalAndSeparators: Set<UInt32> = Set(
        [0x061C, 0x200E, 0x200F] + Array(0x2028...0x202E) + Array(0x2066...0x2069))

    private static func escaping(_ text: String, keeping: (Unicode.Scalar) -> Bool) -> String {
        // Most text has nothing to escape: return it as it is.
        guard text.unicodeScalars.contains(where: { !keeping($0) && escape($0) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !keeping(scalar), let escaped = escape(scalar) {
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
