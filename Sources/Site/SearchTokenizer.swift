/// Splits text into search terms; `site/assets/search.js` applies the same rules to queries.
///
/// Rules, in order: lowercase; split at every character that is not a letter or a digit
/// (so `circuit_breaker.py` gives `circuit`, `breaker`, `py`); drop one-letter terms; fold a
/// plural ending (`breakers` → `breaker`, `retries` → `retry`) so singular and plural match.
public enum SearchTokenizer {
    /// The terms of `text`, in order, with repeats.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { result.append($0) }
        return result
    }

    /// The terms of `text` joined by single spaces: the form the search index stores.
    public static func termString(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        forEachToken(text) { token in
            if !out.isEmpty { out += " " }
            out += token
        }
        return out
    }

    private static func forEachToken(_ text: String, _ body: (String) -> Void) {
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A || value >= 0x30 && value <= 0x39 {
                    current.append(scalar)
                } else if value >= 0x41 && value <= 0x5A {
                    current.append(Unicode.Scalar(value + 0x20)!)
                } else if !current.isEmpty {
                    emit(current, body)
                    current = String.UnicodeScalarView()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                emit(current, body)
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { emit(current, body) }
    }

    private static func emit(_ word: String.UnicodeScalarView, _ body: (String) -> Void) {
        guard word.count > 1 else { return }
        body(stem(String(word)))
    }

    /// Folds an English plural to its singular: `-ies` → `-y`, `-sses` → `-ss`, a final
    /// `-s` dropped (not after `s`, `u` or `i`, as in `class`, `status`, `analysis`).
    /// Words of three letters or fewer are left alone.
    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 3, scalars.last == "s" else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        let beforeLast = scalars[scalars.count - 2]
        if beforeLast == "s" || beforeLast == "u" || beforeLast == "i" { return word }
        return String(word.dropLast())
    }
}
