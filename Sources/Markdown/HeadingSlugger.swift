/// Turns heading text into stable, unique, URL-safe ids ("Circuit Breaker" → "circuit-breaker",
/// a second one → "circuit-breaker-1"), the way GitHub and MkDocs do, so links survive rebuilds.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The base slug of `text`: lowercased letters and digits, other runs become one hyphen.
    public static func slug(_ text: String) -> String {
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
}
