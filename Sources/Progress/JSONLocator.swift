/// Finds where a value stands in JSON text, for problems reported by line and column:
/// Foundation's parser gives values but not their positions.
///
/// It only skips over values (strings with their escapes, nested objects and arrays), on
/// text that has parsed already.
struct JSONLocator {
    /// One step into a value: an object's key or an array's index.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line and column (1-based, columns in characters) of the value at `path`; of the
    /// deepest value on the way that exists when the path goes further than the text.
    func lineAndColumn(of path: [Step]) -> (line: Int, column: Int) {
        lineAndColumn(ofOffset: offset(of: path))
    }

    /// The line and column of a byte offset.
    func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(max(offset, 0), bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
        }
        return (line, column)
    }

    /// The byte offset of the value at `path`.
    func offset(of path: [Step]) -> Int {
        var at = skipSpace(0)
        for step in path {
            guard at < bytes.count else { break }
            switch step {
            case .key(let wanted):
                guard bytes[at] == UInt8(ascii: "{") else { return at }
                var cursor = skipSpace(at + 1)
                var found: Int?
                while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
                    let keyEnd = skipString(cursor)
                    let key = String(decoding: bytes[(cursor + 1)..<max(cursor + 1, keyEnd - 1)], as: UTF8.self)
                    cursor = skipSpace(keyEnd)
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") { cursor = skipSpace(cursor + 1) }
                    if key == wanted { found = cursor; break }  // an escaped key is compared as written
                    cursor = skipSpace(skipValue(cursor))
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") { cursor = skipSpace(cursor + 1) }
                }
                guard let found else { return at }
                at = found
            case .index(let wanted):
                guard bytes[at] == UInt8(ascii: "[") else { return at }
                var cursor = skipSpace(at + 1)
                var index = 0
                while index < wanted, cursor < bytes.count, bytes[cursor] != UInt8(ascii: "]") {
                    cursor = skipSpace(skipValue(cursor))
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") { cursor = skipSpace(cursor + 1) }
                    index += 1
                }
                guard index == wanted, cursor < bytes.count, bytes[cursor] != UInt8(ascii: "]") else { return at }
                at = cursor
            }
        }
        return at
    }

    private func skipSpace(_ start: Int) -> Int {
        var at = start
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        return at
    }

    /// The offset just past the string starting at `start` (its opening quote).
    private func skipString(_ start: Int) -> Int {
        var at = start + 1
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\\"): at += 2
            case UInt8(ascii: "\""): return at + 1
            default: at += 1
            }
        }
        return at
    }

    /// The offset just past the value starting at `start`.
    private func skipValue(_ start: Int) -> Int {
        guard start < bytes.count else { return start }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return skipString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var at = start
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\""): at = skipString(at); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return at + 1 }
                default: break
                }
                at += 1
            }
            return at
        default:
            var at = start
            while at < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
            return at
        }
    }
}
