import Support

/// Renders markdown as terminal text: bold, italics, strikethrough, code spans and blocks,
/// lists (task boxes as ☐ and ☑), quotes, tables drawn with box characters and footnotes,
/// word-wrapped to a width. With `color` off it writes plain text with no escape codes.
public struct TerminalRenderer: Sendable {
    public var color: Bool
    /// The column count lines wrap at; code blocks are never wrapped.
    public var width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(width, 20)
    }

    /// Renders blocks, separated by blank lines, with no trailing newline.
    public func render(_ nodes: [MarkdownNode]) -> String {
        var blocks = TerminalBlocks(renderer: self)
        return blocks.lines(of: nodes, first: "", rest: "").joined(separator: "\n")
    }

    /// Renders one node (a document or a block).
    public func render(_ node: MarkdownNode) -> String {
        render(node.kind == .document ? node.children : [node])
    }

    /// Renders inline content (e.g. an option's text), wrapped with `indent` on every line
    /// after the first, whose prefix is `firstPrefix`.
    public func renderInline(_ inlines: [MarkdownNode], firstPrefix: String = "", indent: String = "") -> String {
        wrap(words(inlines), firstPrefix: firstPrefix, restPrefix: indent, width: width).joined(separator: "\n")
    }

    // MARK: Inlines

    /// What inline markup looks like, in the order its codes are written.
    enum Style: Hashable, CaseIterable {
        case bold, dim, italic, underline, strike, code

        var attribute: TerminalStyle.Attribute {
            switch self {
            case .bold: .bold
            case .dim: .dim
            case .italic: .italic
            case .underline: .underline
            case .strike: .strike
            case .code: .cyan
            }
        }
    }

    /// A piece of text that wraps as a unit, or a forced line break.
    enum Word {
        case text(String, width: Int, spaceBefore: Bool)
        case newline
    }

    func words(_ inlines: [MarkdownNode], style: Set<Style> = []) -> [Word] {
        var walker = TerminalInlines(renderer: self, style: style)
        for inline in inlines { walker.visit(inline) }
        return walker.words
    }

    /// `words` laid out in lines of at most `width` columns (a word longer than a line is cut).
    func wrap(_ words: [Word], firstPrefix: String, restPrefix: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = DisplayWidth.of(firstPrefix)
        var lineHasWord = false
        let restWidth = DisplayWidth.of(restPrefix)
        for word in words {
            switch word {
            case .newline:
                lines.append(line)
                line = restPrefix
                lineWidth = restWidth
                lineHasWord = false
            case .text(let text, let wordWidth, let spaceBefore):
                let gap = (lineHasWord && spaceBefore) ? 1 : 0
                if lineHasWord && lineWidth + gap + wordWidth > width {
                    lines.append(line)
                    line = restPrefix + text
                    lineWidth = restWidth + wordWidth
                } else {
                    line += (gap == 1 ? " " : "") + text
                    lineWidth += gap + wordWidth
                }
                lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    func styled(_ text: String, _ style: Set<Style>) -> String {
        TerminalStyle(color: color).paint(text, Style.allCases.filter(style.contains).map(\.attribute))
    }
}

/// Lays out blocks as lines: each visit returns a block's lines, starting with `firstPrefix`
/// and continuing with `restPrefix` (the markers and indentation of the containers around it).
struct TerminalBlocks: MarkdownVisitor {
    let renderer: TerminalRenderer
    private var firstPrefix = ""
    private var restPrefix = ""

    init(renderer: TerminalRenderer) {
        self.renderer = renderer
    }

    /// Blocks one after another, a blank line (keeping the prefix) between them unless they
    /// are the blocks of an item of a tight list.
    mutating func lines(of blocks: [MarkdownNode], first: String, rest: String, separated: Bool = true) -> [String] {
        var lines: [String] = []
        var isFirst = true
        for block in blocks {
            firstPrefix = isFirst ? first : rest
            restPrefix = rest
            let blockLines = visit(block)
            if blockLines.isEmpty { continue }
            if !isFirst, separated { lines.append(rest.trimmingTrailingSpaces()) }
            lines += blockLines
            isFirst = false
        }
        return lines
    }

    private func wrapped(_ inlines: [MarkdownNode], style: Set<TerminalRenderer.Style> = []) -> [String] {
        renderer.wrap(renderer.words(inlines, style: style), firstPrefix: firstPrefix, restPrefix: restPrefix, width: renderer.width)
    }

    /// Inline content met where a block was expected.
    mutating func defaultVisit(_ node: borrowing MarkdownNode) -> [String] {
        wrapped([copy node])
    }

    mutating func visitDocument(_ node: borrowing MarkdownNode) -> [String] {
        lines(of: node.children, first: firstPrefix, rest: restPrefix)
    }

    mutating func visitParagraph(_ node: borrowing MarkdownNode) -> [String] {
        wrapped(node.children)
    }

    mutating func visitHeading(_ node: borrowing MarkdownNode) -> [String] {
        wrapped(node.children, style: [.bold, .underline])
    }

    mutating func visitCodeBlock(_ node: borrowing MarkdownNode) -> [String] {
        guard case .codeBlock(let info) = node.kind else { return [] }
        let code = CodeBlockInfo(info)
        let label = code.isMermaid ? "Mermaid diagram (source)" + (code.title.map { ": " + $0 } ?? "") : code.title
        guard let label else { return literalLines(node.literal) }
        let saved = firstPrefix
        defer { firstPrefix = saved }
        let title = firstPrefix + "    " + renderer.styled(label, [.dim, .underline])
        firstPrefix = restPrefix
        return [title] + literalLines(node.literal)
    }

    mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) -> [String] {
        literalLines(node.literal)
    }

    private func literalLines(_ literal: String) -> [String] {
        var literal = literal
        while literal.hasSuffix("\n") { literal.removeLast() }
        return literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index == 0 ? firstPrefix : restPrefix) + "    " + renderer.styled(String(line), [.code])
        }
    }

    mutating func visitThematicBreak(_ node: borrowing MarkdownNode) -> [String] {
        let available = max(renderer.width - DisplayWidth.of(firstPrefix), 3)
        return [firstPrefix + renderer.styled(String(repeating: "─", count: available), [.dim])]
    }

    mutating func visitBlockQuote(_ node: borrowing MarkdownNode) -> [String] {
        let bar = renderer.styled("│", [.dim]) + " "
        return lines(of: node.children, first: firstPrefix + bar, rest: restPrefix + bar)
    }

    mutating func visitList(_ node: borrowing MarkdownNode) -> [String] {
        guard case .list(let info) = node.kind else { return [] }
        let first = firstPrefix, rest = restPrefix
        var result: [String] = []
        var number = info.start
        for (index, item) in node.children.enumerated() {
            var marker = info.ordered ? "\(number)\(info.delimiter == .paren ? ")" : ".") " : "• "
            if case .taskListItem(let checked) = item.kind {
                marker = info.ordered ? marker + (checked ? "☑ " : "☐ ") : (checked ? "☑ " : "☐ ")
            }
            number += 1
            let pad = String(repeating: " ", count: DisplayWidth.of(marker))
            if index > 0, !info.tight { result.append(rest.trimmingTrailingSpaces()) }
            let itemFirst = (index == 0 ? first : rest) + marker
            let itemLines = lines(of: item.children, first: itemFirst, rest: rest + pad, separated: !info.tight)
            result += itemLines.isEmpty ? [itemFirst.trimmingTrailingSpaces()] : itemLines
        }
        return result
    }

    mutating func visitItem(_ node: borrowing MarkdownNode) -> [String] {
        lines(of: node.children, first: firstPrefix, rest: restPrefix)
    }

    mutating func visitTaskListItem(_ node: borrowing MarkdownNode) -> [String] {
        guard case .taskListItem(let checked) = node.kind else { return [] }
        let box = checked ? "☑ " : "☐ "
        return lines(of: node.children, first: firstPrefix + box, rest: restPrefix + "  ")
    }

    mutating func visitTable(_ node: borrowing MarkdownNode) -> [String] {
        guard case .table(let alignments) = node.kind else { return [] }
        let rows = node.children.map { row in
            row.children.map { cell in renderer.words(cell.children, style: row.kind == .tableHeader ? [.bold] : []) }
        }
        let available = renderer.width - DisplayWidth.of(restPrefix)
        let table = TerminalTable(rows: rows, alignments: alignments, width: available, renderer: renderer)
        return table.lines().enumerated().map { index, line in (index == 0 ? firstPrefix : restPrefix) + line }
    }

    mutating func visitFootnotes(_ node: borrowing MarkdownNode) -> [String] {
        let rule = firstPrefix + renderer.styled(String(repeating: "─", count: min(20, max(renderer.width - DisplayWidth.of(firstPrefix), 3))), [.dim])
        let first = restPrefix, rest = restPrefix
        var result = [rule]
        var previousBlocks = 0
        for definition in node.children {
            guard case .footnoteDefinition(_, let number, _) = definition.kind else { continue }
            // Short footnotes one per line; a blank line after one of several blocks.
            if previousBlocks > 1 || definition.children.count > 1 { result.append(rest.trimmingTrailingSpaces()) }
            let marker = "[\(number)] "
            result += lines(of: definition.children, first: first + marker, rest: rest + String(repeating: " ", count: marker.count))
            previousBlocks = definition.children.count
        }
        return result
    }

    mutating func visitFootnoteDefinition(_ node: borrowing MarkdownNode) -> [String] {
        lines(of: node.children, first: firstPrefix, rest: restPrefix)
    }

    // MARK: The MkDocs Material dialect

    /// A labelled box: the title in the top rule, a bar down the left of the content.
    /// A collapsible one is shown open (a terminal has nothing to click).
    mutating func visitAdmonition(_ node: borrowing MarkdownNode) -> [String] {
        guard case .admonition(let admonition) = node.kind else { return [] }
        let title = admonition.title.isEmpty ? Admonitions.defaultTitle(admonition.type) : admonition.title
        let label = (admonition.collapsible ? "▾ " : "") + title
        let available = max(renderer.width - DisplayWidth.of(restPrefix), 8)
        let top = "╭─ " + renderer.styled(label, [.bold]) + " " + String(repeating: "─", count: max(available - DisplayWidth.of(label) - 4, 2))
        let bar = renderer.styled("│", [.dim]) + " "
        let first = firstPrefix, rest = restPrefix
        var result = [first + top]
        result += lines(of: node.children, first: rest + bar, rest: rest + bar)
        result.append(rest + renderer.styled("╰" + String(repeating: "─", count: max(available - 1, 2)), [.dim]))
        return result
    }

    /// Tabs as labelled sections one after another: each label on a line of its own, its
    /// content indented under it.
    mutating func visitTabSet(_ node: borrowing MarkdownNode) -> [String] {
        let first = firstPrefix, rest = restPrefix
        var result: [String] = []
        for (index, tab) in node.children.enumerated() {
            guard case .tab(let label, _) = tab.kind else { continue }
            if index > 0 { result.append(rest.trimmingTrailingSpaces()) }
            result.append((index == 0 ? first : rest) + renderer.styled("▌ " + label, [.bold]))
            result += lines(of: tab.children, first: rest + "  ", rest: rest + "  ")
        }
        return result
    }

    mutating func visitTab(_ node: borrowing MarkdownNode) -> [String] {
        lines(of: node.children, first: firstPrefix, rest: restPrefix)
    }

    mutating func visitHTMLElement(_ node: borrowing MarkdownNode) -> [String] {
        lines(of: node.children, first: firstPrefix, rest: restPrefix)
    }
}

