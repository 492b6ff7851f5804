/// Gives each distinct key a dense number (0, 1, 2, … in the order keys first come), in an
/// open-addressing table of the keys' hashes. The caller keeps the keys, and says whether a
/// numbered key equals the one looked up: the search index keys terms by bytes that live in
/// its own buffers, and a Dictionary of Substrings (SipHash, then a String comparison per
/// probe) was a seventh of a site build's CPU in profiles.
struct TermTable {
    private var slots: [Int32]
    /// Each numbered key's hash.
    private(set) var hashes: [UInt64] = []

    /// A table sized for `capacity` keys; it grows past them.
    init(capacity: Int = 0) {
        slots = Self.emptySlots(for: capacity)
    }

    /// How many keys are numbered.
    var count: Int { hashes.count }

    /// The number of the key with this hash for which `equals` says yes, or a new number
    /// (`inserted`) when none does. `equals` is asked only of keys with the same hash.
    @inline(__always)
    mutating func number(hash: UInt64, equals: (Int) -> Bool) -> (number: Int, inserted: Bool) {
        if hashes.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 {
                slots[slot] = Int32(hashes.count)
                hashes.append(hash)
                return (hashes.count - 1, true)
            }
            if hashes[index] == hash && equals(index) { return (index, false) }
            slot = (slot + 1) & mask
        }
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
