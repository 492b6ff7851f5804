import Testing
@testable import Site

@Suite struct SearchTokenizerTests {
    @Test func lowercasesAndSplitsAtPunctuationAndUnderscores() {
        #expect(SearchTokenizer.tokens("Circuit_Breaker.py: OPEN state!") == ["circuit", "breaker", "py", "open", "state"])
    }

    @Test func dropsOneLetterTerms() {
        #expect(SearchTokenizer.tokens("a B c de") == ["de"])
    }

    @Test func foldsPluralsToTheSingular() {
        #expect(SearchTokenizer.tokens("breakers retries classes") == ["breaker", "retry", "class"])
    }

    @Test func keepsWordsWhoseFinalSIsNotAPlural() {
        #expect(SearchTokenizer.tokens("status class analysis gas") == ["status", "class", "analysis", "gas"])
    }

    @Test func keepsLettersAndDigitsOfOtherScripts() {
        #expect(SearchTokenizer.tokens("Größe — naïve 3.14 café") == ["größe", "naïve", "14", "café"])
    }

    @Test func termStringJoinsTermsWithSingleSpaces() {
        #expect(SearchTokenizer.termString("  Health-checks,  probes ") == "health check probe")
    }

    @Test func matchesTheRulesAppliedScalarByScalarOnEveryShortText() {
        // Every text of up to four pieces over letters (ASCII, accented, İ), digits,
        // separators, an emoji and plural endings.
        let pieces = ["a", "B", "é", "İ", "7", " ", "-", "✅", "ies", "s", "sses"]
        var texts = [""]
        var last = [""]
        for _ in 0..<4 {
            last = last.flatMap { text in pieces.map { text + $0 } }
            texts += last
        }
        for text in texts {
            #expect(SearchTokenizer.termString(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// The plural rule on the letters of a lowercased word (`letters` counted before lowercasing).
    private static func stem(_ word: [Unicode.Scalar], letters: Int) -> [Unicode.Scalar] {
        guard letters > 3, word.last == "s" else { return word }
        if word.suffix(3) == ["i", "e", "s"] { return word.dropLast(3) + ["y"] }
        if word.suffix(4) == ["s", "s", "e", "s"] { return Array(word.dropLast(2)) }
        if ["s", "u", "i"].contains(word[word.count - 2]) { return word }
        return Array(word.dropLast())
    }

    /// The rules of SearchTokenizer, written plainly.
    private static func reference(_ text: String) -> String {
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
}
