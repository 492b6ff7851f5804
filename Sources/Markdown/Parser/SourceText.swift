#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// The text one cmark parse reads, as bytes, with its lines: what the extension layer looks
/// at when cmark's tree does not say enough (a paragraph's raw lines, to find a table in them).
///
/// Lines end at `\n`, `\r\n` or `\r`, as CommonMark says; line and column numbers are 1-based
/// and count bytes, as cmark's source positions do.
final class SourceText {
    let bytes: [UInt8]
    /// The byte offset at which each line starts; worked out on first use.
    private(set) lazy var lineStarts: [Int] = Self.lineStarts(of: bytes)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var lineCount: Int { lineStarts.count }

    /// The bytes of line `number` without its line ending; empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// Which byte values occur in the text, found in one pass on first use: every extension
    /// asks whether its marker characters are there at all, and most texts hold few of them.
    private lazy var presentBytes: [Bool] = {
        var present = [Bool](repeating: false, count: 256)
        present.withUnsafeMutableBufferPointer { present in
            bytes.withUnsafeBufferPointer { buffer in
                for byte in buffer { present[Int(byte)] = true }
            }
        }
        return present
    }()

    /// Whether `needle` occurs anywhere in the text.
    func contains(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard pattern.allSatisfy({ presentBytes[Int($0)] }) else { return false }
        guard pattern.count > 1 else { return true }
        // memchr to each occurrence of the pattern's least common byte, memcmp around it: the
        // first byte of `markdown` or `[^` stands on every other line of a page.
        let anchor = pattern.indices.min { Self.commonness[Int(pattern[$0])] < Self.commonness[Int(pattern[$1])] }!
        return bytes.withUnsafeBufferPointer { haystack in
            guard haystack.count >= pattern.count else { return false }
            let last = haystack.count - pattern.count + anchor  // where the anchor can stand last
            var from = anchor
            while let at = ByteSearch.firstOffset(of: pattern[anchor], in: haystack, from: from), at <= last {
                if memcmp(haystack.baseAddress! + (at - anchor), pattern.baseAddress!, pattern.count) == 0 { return true }
                from = at + 1
            }
            return false
        }
    }

    /// How common each byte is in markdown prose, roughly: the space and English letters by
    /// their frequency first, then line feeds, common marks and capitals; 0 for the rest.
    /// (Counting a page's bytes to know exactly cost more than the searches it saved.)
    private static let commonness: [UInt8] = {
        var commonness = [UInt8](repeating: 0, count: 256)
        let byRank = Array(" etaoinsrhldcumfwgypbvk\n.,-*`#/()[]_:\"'xjqz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ=|>".utf8)
        for (rank, byte) in byRank.enumerated() { commonness[Int(byte)] = UInt8(byRank.count - rank) }
        return commonness
    }()

    /// Whether some byte of the text is one of `set`.
    func containsAny(of set: [UInt8]) -> Bool {
        set.contains { presentBytes[Int($0)] }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            if !ByteSearch.contains(UInt8(ascii: "\r"), in: buffer) {
                // Line feeds only (nearly every file).
                starts += ByteSearch.offsets(of: UInt8(ascii: "\n"), in: buffer).map { $0 + 1 }
                return
            }
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                } else if byte == UInt8(ascii: "\r") {
                    if index + 1 < count, buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        // A final line ending does not start another line.
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        return starts
    }
}

/// Byte-level helpers shared by the scanners of the extension layer.
enum Bytes {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// A space or tab: what CommonMark strips as indentation.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// What cmark-gfm's table scanners call a space character: space, tab, vertical tab, form feed.
    @inline(__always)
    static func isSpaceChar(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == 0x0B || byte == 0x0C }

    /// ASCII punctuation, the characters a backslash escapes.
    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The visual column (0-based, tab stops every 4) reached after the bytes of `line` up
    /// to `offset`, counting from the start of the line.
    static func visualColumn(of line: ArraySlice<UInt8>, upTo offset: Int) -> Int {
        var column = 0
        var index = line.startIndex
        while index < offset, index < line.endIndex {
            column = line[index] == tab ? column + 4 - column % 4 : column + 1
            index += 1
        }
        return column
    }
}
