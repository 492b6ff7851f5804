import Testing
import TestSupport
@testable import Site

/// Numbering distinct byte strings by their hashes, keeping their bytes.
@Suite struct TermTableTests {
    /// Numbers `keys` through a table, each with `hash` (the table's own when nil).
    static func numbers(_ keys: [String], capacity: Int = 0, hash: ((String) -> UInt64)? = nil) -> [Int] {
        var table = TermTable(capacity: capacity)
        return keys.map { key in
            Array(key.utf8).withUnsafeBufferPointer { bytes in
                (hash.map { table.number(bytes, hash: $0(key)) } ?? table.number(bytes)).number
            }
        }
    }

    @Test func keysAreNumberedInTheOrderTheyFirstCome() {
        #expect(Self.numbers(["retry", "circuit", "retry", "breaker", "circuit"]) == [0, 1, 0, 2, 1])
    }

    /// Two keys whose hashes collide stay two keys: the table compares their bytes.
    @Test func keysWithTheSameHashAreKeptApart() {
        #expect(Self.numbers(["retry", "probe", "retry", "probe"], hash: { _ in 42 }) == [0, 1, 0, 1])
    }

    /// Property: on random keys from a small alphabet (so they repeat and fill the table),
    /// from tables sized for fewer keys than come (so they grow), the numbers are those a
    /// Dictionary gives in order of first appearance.
    @Test func theNumbersAreADictionarysOnRandomKeys() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let keys = (0..<generator.next(400)).map { _ in generator.text(of: ["a", "b", "é", "ß", "1"], upTo: 4) }
            var expected: [String: Int] = [:]
            let numbers = keys.map { key in
                if let number = expected[key] { return number }
                expected[key] = expected.count
                return expected.count - 1
            }
            #expect(Self.numbers(keys, capacity: generator.next(8)) == numbers)
        }
    }

    /// Each numbered key's bytes are kept as they came, the empty key included.
    @Test func theKeysBytesAreKept() {
        var table = TermTable()
        for key in ["retry", "", "caf\u{E9}", "retry"] { _ = Array(key.utf8).withUnsafeBufferPointer { table.number($0) } }
        #expect(table.count == 3)
        #expect((0..<table.count).map { table.withKey($0) { String(decoding: $0, as: UTF8.self) } } == ["retry", "", "caf\u{E9}"])
    }
}
