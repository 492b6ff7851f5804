/// GFM footnote references, and the footnotes section they make.
///
/// `[^label]` in text, where a footnote of that label (case ignored) is defined, becomes a
/// `footnoteReference`. Footnotes are numbered in the order they are first referenced in the
/// document, a reference inside a footnote counting where the footnote was written (as in
/// cmark-gfm); the referenced definitions move, in that order, into one `footnotes` node at
/// the end of the document. A reference to an
/// undefined footnote stays text, and like a definition nobody references (which is left
/// out, as cmark-gfm leaves it out) or a second definition of a label, it is a warning.
///
/// Runs last among the GFM rewrites and only on the whole document.
public struct FootnoteReferences: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.isDocument, context.source.contains("[^") else { return }
        var labels = LabelCollector()
        labels.visit(document)
        for duplicate in labels.duplicates {
            context.warn("footnote [^\(duplicate.label)] is defined twice; the first definition is used", at: duplicate.start)
        }
        // References are numbered in document order, those inside footnotes where the
        // footnotes were written (as cmark-gfm numbers them).
        var referencer = ReferenceRewriter(labels: labels.labels, source: context.source)
        document = referencer.visit(document) ?? document
        var collector = DefinitionCollector()
        document = collector.visit(document) ?? document
        for (label, position) in referencer.undefined {
            context.warn("footnote reference [^\(label)] has no definition (write '[^\(label)]: text' at the start of a line)", at: position)
        }
        for key in collector.order where referencer.counts[key] == nil {
            if let definition = collector.definitions[key], case .footnoteDefinition(let label, _, _) = definition.kind {
                context.warn("footnote [^\(label)] is never referenced, so it is left out", at: definition.start)
            }
        }
        guard !referencer.order.isEmpty else { return }
        var section = MarkdownNode(.footnotes)
        for (offset, key) in referencer.order.enumerated() {
            guard var definition = collector.definitions[key], case .footnoteDefinition(let label, _, _) = definition.kind else { continue }
            definition.kind = .footnoteDefinition(label: label, number: offset + 1, references: referencer.counts[key] ?? 0)
            section.children.append(definition)
        }
        section.start = section.children.map(\.start).min() ?? section.start
        section.end = section.children.map(\.end).max() ?? section.end
        document.children.append(section)
    }

    /// How labels compare: ignoring case.
    static func key(_ label: String) -> String { label.lowercased() }
}

/// The labels footnotes are defined for, and the definitions that repeat a label.
private struct LabelCollector: MarkdownWalker {
    var labels: Set<String> = []
    var duplicates: [(label: String, start: SourcePosition)] = []

    mutating func visitFootnoteDefinition(_ node: borrowing MarkdownNode) {
        guard case .footnoteDefinition(let label, _, _) = node.kind else { return }
        if !labels.insert(FootnoteReferences.key(label)).inserted {
            duplicates.append((label, node.start))
        }
        descendInto(node)
    }
}

/// Takes every footnote definition out of the tree, keeping the first of each label.
private struct DefinitionCollector: MarkdownRewriter {
    var definitions: [String: MarkdownNode] = [:]
    var order: [String] = []

    mutating func visitFootnoteDefinition(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        rewriteChildren(of: &node)  // a definition inside a definition is one of its own
        guard case .footnoteDefinition(let label, _, _) = node.kind else { return nil }
        let key = FootnoteReferences.key(label)
        if definitions[key] == nil {
            definitions[key] = node
            order.append(key)
        }
        return nil
    }
}

/// Turns `[^label]` into references to the collected definitions, numbering them.
private struct ReferenceRewriter: MarkdownRewriter {
    let labels: Set<String>
    let source: SourceText
    /// Definition keys in the order of their first reference.
    var order: [String] = []
    var numbers: [String: Int] = [:]
    var counts: [String: Int] = [:]
    var undefined: [(String, SourcePosition)] = []

    init(labels: Set<String>, source: SourceText) {
        self.labels = labels
        self.source = source
    }

    mutating func visitLink(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        rewriteChildren(of: &node)
        return node
    }

