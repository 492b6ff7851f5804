/// Replaces matches inside text nodes by nodes of their own: the shared walk of the inline
/// dialect rewrites (keys, icons). Adjacent text nodes are joined first (cmark splits text at
/// characters that might have been delimiters: `++page_down++` reaches us as three texts).
struct InlineTextMatches: MarkdownRewriter {
    /// A byte every match starts with.
    let trigger: UInt8
    /// The node for a match at `index` of `bytes` and its length in bytes, nil when none starts there.
    let match: ([UInt8], Int) -> (node: MarkdownNode, length: Int)?

    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard !node.kind.isLeaf else { return node }
        rewriteChildren(of: &node)
        if (node.kind.holdsInlines || !node.kind.isBlock),
           node.children.contains(where: { $0.kind == .text && $0.literal.utf8.contains(trigger) }) {
            node.children = replace(in: Self.joiningText(node.children))
        }
        return node
    }

    /// Code, links' destinations and the like are leaves or kinds of their own: only text is searched.
    private func replace(in inlines: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        for inline in inlines {
            guard inline.kind == .text, inline.literal.utf8.contains(trigger) else {
                out.append(inline)
                continue
            }
            let bytes = Array(inline.literal.utf8)
            var textStart = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == trigger, var (node, length) = match(bytes, index) else {
                    index += 1
                    continue
                }
                if index > textStart { out.append(Self.text(bytes, textStart..<index, of: inline)) }
                node.start = SourcePosition(line: inline.start.line, column: inline.start.column + index)
                node.end = SourcePosition(line: inline.start.line, column: inline.start.column + index + length - 1)
                out.append(node)
                index += length
                textStart = index
            }
            if textStart == 0 {
                out.append(inline)
            } else if textStart < bytes.count {
                out.append(Self.text(bytes, textStart..<bytes.count, of: inline))
            }
        }
        return out
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>, of node: MarkdownNode) -> MarkdownNode {
        var text = node
        text.literal = String(decoding: bytes[range], as: UTF8.self)
        text.start.column = node.start.column + range.lowerBound
        if range.upperBound < bytes.count { text.end = SourcePosition(line: node.start.line, column: node.start.column + range.upperBound - 1) }
        return text
    }

    /// Adjacent text nodes as one.
    static func joiningText(_ inlines: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            if inline.kind == .text, let last = out.last, last.kind == .text {
                out[out.count - 1].literal += inline.literal
                out[out.count - 1].end = inline.end
            } else {
                out.append(inline)
            }
        }
        return out
    }
}
