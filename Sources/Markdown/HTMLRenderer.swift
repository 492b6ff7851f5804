/// Renders a markdown tree to HTML.
///
/// Raw HTML in the source is shown as escaped text unless `allowRawHTML` is set, so a course
/// cannot inject markup by accident. Headings get stable ids when `headingIDs` is on.
public struct HTMLRenderer: Sendable {
    public var allowRawHTML: Bool
    public var headingIDs: Bool
    /// Rewrites link and image destinations (e.g. `lesson.md` → `lesson.html`).
    public var rewriteURL: (@Sendable (String) -> String)?

    public init(allowRawHTML: Bool = false, headingIDs: Bool = false, rewriteURL: (@Sendable (String) -> String)? = nil) {
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
        self.rewriteURL = rewriteURL
    }

    /// The HTML of `node` and its descendants.
    public func render(_ node: MarkdownNode) -> String {
        var state = State()
        render(node, into: &state, tight: false)
        return state.out
    }

    /// The HTML of several sibling nodes (e.g. a question's prompt blocks).
    public func render(_ nodes: [MarkdownNode]) -> String {
        var state = State()
        for node in nodes { render(node, into: &state, tight: false) }
        return state.out
    }

    private struct State {
        var out = ""
        var slugger = HeadingSlugger()
    }

    private func renderChildren(_ node: MarkdownNode, into state: inout State, tight: Bool) {
        node.forEachChild { _, child in render(child, into: &state, tight: tight) }
    }

    private func url(_ raw: String) -> String {
        let rewritten = rewriteURL?(raw) ?? raw
        return HTMLEscaping.isSafeURL(rewritten) ? HTMLEscaping.escapeURL(rewritten) : ""
    }

    private func render(_ node: MarkdownNode, into state: inout State, tight: Bool) {
        switch node.kind {
        case .document:
            renderChildren(node, into: &state, tight: false)
        case .blockQuote:
            state.out += "<blockquote>\n"
            renderChildren(node, into: &state, tight: false)
            state.out += "</blockquote>\n"
        case .list(let info):
            if info.ordered {
                state.out += info.start == 1 ? "<ol>\n" : "<ol start=\"\(info.start)\">\n"
            } else {
                state.out += "<ul>\n"
            }
            renderChildren(node, into: &state, tight: info.tight)
            state.out += info.ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            state.out += "<li>"
            if !tight, !node.children.isEmpty { state.out += "\n" }
            renderChildren(node, into: &state, tight: tight)
            if state.out.hasSuffix("\n"), tight { state.out.removeLast() }
            state.out += "</li>\n"
        case .codeBlock(let info):
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            if language.isEmpty {
                state.out += "<pre><code>"
            } else {
                state.out += "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            }
            state.out += HTMLEscaping.escape(node.literal)
            state.out += "</code></pre>\n"
        case .htmlBlock:
            if allowRawHTML {
                state.out += node.literal
            } else {
                state.out += "<p>" + HTMLEscaping.escape(node.literal.trimmingTrailingNewlines()) + "</p>\n"
            }
        case .paragraph:
            if tight {
                renderChildren(node, into: &state, tight: tight)
                state.out += "\n"
            } else {
                state.out += "<p>"
                renderChildren(node, into: &state, tight: tight)
                state.out += "</p>\n"
            }
        case .heading(let level):
            if headingIDs {
                let id = state.slugger.uniqueSlug(node.plainText())
                state.out += "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
            } else {
                state.out += "<h\(level)>"
            }
            renderChildren(node, into: &state, tight: tight)
            state.out += "</h\(level)>\n"
        case .thematicBreak:
            state.out += "<hr />\n"
        case .text:
            state.out += HTMLEscaping.escape(node.literal)
        case .softBreak:
            state.out += "\n"
        case .lineBreak:
            state.out += "<br />\n"
        case .code:
            state.out += "<code>" + HTMLEscaping.escape(node.literal) + "</code>"
        case .htmlInline:
            state.out += allowRawHTML ? node.literal : HTMLEscaping.escape(node.literal)
        case .emphasis:
            state.out += "<em>"
            renderChildren(node, into: &state, tight: tight)
            state.out += "</em>"
        case .strong:
            state.out += "<strong>"
            renderChildren(node, into: &state, tight: tight)
            state.out += "</strong>"
        case .link(let destination, let title):
            state.out += "<a href=\"\(url(destination))\""
            if !title.isEmpty { state.out += " title=\"\(HTMLEscaping.escape(title))\"" }
            state.out += ">"
            renderChildren(node, into: &state, tight: tight)
            state.out += "</a>"
        case .image(let source, let title):
            state.out += "<img src=\"\(url(source))\" alt=\"\(HTMLEscaping.escape(node.plainText()))\""
            if !title.isEmpty { state.out += " title=\"\(HTMLEscaping.escape(title))\"" }
            state.out += " />"
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
