/// Splits HTML into tokens the way a browser's tokenizer does (WHATWG HTML, §13.2.5, in the
/// states a sanitizer must agree with): text, start and end tags with their attributes
/// (names lowercased, values with character references decoded), comments and declarations.
///
/// What matters for safety is that a tag is a tag exactly when a browser would read one: `<`
/// followed by a letter opens a tag, `</` and a letter an end tag, `<!--` a comment up to
/// `-->`, `<!` and `<?` a bogus comment up to `>`; attribute names end at blanks, `/`, `>`
/// and `=`; a quoted value runs to its quote, an unquoted one to a blank or `>`; a tag left
/// open at the end of the input is no tag at all (the browser drops it). Linear in the input.
public struct HTMLTokenizer {
    public enum Token: Hashable, Sendable {
        case text(String)
        case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
        case endTag(name: String)
        case comment(String)
        /// `<!DOCTYPE …>`, `<?…>`, `<![CDATA[…]]>`: never kept by a sanitizer.
        case declaration(String)
    }

    private let bytes: [UInt8]
    private var index = 0

    public init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// Every token of the input, in order; adjacent text is one token.
    public static func tokens(_ html: String) -> [Token] {
        var tokenizer = HTMLTokenizer(html)
        var tokens: [Token] = []
        while let token = tokenizer.next() {
            if case .text(let text) = token, case .text(let previous)? = tokens.last {
                tokens[tokens.count - 1] = .text(previous + text)
            } else {
                tokens.append(token)
            }
        }
        return tokens
    }

    /// The byte offset where the next token starts.
    public var offset: Int { index }

    /// The next token, nil at the end of the input.
    public mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        let start = index
        if bytes[index] == UInt8(ascii: "<") {
            if let token = markup() { return token }
            index = start + 1
            return .text("<")
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return .text(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func isLetter(_ offset: Int) -> Bool {
        offset < bytes.count && Bytes.isASCIILetter(bytes[offset])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// A tag, comment or declaration at `<`; nil when the `<` is text.
    private mutating func markup() -> Token? {
        let start = index
        let next = start + 1
        guard next < bytes.count else { return nil }
        if bytes[next] == UInt8(ascii: "!") {
            if next + 2 < bytes.count, bytes[next + 1] == UInt8(ascii: "-"), bytes[next + 2] == UInt8(ascii: "-") {
                index = next + 3
                let bodyStart = index
                // `<!-->` and `<!--->` close at once, as in browsers.
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") { index += 1; return .comment("") }
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: ">") { index += 2; return .comment("") }
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "-"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"),
                       bytes[index + 2] == UInt8(ascii: ">") || (bytes[index + 2] == UInt8(ascii: "!") && index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ">")) {
                        let body = String(decoding: bytes[bodyStart..<index], as: UTF8.self)
                        index += bytes[index + 2] == UInt8(ascii: ">") ? 3 : 4
                        return .comment(body)
                    }
                    index += 1
                }
                return .comment(String(decoding: bytes[bodyStart...], as: UTF8.self))
            }
            return bogusComment(from: next + 1)
        }
        if bytes[next] == UInt8(ascii: "?") { return bogusComment(from: next + 1) }
        if bytes[next] == UInt8(ascii: "/") {
            if isLetter(next + 1) {
                index = next + 1
                let name = tagName()
                // An end tag's attributes are read and dropped.
                guard attributes() != nil else { index = bytes.count; return nil }
                return .endTag(name: name)
            }
            if next + 1 < bytes.count, bytes[next + 1] == UInt8(ascii: ">") { index = next + 2; return .comment("") }
            return next + 1 < bytes.count ? bogusComment(from: next + 1) : nil
        }
        guard isLetter(next) else { return nil }
        index = next
        let name = tagName()
        guard let (attributes, selfClosing) = attributes() else {
            index = bytes.count
            return nil
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func bogusComment(from start: Int) -> Token {
        index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        let body = String(decoding: bytes[start..<index], as: UTF8.self)
        if index < bytes.count { index += 1 }
        return .declaration(body)
    }

    private mutating func tagName() -> String {
        let start = index
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    /// The attributes up to the tag's `>` (the first of a repeated name wins), and whether it
    /// ended `/>`; nil when the input ends inside the tag.
    private mutating func attributes() -> ([HTMLAttribute], Bool)? {
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) { index += 1; continue }
            if byte == UInt8(ascii: ">") { index += 1; return (attributes, selfClosing) }
            if byte == UInt8(ascii: "/") {
                index += 1
                selfClosing = index < bytes.count && bytes[index] == UInt8(ascii: ">")
                continue
            }
            selfClosing = false
            // The name: a first `=` belongs to it, then anything up to a blank, `/`, `>` or `=`.
            let nameStart = index
            index += 1
            while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                  bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < bytes.count, Self.isSpace(bytes[probe]) { probe += 1 }
            var value = ""
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                index = probe + 1
                while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    index += 1
                    let valueStart = index
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    guard index < bytes.count else { return nil }
                    value = HTMLEntities.decode(bytes[valueStart..<index], inAttribute: true)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = HTMLEntities.decode(bytes[valueStart..<index], inAttribute: true)
                }
            }
            if !attributes.contains(where: { $0.name == name }) { attributes.append(HTMLAttribute(name, value)) }
        }
        return nil
    }
}

