import Foundation
import Testing
import TestSupport
@testable import Site

/// The sharded search index: what a query loads, and that it finds what the page says.
@Suite struct SearchIndexTests {
    static func entry(_ page: String, _ heading: String, _ url: String, _ text: String) -> SearchIndex.Entry {
        SearchIndex.Entry(page: page, heading: heading, url: url, indexed: (heading.isEmpty ? page : heading) + " " + text,
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

    /// Terms are keyed and sorted by their bytes, as site.js compares them: é (C3 A9) comes
    /// after every ASCII letter.
    @Test func termsAreKeyedAndSortedByTheirBytes() throws {
        let pages = [[Self.entry("Caf\u{E9}", "", "a.html", "\u{E9}t\u{E9} cafe caf\u{E9} zz caf")]]
        let files = Dictionary(uniqueKeysWithValues: SearchIndex.files(pages.map { SearchIndex.PagePart($0, shardCount: 1) }, shardCount: 1))
        let script = String(decoding: try #require(files["search/terms-0.js"]), as: UTF8.self)
        #expect(script == "lecternSearchLoaded(\"terms-0\",{\"caf\":[0,1],\n\"cafe\":[0,1],\n\"caf\u{E9}\":[0,102],\n\"zz\":[0,1],\n\"\u{E9}t\u{E9}\":[0,1]});\n")
    }

    /// The term files written plainly: each entry's terms by the tokenizer's rules stated
    /// scalar by scalar, counted in a Dictionary, sharded by the first two scalars, sorted by
    /// their bytes. The oracle for the index's own counting and merging.
    static func plainTermFiles(_ pages: [[SearchIndex.Entry]], shardCount: Int) -> [String: String] {
        func terms(_ text: String) -> [String] {
            SearchTokenizer.Rules.termString(text).split(separator: " ").map(String.init)
        }
        var lists: [String: [Int]] = [:]
        var number = 0
        for entry in pages.joined() {
            var counts: [String: Int] = [:]
            for term in terms(entry.indexed) { counts[term, default: 0] += 1 }
            let heading = Set(entry.heading.isEmpty ? [] : terms(entry.heading)), title = Set(terms(entry.page))
            for (term, count) in counts {
                lists[term, default: []] += [number, min(count, 20) + (heading.contains(term) ? 200 : title.contains(term) ? 100 : 0)]
            }
            number += 1
        }
        var files: [String: String] = [:]
        for shard in 0..<shardCount {
            let held = lists.keys.filter { term in
                let scalars = Array(term.unicodeScalars.prefix(2)).map { Int($0.value) } + [0, 0]
                return (scalars[0] * 31 + scalars[1]) % shardCount == shard
            }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            let body = held.map { "\"\($0)\":[" + lists[$0]!.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",\n")
            files["search/terms-\(shard).js"] = "lecternSearchLoaded(\"terms-\(shard)\",{" + body + "});\n"
        }
        return files
    }

    /// Property: on random pages (titles that change within a page, headings or none, words
    /// that repeat past 20, plurals, accents, İ, digits), the term files are the plain ones.
    @Test func theTermFilesAreThePlainOnesOnRandomPages() {
        var generator = SeededGenerator(seed: 15)
        let words = ["retry ", "Retries ", "circuit", " ", "caf\u{E9}", "cafe\u{301}", "\u{130}", "breaker", "s", "-", "42", "a", "Open ", "\u{1F600}"]
        for _ in 0..<150 {
            let shardCount = [1, 2, 4, 7][generator.next(4)]
            let pages = (0..<generator.next(6)).map { _ -> [SearchIndex.Entry] in
                var title = generator.text(of: words, upTo: 4)
                return (0..<generator.next(5)).map { _ in
                    if generator.next(5) == 0 { title = generator.text(of: words, upTo: 4) }
                    let heading = generator.next(2) == 0 ? "" : generator.text(of: words, upTo: 4)
                    let text = String(repeating: generator.text(of: words, upTo: 8), count: 1 + generator.next(4) * generator.next(8))
                    return SearchIndex.Entry(page: title, heading: heading, url: "p.html", indexed: (heading.isEmpty ? title : heading) + " " + text, excerpt: "")
                }
            }
            let files = SearchIndex.files(pages.map { SearchIndex.PagePart($0, shardCount: shardCount) }, shardCount: shardCount)
            let terms = Dictionary(uniqueKeysWithValues: files.filter { $0.0.hasPrefix("search/terms-") }.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
            #expect(terms == Self.plainTermFiles(pages, shardCount: shardCount))
        }
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

    /// An excerpt as the rule says it plainly: the first 160 characters (grapheme clusters),
    /// cut back to the last space, with "…", or the whole text when it is no longer.
    static func plainExcerpt(_ text: String) -> String {
        guard text.count > 160 else { return text }
        var cut = String(text.prefix(160))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }

    /// Excerpts cut by bytes where the text is ASCII are the rule's, on texts that end near
    /// the cut, with CR LF, accents, combining marks and emoji on either side of it.
    @Test func excerptsAreCutAsTheRuleSays() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", " ", "  ", "word", "\r\n", "\r", "\n", "é", "e\u{301}", "\u{301}", "👍🏽", "日本", "-"]
        var texts = [String(repeating: "a", count: 160), String(repeating: "a", count: 161), String(repeating: "ab ", count: 60),
                     String(repeating: "a", count: 159) + "\r\n", String(repeating: "a", count: 160) + "\u{301}",
                     String(repeating: "a ", count: 80) + "e\u{301}", ""]
        for _ in 0..<500 {
            let lead = String(repeating: "x", count: Int.random(in: 140...170, using: &generator))
            texts.append(lead + (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(SearchIndex.excerpt(text) == Self.plainExcerpt(text), "\(text.debugDescription)")
        }
    }
}
