/// Splits text into search terms; `site/assets/site.js` applies the same rules to queries.
///
/// Rules, in order: lowercase; split at every character that is not a letter or a digit
/// (so `circuit_breaker.py` gives `circuit`, `breaker`, `py`); drop one-letter terms; fold a
/// plural ending (`breakers` → `breaker`, `retries` → `retry`) so singular and plural match.
///
/// Works on UTF-8 bytes, one term at a time, with an ASCII fast path: the index of a large
/// course is megabytes. `SearchTokenizer.Rules` states the same rules
/// plainly; the tests hold the two together on every short text.
public enum SearchTokenizer {
    /// The terms of `text`, in order, with repeats.
    public static func tokens(_ text: String) -> [String] {
        termString(text).split(separator: " ").map(String.init)
    }

    /// The terms of `text` joined by single spaces.
    public static func termString(_ text: String) -> String {
        var out: [UInt8] = []
        forEachTerm(text) { term in
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: term)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each term of `text`, in order, as its UTF-8 bytes (valid only during
    /// the call). The search index counts terms here as they are found: a course's text is
    /// megabytes, and writing it out as a term string first, then reading that again, showed
    /// in profiles.
    @inline(__always)
    static func forEachTerm(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let asciiTermBytes = Self.asciiTermBytes
        text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return }
            // The current term, lowercased: a term's letters grow by at most half when
            // lowercased (İ → i̇), so half again the input always holds it.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + bytes.count / 2 + 4) { out in
                var count = 0
                var scalars = 0  // letters and digits in the current term; 0 between terms
                func finish() {
                    if scalars > 1 { body(UnsafeBufferPointer(rebasing: out[0..<stemmedEnd(out, start: 0, end: count, scalars: scalars)])) }
                    count = 0
                    scalars = 0
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        // A letter or digit, lowercased; 0 for the rest of ASCII.
                        let folded = asciiTermBytes[Int(byte)]
                        if folded != 0 {
                            out[count] = folded
                            count += 1
                            scalars += 1
                        } else if scalars > 0 {
                            finish()
                        }
                        index += 1
                        continue
                    }
                    let (value, length) = scalar(in: bytes, at: index)
                    index += length
                    guard let scalar = Unicode.Scalar(value),
                          scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                        if scalars > 0 { finish() }
                        continue
                    }
                    let lower = scalar.properties.lowercaseMapping.utf8
                    precondition(count + lower.count <= out.count, "search term buffer full: the room estimate is wrong")
                    for unit in lower { out[count] = unit; count += 1 }
                    scalars += 1
                }
                if scalars > 0 { finish() }
            }
        }
    }

    /// Each ASCII byte as a term keeps it: letters lowercased, digits as they are, 0 for the
    /// bytes that separate terms.
    private static let asciiTermBytes: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte) + 0x20
        default: return 0
        }
    }

    /// The scalar value of the UTF-8 sequence at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (UInt32(byte), 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (value, length)
    }

    /// Stems the word in `buffer[start..<end]` in place; returns where it now ends.
    private static func stemmedEnd(_ buffer: UnsafeMutableBufferPointer<UInt8>, start: Int, end: Int, scalars: Int) -> Int {
        let s = UInt8(ascii: "s")
        guard scalars > 3, buffer[end - 1] == s else { return end }
        if buffer[end - 3] == UInt8(ascii: "i") && buffer[end - 2] == UInt8(ascii: "e") {
            buffer[end - 3] = UInt8(ascii: "y")
            return end - 2
        }
        if end - start >= 4 && buffer[end - 4] == s && buffer[end - 3] == s && buffer[end - 2] == UInt8(ascii: "e") {
            return end - 2
        }
        let beforeLast = buffer[end - 2]
        return beforeLast == s || beforeLast == UInt8(ascii: "u") || beforeLast == UInt8(ascii: "i") ? end : end - 1
    }

    /// The rules above written plainly, scalar by scalar: the reference the fast path is
    /// checked against.
    enum Rules {
        static func termString(_ text: String) -> String {
            var terms: [String] = []
            var current: [Unicode.Scalar] = []
            func flush() {
                if current.count > 1 {
                    let word = Array(current.map { $0.properties.lowercaseMapping }.joined().unicodeScalars)
                    terms.append(String(String.UnicodeScalarView(stem(word, letters: current.count))))
                }
                current = []
            }
            for scalar in text.unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { current.append(scalar) } else { flush() }
            }
            flush()
            return terms.joined(separator: " ")
        }

        /// The plural rule on the letters of a lowercased word (`letters` counted before
        /// lowercasing): `-ies` → `-y`, `-sses` → `-ss`, a final `-s` dropped except after
        /// `s`, `u` or `i`; words of three letters or fewer left alone.
        static func stem(_ word: [Unicode.Scalar], letters: Int) -> [Unicode.Scalar] {
            guard letters > 3, word.last == "s" else { return word }
            if word.suffix(3) == ["i", "e", "s"] { return word.dropLast(3) + ["y"] }
            if word.suffix(4) == ["s", "s", "e", "s"] { return Array(word.dropLast(2)) }
            if ["s", "u", "i"].contains(word[word.count - 2]) { return word }
            return Array(word.dropLast())
        }
    }
}
