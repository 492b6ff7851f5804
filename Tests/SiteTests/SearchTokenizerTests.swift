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
}
