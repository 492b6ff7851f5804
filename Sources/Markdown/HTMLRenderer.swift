/// Renders a markdown tree to HTML, as cmark and cmark-gfm write it.
///
/// Raw HTML in the source is shown as escaped text unless `sanitizesRawHTML` (through
/// `HTMLSanitizer`'s allowlist) or `allowRawHTML` (as written: the spec tests) is set, so a
/// course cannot inject markup by accident. Headings get stable ids when `headingIDs` is on.
public struct HTMLRenderer: Sendable {
    public var allowRawHTML: Bool
    /// Raw HTML through the allowlist sanitizer rather than escaped (course.yml `raw_html: sanitize`).
    public var sanitizesRawHTML: Bool
    public var headingIDs: Bool
    /// With raw HTML allowed, GFM's disallowed tags (`<script>`, `<style>`, `<iframe>`,
    /// `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`, `<plaintext>`) are written
    /// with their `<` escaped, as cmark-gfm's tagfilter extension does.
    public var filtersDisallowedTags: Bool
    /// Rewrites link and image destinations (e.g. `lesson.md` → `lesson.html`).
    public var rewriteURL: (@Sendable (String) -> String)?

    public init(allowRawHTML: Bool = false, sanitizesRawHTML: Bool = false, headingIDs: Bool = false, filtersDisallowedTags: Bool = true,
                rewriteURL: (@Sendable (String) -> String)? = nil) {
        self.allowRawHTML = allowRawHTML
        self.sanitizesRawHTML = sanitizesRawHTML
        self.headingIDs = headingIDs
        self.filtersDisallowedTags = filtersDisallowedTags
        self.rewriteURL = rewriteURL
    }

    /// The HTML of `node` and its descendants.
    public func render(_ node: MarkdownNode) -> String {
        var walker = HTMLWalker(options: self)
        walker.visit(node)
        walker.closeRawElements(to: 0)
        return walker.out
    }

    /// The HTML of several sibling nodes (e.g. a question's prompt blocks).
    public func render(_ nodes: [MarkdownNode]) -> String {
        var walker = HTMLWalker(options: self)
        for node in nodes { walker.visit(node) }
        walker.closeRawElements(to: 0)
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
    /// Raw HTML's elements, balanced across the pieces of one render.
    private var sanitizer = HTMLSanitizer()
    /// Content tab sets so far, for their inputs' unique ids.
    private var tabSets = 0

    init(options: HTMLRenderer) {
        self.options = options
    }

    /// A line break unless the output already ends with one (cmark's `cr`).
    private mutating func newline() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    /// Walks the children of a block that holds blocks: paragraphs in it get their `<p>`.
    /// Raw elements opened inside end with it.
    private mutating func blocks(_ node: borrowing MarkdownNode) {
        let saved = tight
        tight = false
        let mark = sanitizer.depth
        descendInto(node)
        closeRawElements(to: mark)
        tight = saved
    }

    /// Walks inline content; raw elements opened inside end with it.
    private mutating func inlines(_ node: borrowing MarkdownNode) {
        let mark = sanitizer.depth
        withUnsafePointer(to: node) { inlineChildren($0) }
        closeRawElements(to: mark)
    }

    /// The children of a node that holds inlines, read through pointers: handing each child to
    /// a visit method copies it (a retain of each of its fields), and inline nodes are most of
    /// a page's nodes (see `PlainText`).
    private mutating func inlineChildren(_ node: UnsafePointer<MarkdownNode>) {
        node.pointee.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in 0..<children.count { inline(first + index) }
        }
    }

    /// One inline node: the common kinds written here, the others (and any block) by their
    /// visit method.
    private mutating func inline(_ node: UnsafePointer<MarkdownNode>) {
        switch node.pointee.kind {
        case .text:
            out += HTMLEscaping.escape(node.pointee.literal)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br />\n"
        case .code:
            out += "<code>" + HTMLEscaping.escape(node.pointee.literal) + "</code>"
        case .htmlInline:
            htmlInline(node.pointee.literal)
        case .emphasis:
            inlineElement("em>", node, "em>")
        case .strong:
            inlineElement("strong>", node, "strong>")
        case .strikethrough:
            inlineElement("del>", node, "del>")
        case .link(let destination, let title):
            out += "<a href=\"\(url(destination))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            let attributes = node.pointee.attributes
            out += self.attributes(attributes, skipping: title.isEmpty ? nil : "title")
            if attributes.contains(where: { $0.name == "target" }) { out += " rel=\"noopener noreferrer\"" }
            out += ">"
            inlineChildren(node)
            out += "</a>"
        default:
            visit(node.pointee)
        }
    }

