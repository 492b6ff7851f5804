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
}
