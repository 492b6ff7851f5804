/// Turns heading text into stable, unique, URL-safe ids ("Circuit Breaker" → "circuit-breaker",
/// a second one → "circuit-breaker-1"), the way GitHub and MkDocs do, so links survive rebuilds.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The base slug of `text`: lowercased letters and digits, other runs become one hyphen.
    public static func slug(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(text) : characterSlug(text)
    }

    /// `slug` character by character, for any text.
    static func characterSlug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(character)
            } else if character == "-" || character == "_" || character.isWhitespace {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// `slug` for ASCII text, on bytes: most headings are ASCII, and a large course has thousands.
    private static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// A slug for `text` not yet handed out by this slugger.
    public mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var n = count
        var candidate = "\(base)-\(n)"
        while used[candidate] != nil {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used[base] = n + 1
        used[candidate] = 1
        return candidate
    }

    /// The id of a heading node: the one its attribute list gives (`## Setup {#setup}`), else
    /// the unique slug of its text. Renderer, outline and link checks all ask here.
    public mutating func id(of heading: MarkdownNode) -> String {
        if let id = heading.attributes.first(where: { $0.name == "id" })?.value { return id }
        return uniqueSlug(heading.plainText())
    }
}
