/// Reads the rows of a GFM table from raw line content, as cmark-gfm's table extension does:
/// cells are separated by unescaped pipes (`\|` is a pipe in a cell, even inside a code
/// span), leading and trailing pipes are optional, and a delimiter row is pipes and cells of
/// hyphens with optional colons.
enum TableRows {
    /// The cells of a row, as byte ranges of `bytes` trimmed of blanks; nil when the line is
    /// not a row (it holds nothing but pipes and blanks, or no cell at all).
    static func cells(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>]? {
        var offset = range.lowerBound
        let end = range.upperBound
        offset += pipeAndBlanks(bytes, offset, end)
        var cells: [Range<Int>] = []
        while offset < end {
            let cellLength = cell(bytes, offset, end)
            let pipeLength = pipeAndBlanks(bytes, offset + cellLength, end)
            if cellLength > 0 || pipeLength > 0 {
                cells.append(trimmed(bytes, offset..<(offset + cellLength)))
            }
            offset += cellLength + pipeLength
            if pipeLength == 0 {
                // The last cell runs to the end of the line; only blanks may follow it.
                while offset < end, Bytes.isSpaceChar(bytes[offset]) { offset += 1 }
                if offset != end { return nil }
            }
        }
        return cells.isEmpty ? nil : cells
    }

    /// Whether the content is a delimiter row (`| --- | :-: |`, `--|--`, `:-`), with the
    /// alignment of each of its cells.
    static func delimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> [TableAlignment]? {
        guard isDelimiterRow(bytes, range), let cells = cells(bytes, range) else { return nil }
        return cells.map { cell in
            let left = bytes[cell.lowerBound] == UInt8(ascii: ":")
            let right = bytes[cell.upperBound - 1] == UInt8(ascii: ":")
            switch (left, right) {
            case (true, true): return .center
            case (true, false): return .left
            case (false, true): return .right
            case (false, false): return .none
            }
        }
    }

    /// `|? marker (| marker)* |? blanks` where a marker is `blanks :? -+ :? blanks`.
    private static func isDelimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        if index < end, bytes[index] == UInt8(ascii: "|") { index += 1 }
        while true {
            while index < end, Bytes.isSpaceChar(bytes[index]) { index += 1 }
            if index < end, bytes[index] == UInt8(ascii: ":") { index += 1 }
            let hyphens = index
            while index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index > hyphens else { return false }
            if index < end, bytes[index] == UInt8(ascii: ":") { index += 1 }
            while index < end, Bytes.isSpaceChar(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "|") else { break }
            index += 1
            // A pipe then nothing but blanks: the optional trailing pipe.
            var rest = index
            while rest < end, Bytes.isSpaceChar(bytes[rest]) { rest += 1 }
            if rest == end { return true }
        }
        return index == end
    }

    /// Cell content: escaped characters and anything but a pipe.
    private static func cell(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end, Bytes.isASCIIPunctuation(bytes[index + 1]) {
                index += 2
            } else if byte == UInt8(ascii: "|") {
                break
            } else {
                index += 1
            }
        }
        return index - start
    }

    /// A pipe and the blanks after it.
    private static func pipeAndBlanks(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        guard start < end, bytes[start] == UInt8(ascii: "|") else { return 0 }
        var index = start + 1
        while index < end, Bytes.isSpaceChar(bytes[index]) { index += 1 }
        return index - start
    }

    /// `range` without leading and trailing blanks (spaces, tabs, form feeds: a vertical tab
    /// stays, as in cmark-gfm).
    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        func isTrimmed(_ byte: UInt8) -> Bool { Bytes.isBlank(byte) || byte == 0x0C }
        while lower < upper, isTrimmed(bytes[lower]) { lower += 1 }
        while upper > lower, isTrimmed(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// A cell's text for inline parsing: `\|` becomes `|` (the pipe was escaped for the
    /// table, not for the inline parser), with where each backslash was left out.
    static func unescapedPipes(_ bytes: ArraySlice<UInt8>) -> (text: ArraySlice<UInt8>, omitted: [Int]) {
        guard bytes.contains(UInt8(ascii: "|")) else { return (bytes, []) }
        var text: [UInt8] = []
        var omitted: [Int] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "|") {
                omitted.append(text.count)
                index += 1
            }
            text.append(bytes[index])
            index += 1
        }
        return (text[...], omitted)
    }
}
