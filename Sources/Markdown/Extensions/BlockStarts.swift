/// The block starts that cannot interrupt a paragraph in CommonMark but do end a table in
/// GFM (a table is not a paragraph): an ordered list item not numbered 1, an empty list
/// item, and an HTML block of the seventh kind (a lone complete tag). cmark kept such a line
/// in the paragraph that the table rewrite is splitting, so the rewrite checks for them itself.
enum BlockStarts {
    /// Whether the content (from its first non-blank byte) starts a block in a table's place.
    static func startsBlockAfterTable(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        listItemThatCannotInterrupt(bytes, range) || htmlBlockOfKindSeven(bytes, range)
    }

    /// `- `, `* `, `+ ` with nothing after them, `1.` with nothing after it, or `N.`/`N)` for N ≠ 1.
    static func listItemThatCannotInterrupt(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return false }
        var number: Int? = nil
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        } else {
            let digits = index
            var value = 0
            while index < end, index - digits < 10, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > digits, index - digits <= 9, index < end,
                  bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
            index += 1
            number = value
        }
        guard index == end || Bytes.isBlank(bytes[index]) else { return false }
        var rest = index
        while rest < end, Bytes.isBlank(bytes[rest]) { rest += 1 }
        let empty = rest == end
        if let number { return number != 1 || empty }
        return empty
    }

    /// A complete open or closing tag alone on the line (CommonMark's HTML block kind 7).
    static func htmlBlockOfKindSeven(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end, bytes[index] == UInt8(ascii: "<") else { return false }
        index += 1
        let closing = index < end && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        guard index < end, Bytes.isASCIILetter(bytes[index]) else { return false }
        while index < end, Bytes.isASCIIAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        if ["script", "style", "pre", "textarea"].contains(name) { return false }
        if closing {
            while index < end, isWhitespace(bytes[index]) { index += 1 }
        } else {
            while true {
                let beforeSpace = index
                while index < end, isWhitespace(bytes[index]) { index += 1 }
                guard index > beforeSpace, index < end, isAttributeNameStart(bytes[index]) else { break }
                index += 1
                while index < end, isAttributeNameStart(bytes[index]) || Bytes.isASCIIAlphanumeric(bytes[index])
                        || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                var afterName = index
                while afterName < end, isWhitespace(bytes[afterName]) { afterName += 1 }
                guard afterName < end, bytes[afterName] == UInt8(ascii: "=") else { continue }
                index = afterName + 1
                while index < end, isWhitespace(bytes[index]) { index += 1 }
                guard index < end else { return false }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    index += 1
                    while index < end, bytes[index] != quote { index += 1 }
                    guard index < end else { return false }
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, !isWhitespace(bytes[index]), !"\"'=<>`".utf8.contains(bytes[index]) { index += 1 }
                    guard index > valueStart else { return false }
                }
            }
            while index < end, isWhitespace(bytes[index]) { index += 1 }
            if index < end, bytes[index] == UInt8(ascii: "/") { index += 1 }
        }
        guard index < end, bytes[index] == UInt8(ascii: ">") else { return false }
        index += 1
        while index < end, isWhitespace(bytes[index]) { index += 1 }
        return index == end
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        Bytes.isSpaceChar(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        Bytes.isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
}
