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

    @Test func longTextsOfWideLowercaseLettersFitTheBuffer() {
        // İ lowercases to two scalars (i and a combining dot), Ⱥ from two bytes to three.
        let text = String(repeating: "İȺ ", count: 5_000) + String(repeating: "Ⱥ", count: 10_000)
        #expect(SearchTokenizer.termString(text) == SearchTokenizer.Rules.termString(text))
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
            #expect(SearchTokenizer.termString(text) == SearchTokenizer.Rules.termString(text), "\(text.debugDescription)")
        }
    }

    /// The tokenizer keeps a term in a buffer half again the input's size: no scalar, from
    /// U+0000 to U+10FFFF, grows by more than half of its UTF-8 bytes when lowercased.
    @Test func noScalarGrowsByMoreThanHalfWhenLowercased() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
            let own = String(scalar).utf8.count, lower = scalar.properties.lowercaseMapping.utf8.count
            #expect(lower * 2 <= own * 3, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// `forEachTerm` gives the terms of `termString` one by one.
    @Test func eachTermIsGivenInOrder() {
        var terms: [String] = []
        SearchTokenizer.forEachTerm("Retries of the İstanbul circuit_breakers, 42") { terms.append(String(decoding: $0, as: UTF8.self)) }
        #expect(terms == SearchTokenizer.tokens("Retries of the İstanbul circuit_breakers, 42"))
        #expect(terms == ["retry", "of", "the", "i\u{307}stanbul", "circuit", "breaker", "42"])
    }
}
