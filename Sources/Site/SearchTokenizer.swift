/// Splits text into search terms; `site/assets/site.js` applies the same rules to queries.
///
/// Rules, in order: lowercase; split at every character that is not a letter or a digit
/// (so `circuit_breaker.py` gives `circuit`, `breaker`, `py`); drop one-letter terms; fold a
/// plural ending (`breakers` → `breaker`, `retries` → `retry`) so singular and plural match.
///
/// Works on UTF-8 bytes, writing each term straight into the output with an ASCII fast path:
/// the index of a large course is megabytes.
public enum SearchTokenizer {
    /// The terms of `text`, in order, with repeats.
    public static func tokens(_ text: String) -> [String] {
        termString(text).split(separator: " ").map(String.init)
    }

    /// The terms of `text` joined by single spaces: the form the search index stores.
    public static func termString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendTerms(of: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the terms of `text` to `out`, each after a space when `out` is not empty.
    static func appendTerms(of text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var termStart = -1  // where the current term starts in `out`; -1 between terms
            var separatorStart = 0  // where `out` ended before the current term (and its space)
            var scalars = 0
            func begin() {
                guard termStart < 0 else { return }
                separatorStart = out.count
                if !out.isEmpty { out.append(0x20) }
                termStart = out.count
                scalars = 0
            }
            func finish() {
                guard termStart >= 0 else { return }
                if scalars > 1 {
                    stemInPlace(&out, from: termStart, scalars: scalars)
                } else {
                    out.removeSubrange(separatorStart...)
                }
                termStart = -1
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: begin(); out.append(byte); scalars += 1
                    case 0x41...0x5A: begin(); out.append(byte + 0x20); scalars += 1
                    default: finish()
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar (a String's bytes are valid UTF-8).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
                guard let scalar = Unicode.Scalar(value),
                      scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    finish()
                    continue
                }
                begin()
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                scalars += 1
            }
            finish()
        }
    }

    /// Folds an English plural to its singular: `-ies` → `-y`, `-sses` → `-ss`, a final
    /// `-s` dropped (not after `s`, `u` or `i`, as in `class`, `status`, `analysis`).
    /// Words of three letters or fewer are left alone.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stemInPlace(&bytes, from: 0, scalars: word.unicodeScalars.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems the word that fills `bytes` from `start` to the end.
    private static func stemInPlace(_ bytes: inout [UInt8], from start: Int, scalars: Int) {
        let s = UInt8(ascii: "s")
        let end = bytes.count
        guard scalars > 3, bytes[end - 1] == s else { return }
        if bytes[end - 3] == UInt8(ascii: "i") && bytes[end - 2] == UInt8(ascii: "e") {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "y"))
        } else if end - start >= 4 && bytes[end - 4] == s && bytes[end - 3] == s && bytes[end - 2] == UInt8(ascii: "e") {
            bytes.removeLast(2)
        } else if ![s, UInt8(ascii: "u"), UInt8(ascii: "i")].contains(bytes[end - 2]) {
            bytes.removeLast()
        }
    }
}
