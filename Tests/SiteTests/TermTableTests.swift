import Testing
import TestSupport
@testable import Site

/// Numbering distinct keys by their hashes, the caller keeping the keys.
@Suite struct TermTableTests {
    /// Numbers `keys` through a table, comparing the keys as the search index compares bytes.
    static func numbers(_ keys: [String], capacity: Int = 0, hash: (String) -> UInt64 = Self.hash) -> [Int] {
        var table = TermTable(capacity: capacity)
        var kept: [String] = []
        return keys.map { key in
            let (number, inserted) = table.number(hash: hash(key)) { kept[$0] == key }
            if inserted { kept.append(key) }
            return number
        }
    }

    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { TermTable.hash($0) }
    }

    @Test func keysAreNumberedInTheOrderTheyFirstCome() {
        #expect(Self.numbers(["retry", "circuit", "retry", "breaker", "circuit"]) == [0, 1, 0, 2, 1])
    }

    /// Two keys whose hashes collide stay two keys: the caller's comparison decides.
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
}
