/// Visits a markdown tree node by node, one method per node kind, each defaulting to
/// `defaultVisit`: the shape of swift-markdown's `MarkupVisitor`, over Lectern's node values.
///
/// Nodes are borrowed, so a visit neither copies nor retains them. `MarkdownWalker` (visits
/// every node, returns nothing) and `MarkdownRewriter` (returns new nodes) are the two uses;
/// a visitor with another `Result` (the terminal renderer's lines) implements
/// `defaultVisit` itself.
public protocol MarkdownVisitor {
    associatedtype Result

    /// What a node whose kind has no method of its own gets.
    mutating func defaultVisit(_ node: borrowing MarkdownNode) -> Result
    mutating func visitDocument(_ node: borrowing MarkdownNode) -> Result
    mutating func visitBlockQuote(_ node: borrowing MarkdownNode) -> Result
    mutating func visitList(_ node: borrowing MarkdownNode) -> Result
    mutating func visitItem(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTaskListItem(_ node: borrowing MarkdownNode) -> Result
    mutating func visitCodeBlock(_ node: borrowing MarkdownNode) -> Result
    mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) -> Result
    mutating func visitParagraph(_ node: borrowing MarkdownNode) -> Result
    mutating func visitHeading(_ node: borrowing MarkdownNode) -> Result
    mutating func visitThematicBreak(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTable(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTableHeader(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTableRow(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTableCell(_ node: borrowing MarkdownNode) -> Result
    mutating func visitFootnoteDefinition(_ node: borrowing MarkdownNode) -> Result
    mutating func visitFootnotes(_ node: borrowing MarkdownNode) -> Result
    mutating func visitText(_ node: borrowing MarkdownNode) -> Result
    mutating func visitSoftBreak(_ node: borrowing MarkdownNode) -> Result
    mutating func visitLineBreak(_ node: borrowing MarkdownNode) -> Result
    mutating func visitCode(_ node: borrowing MarkdownNode) -> Result
    mutating func visitHTMLInline(_ node: borrowing MarkdownNode) -> Result
    mutating func visitEmphasis(_ node: borrowing MarkdownNode) -> Result
    mutating func visitStrong(_ node: borrowing MarkdownNode) -> Result
    mutating func visitStrikethrough(_ node: borrowing MarkdownNode) -> Result
    mutating func visitLink(_ node: borrowing MarkdownNode) -> Result
    mutating func visitImage(_ node: borrowing MarkdownNode) -> Result
    mutating func visitFootnoteReference(_ node: borrowing MarkdownNode) -> Result
    mutating func visitAdmonition(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTabSet(_ node: borrowing MarkdownNode) -> Result
    mutating func visitTab(_ node: borrowing MarkdownNode) -> Result
    mutating func visitHTMLElement(_ node: borrowing MarkdownNode) -> Result
    mutating func visitKeys(_ node: borrowing MarkdownNode) -> Result
    mutating func visitIcon(_ node: borrowing MarkdownNode) -> Result
}

extension MarkdownVisitor {
    /// Dispatches `node` to the method for its kind.
    @inlinable
    public mutating func visit(_ node: borrowing MarkdownNode) -> Result {
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

    @inlinable public mutating func visitDocument(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitBlockQuote(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitList(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitItem(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTaskListItem(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitCodeBlock(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitParagraph(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHeading(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitThematicBreak(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTable(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTableHeader(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTableRow(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTableCell(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteDefinition(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitFootnotes(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitText(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitSoftBreak(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitLineBreak(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitCode(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHTMLInline(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitEmphasis(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitStrong(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitStrikethrough(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitLink(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitImage(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteReference(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitAdmonition(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTabSet(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTab(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHTMLElement(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitKeys(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitIcon(_ node: borrowing MarkdownNode) -> Result { defaultVisit(node) }
}
