/// A visitor that returns nothing and, by default, visits every child of every node in
/// document order: the shape of swift-markdown's `MarkupWalker`. Renderers, link collection
/// and checks are walkers; they override the methods for the kinds they care about and call
/// `descendInto` where they want the children visited.
public protocol MarkdownWalker: MarkdownVisitor where Result == Void {}

extension MarkdownWalker {
    @inlinable
    public mutating func defaultVisit(_ node: borrowing MarkdownNode) {
        descendInto(node)
    }

    /// Visits each child of `node` in order.
    @inlinable
    public mutating func descendInto(_ node: borrowing MarkdownNode) {
        node.forEachChild { _, child in visit(child) }
    }
}
