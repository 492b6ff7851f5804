import Testing
@testable import Site

/// Counting a section's terms by their bytes, as the search index keys them.
@Suite struct TermCountsTests {
    @Test func eachDistinctTermIsCountedInTheOrderItFirstOccurs() {
        let counted = TermCounts("retry circuit retry breaker circuit retry")
        #expect(counted.terms == ["retry", "circuit", "breaker"])
        #expect(counted.counts == [3, 2, 1])
    }

    @Test func anEmptyTermStringHasNoTerms() {
        let counted = TermCounts("")
        #expect(counted.terms.isEmpty)
        #expect(!counted.contains(SearchTerm(text: "retry")))
    }

    /// A composed é and an e with a combining accent differ in bytes, so they are two terms.
    @Test func termsAreTheSameOnlyWhenTheirBytesAre() {
        let counted = TermCounts("caf\u{E9} cafe\u{301} caf\u{E9} cafe caf")
        #expect(counted.terms.map { Array($0.utf8) } == [Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8), Array("cafe".utf8), Array("caf".utf8)])
        #expect(counted.counts == [2, 1, 1, 1])
        #expect(counted.contains(SearchTerm(text: "cafe\u{301}")))
        #expect(!counted.contains(SearchTerm(text: "ca")))
        #expect(!counted.contains(SearchTerm(text: "cafes")))
    }

    /// Property: on random term strings (a few hundred terms drawn from a small alphabet, so
    /// terms repeat, share prefixes and fill the table), the counts are a Dictionary's.
    @Test func theCountsAreADictionarysOnRandomTermStrings() {
        var generator = SystemRandomNumberGenerator()
        let letters: [String] = ["a", "b", "é", "ß", "1", "z"]
        for _ in 0..<200 {
            let count = Int.random(in: 0...400, using: &generator)
            let words = (0..<count).map { _ in
                (0..<Int.random(in: 2...5, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
            }
            var expected: [String: Int] = [:]
            var order: [String] = []
            for word in words {
                if expected[word] == nil { order.append(word) }
                expected[word, default: 0] += 1
            }
            let counted = TermCounts(words.joined(separator: " "))
            #expect(counted.terms.map(String.init) == order)
            #expect(counted.counts == order.map { expected[$0]! })
            #expect(counted.hashes == order.map { SearchTerm(text: Substring($0)).bytesHash })
            for word in order.prefix(10) { #expect(counted.contains(SearchTerm(text: Substring(word)))) }
            #expect(!counted.contains(SearchTerm(text: "absent")))
        }
    }
}
