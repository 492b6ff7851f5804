import Foundation
import TestSupport
import Testing
@testable import Course

/// The byte search that spares pages without a quiz the quiz parser: sixteen bytes at a time,
/// it finds what a plain byte-by-byte search finds.
@Suite struct CaseInsensitiveSearchTests {
    /// The plain search: a needle at some index, every byte compared with ASCII case folded.
    static func plainSearch(_ text: String, _ needles: [String]) -> Bool {
        let bytes = Array(text.utf8)
        return needles.contains { needle in
            let wanted = Array(needle.utf8)
            return bytes.indices.contains { start in
                start + wanted.count <= bytes.count && wanted.indices.allSatisfy { bytes[start + $0] | 0x20 == wanted[$0] }
            }
        }
    }

    @Test func aNeedleIsFoundInAnyCaseAndAnywhere() {
        let padding = String(repeating: "x", count: 40)
        for offset in 0..<40 {
            let prefix = String(padding.prefix(offset))
            #expect(String(prefix + "QuEsTiOn").utf8.containsASCIICaseInsensitive("question", or: "scoring"))
            #expect(String(prefix + "Scoring guide" + padding).utf8.containsASCIICaseInsensitive("question", or: "scoring"))
            #expect(String(prefix + "<QUIZ>").utf8.containsASCIICaseInsensitive("<quiz>", or: "<quiz "))
            #expect(!String(prefix + "questio" + padding).utf8.containsASCIICaseInsensitive("question", or: "scoring"))
        }
    }

    /// Property: on random texts of characters the needles are made of (and of others, some
    /// not ASCII), at every length around the sixteen-byte steps, both searches agree.
    @Test func theSearchAgreesWithAPlainOneOnRandomTexts() {
        let pieces = ["q", "Q", "u", "es", "tion", "sc", "S", "oring", "<", "<q", "uiz", ">", " ", "é", "x", "Question"]
        var generator = SeededGenerator(seed: 0x5EED)
        var found = 0
        for _ in 0..<5000 {
            let text = generator.text(of: pieces, upTo: 29)
            for (word, other) in [("question", "scoring"), ("<quiz>", "<quiz ")] as [(StaticString, StaticString)] {
                let expected = Self.plainSearch(text, ["\(word)", "\(other)"])
                if expected { found += 1 }
                #expect(text.utf8.containsASCIICaseInsensitive(word, or: other) == expected, "\(text.debugDescription)")
            }
        }
        #expect(found > 500, "the random texts should hold the needles often")
    }
}

/// Trimming spaces without Foundation: what `trimmingCharacters(in: .whitespaces)` gives.
@Suite struct WhitespaceTrimTests {
    /// Every scalar of the Basic Multilingual Plane is whitespace to both, or to neither.
    @Test func bothTakeTheSameScalarsForWhitespace() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b" + String(Character(scalar))
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }

    /// Property: on random texts of spaces of every kind, things that are not whitespace
    /// (newline, zero-width space, a combining accent) and letters, both trims agree.
    @Test func theTrimIsFoundationsOnRandomTexts() {
        let pieces = [" ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\n", "\u{200B}", "\u{0301}", "a", "é", "?", "✅"]
        var generator = SeededGenerator(seed: 0x7121)
        for _ in 0..<5000 {
            let text = generator.text(of: pieces, upTo: 7)
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(Array(text.trimmingWhitespace().unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }
}