    /// `<open` + the inline children + `</close`.
    private mutating func inlineElement(_ open: String, _ node: UnsafePointer<MarkdownNode>, _ close: String) {
        out += "<" + open
        inlineChildren(node)
        out += "</" + close
    }

    mutating func closeRawElements(to mark: Int) {
        guard options.sanitizesRawHTML, !options.allowRawHTML else { return }
        out += sanitizer.close(to: mark)
    }

    /// ` name="value"` for each attribute (`{.class}`, an element marked `markdown`), a class
    /// of the renderer's own first.
    private func attributes(_ list: [HTMLAttribute], class extra: String? = nil, skipping skipped: String? = nil) -> String {
        var out = ""
        var classes = extra.map { [$0] } ?? []
        for attribute in list where attribute.name != skipped {
            if attribute.name == "class" { classes.append(attribute.value); continue }
            out += " \(attribute.name)=\"\(HTMLEscaping.escape(attribute.value))\""
        }
        if !classes.isEmpty { out = " class=\"\(HTMLEscaping.escape(classes.joined(separator: " ")))\"" + out }
        return out
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
            withUnsafePointer(to: node) { inlineChildren($0) }
            return
        }
        newline()
        out += "<p" + attributes(node.attributes) + ">"
        inlines(node)
        out += "</p>\n"
    }

    mutating func visitHeading(_ node: borrowing MarkdownNode) {
        guard case .heading(let level) = node.kind else { return }
        newline()
        if options.headingIDs || node.attributes.contains(where: { $0.name == "id" }) {
            out += "<h\(level) id=\"\(HTMLEscaping.escape(slugger.id(of: node)))\"" + attributes(node.attributes, skipping: "id") + ">"
        } else {
            out += "<h\(level)" + attributes(node.attributes) + ">"
        }
        inlines(node)
        out += "</h\(level)>\n"
    }

    mutating func visitCodeBlock(_ node: borrowing MarkdownNode) {
        guard case .codeBlock(let info) = node.kind else { return }
        newline()
        // The language is the info string's first word; it ends at any whitespace.
        let code = CodeBlockInfo(info)
        let pre = code.language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(code.language))\">"
        guard code.isDecorated || code.isMermaid else {
            out += pre + HTMLEscaping.escape(node.literal) + "</code></pre>\n"
            return
        }
        out += code.isMermaid ? "<figure class=\"code-block mermaid-source\">" : "<div class=\"code-block\">"
        if code.isMermaid {
            out += "<figcaption class=\"code-title\">Mermaid diagram (source)\(code.title.map { ": " + HTMLEscaping.escape($0) } ?? "")</figcaption>"
        } else if let title = code.title {
            out += "<div class=\"code-title\">\(HTMLEscaping.escape(title))</div>"
        }
        out += pre
        if code.highlightedLines.isEmpty, code.firstLineNumber == nil {
            out += HTMLEscaping.escape(node.literal)
        } else {
            var lines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for (index, line) in lines.enumerated() {
                out += code.highlightedLines.contains(index + 1) ? "<span class=\"line hl\">" : "<span class=\"line\">"
                if let first = code.firstLineNumber { out += "<span class=\"lineno\" aria-hidden=\"true\">\(first + index)</span>" }
                out += HTMLEscaping.escape(String(line)) + "\n</span>"
            }
        }
        out += "</code></pre>" + (code.isMermaid ? "</figure>\n" : "</div>\n")
    }

    mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) {
        newline()
        if options.allowRawHTML {
            out += raw(node.literal)
            newline()
        } else if options.sanitizesRawHTML {
            var removals: [HTMLSanitizer.Removal] = []
            out += sanitizer.sanitize(node.literal, removals: &removals)
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
        inlines(node)
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
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitSoftBreak(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitLineBreak(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitCode(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitHTMLInline(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    private mutating func htmlInline(_ literal: String) {
        if options.allowRawHTML {
            out += raw(literal)
        } else if options.sanitizesRawHTML {
            var removals: [HTMLSanitizer.Removal] = []
            out += sanitizer.sanitize(literal, removals: &removals)
        } else {
            out += HTMLEscaping.escape(literal)
        }
    }

    mutating func visitEmphasis(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitStrong(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitStrikethrough(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    /// `<open` + the children + `</close`.
    private mutating func element(_ open: String, _ node: borrowing MarkdownNode, _ close: String) {
        out += "<" + open
        descendInto(node)
        out += "</" + close
    }

    mutating func visitLink(_ node: borrowing MarkdownNode) {
        withUnsafePointer(to: node) { inline($0) }
    }

    mutating func visitImage(_ node: borrowing MarkdownNode) {
        guard case .image(let source, let title) = node.kind else { return }
        out += "<img src=\"\(url(source))\" alt=\"\(HTMLEscaping.escape(node.plainText()))\""
        if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
        out += attributes(node.attributes, skipping: title.isEmpty ? nil : "title")
        out += " />"
    }
}

// MARK: The MkDocs Material dialect

extension HTMLWalker {
    /// Material's markup: `<div class="admonition note">` with a title paragraph, or a
    /// `<details class="note">` with a summary for the collapsible kind.
    mutating func visitAdmonition(_ node: borrowing MarkdownNode) {
        guard case .admonition(let admonition) = node.kind else { return }
        newline()
        let title = HTMLEscaping.escape(admonition.title)
        if admonition.collapsible {
            out += "<details" + attributes(node.attributes, class: admonition.type) + (admonition.open ? " open" : "") + ">\n"
            out += "<summary>\(title.isEmpty ? HTMLEscaping.escape(Admonitions.defaultTitle(admonition.type)) : title)</summary>\n"
            blocks(node)
            newline()
            out += "</details>\n"
        } else {
            out += "<div" + attributes(node.attributes, class: "admonition " + admonition.type) + ">\n"
            if !title.isEmpty { out += "<p class=\"admonition-title\">\(title)</p>\n" }
            blocks(node)
            newline()
            out += "</div>\n"
        }
    }

    /// pymdownx.tabbed's alternate markup, as Material styles it: one radio input per tab
    /// (keyboard-switchable with the arrow keys, and working without JavaScript), the labels,
    /// then the tabs' contents; site.css shows the content of the checked input.
    mutating func visitTabSet(_ node: borrowing MarkdownNode) {
        tabSets += 1
        let set = tabSets
        newline()
        out += "<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"\(set):\(node.children.count)\">\n"
        var labels = "<div class=\"tabbed-labels\">"
        node.forEachChild { index, tab in
            guard case .tab(let label, let selected) = tab.kind else { return }
            let id = "__tabbed_\(set)_\(index + 1)"
            out += "<input\(selected ? " checked=\"checked\"" : "") id=\"\(id)\" name=\"__tabbed_\(set)\" type=\"radio\" />\n"
            labels += "<label for=\"\(id)\">\(HTMLEscaping.escape(label))</label>"
        }
        out += labels + "</div>\n<div class=\"tabbed-content\">\n"
        descendInto(node)
        out += "</div>\n</div>\n"
    }

    mutating func visitTab(_ node: borrowing MarkdownNode) {
        guard case .tab(let label, _) = node.kind else { return }
        newline()
        out += "<div class=\"tabbed-block\" data-label=\"\(HTMLEscaping.escape(label))\">\n"
        blocks(node)
        newline()
        out += "</div>\n"
    }

    mutating func visitHTMLElement(_ node: borrowing MarkdownNode) {
        guard case .htmlElement(let tag) = node.kind else { return }
        newline()
        out += "<\(tag)" + attributes(node.attributes) + ">\n"
        blocks(node)
        newline()
        out += "</\(tag)>\n"
    }

    /// pymdownx.keys' markup: `<span class="keys"><kbd class="key-ctrl">Ctrl</kbd><span>+</span>…`.
    mutating func visitKeys(_ node: borrowing MarkdownNode) {
        guard case .keys(let keys) = node.kind else { return }
        out += "<span class=\"keys\">"
        for (index, key) in keys.enumerated() {
            if index > 0 { out += "<span>+</span>" }
            out += "<kbd class=\"key-\(HTMLEscaping.escape(key.lowercased().replacingSpaces()))\">\(HTMLEscaping.escape(Keys.label(key)))</kbd>"
        }
        out += "</span>"
    }

    /// A local glyph, or the icon's name as text: never a font from the network.
    mutating func visitIcon(_ node: borrowing MarkdownNode) {
        guard case .icon(let name) = node.kind else { return }
        let escaped = HTMLEscaping.escape(name)
        if node.literal.isEmpty {
            out += "<span class=\"icon icon-missing\">\(escaped)</span>"
        } else {
            out += "<span class=\"icon\" role=\"img\" aria-label=\"\(escaped)\" title=\"\(escaped)\">\(HTMLEscaping.escape(node.literal))</span>"
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " || $0 == "\"" ? "-" : $0 })
    }

    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
