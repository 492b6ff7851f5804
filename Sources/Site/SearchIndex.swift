import Foundation
import Support

/// The site's search index: one entry per heading section of every page, sharded so that a
/// query loads only what it needs, and what a 270-page course's first query loads stays
/// well under a megabyte.
///
/// Files, in the site's `search/` folder, each a script that hands its JSON to
/// `lecternSearchLoaded(name, value)` (a page opened from file:// can load a script, but
/// browsers refuse to fetch JSON there):
/// - `index.js` (`"index"`): `{"version":2,"shards":N,"block":B,"pages":[[title,url]…],
///   "entries":[[page,heading,anchor]…]}`, one entry per section, in page order.
/// - `terms-K.js` (`"terms-K"`): `{"term":[entry,value,entry,value…]…}`, the terms whose
///   first two characters hash to shard K (`shard(of:count:)`, which `site.js` repeats), each
///   with the entries holding it. `value` is the term's count in the entry (at most 20), plus
///   100 when the term is in the page title or the section's heading, 200 when in the heading.
/// - `text-J.js` (`"text-J"`): the excerpts of entries J·B to J·B+B−1, loaded for the results
///   a query shows.
/// Terms follow `SearchTokenizer`'s rules; no external service is involved.
public struct SearchIndex: Sendable {
    /// One searchable section.
    public struct Entry: Sendable, Equatable {
        /// The page's title.
        public var page: String
        /// The section's heading, empty for the text before a page's first heading.
        public var heading: String
        /// The link from the site root, with the heading's anchor: `04-deploy/lesson.html#metrics`.
        public var url: String
        /// The text whose terms are indexed: the section's heading (the page's title for the
        /// text before its first heading), then its text.
        public var indexed: String
        /// The first words of the section, shown under a result.
        public var excerpt: String
    }

    /// The folder of the index's files in the site.
    public static let folder = "search"
    /// Entries per excerpt file.
    static let block = 100

    /// The entries of one page, from its outline.
    static func entries(pageTitle: String, url: String, outline: PageOutline) -> [Entry] {
        outline.sections.map { section in
            let heading = section.heading?.text ?? ""
            let anchor = section.heading.map { "#" + $0.id } ?? ""
            return Entry(page: pageTitle, heading: heading, url: url + anchor,
                         indexed: (section.heading == nil ? pageTitle : heading) + " " + section.text,
                         excerpt: excerpt(section.text))
        }
    }

