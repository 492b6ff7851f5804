/// Parses markdown: CommonMark through libcmark, then Lectern's extension layer over cmark's
/// tree (GitHub Flavored Markdown and the MkDocs Material dialect by default), returning the document as Swift values.
///
/// Every node keeps its source position, so diagnostics about it name the author's line.
/// Containers nested deeper than `maximumDepth` are flattened into their ancestor at that
/// depth, so hostile input cannot exhaust the stack of recursive walkers.
public struct MarkdownParser: Sendable {
    /// Curly quotes, dashes and ellipses from straight punctuation.
    public var smartPunctuation: Bool
    /// The deepest container nesting kept as structure.
    public var maximumDepth: Int
    /// The extension layer: rewrites of cmark's tree, run in order (`MarkdownExtension`).
    public var extensions: [any MarkdownExtension]
    /// Whether a plain inline fragment (a table cell of words) is made into its text node
    /// without cmark (`ExtensionContext.plainText(of:)`); off only in the test that holds the
    /// two readings together.
    var readsPlainFragments = true

    public init(smartPunctuation: Bool = true, maximumDepth: Int = 96, extensions: [any MarkdownExtension] = MarkdownExtensions.standard) {
        self.smartPunctuation = smartPunctuation
        self.maximumDepth = maximumDepth
        self.extensions = extensions
    }

    /// Parses `source` into a document node.
    public func parse(_ source: String) -> MarkdownNode {
        var ignored: [MarkdownDiagnostic] = []
        return parse(source, diagnostics: &ignored)
    }

    /// Parses `source` into a document node, adding what the extensions found wrong with it
    /// (a footnote reference without a definition) to `diagnostics`.
    public func parse(_ source: String, diagnostics: inout [MarkdownDiagnostic]) -> MarkdownNode {
        let bytes = Array(source.utf8)
        guard !extensions.isEmpty else {
            return CmarkParse(smartPunctuation: smartPunctuation, maximumDepth: maximumDepth, restoresMarkers: false)
                .parse(bytes).document
        }
        let marked = bytes.contains(UInt8(ascii: "\\")) ? EscapeMarkers.mark(bytes) : nil
        let run = DocumentRun(parser: self, source: SourceText(marked ?? bytes), markersApplied: marked != nil)
        var document = run.cmarkParse(run.source.bytes, maximumDepth: maximumDepth)
        run.runExtensions(&document, through: extensions.count - 1, source: run.source, mapsToDocument: [], baseDepth: 0)
        if run.markersApplied {
            var restore = MarkerRestorer()
            document = restore.visit(document) ?? document
        }
        // A rewrite that sees a text twice (in the document and again in a fragment of it)
        // reports a problem once.
        var seen = Set<MarkdownDiagnostic>()
        diagnostics += run.diagnostics.filter { seen.insert($0).inserted }
        return document
    }
}

/// The extension layer's last step: escape markers in text and link destinations become the
/// characters they stand for (`EscapeMarkers`).
struct MarkerRestorer: MarkdownRewriter {
    mutating func visitText(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        node.literal = EscapeMarkers.restore(node.literal, keepingBackslash: false)
        return node
    }

    mutating func visitLink(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        if case .link(let destination, let title) = node.kind {
            // In an autolink (`<http://a/\[>`) a backslash is not an escape: it stays.
            let keep = Self.isAutolink(node, destination: destination)
            node.kind = .link(destination: EscapeMarkers.restore(destination, keepingBackslash: keep),
                              title: EscapeMarkers.restore(title, keepingBackslash: false))
            if keep, node.children.count == 1 {
                node.children[0].literal = EscapeMarkers.restore(node.children[0].literal, keepingBackslash: true)
                return node
            }
        }
        rewriteChildren(of: &node)
        return node
    }

    /// Whether a link was written `<destination>`: its text is its destination (less
    /// `mailto:`) and it spans the two angle brackets more than that.
    private static func isAutolink(_ node: MarkdownNode, destination: String) -> Bool {
        guard node.children.count == 1, node.children[0].kind == .text, node.start.line == node.end.line else { return false }
        let text = node.children[0].literal
        guard destination == text || destination == "mailto:" + text else { return false }
        return node.end.column - node.start.column + 1 == text.utf8.count + 2
    }

    mutating func visitImage(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        if case .image(let source, let title) = node.kind {
            node.kind = .image(source: EscapeMarkers.restore(source, keepingBackslash: false),
                               title: EscapeMarkers.restore(title, keepingBackslash: false))
        }
        rewriteChildren(of: &node)
        return node
    }
}
