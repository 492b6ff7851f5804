import Testing
@testable import Site

/// Counting one page's terms, section by section, for the search index.
@Suite struct PageTermsTests {
    static func entry(_ page: String, _ heading: String, _ text: String) -> SearchIndex.Entry {
        SearchIndex.Entry(page: page, heading: heading, url: "", indexed: (heading.isEmpty ? page : heading) + " " + text, excerpt: "")
    }

    /// Each term with postings and its list: entry, value, entry, value…
    static func postings(_ terms: PageTerms) -> [String: [Int]] {
        var lists: [String: [Int]] = [:]
        for term in 0..<terms.count {
            let range = Int(terms.postingStarts[term])..<Int(terms.postingStarts[term + 1])
            guard !range.isEmpty else { continue }
            lists[terms.withTerm(term) { String(decoding: $0, as: UTF8.self) }] = terms.postings[range].map(Int.init)
        }
        return lists
    }

    @Test func aTermsValueIsItsCountInTheEntry() {
        let terms = PageTerms([Self.entry("Breakers", "", "open, half open; open again")], shardCount: 1)
        #expect(Self.postings(terms)["open"] == [0, 3])
        #expect(Self.postings(terms)["half"] == [0, 1])
    }

    @Test func aCountStopsAtTwenty() {
        let terms = PageTerms([Self.entry("Page", "", String(repeating: "retry ", count: 50))], shardCount: 1)
        #expect(Self.postings(terms)["retry"] == [0, 20])
    }

    /// 200 when in the entry's own heading; 100 when in the page's title; the heading wins.
    @Test func aTermInTheHeadingOrTitleGetsABonus() {
        let terms = PageTerms([Self.entry("Circuit breakers", "", "A breaker trips."),
                               Self.entry("Circuit breakers", "Retry states", "Retry the circuit, then the breaker.")], shardCount: 1)
        let lists = Self.postings(terms)
        #expect(lists["breaker"] == [0, 102, 1, 101])
        #expect(lists["retry"] == [1, 202])
        #expect(lists["circuit"] == [0, 101, 1, 101])
        #expect(lists["trip"] == [0, 1])
    }

    /// A term only in a heading of another section, or only in a title, has no postings.
    @Test func aTermOnlyInAHeadingOrTitleElsewhereIsNotListed() {
        let terms = PageTerms([SearchIndex.Entry(page: "Title words", heading: "", url: "", indexed: "body", excerpt: ""),
                               SearchIndex.Entry(page: "Title words", heading: "Heading", url: "", indexed: "text", excerpt: "")], shardCount: 4)
        #expect(Set(Self.postings(terms).keys) == ["body", "text"])
        #expect(terms.byShard.count == 2)
    }

    /// Every term with postings is listed once, in the shard `SearchIndex.shard(of:count:)` gives it.
    @Test func termsAreGroupedByTheirShard() {
        let terms = PageTerms([Self.entry("Shards", "", "alpha beta gamma delta épée 42 zz alpha")], shardCount: 4)
        var seen: [String] = []
        for shard in 0..<4 {
            for position in Int(terms.shardStarts[shard])..<Int(terms.shardStarts[shard + 1]) {
                let term = terms.withTerm(Int(terms.byShard[position])) { String(decoding: $0, as: UTF8.self) }
                #expect(SearchIndex.shard(of: Substring(term), count: 4) == shard)
                seen.append(term)
            }
        }
        #expect(seen.sorted() == Self.postings(terms).keys.sorted())
    }
}
