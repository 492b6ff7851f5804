/// GFM task list items: a list item whose text starts with `[ ]`, `[x]` or `[X]` and a space
/// becomes a `taskListItem`, the box left out of its content. An escaped `\[ ]` stays text.
public struct TaskLists: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        // A box is written `[ ]`, `[x]` or `[X]` in the source: most pages hold none.
        guard context.source.contains("[ ]") || context.source.contains("[x]") || context.source.contains("[X]") else { return }
        var rewriter = TaskListRewriter(source: context.source)
        document = rewriter.visit(document) ?? document
    }
}

private struct TaskListRewriter: MarkdownRewriter {
    let source: SourceText

    /// Items are blocks: inline content is never entered.
    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard node.kind.isBlock, !node.kind.holdsInlines, !node.kind.isLeaf else { return node }
        rewriteChildren(of: &node)
        return node
    }

    mutating func visitItem(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        rewriteChildren(of: &node)
        guard let first = node.children.first else { return node }
        if first.kind == .paragraph, let (checked, paragraph) = withoutBox(first) {
            node.kind = .taskListItem(checked: checked)
            if paragraph.children.isEmpty {
                node.children.removeFirst()
            } else {
                node.children[0] = paragraph
            }
        } else if case .table = first.kind, let header = first.children.first, let cell = header.children.first,
                  let (checked, content) = withoutBox(cell) {
            // The box came before a table's header row (`- [ ] a | b`): the item is the task.
            node.kind = .taskListItem(checked: checked)
            node.children[0].children[0].children[0] = content
        }
        return node
    }

    /// Whether the paragraph starts with a task box, and the paragraph without it.
    private func withoutBox(_ paragraph: MarkdownNode) -> (Bool, MarkdownNode)? {
        guard let first = paragraph.children.first else { return nil }
        var paragraph = paragraph
        switch first.kind {
        case .text:
            // `[ ] `, `[x] `, `[X] `: the box and the blanks after it (a space, tab, vertical
            // tab or form feed must follow, as in cmark-gfm).
            let bytes = Array(first.literal.utf8)
            guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
                  [Bytes.space, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(bytes[1]) else { return nil }
            if bytes.count == 3 {
                // `- [x] ` with nothing after the blank, which cmark dropped: the source has it.
                let line = source.line(paragraph.start.line)
                let offset = line.startIndex + paragraph.start.column - 1
                guard paragraph.children.count == 1, paragraph.start.column >= 1, offset + 3 < line.endIndex,
                      Bytes.isSpaceChar(line[offset + 3]) else { return nil }
                paragraph.children.removeFirst()
                return (bytes[1] != Bytes.space, paragraph)
            }
            guard Bytes.isSpaceChar(bytes[3]) else { return nil }
            var cut = 3
            while cut < bytes.count, Bytes.isSpaceChar(bytes[cut]) { cut += 1 }
            if cut == bytes.count {
                paragraph.children.removeFirst()
            } else {
                paragraph.children[0].literal = String(decoding: bytes[cut...], as: UTF8.self)
                paragraph.children[0].start.column += cut
            }
            return (bytes[1] != Bytes.space, paragraph)
        case .link(let destination, _):
            // `[x]` read as a reference link because the document defines `[x]: …`: the
            // source says it was written as a box.
            let line = source.line(first.start.line)
            let offset = line.startIndex + first.start.column - 1
            guard !destination.isEmpty, first.start.column >= 1, offset + 3 < line.endIndex,
                  line[offset] == UInt8(ascii: "["), line[offset + 2] == UInt8(ascii: "]"),
                  line[offset + 1] == UInt8(ascii: "x") || line[offset + 1] == UInt8(ascii: "X"),
                  Bytes.isSpaceChar(line[offset + 3]) else { return nil }
            paragraph.children.removeFirst()
            if let text = paragraph.children.first, text.kind == .text {
                let trimmed = String(text.literal.drop(while: { $0 == " " || $0 == "\t" }))
                if trimmed.isEmpty { paragraph.children.removeFirst() } else { paragraph.children[0].literal = trimmed }
            }
            return (true, paragraph)
        default:
            return nil
        }
    }
}
