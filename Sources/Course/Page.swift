import Markdown

/// A markdown file of the course, parsed: its front matter and its cmark tree.
public struct Page: Hashable, Sendable {
    /// Path relative to the course root, with `/` separators (e.g. `04-deploy/lesson.md`).
    public var relativePath: String
    /// The path diagnostics name (the course directory joined with `relativePath`).
    public var displayPath: String
    public var frontMatter: FrontMatter
    public var document: MarkdownNode
    /// The source text's lines, for positions cmark does not give (lines inside a paragraph).
    public var sourceLines: [Substring]

    public init(relativePath: String, displayPath: String, frontMatter: FrontMatter, document: MarkdownNode, sourceLines: [Substring]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.document = document
        self.sourceLines = sourceLines
    }

    /// The front matter's title, else the first level-1 heading, else the file name.
    public var title: String {
        if let title = frontMatter.title, !title.isEmpty { return title }
        if let heading = document.children.first(where: { $0.headingLevel == 1 }) { return heading.plainText() }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Parses markdown text (with optional front matter) into a page.
    public static func parse(_ text: String, relativePath: String, displayPath: String, diagnostics: inout [Diagnostic]) -> Page {
        let (front, body) = FrontMatter.split(text, path: displayPath, diagnostics: &diagnostics)
        let document = MarkdownParser().parse(body)
        return Page(
            relativePath: relativePath, displayPath: displayPath, frontMatter: front,
            document: document, sourceLines: lines(of: text))
    }

    /// The lines of `text`, split at each "\n" byte (a "\r\n" ending leaves its "\r"). Works on
    /// UTF-8 rather than Characters, which is several times faster on large pages.
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The first column (1-based, in bytes) of non-blank text on a source line.
    func firstColumn(ofLine line: Int) -> Int {
        guard line >= 1, line <= sourceLines.count else { return 1 }
        var column = 1
        for byte in sourceLines[line - 1].utf8 {
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return column }
            column += 1
        }
        return 1
    }
}

