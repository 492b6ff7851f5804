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
        /// The terms of the title, heading and text, space-separated.
        public var terms: String
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
                         terms: SearchTokenizer.termString(section.heading == nil ? pageTitle + " " + section.text : heading + " " + section.text),
                         excerpt: excerpt(section.text))
        }
    }

    static func excerpt(_ text: String, limit: Int = 160) -> String {
        // Counts at most `limit` characters, not the whole (often long) section.
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else { return text }
        var cut = text[..<end]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
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
        var scalars = term.unicodeScalars.makeIterator()
        let first = Int(scalars.next()?.value ?? 0), second = Int(scalars.next()?.value ?? 0)
        return (first &* 31 &+ second) % count
    }

    /// One page's part of the index, made on the thread that rendered the page: its entries
    /// (without their terms) and, per shard, each entry's terms with their values.
    struct PagePart: Sendable {
        struct Posting: Sendable {
            var term: SearchTerm
            var entry: Int  // within the page
            var value: Int
        }
        var entries: [Entry]
        var shards: [[Posting]]

        init(_ entries: [Entry], shardCount: Int) {
            shards = Array(repeating: [], count: shardCount)
            // A page's entries share its title: its terms are counted once per title.
            var title: String?
            var titleTerms = TermCounts("")
            for (index, entry) in entries.enumerated() {
                if entry.page != title {
                    title = entry.page
                    titleTerms = TermCounts(SearchTokenizer.termString(entry.page))
                }
                let counted = TermCounts(entry.terms)
                let headingTerms = TermCounts(entry.heading.isEmpty ? "" : SearchTokenizer.termString(entry.heading))
                for distinct in counted.terms.indices {
                    let term = SearchTerm(text: counted.terms[distinct], bytesHash: counted.hashes[distinct])
                    let bonus = headingTerms.contains(term) ? 200 : titleTerms.contains(term) ? 100 : 0
                    shards[SearchIndex.shard(of: term.text, count: shardCount)].append(
                        Posting(term: term, entry: index, value: min(counted.counts[distinct], 20) + bonus))
                }
            }
            self.entries = entries.map { Entry(page: $0.page, heading: $0.heading, url: $0.url, terms: "", excerpt: $0.excerpt) }
        }
    }

    /// The index's files (site path → bytes) from every page's part, in page order. Shards are
    /// assembled in parallel.
    static func files(_ parts: [PagePart], shardCount: Int) -> [(String, Data)] {
        var starts: [Int] = []
        var total = 0
        for part in parts {
            starts.append(total)
            total += part.entries.count
        }
        var files: [(String, Data)] = []
        // index.js: pages and entries.
        var index: [UInt8] = []
        index.append(contentsOf: "lecternSearchLoaded(\"index\",{\"version\":2,\"shards\":\(shardCount),\"block\":\(block),\"pages\":[".utf8)
        var pageNumber: [Int] = []
        var pageCount = 0
        for part in parts {
            pageNumber.append(pageCount)
            guard let first = part.entries.first else { continue }
            if pageCount > 0 { index.append(UInt8(ascii: ",")) }
            let url = first.url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? first.url
            index.append(UInt8(ascii: "["))
            JSONString.append(first.page, to: &index)
            index.append(UInt8(ascii: ","))
            JSONString.append(url, to: &index)
            index.append(UInt8(ascii: "]"))
            pageCount += 1
        }
        index.append(contentsOf: "],\"entries\":[".utf8)
        var wroteEntry = false
        for (partIndex, part) in parts.enumerated() {
            for entry in part.entries {
                if wroteEntry { index.append(contentsOf: ",\n".utf8) }
                wroteEntry = true
                index.append(contentsOf: "[\(pageNumber[partIndex]),".utf8)
                JSONString.append(entry.heading, to: &index)
                index.append(UInt8(ascii: ","))
                let anchor = entry.url.firstIndex(of: "#").map { String(entry.url[entry.url.index(after: $0)...]) } ?? ""
                JSONString.append(anchor, to: &index)
                index.append(UInt8(ascii: "]"))
            }
        }
        index.append(contentsOf: "]});\n".utf8)
        files.append(("\(folder)/index.js", Data(index)))

        // text-J.js: excerpts in blocks.
        let excerpts = parts.flatMap { $0.entries.map(\.excerpt) }
        for start in stride(from: 0, to: excerpts.count, by: block) {
            var out: [UInt8] = Array("lecternSearchLoaded(\"text-\(start / block)\",[".utf8)
            for (offset, excerpt) in excerpts[start..<min(start + block, excerpts.count)].enumerated() {
                if offset > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONString.append(excerpt, to: &out)
            }
            out.append(contentsOf: "]);\n".utf8)
            files.append(("\(folder)/text-\(start / block).js", Data(out)))
        }

        // terms-K.js: postings by term, terms sorted, entries in page order.
        let firstEntry = starts
        let shards = Parallel.map(shardCount) { shard -> Data in
            var postings = ShardPostings(capacity: parts.reduce(0) { $0 + $1.shards[shard].count })
            for (partIndex, part) in parts.enumerated() {
                for posting in part.shards[shard] {
                    postings.append(posting.term, entry: firstEntry[partIndex] + posting.entry, value: posting.value)
                }
            }
            var out: [UInt8] = Array("lecternSearchLoaded(\"terms-\(shard)\",{".utf8)
            for (offset, (term, numbers)) in postings.sortedByTerm.enumerated() {
                if offset > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONString.append(String(term.text), to: &out)
                out.append(contentsOf: ":[".utf8)
                for (position, number) in numbers.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    appendDecimal(number, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: "});\n".utf8)
            return Data(out)
        }
        for (shard, data) in shards.enumerated() { files.append(("\(folder)/terms-\(shard).js", data)) }
        return files
    }

    /// A non-negative number's decimal digits, without making a String of each (the index
    /// holds hundreds of thousands of numbers, none of them long).
    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}

