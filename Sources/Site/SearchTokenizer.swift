/// Splits text into search terms; `site/assets/site.js` applies the same rules to queries.
///
/// Rules, in order: lowercase; split at every character that is not a letter or a digit
/// (so `circuit_breaker.py` gives `circuit`, `breaker`, `py`); drop one-letter terms; fold a
/// plural ending (`breakers` → `breaker`, `retries` → `retry`) so singular and plural match.
///
/// Works on UTF-8 bytes with an ASCII fast path: the index of a large course is megabytes.
public enum SearchTokenizer {
    /// The terms of `text`, in order, with repeats.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { token in result.append(String(decoding: token, as: UTF8.self)) }
        return result
    }

    /// The terms of `text` joined by single spaces: the form the search index stores.
    public static func termString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        forEachToken(text) { token in
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: token)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each term's UTF-8 bytes (already lowercased and stemmed).
    static func forEachToken(_ text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var scalars = 0
        func flush() {
            if scalars > 1 { body(stem(current[...], scalars: scalars)) }
            current.removeAll(keepingCapacity: true)
            scalars = 0
        }
        var utf8 = text.utf8.makeIterator()
        var decoder = UTF8()
        var pending: UInt8?
        while true {
            let byte: UInt8
            if let next = pending { byte = next; pending = nil } else if let next = utf8.next() { byte = next } else { break }
            if byte < 0x80 {
                switch byte {
                case 0x61...0x7A, 0x30...0x39: current.append(byte); scalars += 1
                case 0x41...0x5A: current.append(byte + 0x20); scalars += 1
                default: flush()
                }
                continue
            }
            // A multi-byte scalar: decode it from this byte and its continuation bytes.
            var bytes: [UInt8] = [byte]
            while let next = utf8.next() {
                if next & 0xC0 == 0x80 { bytes.append(next) } else { pending = next; break }
            }
            var iterator = bytes.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { flush(); continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                scalars += 1
            } else {
                flush()
            }
        }
        flush()
    }

    /// Folds an English plural to its singular: `-ies` → `-y`, `-sses` → `-ss`, a final
    /// `-s` dropped (not after `s`, `u` or `i`, as in `class`, `status`, `analysis`).
    /// Words of three letters or fewer are left alone.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let scalars = word.unicodeScalars.count
        return String(decoding: stem(bytes[...], scalars: scalars), as: UTF8.self)
    }

    static func stem(_ word: ArraySlice<UInt8>, scalars: Int) -> ArraySlice<UInt8> {
        let s = UInt8(ascii: "s")
        guard scalars > 3, word.last == s else { return word }
        let end = word.endIndex
        if word[end - 3] == UInt8(ascii: "i") && word[end - 2] == UInt8(ascii: "e") {
            var copy = word.dropLast(3)
            copy.append(UInt8(ascii: "y"))
            return copy
        }
        if word.count >= 4 && word[end - 4] == s && word[end - 3] == s && word[end - 2] == UInt8(ascii: "e") {
            return word.dropLast(2)
        }
        let beforeLast = word[end - 2]
        if beforeLast == s || beforeLast == UInt8(ascii: "u") || beforeLast == UInt8(ascii: "i") { return word }
        return word.dropLast()
    }
}
