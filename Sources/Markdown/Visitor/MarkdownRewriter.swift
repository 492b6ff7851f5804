/// Rewrites a markdown tree: each visit method takes a node and returns what replaces it,
/// nil to delete it. By default a node is kept and its children are rewritten.
///
/// The counterpart of swift-markdown's `MarkupRewriter`. It takes nodes by `consuming`
/// rather than borrowing them as `MarkdownVisitor` does, so a node it changes is changed in
/// place: a rewrite that touches a few nodes of a large tree copies nothing else.
public protocol MarkdownRewriter {
    /// What a node whose kind has no method of its own gets.
    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitDocument(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitBlockQuote(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitList(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitItem(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTaskListItem(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitCodeBlock(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitHTMLBlock(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitParagraph(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitHeading(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitThematicBreak(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTable(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTableHeader(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTableRow(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTableCell(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitFootnoteDefinition(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitFootnotes(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitText(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitSoftBreak(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitLineBreak(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitCode(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitHTMLInline(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitEmphasis(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitStrong(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitStrikethrough(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitLink(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitImage(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitFootnoteReference(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitAdmonition(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTabSet(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitTab(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitHTMLElement(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitKeys(_ node: consuming MarkdownNode) -> MarkdownNode?
    mutating func visitIcon(_ node: consuming MarkdownNode) -> MarkdownNode?
}

extension MarkdownRewriter {
    /// Dispatches `node` to the method for its kind.
    @inlinable
    public mutating func visit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        switch node.kind {
        case .document: return visitDocument(node)
        case .blockQuote: return visitBlockQuote(node)
        case .list: return visitList(node)
        case .item: return visitItem(node)
        case .taskListItem: return visitTaskListItem(node)
        case .codeBlock: return visitCodeBlock(node)
        case .htmlBlock: return visitHTMLBlock(node)
        case .paragraph: return visitParagraph(node)
        case .heading: return visitHeading(node)
        case .thematicBreak: return visitThematicBreak(node)
        case .table: return visitTable(node)
        case .tableHeader: return visitTableHeader(node)
        case .tableRow: return visitTableRow(node)
        case .tableCell: return visitTableCell(node)
        case .footnoteDefinition: return visitFootnoteDefinition(node)
        case .footnotes: return visitFootnotes(node)
        case .text: return visitText(node)
        case .softBreak: return visitSoftBreak(node)
        case .lineBreak: return visitLineBreak(node)
        case .code: return visitCode(node)
        case .htmlInline: return visitHTMLInline(node)
        case .emphasis: return visitEmphasis(node)
        case .strong: return visitStrong(node)
        case .strikethrough: return visitStrikethrough(node)
        case .link: return visitLink(node)
        case .image: return visitImage(node)
        case .footnoteReference: return visitFootnoteReference(node)
        case .admonition: return visitAdmonition(node)
        case .tabSet: return visitTabSet(node)
        case .tab: return visitTab(node)
        case .htmlElement: return visitHTMLElement(node)
        case .keys: return visitKeys(node)
        case .icon: return visitIcon(node)
        }
    }

    @inlinable public mutating func visitDocument(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitBlockQuote(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitList(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitItem(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTaskListItem(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitCodeBlock(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitHTMLBlock(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitParagraph(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitHeading(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitThematicBreak(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTable(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTableHeader(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTableRow(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTableCell(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteDefinition(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitFootnotes(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitText(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitSoftBreak(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitLineBreak(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitCode(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitHTMLInline(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitEmphasis(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitStrong(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitStrikethrough(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitLink(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitImage(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteReference(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitAdmonition(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTabSet(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitTab(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitHTMLElement(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitKeys(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
    @inlinable public mutating func visitIcon(_ node: consuming MarkdownNode) -> MarkdownNode? { defaultVisit(node) }
}

extension MarkdownRewriter {
    @inlinable
    public mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        rewriteChildren(of: &node)
        return node
    }

    /// Replaces each child of `node` by its rewrite, dropping those rewritten to nil.
    @inlinable
    public mutating func rewriteChildren(of node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        var children = node.children
        node.children = []
        var kept = 0
        for index in children.indices {
            // Take the child out of the array first, so the rewrite holds its only reference.
            let child = children[index]
            children[index] = MarkdownNode(.text)
            if let result = visit(child) {
                children[kept] = result
                kept += 1
            }
        }
        children.removeLast(children.count - kept)
        node.children = children
    }
}
