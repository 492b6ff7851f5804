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
            var term: Substring
            var entry: Int  // within the page
            var value: Int
        }
        var entries: [Entry]
        var shards: [[Posting]]

        init(_ entries: [Entry], shardCount: Int) {
            shards = Array(repeating: [], count: shardCount)
            for (index, entry) in entries.enumerated() {
                var counts: [Substring: Int] = [:]
                for term in entry.terms.split(separator: " ") { counts[term, default: 0] += 1 }
                let titleTerms = Set(SearchTokenizer.termString(entry.page + " " + entry.heading).split(separator: " "))
                let headingTerms = entry.heading.isEmpty ? [] : Set(SearchTokenizer.termString(entry.heading).split(separator: " "))
                for (term, count) in counts {
                    let bonus = headingTerms.contains(term) ? 200 : titleTerms.contains(term) ? 100 : 0
                    shards[SearchIndex.shard(of: term, count: shardCount)].append(Posting(term: term, entry: index, value: min(count, 20) + bonus))
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
            JSONText.append(first.page, to: &index)
            index.append(UInt8(ascii: ","))
            JSONText.append(url, to: &index)
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
                JSONText.append(entry.heading, to: &index)
                index.append(UInt8(ascii: ","))
                let anchor = entry.url.firstIndex(of: "#").map { String(entry.url[entry.url.index(after: $0)...]) } ?? ""
                JSONText.append(anchor, to: &index)
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
                JSONText.append(excerpt, to: &out)
            }
            out.append(contentsOf: "]);\n".utf8)
            files.append(("\(folder)/text-\(start / block).js", Data(out)))
        }

        // terms-K.js: postings by term, terms sorted, entries in page order.
        let firstEntry = starts
        let shards = Parallel.map(shardCount) { shard -> Data in
            var postings: [Substring: [Int]] = [:]
            for (partIndex, part) in parts.enumerated() {
                for posting in part.shards[shard] {
                    postings[posting.term, default: []].append(contentsOf: [firstEntry[partIndex] + posting.entry, posting.value])
                }
            }
            var out: [UInt8] = Array("lecternSearchLoaded(\"terms-\(shard)\",{".utf8)
            for (offset, term) in postings.keys.sorted().enumerated() {
                if offset > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONText.append(String(term), to: &out)
                out.append(contentsOf: ":[".utf8)
                out.append(contentsOf: postings[term]!.map(String.init).joined(separator: ",").utf8)
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: "});\n".utf8)
            return Data(out)
        }
        for (shard, data) in shards.enumerated() { files.append(("\(folder)/terms-\(shard).js", data)) }
        return files
    }
}

/// JSON string literals, written by hand for speed on multi-megabyte indexes. Also escapes
/// `<`, `>` and `&` so the text can sit inside an HTML script element.
enum JSONText {
    static func append(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0  // the start of the bytes not yet copied
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[runStart..<index])
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        out.append(contentsOf: (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                        index += 3
                        runStart = index
                        continue
                    }
                    out.append(byte)
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                index += 1
                runStart = index
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