/// Collects the words of inline content, styled.
struct TerminalInlines: MarkdownWalker {
    let renderer: TerminalRenderer
    var style: Set<TerminalRenderer.Style>
    var words: [TerminalRenderer.Word] = []
    private var pendingSpace = false

    init(renderer: TerminalRenderer, style: Set<TerminalRenderer.Style>) {
        self.renderer = renderer
        self.style = style
    }

    private mutating func add(_ text: String, _ extra: Set<TerminalRenderer.Style> = []) {
        let style = self.style.union(extra)
        var current = ""
        for character in text {
            if character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty {
                    words.append(.text(renderer.styled(current, style), width: DisplayWidth.of(current), spaceBefore: pendingSpace))
                    current = ""
                    pendingSpace = false
                }
                pendingSpace = true
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty {
            // Glue to a preceding word when there was no space (e.g. "**bold**,").
            if !pendingSpace, case .text(let last, let lastWidth, let space)? = words.last {
                words[words.count - 1] = .text(last + renderer.styled(current, style), width: lastWidth + DisplayWidth.of(current), spaceBefore: space)
            } else {
                words.append(.text(renderer.styled(current, style), width: DisplayWidth.of(current), spaceBefore: pendingSpace))
            }
            pendingSpace = false
        }
    }

    private mutating func styledChildren(_ node: borrowing MarkdownNode, _ extra: TerminalRenderer.Style) {
        let saved = style
        style.insert(extra)
        descendInto(node)
        style = saved
    }

    mutating func visitText(_ node: borrowing MarkdownNode) { add(node.literal) }
    mutating func visitHTMLInline(_ node: borrowing MarkdownNode) { add(node.literal) }
    mutating func visitCode(_ node: borrowing MarkdownNode) { add(node.literal, [.code]) }
    mutating func visitSoftBreak(_ node: borrowing MarkdownNode) { pendingSpace = true }

    mutating func visitLineBreak(_ node: borrowing MarkdownNode) {
        words.append(.newline)
        pendingSpace = false
    }

    mutating func visitEmphasis(_ node: borrowing MarkdownNode) { styledChildren(node, .italic) }
    mutating func visitStrong(_ node: borrowing MarkdownNode) { styledChildren(node, .bold) }
    mutating func visitStrikethrough(_ node: borrowing MarkdownNode) { styledChildren(node, .strike) }

    mutating func visitLink(_ node: borrowing MarkdownNode) {
        guard case .link(let destination, _) = node.kind else { return }
        styledChildren(node, .underline)
        let text = node.plainText()
        // Without colour the underline is lost, so the destination is shown, unless the text
        // says it already (an autolink) or it is an anchor on the page.
        if !renderer.color, !destination.hasPrefix("#"),
           ![text, "http://" + text, "mailto:" + text].contains(destination) {
            add(" <\(destination)>")
        }
    }

    mutating func visitImage(_ node: borrowing MarkdownNode) {
        guard case .image(let source, _) = node.kind else { return }
        let text = node.plainText()
        add("[image: \(text.isEmpty ? source : text)]")
    }

    mutating func visitFootnoteReference(_ node: borrowing MarkdownNode) {
        guard case .footnoteReference(_, let number, _) = node.kind else { return }
        add("[\(number)]", [.dim])
    }

    /// `[Ctrl]+[C]`: each key in brackets, as keycaps read in plain text.
    mutating func visitKeys(_ node: borrowing MarkdownNode) {
        guard case .keys(let keys) = node.kind else { return }
        add(keys.map { "[" + Keys.label($0) + "]" }.joined(separator: "+"), [.bold])
    }

    /// The icon's glyph, or its name.
    mutating func visitIcon(_ node: borrowing MarkdownNode) {
        guard case .icon(let name) = node.kind else { return }
        add(node.literal.isEmpty ? name : node.literal)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
