import Foundation
import Markdown

/// A markdown file of the course, parsed: its front matter and its cmark tree.
public struct Page: Hashable, Sendable {
    /// Path relative to the course root, with `/` separators (e.g. `04-deploy/lesson.md`).
    public let relativePath: String
    /// The path diagnostics name (the course directory joined with `relativePath`).
    public let displayPath: String
    public let frontMatter: FrontMatter
    public let document: MarkdownNode
    /// The front matter's title, else the first level-1 heading before any question, else
    /// (for a page copied out of a rendered site) an early one-line "Session 4: …" paragraph,
    /// else the file name. Worked out once: navigation asks for it on every page.
    public let title: String
    /// Every link and image destination in document order, with where it starts: collected
    /// once, for the link checks and the site's link rewriting.
    public let links: [Link]
    /// The source text, for positions cmark does not give (lines inside a paragraph).
    public let source: String

    public init(relativePath: String, displayPath: String, frontMatter: FrontMatter, document: MarkdownNode, source: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.document = document
        self.source = source
        self.links = Link.collect(in: document)
        self.title = Self.title(frontMatter: frontMatter, document: document, relativePath: relativePath)
    }

    /// A link or image destination and where it starts (a node without a position of its
    /// own takes its parent's).
    public struct Link: Hashable, Sendable {
        public var destination: String
        public var start: SourcePosition

        /// The links under `node`, in document order.
        static func collect(in node: MarkdownNode) -> [Link] {
            var links: [Link] = []
            withUnsafePointer(to: node) { collect($0, parentStart: node.start.line > 0 ? node.start : SourcePosition(line: 1, column: 1), into: &links) }
            return links
        }

        /// Walked through pointers, as `MarkdownNode.walk` walks: every page is walked whole as
        /// it loads, and a visitor's copy of each node showed in profiles.
        private static func collect(_ node: UnsafePointer<MarkdownNode>, parentStart: SourcePosition, into links: inout [Link]) {
            switch node.pointee.kind {
            case .link(let destination, _), .image(let destination, _):
                links.append(Link(destination: destination, start: node.pointee.start.line > 0 ? node.pointee.start : parentStart))
            default:
                break
            }
            guard !node.pointee.kind.isLeaf else { return }
            let start = node.pointee.start.line > 0 ? node.pointee.start : parentStart
            node.pointee.children.withUnsafeBufferPointer { children in
                guard let first = children.baseAddress else { return }
                for index in 0..<children.count { collect(first + index, parentStart: start, into: &links) }
            }
        }
    }

    private static func title(frontMatter: FrontMatter, document: MarkdownNode, relativePath: String) -> String {
        if let title = frontMatter.title, !title.isEmpty { return title }
        let blocks = document.children
        let firstQuestion = blocks.firstIndex { block in
            // The first letter decides for most blocks, without building their text.
            (block.kind == .paragraph || block.headingLevel != nil)
                && InlineEditing.firstNonSpaceByte(block.children).map({ $0 | 0x20 == UInt8(ascii: "q") }) == true
                && QuizMarkers.question(block.plainText()) != nil  // the quiz parser's own grammar
        } ?? blocks.endIndex
        if let heading = blocks[..<firstQuestion].first(where: { $0.headingLevel == 1 }) { return heading.plainText() }
        if let line = blocks[..<firstQuestion].prefix(5).first(where: { block in
            // One short line (its width in bytes says so before its text is built: a page can
            // be one huge paragraph).
            guard block.kind == .paragraph, block.end.column - block.start.column < 400,
                  !block.children.contains(where: { $0.kind == .softBreak || $0.kind == .lineBreak }) else { return false }
            let text = block.plainText()
            return text.count <= 100 && text.contains(": ")
        }) {
            return line.plainText()
        }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Parses markdown text (with optional front matter) into a page.
    public static func parse(_ text: String, relativePath: String, displayPath: String, diagnostics: inout [Diagnostic]) -> Page {
        let (front, body) = FrontMatter.split(text, path: displayPath, diagnostics: &diagnostics)
        var found: [MarkdownDiagnostic] = []
        let document = MarkdownParser().parse(body, diagnostics: &found)
        let page = Page(relativePath: relativePath, displayPath: displayPath, frontMatter: front, document: document, source: text)
        page.report(found, diagnostics: &diagnostics)
        return page
    }

    /// What the sanitizer removes from the page's raw HTML, as warnings with their lines.
    func checkRawHTML(diagnostics: inout [Diagnostic]) {
        // On bytes (memchr): Foundation's `contains` bridges through NSString, slow on long pages.
        let mayHoldHTML = source.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x3C, bytes.count) != nil } ?? false
        }
            ?? source.utf8.contains(UInt8(ascii: "<"))
        guard mayHoldHTML else { return }
        report(HTMLSanitizer.removals(in: document), diagnostics: &diagnostics)
    }

    private func report(_ found: [MarkdownDiagnostic], diagnostics: inout [Diagnostic]) {
        for problem in found {
            let position = (problem.position.line, problem.position.column)
            diagnostics.append(problem.severity == .error ? .error(displayPath, position, problem.message) : .warning(displayPath, position, problem.message))
        }
    }
}
