import Foundation

/// One page's terms for the search index: each distinct term once, with the page's entries
/// (sections) that hold it and a value for each, grouped by term shard.
///
/// Counted as the tokenizer finds the terms (`SearchTokenizer.forEachTerm`), in one table
/// for the whole page: the index's merge then looks up each term once per page rather than
/// once per section, and no term becomes a String or Substring on the way.
struct PageTerms: Sendable {
    /// The distinct terms, numbered in the order they first come, with their bytes and hashes.
    private(set) var keys = TermTable()
    /// Term `t`'s postings, in entry order, are `postings[postingStarts[t]..<postingStarts[t + 1]]`:
    /// entry (within the page), value, entry, value…
    private(set) var postingStarts: [Int32] = [0]
    private(set) var postings: [Int32] = []
    /// The terms with postings, by shard: shard `k`'s are `byShard[shardStarts[k]..<shardStarts[k + 1]]`.
    private(set) var shardStarts: [Int32] = [0]
    private(set) var byShard: [Int32] = []

    /// The terms of `entries`, each entry's value for a term being its count there (at most
    /// 20), plus 200 when the term is in the entry's heading, or else 100 when in the page's title.
    init(_ entries: [SearchIndex.Entry], shardCount: Int) {
        var counter = Counter()
        var title: String?
        for (index, entry) in entries.enumerated() {
            if entry.page != title {
                title = entry.page
                counter.markTitle(entry.page)
            }
            counter.count(entry.indexed, entry: Int32(index), heading: entry.heading)
        }
        self = counter.terms(shardCount: shardCount)
    }

    private init() {}

    /// How many distinct terms the page has, those only in a title or heading included.
    var count: Int { keys.count }

    /// Calls `body` with term `t`'s bytes.
    func withTerm<R>(_ term: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        keys.withKey(term, body)
    }

    /// The state of counting one page, entry by entry.
    private struct Counter {
        /// What counting knows of one term.
        struct State {
            /// The last entry the term was counted in, and its count there.
            var lastEntry: Int32 = -1
            var count: Int32 = 0
            /// The entry whose heading holds the term, and the title (by number) that holds it.
            var headingEntry: Int32 = -1
            var titleMark: Int32 = 0
        }

        var table = TermTable()
        var states: [State] = []
        var title: Int32 = 0
        /// The terms counted in the current entry.
        var touched: [Int32] = []
        /// Postings in entry order: term, entry, value.
        var found: [Int32] = []

        /// The number of the term with these bytes, numbered now if new.
        mutating func number(_ term: UnsafeBufferPointer<UInt8>) -> Int {
            let (number, inserted) = table.number(term)
            if inserted { states.append(State()) }
            return number
        }

        mutating func markTitle(_ text: String) {
            title += 1
            SearchTokenizer.forEachTerm(text) { term in
                states[number(term)].titleMark = title
            }
        }

        mutating func count(_ text: String, entry: Int32, heading: String) {
            if !heading.isEmpty {
                SearchTokenizer.forEachTerm(heading) { term in
                    states[number(term)].headingEntry = entry
                }
            }
            SearchTokenizer.forEachTerm(text) { term in
                let index = number(term)
                if states[index].lastEntry == entry {
                    states[index].count += 1
                } else {
                    states[index].lastEntry = entry
                    states[index].count = 1
                    touched.append(Int32(index))
                }
            }
            for index in touched {
                let state = states[Int(index)]
                let bonus: Int32 = state.headingEntry == entry ? 200 : state.titleMark == title ? 100 : 0
                found.append(index)
                found.append(entry)
                found.append(min(state.count, 20) + bonus)
            }
            touched.removeAll(keepingCapacity: true)
        }

        /// The counted terms, their postings grouped by term and the terms by shard.
        func terms(shardCount: Int) -> PageTerms {
            var result = PageTerms()
            result.keys = table
            // Postings by term, each term's in entry order (a counting sort keeps the order).
            var postingStarts = [Int32](repeating: 0, count: table.count + 1)
            for position in stride(from: 0, to: found.count, by: 3) { postingStarts[Int(found[position]) + 1] += 2 }
            for index in 0..<table.count { postingStarts[index + 1] += postingStarts[index] }
            var next = postingStarts
            var postings = [Int32](repeating: 0, count: found.count / 3 * 2)
            for position in stride(from: 0, to: found.count, by: 3) {
                let term = Int(found[position])
                postings[Int(next[term])] = found[position + 1]
                postings[Int(next[term]) + 1] = found[position + 2]
                next[term] += 2
            }
            // Terms with postings by shard (a term only in a title or heading has none).
            var shardOf = [Int32](repeating: -1, count: table.count)
            var shardStarts = [Int32](repeating: 0, count: shardCount + 1)
            table.withKeys { key in
                for term in 0..<table.count where postingStarts[term + 1] > postingStarts[term] {
                    let shard = SearchIndex.shard(of: key(term), count: shardCount)
                    shardOf[term] = Int32(shard)
                    shardStarts[shard + 1] += 1
                }
            }
            for shard in 0..<shardCount { shardStarts[shard + 1] += shardStarts[shard] }
            var place = shardStarts
            var byShard = [Int32](repeating: 0, count: Int(shardStarts[shardCount]))
            for term in 0..<table.count where shardOf[term] >= 0 {
                let shard = Int(shardOf[term])
                byShard[Int(place[shard])] = Int32(term)
                place[shard] += 1
            }
            result.postingStarts = postingStarts
            result.postings = postings
            result.shardStarts = shardStarts
            result.byShard = byShard
            return result
        }
    }
}
