/// Escaping for the XML lectern writes by hand (JUnit reports, Moodle XML, QTI): the documents
/// are small and fixed in shape; the text inside them is what needs care. What is escaped is
/// what a parser would otherwise read differently, so parsing gives back the text written.
///
/// A character XML 1.0 cannot hold at all (the C0 controls but tab, line feed and carriage
/// return; U+FFFE and U+FFFF) is written as its visible escape (`\x01`, `\ufffe`, as
/// `VisibleText` shows it) rather than dropped, so the reader sees that something was there.
/// Text that must not drive a terminal (a learner's output) goes through `VisibleText` first.
public enum XMLText {
    /// Character data (element content): `&`, `<` and `>` as entities; a carriage return as
    /// `&#13;` (a parser reads a raw one, or a CR LF pair, as a line feed).
    public static func content(_ text: String) -> String {
        escaping(text, markup: contentMarkup)
    }

    /// An attribute value, in double or single quotes: as `content`, and both quotes as
    /// entities; line feeds and tabs as character references too (a parser reads raw ones in
    /// an attribute as spaces).
    public static func attribute(_ text: String) -> String {
        escaping(text) { scalar in
            switch scalar {
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\n": return "&#10;"
            case "\t": return "&#9;"
            default: return contentMarkup(scalar)
            }
        }
    }

    /// Text as a CDATA section (split where it holds `]]>`), for HTML that reads better raw.
    /// Nothing inside it is escaped, so a carriage return is read back as a line feed.
    public static func cdata(_ text: String) -> String {
        "<![CDATA[" + escaping(text) { _ in nil }.replacing("]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// What `content` writes for `scalar` instead of itself, if anything.
    private static func contentMarkup(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\r": return "&#13;"
        default: return nil
        }
    }

    /// XML 1.0's Char production.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` with each scalar that `markup` names replaced, and each one XML cannot hold
    /// shown as its visible escape.
    private static func escaping(_ text: String, markup: (Unicode.Scalar) -> String?) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = markup(scalar) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if isAllowed(scalar) {
                out.append(scalar)
            } else {
                let shown = VisibleText.escape(scalar) ?? "\\u" + String(scalar.value, radix: 16)
                out.append(contentsOf: shown.unicodeScalars)
            }
        }
        return String(out)
    }
}
