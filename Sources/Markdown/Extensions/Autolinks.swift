/// GFM extended autolinks: `www.example.com`, `https://example.com/path` (also `http://`,
/// `ftp://`) and `name@example.com` in text become links, as cmark-gfm recognises them:
/// a `www.` link only at a line start, after a blank or after `*`, `_`, `~`, `(`; trailing
/// punctuation, an unbalanced `)` and a final entity-like `&name;` are left out of the link;
/// `<` ends it. Text inside links, images and code is never linked.
///
/// cmark's smart punctuation has already run over the text, so the characters it made
/// (curly quotes, dashes, ellipses) are turned back into what was typed inside a link.
public struct Autolinks: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        let source = context.source
        guard source.contains("www.") || source.contains("://") || source.contains("@") else { return }
        var rewriter = AutolinkRewriter()
        document = rewriter.visit(document) ?? document
    }
}

private struct AutolinkRewriter: MarkdownRewriter {
    /// A block's inline content, in document order: a `www.` or `scheme://` link is not made
    /// while a `[` before it in the block is still open, as in cmark-gfm (which leaves text
    /// inside brackets that may yet become a link alone).
    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard node.kind.isBlock else { return node }
        if node.kind.holdsInlines {
            guard Self.mayHoldLink(node.children) else { return node }
            var openBrackets = 0
            node.children = Self.link(node.children, in: node.kind, openBrackets: &openBrackets)
        } else {
            rewriteChildren(of: &node)
        }
        return node
    }

    /// Whether some text among `inlines` (outside links) may hold a link: most hold none.
    private static func mayHoldLink(_ inlines: [MarkdownNode]) -> Bool {
        inlines.contains { inline in
            switch inline.kind {
            case .text: return AutolinkScanner.mayHoldLink(inline.literal)
            case .emphasis, .strong, .strikethrough: return mayHoldLink(inline.children)
            default: return false
            }
        }
    }

    private static func link(_ inlines: [MarkdownNode], in container: MarkdownNode.Kind, openBrackets: inout Int) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        result.reserveCapacity(inlines.count)
        for (index, child) in inlines.enumerated() {
            switch child.kind {
            case .text:
                let before = index > 0 ? AutolinkScanner.Before(inlines[index - 1]) : AutolinkScanner.Before(edgeOf: container)
                result += AutolinkScanner.link(child, before: before, openBrackets: &openBrackets)
            case .emphasis, .strong, .strikethrough:
                var child = child
                child.children = link(child.children, in: child.kind, openBrackets: &openBrackets)
                result.append(child)
            default:
                result.append(child)  // links and images are never linked inside; code and HTML are not text
            }
        }
        return result
    }
}

/// Finds extended autolinks in a text node.
enum AutolinkScanner {
    /// What precedes a text node, for the rule on where a `www.` link may start.
    struct Before {
        var allowsWWW: Bool

        init(_ node: MarkdownNode) {
            switch node.kind {
            case .softBreak, .lineBreak, .emphasis, .strong, .strikethrough: allowsWWW = true
            case .text: allowsWWW = node.literal.utf8.last.map(AutolinkScanner.allowsWWWAfter) ?? true
            default: allowsWWW = false
            }
        }

        init(edgeOf kind: MarkdownNode.Kind) {
            switch kind {
            case .emphasis, .strong, .strikethrough: allowsWWW = true  // after `*`, `_` or `~`
            default: allowsWWW = kind.isBlock
            }
        }
    }

