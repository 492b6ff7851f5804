import Testing
@testable import Site

/// Gathering one term shard's postings by term, for the search index's `terms-K.js`.
@Suite struct ShardPostingsTests {
    static func lists(_ postings: ShardPostings) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: postings.sortedByTerm.map { (String($0.0.text), $0.1) })
    }

    @Test func eachTermKeepsItsEntriesInTheOrderTheyCame() {
        var postings = ShardPostings(capacity: 4)
        postings.append(SearchTerm(text: "retry"), entry: 0, value: 3)
        postings.append(SearchTerm(text: "breaker"), entry: 0, value: 101)
        postings.append(SearchTerm(text: "retry"), entry: 2, value: 1)
        postings.append(SearchTerm(text: "retry"), entry: 7, value: 20)
        #expect(Self.lists(postings) == ["retry": [0, 3, 2, 1, 7, 20], "breaker": [0, 101]])
    }

    @Test func termsComeInByteOrder() {
        var postings = ShardPostings(capacity: 4)
        for (entry, term) in ["zeta", "caf\u{E9}", "cafe", "alpha"].enumerated() {
            postings.append(SearchTerm(text: Substring(term)), entry: entry, value: 1)
        }
        #expect(postings.sortedByTerm.map { String($0.0.text) } == ["alpha", "cafe", "caf\u{E9}", "zeta"])
    }

    /// Two terms whose hashes collide stay two terms: the table compares bytes.
    @Test func termsWithTheSameHashAreKeptApart() {
        var postings = ShardPostings(capacity: 2)
        postings.append(SearchTerm(text: "retry", bytesHash: 42), entry: 0, value: 1)
        postings.append(SearchTerm(text: "probe", bytesHash: 42), entry: 1, value: 2)
        postings.append(SearchTerm(text: "retry", bytesHash: 42), entry: 3, value: 4)
        #expect(Self.lists(postings) == ["retry": [0, 1, 3, 4], "probe": [1, 2]])
    }

    /// Property: on random postings, from tables sized for fewer terms than come (so they
    /// grow), the lists are a Dictionary's.
    @Test func theListsAreADictionarysOnRandomPostings() {
        var generator = SystemRandomNumberGenerator()
        let letters: [String] = ["a", "b", "é", "1"]
        for _ in 0..<100 {
            let words = (0..<Int.random(in: 1...300, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
            }
            var postings = ShardPostings(capacity: Int.random(in: 0...8, using: &generator))
            var expected: [String: [Int]] = [:]
            for (entry, word) in words.enumerated() {
                postings.append(SearchTerm(text: Substring(word)), entry: entry, value: word.utf8.count)
                expected[word, default: []] += [entry, word.utf8.count]
            }
            #expect(Self.lists(postings) == expected)
        }
    }
}
