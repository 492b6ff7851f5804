/// GFM footnote definitions: `[^label]: text` and the lines indented four columns under it.
///
/// cmark knows nothing of them: it reads the first line as paragraph text (or, when the rest
/// of the line looks like a URL, as a link reference definition it then drops), and the
/// indented lines as a code block. This rewrite finds where each definition starts, as
/// cmark-gfm does (at the start of a block, or interrupting a paragraph), takes its lines
/// with the indentation cut off, parses them again as the definition's blocks, and leaves a
/// `footnoteDefinition` node where it was. `FootnoteReferences` later numbers the
/// definitions that are referenced and moves them to the end of the document.
public struct FootnoteDefinitions: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.canParseFragments, context.source.contains("[^") else { return }
        var planner = FootnotePlanner(context: context)
        guard !planner.candidateLines.isEmpty else { return }
        for container in ContainerScanner.containers(of: document) {
            planner.plan(container)
        }
        guard !planner.replacements.isEmpty else { return }
        let parsed = context.parse(planner.fragments, atDepth: context.baseDepth + planner.deepest + 1)
        var splicer = BlockSplicer()
        for replacement in planner.replacements {
            splicer.replace(replacement.range, of: replacement.path, with: replacement.nodes(parsed))
        }
        splicer.apply(to: &document)
    }

    /// The label of a definition starting at `start` (`[^label]:`), and where its text starts
    /// (after the colon and the blanks that follow it).
    static func definitionStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (label: String, text: Int)? {
        guard end - start >= 5, bytes[start] == UInt8(ascii: "["), bytes[start + 1] == UInt8(ascii: "^") else { return nil }
        var index = start + 2
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "]") || byte == Bytes.space || byte == Bytes.tab || byte == 0 { break }
            index += 1
        }
        guard index > start + 2, index + 1 < end, bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ":") else {
            return nil
        }
        let label = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        var text = index + 2
        while text < end, Bytes.isBlank(bytes[text]) { text += 1 }
        return (label, text)
    }
}

private struct FootnotePlanner {
    let context: ExtensionContext
    /// Source lines that may hold the start of a definition (they hold `[^` and `]:`).
    let candidateLines: [Int]
    var fragments: [Fragment] = []
    var replacements: [Replacement] = []
    var deepest = 0

    struct Definition {
        var label: String
        var fragment: Int
        var start: SourcePosition
        var end: SourcePosition
    }

    struct Replacement {
        var path: NodePath
        var range: Range<Int>
        /// Blocks before the first definition (the start of a paragraph it interrupted).
        var before: Int?
        var definitions: [Definition]

        func nodes(_ parsed: [[MarkdownNode]]) -> [MarkdownNode] {
            (before.map { parsed[$0] } ?? []) + definitions.map { definition in
                MarkdownNode(.footnoteDefinition(label: definition.label, number: 0, references: 0),
                             children: parsed[definition.fragment], start: definition.start, end: definition.end)
            }
        }
    }

