/// One step of Lectern's extension layer: a rewrite of the tree cmark built for a document.
///
/// cmark parses CommonMark; everything else authors write (GitHub Flavored Markdown today,
/// the MkDocs Material dialect next) is a rewrite of its tree. A parser runs its extensions in
/// order, each over the whole tree that the ones before it left, so a rewrite sees the
/// structure its predecessors built. Rewrites keep source positions: a node they make
/// carries the line and column of the text it came from, so diagnostics still name the
/// author's line.
///
/// A rewrite that needs text cmark did not parse the way the extension wants (a table's
/// cells, the indented body of a footnote) reads the raw lines through its `ExtensionContext`
/// and has them parsed as a fragment; the fragment comes back with the rewrites up to and
/// including the current one already applied, and with positions in the document's lines.
public protocol MarkdownExtension: Sendable {
    /// Rewrites `document` in place.
    func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext)
}

/// The extension lists a parser can run.
public enum MarkdownExtensions {
    /// GitHub Flavored Markdown, in the order its rewrites depend on one another: footnote
    /// definitions and tables restructure blocks, task lists mark items, then the inline
    /// rewrites (strikethrough, autolinks, footnote references, which also gathers the
    /// footnotes at the end of the document).
    public static let gfm: [any MarkdownExtension] = [
        FootnoteDefinitions(), Tables(), TaskLists(), Strikethrough(), Autolinks(), FootnoteReferences(),
    ]

    /// GitHub Flavored Markdown and the MkDocs Material dialect (Python-Markdown's and
    /// pymdownx's extensions as Material's docs use them): markdown in HTML elements marked
    /// `markdown`, admonitions and collapsibles, content tabs, attribute lists, keys and icon
    /// shortcodes. The block rewrites run after tables, so their bodies get tables too; the
    /// inline ones before footnote references, which must run last.
    public static let standard: [any MarkdownExtension] = [
        FootnoteDefinitions(), Tables(), MarkdownInHTML(), Admonitions(), ContentTabs(), TaskLists(),
        AttributeLists(), Strikethrough(), Autolinks(), Keys(), Icons(), FootnoteReferences(),
    ]

    /// No extension: CommonMark exactly as cmark parses it.
    public static let none: [any MarkdownExtension] = []
}

/// A problem an extension found in the markdown (a reference to a footnote nobody defined).
public struct MarkdownDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case warning, error }

    public var severity: Severity
    public var position: SourcePosition
    public var message: String

    public init(_ severity: Severity, at position: SourcePosition, _ message: String) {
        self.severity = severity
        self.position = position
        self.message = message
    }

    public var description: String { "\(position): \(severity.rawValue): \(message)" }
}

/// What an extension may use while it rewrites: the raw lines of the text the tree was
/// parsed from, fragment parsing, and diagnostics.
public struct ExtensionContext {
    let document: DocumentRun
    /// The text the tree being rewritten was parsed from (the document, or a fragment of it).
    let source: SourceText
    /// The index of the running extension in the parser's list.
    let stage: Int
    /// How positions in `source` map to the document's, innermost first; empty for the document.
    let mapsToDocument: [LineMap]
    /// The containers above this tree's root in the document (0 for the document itself).
    let baseDepth: Int

    /// Whether this tree is the whole document (not a fragment of it).
    public var isDocument: Bool { mapsToDocument.isEmpty }

    /// Reports a problem at `position` (a position of the tree being rewritten).
    /// A position outside the fragments being parsed (in the copy of the document appended
    /// to a batch for its link references) is not reported here: the document's own pass reports it.
    public mutating func warn(_ message: String, at position: SourcePosition) {
        var mapped = position
        for map in mapsToDocument {
            guard map.covers(mapped) else { return }
            mapped = map.map(mapped)
        }
        document.diagnostics.append(MarkdownDiagnostic(.warning, at: mapped, message))
    }

    /// `position` in the document's own lines.
    func documentPosition(_ position: SourcePosition) -> SourcePosition {
        mapsToDocument.reduce(position) { $1.map($0) }
    }

    /// Whether fragments may still be parsed here: nesting is bounded, so that fragments
    /// within fragments cannot multiply the work on hostile input.
    var canParseFragments: Bool { mapsToDocument.count < DocumentRun.maximumFragmentNesting }
}

/// What all the extensions running over one document share.
final class DocumentRun {
    static let maximumFragmentNesting = 6

    let parser: MarkdownParser
    /// The document as cmark read it (with `EscapeMarkers` when `markersApplied`).
    let source: SourceText
    let markersApplied: Bool
    var diagnostics: [MarkdownDiagnostic] = []

    init(parser: MarkdownParser, source: SourceText, markersApplied: Bool) {
        self.parser = parser
        self.source = source
        self.markersApplied = markersApplied
    }

    /// Whether the document may define link references (`[label]: …`), which fragments must
    /// see to resolve their reference links.
    private(set) lazy var mayDefineReferences: Bool = source.contains("]:")

    /// cmark's tree for `bytes`, with the parser's options.
    func cmarkParse(_ bytes: [UInt8], maximumDepth: Int) -> MarkdownNode {
        CmarkParse(smartPunctuation: parser.smartPunctuation, maximumDepth: maximumDepth, restoresMarkers: markersApplied)
            .parse(bytes).document
    }

    /// Runs the extensions `0...last` over `tree`, parsed from `source`.
    func runExtensions(_ tree: inout MarkdownNode, through last: Int, source: SourceText, mapsToDocument: [LineMap], baseDepth: Int) {
        guard last >= 0 else { return }
        for stage in 0...min(last, parser.extensions.count - 1) {
            var context = ExtensionContext(document: self, source: source, stage: stage, mapsToDocument: mapsToDocument, baseDepth: baseDepth)
            parser.extensions[stage].rewrite(&tree, in: &context)
        }
    }
}