    /// The first `limit` characters of `text`, cut back to a space, with "…" when cut.
    static func excerpt(_ text: String, limit: Int = 160) -> String {
        // Where the first `limit + 1` bytes are ASCII other than CR, characters are bytes: the
        // cut is found in the bytes, without walking grapheme clusters (every section of every
        // page has an excerpt). Otherwise at most `limit` characters are walked.
        let utf8 = text.utf8
        if utf8.count > limit, utf8.prefix(limit + 1).allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            var cut = utf8.prefix(limit)
            if let space = cut.lastIndex(of: UInt8(ascii: " ")) { cut = cut[..<space] }
            return String(Substring(cut)) + "…"
        }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else { return text }
        var cut = text[..<end]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return String(cut) + "…"
    }

    /// How many term shards an index of `pages` pages gets: about one per eight pages, a power
    /// of two from 1 to 128.
    static func shardCount(pages: Int) -> Int {
        var count = 1
        while count < 128 && count * 8 < pages { count *= 2 }
        return count
    }

    /// The shard of a term: its first two Unicode scalars, hashed. `site.js` computes the same.
    static func shard(of term: Substring, count: Int) -> Int {
        var term = String(term)
        return term.withUTF8 { shard(of: $0, count: count) }
    }

    /// The shard of a term given as UTF-8 bytes.
    static func shard(of term: UnsafeBufferPointer<UInt8>, count: Int) -> Int {
        var first = 0, second = 0
        if !term.isEmpty {
            let (value, length) = SearchTokenizer.scalar(in: term, at: 0)
            first = Int(value)
            if length < term.count { second = Int(SearchTokenizer.scalar(in: term, at: length).value) }
        }
        return (first &* 31 &+ second) % count
    }

    /// One page's part of the index, made on the thread that rendered the page: its entries
    /// (without their text) and its terms.
    struct PagePart: Sendable {
        var entries: [Entry]
        var terms: PageTerms

        init(_ entries: [Entry], shardCount: Int) {
            terms = PageTerms(entries, shardCount: shardCount)
            self.entries = entries.map { Entry(page: $0.page, heading: $0.heading, url: $0.url, indexed: "", excerpt: $0.excerpt) }
        }
    }

    /// The index's files (site path → bytes) from every page's part, in page order: `index.js`,
    /// the excerpt blocks, the term shards. Each file is made on its own core.
    static func files(_ parts: [PagePart], shardCount: Int) -> [(String, Data)] {
        var firstEntries: [Int] = []
        var total = 0
        for part in parts {
            firstEntries.append(total)
            total += part.entries.count
        }
        let firstEntry = firstEntries
        let excerpts = parts.flatMap { $0.entries.map(\.excerpt) }
        let blocks = (excerpts.count + block - 1) / block
        let terms = parts.map(\.terms)
        return Parallel.map(1 + blocks + shardCount) { file -> (String, Data) in
            if file == 0 { return ("\(folder)/index.js", indexScript(parts, shardCount: shardCount)) }
            if file <= blocks {
                let start = (file - 1) * block
                return ("\(folder)/text-\(file - 1).js", textScript(excerpts[start..<min(start + block, excerpts.count)], name: "text-\(file - 1)"))
            }
            let shard = file - 1 - blocks
            return ("\(folder)/terms-\(shard).js", ShardTerms(terms, shard: shard).script(name: "terms-\(shard)", firstEntry: firstEntry))
        }
    }

    /// `index.js`: the pages and the entries.
    private static func indexScript(_ parts: [PagePart], shardCount: Int) -> Data {
        var index: [UInt8] = []
        index.append(contentsOf: "lecternSearchLoaded(\"index\",{\"version\":2,\"shards\":\(shardCount),\"block\":\(block),\"pages\":[".utf8)
        var pageNumber: [Int] = []
        var pageCount = 0
        for part in parts {
            pageNumber.append(pageCount)
            guard let first = part.entries.first else { continue }
            if pageCount > 0 { index.append(UInt8(ascii: ",")) }
            index.append(UInt8(ascii: "["))
            JSONString.append(first.page, to: &index)
            index.append(UInt8(ascii: ","))
            JSONString.append(String(urlParts(first.url).page), to: &index)
            index.append(UInt8(ascii: "]"))
            pageCount += 1
        }
        index.append(contentsOf: "],\"entries\":[".utf8)
        var wroteEntry = false
        for (partIndex, part) in parts.enumerated() {
            for entry in part.entries {
                if wroteEntry { index.append(contentsOf: ",\n".utf8) }
                wroteEntry = true
                index.append(UInt8(ascii: "["))
                appendDecimal(pageNumber[partIndex], to: &index)
                index.append(UInt8(ascii: ","))
                JSONString.append(entry.heading, to: &index)
                index.append(UInt8(ascii: ","))
                JSONString.append(String(urlParts(entry.url).anchor), to: &index)
                index.append(UInt8(ascii: "]"))
            }
        }
        index.append(contentsOf: "]});\n".utf8)
        return Data(index)
    }

    /// A link split at its first `#`: the page, and the anchor after the `#` (empty when none).
    private static func urlParts(_ url: String) -> (page: Substring, anchor: Substring) {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url[...], "") }
        return (url[..<hash], url[url.utf8.index(after: hash)...])
    }

    /// `text-J.js`: one block of excerpts.
    private static func textScript(_ excerpts: ArraySlice<String>, name: String) -> Data {
        var out: [UInt8] = Array("lecternSearchLoaded(\"\(name)\",[".utf8)
        for (offset, excerpt) in excerpts.enumerated() {
            if offset > 0 { out.append(contentsOf: ",\n".utf8) }
            JSONString.append(excerpt, to: &out)
        }
        out.append(contentsOf: "]);\n".utf8)
        return Data(out)
    }

    /// A non-negative number's decimal digits, without making a String of each (the index
    /// holds hundreds of thousands of numbers, none of them long).
    static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
