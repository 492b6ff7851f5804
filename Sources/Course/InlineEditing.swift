import Markdown

/// Edits on runs of inline nodes, used to cut markers ("A) ", "Explanation:", ✅) out of a
/// line while keeping the rest of its markup.
enum InlineEditing {
    /// The plain text of a run of inlines.
    static func plainText(_ inlines: [MarkdownNode]) -> String {
        MarkdownNode(.paragraph, children: inlines).plainText()
    }

    /// The first byte of `plainText(inlines)` that is not a space or tab, found without
    /// building the text.
    static func firstNonSpaceByte(_ inlines: some Collection<MarkdownNode>) -> UInt8? {
        for node in inlines {
            switch node.kind {
            case .text, .code, .htmlInline:
                if let byte = node.literal.firstNonSpaceByte { return byte }
            case .softBreak, .lineBreak:
                continue  // a space in the plain text
            default:
                if let byte = firstNonSpaceByte(node.children) { return byte }
            }
        }
        return nil
    }

    /// Removes the first `count` characters of plain text, then leading whitespace.
    static func dropLeading(_ count: Int, from inlines: [MarkdownNode]) -> [MarkdownNode] {
        var remaining = count
        let cut = dropLeading(&remaining, from: inlines)
        return trimLeadingWhitespace(cut)
    }

    private static func dropLeading(_ remaining: inout Int, from inlines: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        for var node in inlines {
            if remaining <= 0 {
                result.append(node)
                continue
            }
            switch node.kind {
            case .text, .code, .htmlInline:
                // Only as many Characters as are dropped are walked: a long text is not counted whole.
                let literal = node.literal
                if let cut = literal.index(literal.startIndex, offsetBy: remaining, limitedBy: literal.endIndex), cut < literal.endIndex {
                    node.literal = String(literal[cut...])
                    remaining = 0
                    result.append(node)
                } else {
                    remaining -= literal.count
                }
            case .softBreak, .lineBreak:
                remaining -= 1
            default:
                node.children = dropLeading(&remaining, from: node.children)
                if !node.children.isEmpty { result.append(node) }
            }
        }
        return result
    }

    static func trimLeadingWhitespace(_ inlines: [MarkdownNode]) -> [MarkdownNode] {
        var result = inlines
        while let first = result.first {
            switch first.kind {
            case .text:
                // A text that starts with an ASCII byte other than whitespace is kept as it is,
                // without building a new String or copying the array.
                if let byte = first.literal.utf8.first, byte < 0x80, !Self.isASCIIWhitespace(byte) { return result }
                let trimmed = String(first.literal.drop(while: { $0.isWhitespace }))
                if trimmed.isEmpty {
                    result.removeFirst()
                    continue
                }
                result[0].literal = trimmed
                return result
            case .softBreak, .lineBreak:
                result.removeFirst()
            case .emphasis, .strong, .link:
                let inner = trimLeadingWhitespace(first.children)
                if inner.isEmpty {
                    result.removeFirst()
                    continue
                }
                result[0].children = inner
                return result
            default:
                return result
            }
        }
        return result
    }

