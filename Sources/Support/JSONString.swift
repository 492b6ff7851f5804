/// JSON string literals, written by hand for speed on multi-megabyte search indexes: the one
/// escaper of lectern's hand-written JSON. By default `<`, `>` and `&` are escaped too, so the
/// text can sit inside an HTML script element; `forScript: false` leaves them for reading.
public enum JSONString {
    public static func append(_ text: String, to out: inout String, forScript: Bool = true) {
        var bytes: [UInt8] = []
        append(text, to: &bytes, forScript: forScript)
        out += String(decoding: bytes, as: UTF8.self)
    }

    public static func append(_ text: String, to out: inout [UInt8], forScript: Bool = true) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out, forScript: forScript) }
    }

    /// Appends valid UTF-8 `bytes` as a JSON string literal.
    public static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], forScript: Bool = true) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0  // the start of the bytes not yet copied
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard needsEscape(byte, forScript: forScript) else {
                index += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<index])
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript.
                if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    out.append(contentsOf: (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    index += 3
                    runStart = index
                    continue
                }
                out.append(byte)
            default:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
            index += 1
            runStart = index
        }
        out.append(contentsOf: bytes[runStart..<bytes.count])
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8, forScript: Bool) -> Bool {
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 { return true }
        return forScript && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&"))
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String, forScript: Bool = true) -> String {
        var out = ""
        append(text, to: &out, forScript: forScript)
        return out
    }
}
