/// Escaping for the XML Lectern writes by hand (every format's documents are small and
/// fixed in shape; the text inside them is what needs care).
enum XMLText {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// An attribute value in double quotes.
    static func attribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }

    /// Text as a CDATA section (split where it holds `]]>`), for HTML that reads better raw.
    static func cdata(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
        return "<![CDATA[" + clean.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// XML 1.0's Char production.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