    /// The ASCII bytes whose Character is whitespace: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func trimTrailingWhitespace(_ inlines: [MarkdownNode]) -> [MarkdownNode] {
        var result = inlines
        while let last = result.last {
            switch last.kind {
            case .text:
                if let byte = last.literal.utf8.last, byte < 0x80, !Self.isASCIIWhitespace(byte) { return result }
                var text = last.literal
                while let character = text.last, character.isWhitespace { text.removeLast() }
                if text.isEmpty {
                    result.removeLast()
                    continue
                }
                if text.utf8.count != last.literal.utf8.count { result[result.count - 1].literal = text }
                return result
            case .softBreak, .lineBreak:
                result.removeLast()
            case .emphasis, .strong, .link:
                let inner = trimTrailingWhitespace(last.children)
                if inner.isEmpty {
                    result.removeLast()
                    continue
                }
                result[result.count - 1].children = inner
                return result
            default:
                return result
            }
        }
        return result
    }

    /// Removes every ✅ (with its variation selector) from text, returning how many there were.
    static func removeCorrectMark(from inlines: [MarkdownNode]) -> (inlines: [MarkdownNode], marks: Int) {
        var marks = 0
        func strip(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
            var result: [MarkdownNode] = []
            for var node in nodes {
                switch node.kind {
                case .text:
                    let (literal, count) = removingCorrectMarks(node.literal)
                    marks += count
                    node.literal = literal
                    if !node.literal.isEmpty { result.append(node) }
                case .emphasis, .strong, .link:
                    node.children = strip(node.children)
                    if !node.children.isEmpty { result.append(node) }
                default:
                    result.append(node)
                }
            }
            return result
        }
        // Most options hold no ✅: they are returned as they are, without copying their nodes.
        func needsStripping(_ nodes: [MarkdownNode]) -> Bool {
            nodes.contains { node in
                switch node.kind {
                case .text: node.literal.isEmpty || holdsCorrectMark(node.literal)
                case .emphasis, .strong, .link: node.children.isEmpty || needsStripping(node.children)
                default: false
                }
            }
        }
        let stripped = needsStripping(inlines) ? strip(inlines) : inlines
        return (trimTrailingWhitespace(stripped), marks)
    }

    static let correctMark: Character = "\u{2705}"

    /// `text` without its ✅ characters (alone or with the emoji variation selector) and, when
    /// it had one, without any other variation selector U+FE0F; and how many there were.
    static func removingCorrectMarks(_ text: String) -> (text: String, marks: Int) {
        correctMarkBytesRemoved(text) ?? correctMarkCharactersRemoved(text)
    }

    /// The removal read as characters: what a ✅ is, whatever stands around it.
    static func correctMarkCharactersRemoved(_ text: String) -> (text: String, marks: Int) {
        let count = text.filter { $0 == correctMark || $0 == "\u{2705}\u{FE0F}" }.count
        guard count > 0 else { return (text, 0) }
        var kept = String(text.filter { $0 != correctMark && $0 != "\u{2705}\u{FE0F}" })
        kept.unicodeScalars.removeAll { $0.value == 0xFE0F }
        return (kept, count)
    }

    /// The removal on bytes, where it cannot differ from the characters': when every ✅ (with
    /// its variation selector, if any) has ASCII or the text's end on both sides, each is one
    /// character of its own. Nil otherwise. Options end in ` ✅` as a rule, and the walk over
    /// characters was a seventh of the quiz parser's time in profiles. Text without ✅ is
    /// returned as it is.
    static func correctMarkBytesRemoved(_ text: String) -> (text: String, marks: Int)? {
        guard holdsCorrectMark(text) else { return (text, 0) }
        var text = text
        return text.withUTF8 { bytes -> (text: String, marks: Int)? in
            func isSelector(at index: Int) -> Bool {
                index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xB8 && bytes[index + 2] == 0x8F
            }
            // The text holds a ✅, so it is either removed below or the bytes cannot tell: every
            // other variation selector goes in the same pass (EF only ever starts one, never
            // continues another character, so none is made by joining what is kept).
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var marks = 0
            var index = 0
            while index < bytes.count {
                if isSelector(at: index) {
                    index += 3
                    continue
                }
                guard index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x85 else {
                    kept.append(bytes[index])
                    index += 1
                    continue
                }
                var end = index + 3
                if isSelector(at: end) { end += 3 }
                if index > 0 && bytes[index - 1] >= 0x80 || end < bytes.count && bytes[end] >= 0x80 { return nil }
                marks += 1
                index = end
            }
            return (String(decoding: kept, as: UTF8.self), marks)
        }
    }

    /// Whether `text` holds the bytes of ✅ (E2 9C 85). Without them no character of it is a
    /// ✅; a search for E2 alone stopped at every smart quote and dash, which cmark's smart
    /// punctuation puts in most lines, and sent them to the walk over characters.
    static func holdsCorrectMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x85 { return true }
                index += 1
            }
            return false
        }
    }
}
