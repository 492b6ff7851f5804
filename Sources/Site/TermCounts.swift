import Foundation

/// The distinct terms of a term string (`SearchTokenizer.termString`: single spaces between
/// terms) with how often each occurs, keyed by their UTF-8 bytes as `SearchTerm` is.
///
/// The search index counts the terms of every section of every page; a Dictionary keyed by
/// Substrings (an array of terms, then SipHash per lookup) was a seventh of a site build's CPU
/// in profiles. This counts in one pass over the bytes with an open-addressing table of
/// FNV-1a hashes, and makes a Substring only per distinct term.
struct TermCounts {
    /// The distinct terms, in the order they first occur.
    private(set) var terms: [Substring] = []
    /// How often each of `terms` occurs.
    private(set) var counts: [Int] = []
    /// The hash of each of `terms`' bytes (`hash(_:)`).
    private(set) var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var slots: [Int32] = []  // index into the arrays above, -1 when empty
    private let text: String

    init(_ termString: String) {
        text = termString
        var bytes = termString
        bytes.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return }
            var spaces = 0
            for byte in utf8 where byte == 0x20 { spaces += 1 }
            var capacity = 16
            while capacity < (spaces + 1) * 2 { capacity *= 2 }
            slots = Array(repeating: -1, count: capacity)
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count, utf8[end] != 0x20 { end += 1 }
                if end > start { add(utf8, start: start, end: end) }
                start = end + 1
            }
        }
        let view = text.utf8
        terms = zip(starts, lengths).map { start, length in
            let from = view.index(view.startIndex, offsetBy: start)
            return Substring(view[from..<view.index(from, offsetBy: length)])
        }
    }

    /// Whether `term` is one of the terms.
    func contains(_ term: SearchTerm) -> Bool {
        guard !slots.isEmpty else { return false }
        var key = term.text
        return key.withUTF8 { key in
            var utf8 = text
            return utf8.withUTF8 { bytes in find(key, hash: term.bytesHash, in: bytes) != nil }
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let hash = Self.hash(key)
        if let found = find(key, hash: hash, in: bytes) {
            counts[found] += 1
            return
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(counts.count)
        hashes.append(hash)
        starts.append(start)
        lengths.append(end - start)
        counts.append(1)
    }

    /// The index of the term with these bytes, probing from its hash's slot.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if hashes[index] == hash, lengths[index] == key.count,
               memcmp(bytes.baseAddress! + starts[index], key.baseAddress!, key.count) == 0 {
                return index
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a, with its high bits folded down: the table's slot comes from the low bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 32)
    }
}