/// One term shard's postings gathered by term: each term's entries and values, in the order
/// they were added (page order). An open-addressing table on the terms' FNV-1a hashes, which
/// each term carries from where it was counted; a Dictionary hashed each again with SipHash,
/// and was the merge's largest cost in profiles.
struct ShardPostings {
    private var slots: [Int32]
    private var terms: [SearchTerm] = []
    /// Each term's entries and values, interleaved: entry, value, entry, value…
    private var lists: [[Int]] = []

    /// A table sized for `capacity` distinct terms; it grows past them.
    init(capacity: Int) {
        slots = Self.emptySlots(for: capacity)
    }

    private static func emptySlots(for capacity: Int) -> [Int32] {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        return Array(repeating: -1, count: size)
    }

    mutating func append(_ term: SearchTerm, entry: Int, value: Int) {
        if terms.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: term.bytesHash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 {
                slots[slot] = Int32(terms.count)
                terms.append(term)
                lists.append([entry, value])
                return
            }
            if terms[index] == term {
                lists[index].append(entry)
                lists[index].append(value)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Twice the slots, the terms placed again: probing stays short when more terms come.
    private mutating func grow() {
        slots = Self.emptySlots(for: slots.count)
        let mask = slots.count - 1
        for (index, term) in terms.enumerated() {
            var slot = Int(truncatingIfNeeded: term.bytesHash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The terms in byte order, each with its list.
    var sortedByTerm: [(SearchTerm, [Int])] {
        terms.indices.sorted { terms[$0] < terms[$1] }.map { (terms[$0], lists[$0]) }
    }
}

/// A term as the index keys it: hashed, compared and sorted by its UTF-8 bytes, as site.js
/// matches it. (A String's hashing and ordering go through Unicode normalization, which
/// showed in the profile of a course whose index holds hundreds of thousands of postings.)
/// It carries its bytes' FNV-1a hash (`TermCounts.hash`), made once where the term is counted:
/// merging every page's postings hashes each term again and again.
struct SearchTerm: Hashable, Comparable, Sendable {
    let text: Substring
    let bytesHash: UInt64

    init(text: Substring) {
        var text = text
        bytesHash = text.withUTF8 { TermCounts.hash($0) }
        self.text = text
    }

    init(text: Substring, bytesHash: UInt64) {
        self.text = text
        self.bytesHash = bytesHash
    }

    static func == (a: SearchTerm, b: SearchTerm) -> Bool {
        a.bytesHash == b.bytesHash && a.text.utf8.count == b.text.utf8.count && compare(a, b) == 0
    }

    static func < (a: SearchTerm, b: SearchTerm) -> Bool {
        compare(a, b) < 0
    }

    /// Byte order (memcmp, then length), as UTF-8's order is the order of code points.
    private static func compare(_ a: SearchTerm, _ b: SearchTerm) -> Int {
        let compared = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count) == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                return common != 0 ? Int(common) : x.count - y.count
            }
        }
        if let compared, let compared { return compared }
        return a.text.utf8.lexicographicallyPrecedes(b.text.utf8) ? -1 : a.text.utf8.elementsEqual(b.text.utf8) ? 0 : 1
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }
}
