import Foundation
import Support

/// One term shard of the search index, gathered from every page's part: each distinct term
/// once, with the pages that hold it in page order, written as `terms-K.js`.
struct ShardTerms {
    private let parts: [SearchIndex.PagePart]
    /// The shard's distinct terms, numbered in the order they first come.
    private var table: TermTable
    /// Where each term is held: (page, the page's term), chained in page order from `first[n]`
    /// through `next`.
    private var holders: [(page: Int32, term: Int32)] = []
    private var next: [Int32] = []
    private var first: [Int32] = []
    private var last: [Int32] = []

    init(_ parts: [SearchIndex.PagePart], shard: Int) {
        self.parts = parts
        var capacity = 0
        for part in parts { capacity += Int(part.terms.shardStarts[shard + 1] - part.terms.shardStarts[shard]) }
        table = TermTable(capacity: capacity)
        holders.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
        for (page, part) in parts.enumerated() {
            let terms = part.terms
            for position in Int(terms.shardStarts[shard])..<Int(terms.shardStarts[shard + 1]) {
                let term = Int(terms.byShard[position])
                terms.withTerm(term) { key in
                    let (number, inserted) = table.number(key, hash: terms.keys.hashes[term])
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

    /// The shard's script: `lecternSearchLoaded(name, {"term":[entry,value,…],…})`, terms in
    /// byte order (UTF-8's order is the order of code points), entries numbered from
    /// `firstEntry` of their page.
    func script(name: String, firstEntry: [Int]) -> Data {
        var out: [UInt8] = Array("lecternSearchLoaded(\"\(name)\",{".utf8)
        table.withKeys { term in
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
                    let (page, pageTerm) = holders[holder]
                    let terms = parts[Int(page)].terms
                    let offset = firstEntry[Int(page)]
                    for position in stride(from: Int(terms.postingStarts[Int(pageTerm)]), to: Int(terms.postingStarts[Int(pageTerm) + 1]), by: 2) {
                        if wrote { out.append(UInt8(ascii: ",")) }
                        wrote = true
                        SearchIndex.appendDecimal(offset + Int(terms.postings[position]), to: &out)
                        out.append(UInt8(ascii: ","))
                        SearchIndex.appendDecimal(Int(terms.postings[position + 1]), to: &out)
                    }
                    holder = Int(next[holder])
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        out.append(contentsOf: "});\n".utf8)
        return Data(out)
    }
}