    /// `[^label]` that cmark read as a reference link, because a footnote's text looked like a
    /// URL and cmark took the definition for a link reference definition: the footnote
    /// reference, then what followed it in the link (`[^b]` is a second reference, `[]` text).
    /// Nil when the link is a link (`[^a](url)`, or not written `[^label…`).
    private mutating func footnoteReferences(in link: MarkdownNode) -> [MarkdownNode]? {
        guard link.children.count == 1, link.children[0].kind == .text, link.children[0].literal.hasPrefix("^"),
              link.start.line == link.end.line, link.start.column >= 1 else { return nil }
        let label = String(link.children[0].literal.dropFirst())
        guard labels.contains(FootnoteReferences.key(label)) else { return nil }
        // cmark's columns on a paragraph's later lines are off, but not the width of a span.
        if link.end.column - link.start.column + 1 == label.utf8.count + 3 {
            return reference(label, at: link.start).map { [$0] }
        }
        let line = source.line(link.start.line)
        let start = line.startIndex + link.start.column - 1, end = line.startIndex + link.end.column
        guard start >= line.startIndex, end <= line.endIndex, start < end else { return nil }
        let written = Array(line[start..<end])
        let head = Array("[^\(label)]".utf8)
        guard written.starts(with: head) else { return nil }
        let rest = written[head.count...]
        var nodes: [MarkdownNode] = []
        if rest.first == UInt8(ascii: "(") { return nil }
        guard let first = reference(label, at: link.start) else { return nil }
        nodes.append(first)
        if rest.isEmpty { return nodes }
        let restText = String(decoding: rest, as: UTF8.self)
        var restPosition = link.start
        restPosition.column += head.count
        if restText.hasPrefix("[^"), restText.hasSuffix("]"), labels.contains(FootnoteReferences.key(String(restText.dropFirst(2).dropLast()))),
           let second = reference(String(restText.dropFirst(2).dropLast()), at: restPosition) {
            nodes.append(second)
        } else {
            nodes.append(MarkdownNode(.text, literal: restText, start: restPosition, end: link.end))
        }
        return nodes
    }

    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard !node.kind.isLeaf else { return node }
        guard node.kind.holdsInlines || !node.kind.isBlock else {
            rewriteChildren(of: &node)
            return node
        }
        // Inline content in document order, so footnotes are numbered as they are first met.
        let children = node.children
        node.children = []
        for child in children {
            if child.kind == .text, child.literal.contains("[^") {
                node.children += split(child)
            } else if case .link = child.kind, let references = footnoteReferences(in: child) {
                node.children += references
            } else if let rewritten = visit(child) {
                node.children.append(rewritten)
            }
        }
        return node
    }

    /// A text node cut at each `[^label]` whose label is defined.
    private mutating func split(_ node: MarkdownNode) -> [MarkdownNode] {
        let bytes = Array(node.literal.utf8)
        var result: [MarkdownNode] = []
        var emitted = 0
        var index = 0
        func position(_ offset: Int) -> SourcePosition {
            SourcePosition(line: node.start.line, column: node.start.column + offset)
        }
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var close = index + 2
            while close < bytes.count, !"[] \t\n".utf8.contains(bytes[close]) { close += 1 }
            guard close > index + 2, close < bytes.count, bytes[close] == UInt8(ascii: "]") else {
                index += 1
                continue
            }
            let label = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            guard let reference = reference(label, at: position(index)) else {
                index = close + 1
                continue
            }
            if index > emitted {
                result.append(MarkdownNode(.text, literal: String(decoding: bytes[emitted..<index], as: UTF8.self), start: position(emitted), end: position(index - 1)))
            }
            var placed = reference
            placed.end = position(close)
            result.append(placed)
            emitted = close + 1
            index = emitted
        }
        guard emitted > 0 else { return [node] }
        if emitted < bytes.count {
            result.append(MarkdownNode(.text, literal: String(decoding: bytes[emitted...], as: UTF8.self), start: position(emitted), end: node.end))
        }
        return result
    }

    /// A reference to the footnote `label`, numbered; nil (and noted) when it is not defined.
    private mutating func reference(_ label: String, at position: SourcePosition) -> MarkdownNode? {
        let key = FootnoteReferences.key(label)
        guard labels.contains(key) else {
            undefined.append((label, position))
            return nil
        }
        if numbers[key] == nil {
            order.append(key)
            numbers[key] = order.count
        }
        counts[key, default: 0] += 1
        let number = numbers[key]!
        return MarkdownNode(.footnoteReference(label: label, number: number, occurrence: counts[key]!), start: position, end: position)
    }
}
