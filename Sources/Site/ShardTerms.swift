import Foundation
import Support

/// One term shard of the search index, gathered from every page's terms: each distinct term
/// once, with the pages that hold it in page order, written as `terms-K.js`.
///
/// The pages' terms are read through a buffer pointer: an element of the array bound to a
/// name (`let terms = pages[page]`) was copied, its arrays retained and released, once for
/// each of the shard's terms on each page, which showed in profiles.
struct ShardTerms {
    private let pages: [PageTerms]
    /// The shard's distinct terms, numbered in the order they first come.
    private var table: TermTable
    /// Where each term is held: (page, the page's term), chained in page order from `first[n]`
    /// through `next`.
    private var holders: [(page: Int32, term: Int32)] = []
    private var next: [Int32] = []
    private var first: [Int32] = []
    private var last: [Int32] = []

    init(_ pages: [PageTerms], shard: Int) {
        self.pages = pages
        var table = TermTable()
        var holders: [(page: Int32, term: Int32)] = []
        var next: [Int32] = [], first: [Int32] = [], last: [Int32] = []
        pages.withUnsafeBufferPointer { pages in
            var capacity = 0
            for page in pages.indices { capacity += Int(pages[page].shardStarts[shard + 1] - pages[page].shardStarts[shard]) }
            table = TermTable(capacity: capacity)
            holders.reserveCapacity(capacity)
            next.reserveCapacity(capacity)
            for page in pages.indices {
                for position in Int(pages[page].shardStarts[shard])..<Int(pages[page].shardStarts[shard + 1]) {
                    let term = Int(pages[page].byShard[position])
                    pages[page].withTerm(term) { key in
                        let (number, inserted) = table.number(key, hash: pages[page].keys.hashes[term])
                        let holder = Int32(holders.count)
                        holders.append((Int32(page), Int32(term)))
                        next.append(-1)
                        if inserted {
                            first.append(holder)
                            last.append(holder)
                        } else {
                            next[Int(last[number])] = holder
                            last[number] = holder
                        }
                    }
                }
            }
        }
        self.table = table
        self.holders = holders
        self.next = next
        self.first = first
        self.last = last
    }

    /// The shard's script: `lecternSearchLoaded(name, {"term":[entry,value,…],…})`, terms in
    /// byte order (UTF-8's order is the order of code points), entries numbered from
    /// `firstEntry` of their page.
    func script(name: String, firstEntry: [Int]) -> Data {
        var out: [UInt8] = Array("lecternSearchLoaded(\"\(name)\",{".utf8)
        table.withKeys { term in pages.withUnsafeBufferPointer { pages in
            let order = (0..<first.count).sorted { a, b in
                let x = term(a), y = term(b)
                let common = min(x.count, y.count)
                let compared = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return compared != 0 ? compared < 0 : x.count < y.count
            }
            for (offset, number) in order.enumerated() {
                if offset > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONString.append(utf8: term(number), to: &out)
                out.append(contentsOf: ":[".utf8)
                var holder = Int(first[number])
                var wrote = false
                while holder >= 0 {
                    let (page, pageTerm) = (Int(holders[holder].page), Int(holders[holder].term))
                    let offset = firstEntry[page]
                    for position in stride(from: Int(pages[page].postingStarts[pageTerm]), to: Int(pages[page].postingStarts[pageTerm + 1]), by: 2) {
                        if wrote { out.append(UInt8(ascii: ",")) }
                        wrote = true
                        SearchIndex.appendDecimal(offset + Int(pages[page].postings[position]), to: &out)
                        out.append(UInt8(ascii: ","))
                        SearchIndex.appendDecimal(Int(pages[page].postings[position + 1]), to: &out)
                    }
                    holder = Int(next[holder])
                }
                out.append(UInt8(ascii: "]"))
            }
        } }
        out.append(contentsOf: "});\n".utf8)
        return Data(out)
    }
}
