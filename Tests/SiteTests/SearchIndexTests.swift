import Foundation
import Testing
@testable import Site

/// The sharded search index: what a query loads, and that it finds what the page says.
@Suite struct SearchIndexTests {
    static func entry(_ page: String, _ heading: String, _ url: String, _ text: String) -> SearchIndex.Entry {
        SearchIndex.Entry(page: page, heading: heading, url: url, terms: SearchTokenizer.termString((heading.isEmpty ? page : heading) + " " + text),
                          excerpt: SearchIndex.excerpt(text))
    }

    /// The JSON a file hands to `lecternSearchLoaded(name, …)`.
    static func payload(_ data: Data, name: String) throws -> Any {
        let text = String(decoding: data, as: UTF8.self)
        let prefix = "lecternSearchLoaded(\"\(name)\","
        #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
        let json = text.dropFirst(prefix.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func aShardIsChosenByTheTermsFirstTwoCharacters() {
        #expect(SearchIndex.shard(of: "circuit", count: 16) == SearchIndex.shard(of: "ci", count: 16))
        #expect(SearchIndex.shard(of: "ci", count: 16) == (99 * 31 + 105) % 16)
        #expect(SearchIndex.shard(of: "éa", count: 7) == (0xE9 * 31 + 97) % 7)
    }

    /// Terms are keys by their bytes, as site.js compares them: a composed é and an e with a
    /// combining accent are two terms, each listed once, in byte order.
    @Test func termsAreKeyedAndSortedByTheirBytes() {
        let composed = SearchTerm(text: "caf\u{E9}"), decomposed = SearchTerm(text: "cafe\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed, SearchTerm(text: "caf\u{E9}")]).count == 2)
        #expect([composed, decomposed, SearchTerm(text: "cafe"), SearchTerm(text: "caf")].sorted().map { Array($0.text.utf8) }
            == [Array("caf".utf8), Array("cafe".utf8), Array("cafe\u{301}".utf8), Array("caf\u{E9}".utf8)])
    }

    @Test(arguments: [(1, 1), (8, 1), (9, 2), (270, 64), (5000, 128)])
    func largerCoursesGetMoreShards(pages: Int, shards: Int) {
        #expect(SearchIndex.shardCount(pages: pages) == shards)
    }

    @Test func theFilesHoldEveryEntryAndEveryTermWithItsCountAndBonus() throws {
        let pages = [
            [Self.entry("Breakers", "", "a.html", "A breaker trips."), Self.entry("Breakers", "Circuit states", "a.html#circuit-states", "Closed, open, half open; open again.")],
            [Self.entry("Caching", "", "b.html", "Redis caches the circuit results.")],
        ]
        let files = Dictionary(uniqueKeysWithValues: SearchIndex.files(pages.map { SearchIndex.PagePart($0, shardCount: 4) }, shardCount: 4))
        #expect(Set(files.keys) == ["search/index.js", "search/text-0.js", "search/terms-0.js", "search/terms-1.js", "search/terms-2.js", "search/terms-3.js"])
        let index = try #require(try Self.payload(files["search/index.js"]!, name: "index") as? [String: Any])
        #expect(index["shards"] as? Int == 4)
        #expect((index["pages"] as? [[String]]) == [["Breakers", "a.html"], ["Caching", "b.html"]])
        let entries = try #require(index["entries"] as? [[Any]])
        #expect(entries.count == 3)
        #expect(entries[1][0] as? Int == 0 && entries[1][1] as? String == "Circuit states" && entries[1][2] as? String == "circuit-states")
        let texts = try #require(try Self.payload(files["search/text-0.js"]!, name: "text-0") as? [String])
        #expect(texts == ["A breaker trips.", "Closed, open, half open; open again.", "Redis caches the circuit results."])

        func postings(_ term: String) throws -> [Int] {
            let shard = SearchIndex.shard(of: Substring(term), count: 4)
            let terms = try #require(try Self.payload(files["search/terms-\(shard).js"]!, name: "terms-\(shard)") as? [String: [Int]])
            return terms[term] ?? []
        }
        // "circuit": in entry 1's heading (count 1, +200) and entry 2's text (count 1).
        #expect(try postings("circuit") == [1, 201, 2, 1])
        // "open": three times in entry 1, not in its heading.
        #expect(try postings("open") == [1, 3])
        // "breaker": twice in entry 0 (its page title "Breakers", folded, and its text), +100
        // for the title; entry 1 is the "Circuit states" section, which does not say it.
        #expect(try postings("breaker") == [0, 102])
    }
}
