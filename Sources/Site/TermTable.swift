import Foundation

/// Gives each distinct byte string a dense number (0, 1, 2, … in the order they first come),
/// in an open-addressing table of their hashes, and keeps their bytes one after another: the
/// search index numbers a page's terms and then each shard's, and a Dictionary of Substrings
/// (SipHash, then a String comparison per probe) was a seventh of a site build's CPU in profiles.
struct TermTable: Sendable {
    private var slots: [Int32]
    /// Each numbered key's hash.
    private(set) var hashes: [UInt64] = []
    /// The keys' bytes, one after another: key `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]

    /// A table sized for `capacity` keys; it grows past them.
    init(capacity: Int = 0) {
        slots = Self.emptySlots(for: capacity)
    }

    /// How many keys are numbered.
    var count: Int { hashes.count }

    /// The number of `key`, or a new number (`inserted`) when the table does not hold it yet.
    mutating func number(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        number(key, hash: Self.hash(key))
    }

    /// ``number(_:)`` with the key's hash worked out before (`hash(_:)`, or any other hash
    /// given for every key of this table).
    @inline(__always)
    mutating func number(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int, inserted: Bool) {
        if hashes.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = bytes.withUnsafeBufferPointer { known in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                if hashes[index] == hash {
                    let start = Int(starts[index]), length = Int(starts[index + 1]) - start
                    if length == key.count && (length == 0 || memcmp(known.baseAddress! + start, key.baseAddress!, length) == 0) { return index }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return (found, false) }
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(Int32(bytes.count))
        return (hashes.count - 1, true)
    }

    /// Calls `body` with a function giving each key's bytes (valid only during the call).
    func withKeys<R>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in
            body { number in UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]) }
        }
    }

    /// Calls `body` with key `number`'s bytes.
    func withKey<R>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withKeys { key in body(key(number)) }
    }

    /// FNV-1a, with its high bits folded down: a slot comes from the low bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 32)
    }

    private static func emptySlots(for capacity: Int) -> [Int32] {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        return Array(repeating: -1, count: size)
    }

    /// Twice the slots, the keys placed again: probing stays short as keys come.
    private mutating func grow() {
        slots = Self.emptySlots(for: slots.count)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
