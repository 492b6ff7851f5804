/// Renders markdown as terminal text: bold, italics, code spans and blocks, lists and quotes,
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
        renderLines(nodes, indent: "", hanging: "").joined(separator: "\n")
    }

    /// Renders one node (a document or a block).
    public func render(_ node: MarkdownNode) -> String {
        render(node.kind == .document ? node.children : [node])
    }

    /// Renders inline content (e.g. an option's text), wrapped with `indent` on every line
    /// after the first, whose prefix is `firstPrefix`.
    public func renderInline(_ inlines: [MarkdownNode], firstPrefix: String = "", indent: String = "") -> String {
        wrap(words(inlines, style: []), firstPrefix: firstPrefix, restPrefix: indent).joined(separator: "\n")
    }

    // MARK: Blocks

    private func renderLines(_ blocks: [MarkdownNode], indent: String, hanging: String) -> [String] {
        var lines: [String] = []
        var first = true
        for block in blocks {
            let blockLines = renderBlock(block, firstPrefix: first ? indent : hanging, restPrefix: hanging)
            if blockLines.isEmpty { continue }
            if !first { lines.append(hanging.trimmingTrailingSpaces()) }
            lines += blockLines
            first = false
        }
        return lines
    }

    private func renderBlock(_ node: MarkdownNode, firstPrefix: String, restPrefix: String) -> [String] {
        switch node.kind {
        case .document:
            return renderLines(node.children, indent: firstPrefix, hanging: restPrefix)
        case .paragraph:
            return wrap(words(node.children, style: []), firstPrefix: firstPrefix, restPrefix: restPrefix)
        case .heading:
            return wrap(words(node.children, style: [.bold, .underline]), firstPrefix: firstPrefix, restPrefix: restPrefix)
        case .codeBlock, .htmlBlock:
            var literal = node.literal
            while literal.hasSuffix("\n") { literal.removeLast() }
            let codeLines = literal.split(separator: "\n", omittingEmptySubsequences: false)
            return codeLines.enumerated().map { index, line in
                let prefix = (index == 0 ? firstPrefix : restPrefix) + "    "
                return prefix + styled(String(line), [.code])
            }
        case .thematicBreak:
            let available = max(width - DisplayWidth.of(firstPrefix), 3)
            return [firstPrefix + styled(String(repeating: "─", count: available), [.dim])]
        case .blockQuote:
            let bar = styled("│", [.dim]) + " "
            return renderLines(node.children, indent: firstPrefix + bar, hanging: restPrefix + bar)
        case .list(let info):
            var lines: [String] = []
            var number = info.start
            for (index, item) in node.children.enumerated() {
                let marker = info.ordered ? "\(number)\(info.delimiter == .paren ? ")" : ".") " : "• "
                number += 1
                let pad = String(repeating: " ", count: DisplayWidth.of(marker))
                if index > 0, !info.tight { lines.append(restPrefix.trimmingTrailingSpaces()) }
                let itemLines = renderLines(
                    item.children,
                    indent: (index == 0 ? firstPrefix : restPrefix) + marker,
                    hanging: restPrefix + pad)
                lines += itemLines.isEmpty ? [(index == 0 ? firstPrefix : restPrefix) + marker.trimmingTrailingSpaces()] : itemLines
            }
            return lines
        case .item:
            return renderLines(node.children, indent: firstPrefix, hanging: restPrefix)
        default:
            return wrap(words([node], style: []), firstPrefix: firstPrefix, restPrefix: restPrefix)
        }
    }

    // MARK: Inlines

    enum Style: Hashable { case bold, italic, code, underline, dim }

    /// A piece of text that wraps as a unit, or a forced line break.
    private enum Word {
        case text(String, width: Int, spaceBefore: Bool)
        case newline
    }

    private func words(_ inlines: [MarkdownNode], style: Set<Style>) -> [Word] {
        var result: [Word] = []
        var pendingSpace = false
        func addText(_ text: String, _ style: Set<Style>) {
            var current = ""
            for character in text {
                if character == " " || character == "\t" || character == "\n" {
                    if !current.isEmpty {
                        result.append(.text(styled(current, style), width: DisplayWidth.of(current), spaceBefore: pendingSpace))
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
                if !pendingSpace, case .text(let last, let lastWidth, let space)? = result.last {
                    result[result.count - 1] = .text(last + styled(current, style), width: lastWidth + DisplayWidth.of(current), spaceBefore: space)
                } else {
                    result.append(.text(styled(current, style), width: DisplayWidth.of(current), spaceBefore: pendingSpace))
                }
                pendingSpace = false
            }
        }
        func walk(_ nodes: [MarkdownNode], _ style: Set<Style>) {
            for node in nodes {
                switch node.kind {
                case .text, .htmlInline:
                    addText(node.literal, style)
                case .code:
                    addText(node.literal, style.union([.code]))
                case .softBreak:
                    pendingSpace = true
                case .lineBreak:
                    result.append(.newline)
                    pendingSpace = false
                case .emphasis:
                    walk(node.children, style.union([.italic]))
                case .strong:
                    walk(node.children, style.union([.bold]))
                case .link(let destination, _):
                    walk(node.children, style.union([.underline]))
                    if !color, destination != node.plainText(), !destination.hasPrefix("#") {
                        addText(" <\(destination)>", style)
                    }
                case .image(let source, _):
                    addText("[image: \(node.plainText().isEmpty ? source : node.plainText())]", style)
                default:
                    walk(node.children, style)
                }
            }
        }
        walk(inlines, style)
        return result
    }

    private func wrap(_ words: [Word], firstPrefix: String, restPrefix: String) -> [String] {
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

    private func styled(_ text: String, _ style: Set<Style>) -> String {
        guard color, !style.isEmpty else { return text }
        var codes: [String] = []
        if style.contains(.bold) { codes.append("1") }
        if style.contains(.dim) { codes.append("2") }
        if style.contains(.italic) { codes.append("3") }
        if style.contains(.underline) { codes.append("4") }
        if style.contains(.code) { codes.append("36") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
