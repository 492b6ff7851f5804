extension MarkdownNode {
    /// Calls `enter` with this node and then, for each node it returns true for, with that
    /// node's children, in document order.
    ///
    /// The nodes are handed as pointers, valid only during the call. It serves the read-only
    /// walks that run over whole pages on every build: a `MarkdownVisitor` is handed each
    /// node as a copy (a retain and a release of each of its fields), a pointer is not.
    public func walk(_ enter: (UnsafePointer<MarkdownNode>) -> Bool) {
        withUnsafePointer(to: self) { Self.walk($0, enter) }
    }

    private static func walk(_ node: UnsafePointer<MarkdownNode>, _ enter: (UnsafePointer<MarkdownNode>) -> Bool) {
        guard enter(node) else { return }
        node.pointee.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in 0..<children.count { walk(first + index, enter) }
        }
    }
}
