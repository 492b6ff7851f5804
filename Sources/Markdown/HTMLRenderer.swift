/// Renders a markdown tree to HTML, as cmark and cmark-gfm write it.
///
/// Raw HTML in the source is shown as escaped text unless `allowRawHTML` is set, so a course
/// cannot inject markup by accident. Headings get stable ids when `headingIDs` is on.
public struct HTMLRenderer: Sendable {
    public var allowRawHTML: Bool
    public var headingIDs: Bool
    /// With raw HTML allowed, GFM's disallowed tags (`<script>`, `<style>`, `<iframe>`,
    /// `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`, `<plaintext>`) are written
    /// with their `<` escaped, as cmark-gfm's tagfilter extension does.
    public var filtersDisallowedTags: Bool
    /// Rewrites link and image destinations (e.g. `lesson.md` → `lesson.html`).
    public var rewriteURL: (@Sendable (String) -> String)?

    public init(allowRawHTML: Bool = false, headingIDs: Bool = false, filtersDisallowedTags: Bool = true,
                rewriteURL: (@Sendable (String) -> String)? = nil) {
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
        self.filtersDisallowedTags = filtersDisallowedTags
        self.rewriteURL = rewriteURL
    }

    /// The HTML of `node` and its descendants.
    public func render(_ node: MarkdownNode) -> String {
        var walker = HTMLWalker(options: self)
        walker.visit(node)
        return walker.out
    }

    /// The HTML of several sibling nodes (e.g. a question's prompt blocks).
    public func render(_ nodes: [MarkdownNode]) -> String {
        var walker = HTMLWalker(options: self)
        for node in nodes { walker.visit(node) }
        return walker.out
    }
}

/// The walk behind `HTMLRenderer`: one method per node kind, writing into `out`.
struct HTMLWalker: MarkdownWalker {
    let options: HTMLRenderer
    var out = ""
    var slugger = HeadingSlugger()
    /// Whether paragraphs here are written without `<p>`: directly inside an item of a tight list.
    private var tight = false
    /// The tightness the items of the list being walked give their paragraphs.
    private var listTight = false
    private var inTableHeader = false

    init(options: HTMLRenderer) {
        self.options = options
    }

    /// A line break unless the output already ends with one (cmark's `cr`).
    private mutating func newline() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    /// Walks the children of a block that holds blocks: paragraphs in it get their `<p>`.
    private mutating func blocks(_ node: borrowing MarkdownNode) {
        let saved = tight
        tight = false
        descendInto(node)
        tight = saved
    }

    private func url(_ raw: String) -> String {
        let rewritten = options.rewriteURL?(raw) ?? raw
        return HTMLEscaping.isSafeURL(rewritten) ? HTMLEscaping.escapeURL(rewritten) : ""
    }

    private func raw(_ html: String) -> String {
        options.filtersDisallowedTags ? HTMLEscaping.filterDisallowedTags(html) : html
    }

    // MARK: Blocks

    mutating func visitDocument(_ node: borrowing MarkdownNode) {
        blocks(node)
    }

    mutating func visitBlockQuote(_ node: borrowing MarkdownNode) {
        newline()
        out += "<blockquote>\n"
        blocks(node)
        newline()
        out += "</blockquote>\n"
    }

    mutating func visitList(_ node: borrowing MarkdownNode) {
        guard case .list(let info) = node.kind else { return }
        newline()
        if info.ordered {
            out += info.start == 1 ? "<ol>\n" : "<ol start=\"\(info.start)\">\n"
        } else {
            out += "<ul>\n"
        }
        let saved = listTight
        listTight = info.tight
        descendInto(node)
        listTight = saved
        out += info.ordered ? "</ol>\n" : "</ul>\n"
    }

    mutating func visitItem(_ node: borrowing MarkdownNode) {
        newline()
        out += "<li>"
        item(node)
    }

    mutating func visitTaskListItem(_ node: borrowing MarkdownNode) {
        guard case .taskListItem(let checked) = node.kind else { return }
        newline()
        out += checked ? "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<li><input type=\"checkbox\" disabled=\"\" /> "
        item(node)
    }

    private mutating func item(_ node: borrowing MarkdownNode) {
        let saved = tight
        tight = listTight
        descendInto(node)
        tight = saved
        out += "</li>\n"
    }

    mutating func visitParagraph(_ node: borrowing MarkdownNode) {
        if tight {
            descendInto(node)
            return
        }
        newline()
        out += "<p>"
        descendInto(node)
        out += "</p>\n"
    }

    mutating func visitHeading(_ node: borrowing MarkdownNode) {
        guard case .heading(let level) = node.kind else { return }
        newline()
        if options.headingIDs {
            let id = slugger.uniqueSlug(node.plainText())
            out += "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
        } else {
            out += "<h\(level)>"
        }
        descendInto(node)
        out += "</h\(level)>\n"
    }

    mutating func visitCodeBlock(_ node: borrowing MarkdownNode) {
        guard case .codeBlock(let info) = node.kind else { return }
        newline()
        // The language is the info string's first word; it ends at any whitespace.
        let language = info.unicodeScalars.prefix { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}") }
        if language.isEmpty {
            out += "<pre><code>"
        } else {
            out += "<pre><code class=\"language-\(HTMLEscaping.escape(String(language)))\">"
        }
        out += HTMLEscaping.escape(node.literal)
        out += "</code></pre>\n"
    }

    mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) {
        newline()
        if options.allowRawHTML {
            out += raw(node.literal)
            newline()
        } else {
            out += "<p>" + HTMLEscaping.escape(node.literal.trimmingTrailingNewlines()) + "</p>\n"
        }
    }

    mutating func visitThematicBreak(_ node: borrowing MarkdownNode) {
        newline()
        out += "<hr />\n"
    }

    // MARK: Tables

    mutating func visitTable(_ node: borrowing MarkdownNode) {
        newline()
        out += "<table>\n"
        var body = false
        node.forEachChild { _, row in
            if row.kind == .tableRow, !body {
                out += "<tbody>\n"
                body = true
            }
            visit(row)
        }
        if body { out += "</tbody>\n" }
        out += "</table>\n"
    }

    mutating func visitTableHeader(_ node: borrowing MarkdownNode) {
        out += "<thead>\n<tr>\n"
        inTableHeader = true
        descendInto(node)
        inTableHeader = false
        out += "</tr>\n</thead>\n"
    }

    mutating func visitTableRow(_ node: borrowing MarkdownNode) {
        element("tr>\n", node, "tr>\n")
    }

    mutating func visitTableCell(_ node: borrowing MarkdownNode) {
        guard case .tableCell(let alignment) = node.kind else { return }
        switch alignment {
        case .none: out += inTableHeader ? "<th>" : "<td>"
        case .left: out += inTableHeader ? "<th align=\"left\">" : "<td align=\"left\">"
        case .center: out += inTableHeader ? "<th align=\"center\">" : "<td align=\"center\">"
        case .right: out += inTableHeader ? "<th align=\"right\">" : "<td align=\"right\">"
        }
        descendInto(node)
        out += inTableHeader ? "</th>\n" : "</td>\n"
    }

    // MARK: Footnotes

    mutating func visitFootnotes(_ node: borrowing MarkdownNode) {
        newline()
        out += "<section class=\"footnotes\">\n<ol>\n"
        blocks(node)
        out += "</ol>\n</section>\n"
    }

    /// A footnote, ending with a link back to each reference: inside its last paragraph,
    /// or on a line of its own after its last block.
    mutating func visitFootnoteDefinition(_ node: borrowing MarkdownNode) {
        guard case .footnoteDefinition(_, let number, let references) = node.kind else { return }
        newline()
        out += "<li id=\"fn\(number)\">\n"
        var backrefs: [String] = []
        for occurrence in 1...max(references, 1) {
            let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
            backrefs.append("<a href=\"#\(id)\" class=\"footnote-backref\">↩</a>")
        }
        let saved = tight
        tight = false
        let count = node.children.count
        var placed = false
        node.forEachChild { index, child in
            if index == count - 1, child.kind == .paragraph {
                newline()
                out += "<p>"
                descendInto(child)
                out += " " + backrefs.joined(separator: " ") + "</p>\n"
                placed = true
            } else {
                visit(child)
            }
        }
        tight = saved
        if !placed {
            newline()
            out += backrefs.joined(separator: " ") + "\n"
        }
        out += "</li>\n"
    }

    mutating func visitFootnoteReference(_ node: borrowing MarkdownNode) {
        guard case .footnoteReference(_, let number, let occurrence) = node.kind else { return }
        let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
        out += "<sup class=\"footnote-ref\"><a href=\"#fn\(number)\" id=\"\(id)\">\(number)</a></sup>"
    }

    // MARK: Inlines

    mutating func visitText(_ node: borrowing MarkdownNode) {
        out += HTMLEscaping.escape(node.literal)
    }

    mutating func visitSoftBreak(_ node: borrowing MarkdownNode) {
        out += "\n"
    }

    mutating func visitLineBreak(_ node: borrowing MarkdownNode) {
        out += "<br />\n"
    }

    mutating func visitCode(_ node: borrowing MarkdownNode) {
        out += "<code>" + HTMLEscaping.escape(node.literal) + "</code>"
    }

    mutating func visitHTMLInline(_ node: borrowing MarkdownNode) {
        out += options.allowRawHTML ? raw(node.literal) : HTMLEscaping.escape(node.literal)
    }

    mutating func visitEmphasis(_ node: borrowing MarkdownNode) {
        element("em>", node, "em>")
    }

    mutating func visitStrong(_ node: borrowing MarkdownNode) {
        element("strong>", node, "strong>")
    }

    mutating func visitStrikethrough(_ node: borrowing MarkdownNode) {
        element("del>", node, "del>")
    }

    /// `<open` + the children + `</close`.
    private mutating func element(_ open: String, _ node: borrowing MarkdownNode, _ close: String) {
        out += "<" + open
        descendInto(node)
        out += "</" + close
    }

    mutating func visitLink(_ node: borrowing MarkdownNode) {
        guard case .link(let destination, let title) = node.kind else { return }
        out += "<a href=\"\(url(destination))\""
        if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
        out += ">"
        descendInto(node)
        out += "</a>"
    }

    mutating func visitImage(_ node: borrowing MarkdownNode) {
        guard case .image(let source, let title) = node.kind else { return }
        out += "<img src=\"\(url(source))\" alt=\"\(HTMLEscaping.escape(node.plainText()))\""
        if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
        out += " />"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
