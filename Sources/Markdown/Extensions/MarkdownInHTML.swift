/// Python-Markdown's md_in_html: an HTML element whose opening tag carries the `markdown`
/// attribute (`<div class="grid cards" markdown>`, `<details markdown>`) holds markdown.
///
/// cmark reads the opening and closing tags as HTML blocks and, between them, the blocks
/// separated from the tags by blank lines as markdown already; lines that share an HTML block
/// with a tag (no blank line between) are parsed again here as markdown. The element becomes
/// an `htmlElement` node with its safe attributes (`HTMLAllowlist`); an attribute left out, and
/// an element never closed, are `lectern check` warnings. Elements nest; nesting deeper than the
/// parser keeps as structure leaves the inner tags as HTML.
public struct MarkdownInHTML: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.canParseFragments, context.source.contains("markdown") else { return }
        var planner = ElementPlanner()
        for container in ContainerScanner.containers(of: document) where container.node.children.contains(where: { $0.kind == .htmlBlock }) {
            planner.plan(container, in: &context)
        }
        guard !planner.replacements.isEmpty else { return }
        let parsed = context.parse(planner.fragments, atDepth: context.baseDepth + planner.deepest + 1)
        var splicer = BlockSplicer()
        for replacement in planner.replacements {
            splicer.replace(replacement.children, of: replacement.path, with: replacement.items.flatMap { $0.nodes(parsed) })
        }
        splicer.apply(to: &document)
    }

    /// The tag name and attributes of a line that is exactly an opening tag marked `markdown`.
    static func opening(_ line: String) -> (tag: String, attributes: [HTMLAttribute])? {
        let tokens = HTMLTokenizer.tokens(line)
        guard let first = tokens.first, case .startTag(let name, let attributes, false) = first,
              tokens.dropFirst().allSatisfy({ if case .text(let text) = $0 { return text.allSatisfy(\.isWhitespace) } else { return false } }),
              let marker = attributes.first(where: { $0.name == "markdown" }), ["", "1", "block", "span"].contains(marker.value),
              !HTMLAllowlist.voidElements.contains(name) else { return nil }
        return (name, attributes.filter { $0.name != "markdown" })
    }

    /// Whether a line is exactly the end tag `</tag>`.
    static func closes(_ line: String, _ tag: String) -> Bool {
        let tokens = HTMLTokenizer.tokens(line)
        guard let first = tokens.first, case .endTag(let name) = first, name == tag else { return false }
        return tokens.dropFirst().allSatisfy { if case .text(let text) = $0 { return text.allSatisfy(\.isWhitespace) } else { return false } }
    }
}

private indirect enum Item {
    case node(MarkdownNode)
    case fragment(Int)
    case element(tag: String, attributes: [HTMLAttribute], start: SourcePosition, end: SourcePosition, items: [Item])

    func nodes(_ parsed: [[MarkdownNode]]) -> [MarkdownNode] {
        switch self {
        case .node(let node): return [node]
        case .fragment(let index): return parsed[index]
        case .element(let tag, let attributes, let start, let end, let items):
            return [MarkdownNode(.htmlElement(tag: tag), children: items.flatMap { $0.nodes(parsed) }, start: start, end: end, attributes: attributes)]
        }
    }
}

private struct ElementPlanner {
    struct Replacement {
        var path: NodePath
        var children: Range<Int>
        var items: [Item]
    }

    struct Frame {
        var tag: String
        var attributes: [HTMLAttribute]
        var start: SourcePosition
        var items: [Item] = []
    }

    var fragments: [Fragment] = []
    var replacements: [Replacement] = []
    var deepest = 0

    mutating func plan(_ container: ContainerScanner.Container, in context: inout ExtensionContext) {
        let children = container.node.children
        let limit = context.document.parser.maximumDepth - 8 - context.baseDepth - container.path.count
        var stack: [Frame] = []
        var firstChild = 0
        var pending: [FragmentLine] = []
        var trailing: [Item] = []
        /// Openers of the innermost element's tag past the depth limit, left as HTML.
        var ignoredDepth = 0

        func flushPending() {
            guard !pending.isEmpty else { return }
            fragments.append(Fragment(lines: pending, isInline: false))
            let item = Item.fragment(fragments.count - 1)
            if stack.isEmpty { trailing.append(item) } else { stack[stack.count - 1].items.append(item) }
            pending = []
        }

        for (index, child) in children.enumerated() {
            guard child.kind == .htmlBlock, child.start.line >= 1 else {
                if !stack.isEmpty { stack[stack.count - 1].items.append(.node(child)) }
                continue
            }
            let lines = child.start.line...max(child.lastLine, child.start.line)
            let firstText = Self.text(context.contentLine(lines.lowerBound, blockQuotes: container.blockQuotes), context)
            if stack.isEmpty {
                guard firstText.contains("markdown"), MarkdownInHTML.opening(firstText) != nil else { continue }
                firstChild = index
                trailing = []
            }
            for number in lines {
                let content = context.contentLine(number, blockQuotes: container.blockQuotes)
                let text = Self.text(content, context)
                if ignoredDepth == 0, let (tag, attributes) = text.contains("markdown") ? MarkdownInHTML.opening(text) : nil {
                    if stack.count < limit {
                        flushPending()
                        let start = SourcePosition(line: number, column: context.column(of: content.start, onLine: number))
                        stack.append(Frame(tag: tag, attributes: Self.allowed(attributes, on: tag, at: start, in: &context), start: start))
                        deepest = max(deepest, container.path.count + stack.count)
                        continue
                    } else if let top = stack.last, top.tag == tag {
                        ignoredDepth += 1
                    }
                } else if let top = stack.last, MarkdownInHTML.closes(text, top.tag) {
                    if ignoredDepth > 0 {
                        ignoredDepth -= 1
                    } else {
                        flushPending()
                        let frame = stack.removeLast()
                        let end = SourcePosition(line: number, column: max(context.column(of: content.end, onLine: number) - 1, 1))
                        let element = Item.element(tag: frame.tag, attributes: frame.attributes, start: frame.start, end: end, items: frame.items)
                        if stack.isEmpty {
                            trailing.append(element)
                        } else {
                            stack[stack.count - 1].items.append(element)
                        }
                        continue
                    }
                }
                if stack.isEmpty, trailing.isEmpty { break }
                pending.append(context.fragmentLine(content, indentedBy: 0))
            }
            flushPending()
            if stack.isEmpty, !trailing.isEmpty {
                replacements.append(Replacement(path: container.path, children: firstChild..<(index + 1), items: trailing))
                trailing = []
            }
        }
        for frame in stack.prefix(1) {
            context.warn("<\(frame.tag) markdown> is never closed: add </\(frame.tag)> on a line of its own", at: frame.start)
        }
    }

    private static func text(_ content: ContentLine, _ context: ExtensionContext) -> String {
        String(decoding: context.source.bytes[content.start..<content.end], as: UTF8.self)
    }

    /// The attributes the allowlist keeps; each one left out is a warning.
    static func allowed(_ attributes: [HTMLAttribute], on tag: String, at position: SourcePosition, in context: inout ExtensionContext) -> [HTMLAttribute] {
        attributes.filter { attribute in
            guard let reason = HTMLAllowlist.rejection(of: attribute, on: tag) else { return true }
            context.warn("<\(tag) markdown>: \(reason) was removed", at: position)
            return false
        }
    }
}