    init(context: ExtensionContext) {
        self.context = context
        var lines: [Int] = []
        let source = context.source
        for number in 1...max(source.lineCount, 1) {
            let line = source.line(number)
            guard let open = line.firstIndex(of: UInt8(ascii: "[")) else { continue }
            let rest = line[open...]
            if rest.count >= 5, Self.contains(rest, [UInt8(ascii: "["), UInt8(ascii: "^")]), Self.contains(rest, [UInt8(ascii: "]"), UInt8(ascii: ":")]) {
                lines.append(number)
            }
        }
        candidateLines = lines
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ pair: [UInt8]) -> Bool {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == pair[0], bytes[index + 1] == pair[1] { return true }
            index += 1
        }
        return false
    }

    /// A definition start found in a container: on `line`, in child `child` (a paragraph)
    /// or between children (`child` nil: cmark took the line for a link reference definition).
    private struct Start {
        var line: Int
        var child: Int?
        var bracket: Int
        var label: String
        var text: Int
    }

    mutating func plan(_ container: ContainerScanner.Container) {
        let node = container.node
        let range = node.kind == .document ? 1...max(context.source.lineCount, 1) : node.start.line...max(node.start.line, node.lastLine)
        let lines = candidateLines[Self.firstIndex(in: candidateLines, notBelow: range.lowerBound)...].prefix(while: { $0 <= range.upperBound })
        guard !lines.isEmpty else { return }
        var starts: [Start] = []
        var childIndex = 0
        let children = node.children
        for line in lines {
            while childIndex < children.count, children[childIndex].lastLine < line { childIndex += 1 }
            var content: ContentLine
            var child: Int? = nil
            if childIndex < children.count, children[childIndex].start.line <= line {
                let covering = children[childIndex]
                guard covering.kind == .paragraph else { continue }  // inside code, a heading, a nested container…
                child = childIndex
                if line == covering.start.line {
                    content = context.firstContentLine(of: covering)
                } else {
                    // A line indented four columns into the container continues the paragraph.
                    content = context.contentLine(line, blockQuotes: container.blockQuotes)
                    guard context.indent(of: content, contentColumn: context.contentColumn(of: node)) < 4 else { continue }
                }
            } else {
                content = context.contentLine(line, blockQuotes: container.blockQuotes)
                if node.isListItem, line == node.start.line { content.start = skipListMarker(content.start, content.end) }
            }
            guard let (label, text) = FootnoteDefinitions.definitionStart(context.source.bytes, content.start, content.end) else { continue }
            starts.append(Start(line: line, child: child, bracket: content.start, label: label, text: text))
        }
        guard !starts.isEmpty else { return }
        deepest = max(deepest, container.path.count)

        // Group starts that share a paragraph (or the same gap between children): each group
        // replaces that paragraph, plus the indented blocks after its last definition.
        var index = 0
        while index < starts.count {
            var group = [starts[index]]
            while index + 1 < starts.count, starts[index + 1].child == starts[index].child,
                  starts[index].child != nil || starts[index + 1].line == nextGapLine(after: starts[index].line, in: children) {
                index += 1
                group.append(starts[index])
            }
            index += 1
            planGroup(group, container: container, range: range)
        }
    }

    /// The first line after `line` not covered by a child: where a gap run continues.
    private func nextGapLine(after line: Int, in children: [MarkdownNode]) -> Int {
        var next = line + 1
        while let child = Self.child(covering: next, in: children) { next = children[child].lastLine + 1 }
        return next
    }

    /// The index of the child whose lines include `line`, found by bisection (children are in
    /// document order).
    static func child(covering line: Int, in children: [MarkdownNode]) -> Int? {
        let index = firstChild(endingAtOrAfter: line, in: children)
        return index < children.count && children[index].start.line <= line ? index : nil
    }

    /// The index of the first child that ends on or after `line` (for a line between
    /// children, the first child after it).
    static func firstChild(endingAtOrAfter line: Int, in children: [MarkdownNode]) -> Int {
        var low = 0, high = children.count
        while low < high {
            let middle = (low + high) / 2
            if children[middle].lastLine < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first element of sorted `lines` that is at least `line`.
    static func firstIndex(in lines: [Int], notBelow line: Int) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func planGroup(_ group: [Start], container: ContainerScanner.Container, range: ClosedRange<Int>) {
        let children = container.node.children
        let blockQuotes = container.blockQuotes
        let bytes = context.source.bytes
        // Where the first definition's paragraph ends: the covering paragraph's end, or the
        // run of non-blank lines no child covers.
        var regionEnd: Int
        var before: Int? = nil
        var firstChild: Int
        if let child = group[0].child {
            let paragraph = children[child]
            regionEnd = paragraph.lastLine
            firstChild = child
            if group[0].line > paragraph.start.line {
                // The start of the paragraph the definition interrupts, its later lines keeping
                // their indentation so they stay continuation lines when parsed again.
                let contentColumn = context.contentColumn(of: container.node)
                var lines = [context.fragmentLine(context.firstContentLine(of: paragraph), indentedBy: 0)]
                if group[0].line - 1 > paragraph.start.line {
                    for number in (paragraph.start.line + 1)...(group[0].line - 1) {
                        let line = context.contentLine(number, blockQuotes: blockQuotes)
                        lines.append(context.fragmentLine(line, indentedBy: context.indent(of: line, contentColumn: contentColumn)))
                    }
                }
                fragments.append(Fragment(lines: lines, isInline: false))
                before = fragments.count - 1
            }
        } else {
            regionEnd = group.last!.line
            while regionEnd + 1 <= range.upperBound, Self.child(covering: regionEnd + 1, in: children) == nil {
                let next = context.contentLine(regionEnd + 1, blockQuotes: blockQuotes)
                if next.start == next.end || FootnoteDefinitions.definitionStart(bytes, next.start, next.end) != nil { break }
                regionEnd += 1
            }
            firstChild = Self.firstChild(endingAtOrAfter: group[0].line, in: children)
        }
        // The last definition also takes the lines after the region that are blank or
        // indented four columns past its bracket.
        let last = group[group.count - 1]
        let lastLine = context.source.line(last.line)
        let threshold = Bytes.visualColumn(of: lastLine, upTo: last.bracket) + 4
        var end = regionEnd
        var probe = regionEnd + 1
        while probe <= range.upperBound {
            let content = context.contentLine(probe, blockQuotes: blockQuotes)
            if content.start == content.end {
                probe += 1
                continue
            }
            guard content.visualColumn >= threshold else { break }
            end = probe
            probe += 1
        }
        // The children the definitions take: those that start before the end.
        var lastChild = firstChild
        while lastChild < children.count, children[lastChild].start.line <= end {
            end = max(end, children[lastChild].lastLine)
            lastChild += 1
        }

        var definitions: [Definition] = []
        for (position, start) in group.enumerated() {
            let stop = position + 1 < group.count ? group[position + 1].line - 1 : end
            let lineRange = context.source.line(start.line)
            var lines = [context.fragmentLine(start.line, from: start.text, to: lineRange.endIndex)]
            if stop > start.line {
                for number in (start.line + 1)...stop {
                    lines.append(bodyLine(number, threshold: threshold, lazy: number <= regionEnd, blockQuotes: blockQuotes))
                }
            }
            fragments.append(Fragment(lines: lines, isInline: false))
            let endLine = context.source.line(stop)
            definitions.append(Definition(
                label: start.label, fragment: fragments.count - 1,
                start: SourcePosition(line: start.line, column: context.column(of: start.bracket, onLine: start.line)),
                end: SourcePosition(line: stop, column: max(endLine.count, 1))))
        }
        replacements.append(Replacement(path: container.path, range: firstChild..<lastChild, before: before, definitions: definitions))
    }

    /// A line of a definition's body: the first `threshold` columns (indentation and `>`
    /// markers) cut off; a less indented line continuing the first paragraph (lazily) loses
    /// only its prefix.
    private func bodyLine(_ number: Int, threshold: Int, lazy: Bool, blockQuotes: Int) -> FragmentLine {
        let content = context.contentLine(number, blockQuotes: blockQuotes)
        if content.start == content.end || (lazy && content.visualColumn < threshold) {
            return context.fragmentLine(number, from: content.start, to: content.end)
        }
        return context.indentedLine(number, cutting: threshold, blockQuotes: blockQuotes)
    }

    /// The offset after a list marker (`-`, `*`, `+`, `1.`, `1)`) and the blanks after it.
    private func skipListMarker(_ start: Int, _ end: Int) -> Int {
        let bytes = context.source.bytes
        var index = start
        if index < end, "-*+".utf8.contains(bytes[index]) {
            index += 1
        } else {
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return start }
            index += 1
        }
        while index < end, Bytes.isBlank(bytes[index]) { index += 1 }
        return index
    }
}