    static func mayHoldLink(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "@")) || text.utf8.contains(UInt8(ascii: ":")) || text.contains("www.")
    }

    static func allowsWWWAfter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "(")
    }

    /// The text node cut into text and links; `openBrackets` counts the `[` not yet closed.
    static func link(_ node: MarkdownNode, before: Before, openBrackets: inout Int) -> [MarkdownNode] {
        guard mayHoldLink(node.literal) || node.literal.utf8.contains(UInt8(ascii: "[")) || node.literal.utf8.contains(UInt8(ascii: "]")) else {
            return [node]
        }
        let bytes = Array(node.literal.utf8)
        var result: [MarkdownNode] = []
        var emitted = 0  // bytes up to here are in `result`
        var index = 0
        func position(_ offset: Int) -> SourcePosition {
            SourcePosition(line: node.start.line, column: node.start.column + offset)
        }
        func emitText(upTo end: Int) {
            guard end > emitted else { return }
            result.append(MarkdownNode(.text, literal: String(decoding: bytes[emitted..<end], as: UTF8.self), start: position(emitted), end: position(end - 1)))
        }
        while index < bytes.count {
            var found: (start: Int, end: Int, destination: String)? = nil
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") {
                openBrackets += 1
            } else if byte == UInt8(ascii: "]") {
                openBrackets = max(openBrackets - 1, 0)
            } else if openBrackets > 0, byte == UInt8(ascii: "w") || byte == UInt8(ascii: ":") {
                // Inside brackets only e-mail addresses are linked.
            } else if byte == UInt8(ascii: "w"), let end = www(bytes, index, allowed: index == 0 ? before.allowsWWW : allowsWWWAfter(bytes[index - 1])) {
                found = (index, end, "http://" + typed(bytes[index..<end]))
            } else if byte == UInt8(ascii: ":"), let (start, end) = url(bytes, index, notBefore: emitted) {
                found = (start, end, typed(bytes[start..<end]))
            } else if byte == UInt8(ascii: "@"), let (start, end) = email(bytes, index, notBefore: emitted) {
                found = (start, end, "mailto:" + typed(bytes[start..<end]))
            }
            guard let (start, end, destination) = found else {
                index += 1
                continue
            }
            emitText(upTo: start)
            let text = MarkdownNode(.text, literal: typed(bytes[start..<end]), start: position(start), end: position(end - 1))
            result.append(MarkdownNode(.link(destination: destination, title: ""), children: [text], start: position(start), end: position(end - 1)))
            emitted = end
            index = end
        }
        guard emitted > 0 else { return [node] }
        emitText(upTo: bytes.count)
        return result
    }

    // MARK: The three kinds

    /// `www.` and a valid domain, then anything up to a blank or `<`.
    private static func www(_ bytes: [UInt8], _ start: Int, allowed: Bool) -> Int? {
        guard allowed, bytes.count - start >= 4, bytes[start..<(start + 4)].elementsEqual("www.".utf8) else { return nil }
        guard let domain = domainLength(bytes, start, short: false) else { return nil }
        var end = start + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmed(bytes, start, end)
        return end > start ? end : nil
    }

    /// `http://`, `https://` or `ftp://` (the scheme found by looking back from the colon),
    /// a domain, then anything up to a blank or `<`.
    private static func url(_ bytes: [UInt8], _ colon: Int, notBefore limit: Int) -> (Int, Int)? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > limit, Bytes.isASCIILetter(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(bytes, colon + 3) else { return nil }
        guard let domain = domainLength(bytes, colon + 3, short: true) else { return nil }
        var end = colon + 3 + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmed(bytes, start, end)
        return end > colon + 3 ? (start, end) : nil
    }

    /// `local@domain.tld`: letters, digits and `.+-_` before the `@`; letters, digits, `-`,
    /// `_` and at least one inner `.` after it, ending in a letter (or a final `.`, left out).
    private static func email(_ bytes: [UInt8], _ at: Int, notBefore limit: Int) -> (Int, Int)? {
        var start = at
        while start > limit, Bytes.isASCIIAlphanumeric(bytes[start - 1]) || ".+-_".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if Bytes.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < bytes.count, Bytes.isASCIIAlphanumeric(bytes[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard end - at >= 2, dots > 0, end == bytes.count || bytes[end] != UInt8(ascii: "@") else { return nil }
        let last = bytes[end - 1]
        guard Bytes.isASCIILetter(last) || last == UInt8(ascii: ".") else { return nil }
        end = trimmed(bytes, start, end)
        return end > at + 1 ? (start, end) : nil
    }

    // MARK: Parts

    /// The length of a valid domain at `start`: segments of host characters, `-` and `_`
    /// separated by dots, no `_` in the last two segments; at least one dot unless `short`.
    private static func domainLength(_ bytes: [UInt8], _ start: Int, short: Bool) -> Int? {
        var index = start + 1
        var dots = 0, underscoresBefore = 0, underscores = 0
        // As in cmark-gfm, the last character of the text is not checked: the link takes it anyway.
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != UInt8(ascii: "-"), !isHostCharacter(bytes, index) {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return nil }
        if !short, dots == 0 { return nil }
        return index - start
    }

    /// Whether the character at `index` may be part of a host name: not whitespace, not
    /// punctuation (any letter, digit or symbol, in any script).
    private static func isHostCharacter(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return Bytes.isASCIIAlphanumeric(byte) }
        guard let scalar = decodeScalar(bytes, at: index) else { return false }
        return CharacterClass(scalar) == .other
    }

    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> Unicode.Scalar? {
        var end = index + 1
        while end < bytes.count, end - index < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        var iterator = bytes[index..<end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The end of a link once trailing punctuation is left out: `?!.,:*_~'"` (and their smart
    /// forms), a `)` without its `(` inside the link, a final `&entity;`.
    private static func trimmed(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        if let less = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) { end = less }
        // Parentheses are counted once; trimming a `)` takes one off.
        var opening = 0, closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                      [0x98, 0x99, 0x9C, 0x9D, 0xA6].contains(last) {
                end -= 3  // ‘ ’ “ ” …
            } else if last == UInt8(ascii: ";") {
                var entity = end - 2
                while entity > start, Bytes.isASCIIAlphanumeric(bytes[entity]) { entity -= 1 }
                end = entity < end - 2 && bytes[entity] == UInt8(ascii: "&") ? entity : end - 1
            } else if last == UInt8(ascii: ")") {
                guard closing > opening else { break }
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// Link text as it was typed: smart quotes, dashes and ellipses back to ASCII.
    private static func typed(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0xE2) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": out += "'"
            case "\u{201C}", "\u{201D}": out += "\""
            case "\u{2013}": out += "--"
            case "\u{2014}": out += "---"
            case "\u{2026}": out += "..."
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == Bytes.space || (byte >= 0x09 && byte <= 0x0D)
    }
}