/// Character references (`&amp;`, `&#106;`, `&#x6A`, `&Tab;`) as a browser decodes them, for
/// attribute values a sanitizer must judge by what the browser will see.
enum HTMLEntities {
    /// Named references a browser knows (the ones a URL or a text could hide behind).
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "tab": "\t", "newline": "\n", "colon": ":", "sol": "/", "lpar": "(", "rpar": ")",
        "period": ".", "comma": ",", "semi": ";", "excl": "!", "num": "#", "percnt": "%",
        "equals": "=", "plus": "+", "quest": "?", "lowbar": "_", "hyphen": "-", "dash": "‐",
        "bsol": "\\", "copy": "©", "reg": "®", "hellip": "…", "mdash": "—", "ndash": "–",
    ]

    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var text: [UInt8] = []
        var index = bytes.startIndex
        func flush() {
            if !text.isEmpty { out.append(contentsOf: String(decoding: text, as: UTF8.self).unicodeScalars); text = [] }
        }
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "&") else { text.append(bytes[index]); index += 1; continue }
            var probe = index + 1
            if probe < bytes.endIndex, bytes[probe] == UInt8(ascii: "#") {
                probe += 1
                let hex = probe < bytes.endIndex && (bytes[probe] | 0x20) == UInt8(ascii: "x")
                if hex { probe += 1 }
                let digitsStart = probe
                var value: UInt32 = 0
                while probe < bytes.endIndex, let digit = Self.digit(bytes[probe], hex: hex) {
                    value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                    probe += 1
                }
                if probe > digitsStart {
                    if probe < bytes.endIndex, bytes[probe] == UInt8(ascii: ";") { probe += 1 }
                    flush()
                    let scalar = (value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) ? Unicode.Scalar(0xFFFD)! : Unicode.Scalar(value)!
                    out.append(scalar)
                    index = probe
                    continue
                }
            } else {
                let nameStart = probe
                while probe < bytes.endIndex, probe - nameStart < 12, Bytes.isASCIIAlphanumeric(bytes[probe]) { probe += 1 }
                let name = String(decoding: bytes[nameStart..<probe], as: UTF8.self).lowercased()
                let terminated = probe < bytes.endIndex && bytes[probe] == UInt8(ascii: ";")
                // Without `;` only the legacy references decode, and in an attribute not before `=` or a letter.
                let legacy = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(name)
                let next = probe < bytes.endIndex ? bytes[probe] : 0
                if let replacement = named[name], terminated || (legacy && !(inAttribute && (next == UInt8(ascii: "=") || Bytes.isASCIIAlphanumeric(next)))) {
                    flush()
                    out.append(contentsOf: replacement.unicodeScalars)
                    index = terminated ? probe + 1 : probe
                    continue
                }
            }
            text.append(bytes[index])
            index += 1
        }
        flush()
        return String(out)
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
