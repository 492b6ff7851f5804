/// The child indices from the document down to a node.
typealias NodePath = [Int]

/// A line of a block as cmark read it: where its content starts once container prefixes
/// (`>` of enclosing block quotes) and indentation are cut off.
struct ContentLine {
    var line: Int
    /// Byte offsets of the content in the source: from its first non-blank byte to the end
    /// of the line, line ending excluded.
    var start: Int
    var end: Int
    /// The visual column (0-based, tabs to multiples of 4) where the content starts.
    var visualColumn: Int
    /// Whether the line lacks some of the `>` its block quotes expect (a lazy continuation).
    var isLazy: Bool
    /// The visual column just after the block quote markers cut off (and the blank that may
    /// follow the last one); 0 without them. Indentation inside a block quote counts from here.
    var prefixColumn: Int = 0
}

extension ExtensionContext {
    /// The content of source line `number` inside `blockQuotes` block quotes: leading blanks
    /// and up to `blockQuotes` `>` markers (each with the blanks after it) are cut off.
    func contentLine(_ number: Int, blockQuotes: Int) -> ContentLine {
        let line = source.line(number)
        var index = line.startIndex
        var remaining = blockQuotes
        var prefixColumn = 0
        var blanksStart = index
        while index < line.endIndex, Bytes.isBlank(line[index]) { index += 1 }
        // A `>` is a block quote marker only after fewer than four columns of indentation.
        while remaining > 0, index < line.endIndex, line[index] == UInt8(ascii: ">"),
              Bytes.visualColumn(of: line, upTo: index) - Bytes.visualColumn(of: line, upTo: blanksStart) < 4 {
            index += 1
            remaining -= 1
            prefixColumn = Bytes.visualColumn(of: line, upTo: index) + (index < line.endIndex && Bytes.isBlank(line[index]) ? 1 : 0)
            blanksStart = index
            while index < line.endIndex, Bytes.isBlank(line[index]) { index += 1 }
        }
        return ContentLine(line: number, start: index, end: line.endIndex,
                           visualColumn: Bytes.visualColumn(of: line, upTo: index), isLazy: remaining > 0,
                           prefixColumn: prefixColumn)
    }

    /// The visual column where the content of a container starts: a list item's content, a
    /// footnote's body (four columns past its `[`); 0 for the document and block quotes (whose
    /// lines carry their own `prefixColumn`).
    func contentColumn(of container: MarkdownNode) -> Int {
        switch container.kind {
        case .item, .taskListItem:
            if let first = container.children.first, first.start.line == container.start.line {
                return Bytes.visualColumn(of: source.line(first.start.line), upTo: source.line(first.start.line).startIndex + max(first.start.column - 1, 0))
            }
            return Bytes.visualColumn(of: source.line(container.start.line), upTo: source.line(container.start.line).startIndex + max(container.start.column - 1, 0)) + 2
        case .footnoteDefinition:
            return Bytes.visualColumn(of: source.line(container.start.line), upTo: source.line(container.start.line).startIndex + max(container.start.column - 1, 0)) + 4
        default:
            return 0
        }
    }

    /// The lines of a paragraph or setext heading (its underline left out), as cmark read them.
    func contentLines(of block: MarkdownNode, blockQuotes: Int) -> [ContentLine] {
        let last = block.headingLevel != nil ? block.lastLine - 1 : block.lastLine
        guard block.start.line >= 1, last >= block.start.line else { return [] }
        var lines = [firstContentLine(of: block)]
        lines.reserveCapacity(last - block.start.line + 1)
        if last > block.start.line {
            for number in (block.start.line + 1)...last {
                lines.append(contentLine(number, blockQuotes: blockQuotes))
            }
        }
        return lines
    }

    /// The first line of a block: cmark says exactly where its content starts.
    func firstContentLine(of block: MarkdownNode) -> ContentLine {
        let line = source.line(block.start.line)
        let start = min(line.startIndex + max(block.start.column - 1, 0), line.endIndex)
        return ContentLine(line: block.start.line, start: start, end: line.endIndex,
                           visualColumn: Bytes.visualColumn(of: line, upTo: start), isLazy: false)
    }

    /// The column (1-based, in bytes) of a byte offset of the source on `line`.
    func column(of offset: Int, onLine line: Int) -> Int {
        offset - source.line(line).startIndex + 1
    }

    /// How far a content line is indented in a container whose content starts at visual column
    /// `contentColumn` (or, inside block quotes, after the line's own `>` markers).
    func indent(of line: ContentLine, contentColumn: Int) -> Int {
        max(line.visualColumn - max(line.prefixColumn, contentColumn), 0)
    }

    /// A fragment line holding a content line, with `indent` spaces in front of it standing for
    /// the indentation that was cut off: a continuation line indented four columns then stays a
    /// continuation (it cannot start a block quote or a list in the fragment), indented code code.
    func fragmentLine(_ content: ContentLine, indentedBy indent: Int) -> FragmentLine {
        var fragmentLine = self.fragmentLine(content.line, from: content.start, to: content.end)
        if indent > 0 {
            fragmentLine.text = (Array(repeating: Bytes.space, count: indent) + fragmentLine.text)[...]
            fragmentLine.inserted = indent
        }
        return fragmentLine
    }

    /// A fragment line holding the source's bytes `start..<end` of `line`.
    func fragmentLine(_ line: Int, from start: Int, to end: Int) -> FragmentLine {
        FragmentLine(line: line, column: column(of: start, onLine: line), text: source.bytes[start..<max(start, end)])
    }
}

extension MarkdownNode {
    /// The last source line a block covers: cmark ends some blocks (a setext heading, a list,
    /// a code block) at column 0 of the line after them.
    var lastLine: Int { end.column == 0 && end.line > start.line ? end.line - 1 : end.line }
}

/// Lists the block containers of a tree (document, block quotes, lists, list items, footnote
/// definitions) with their paths and how many block quotes enclose their content: where a
/// block-level extension looks for what to restructure.
struct ContainerScanner: MarkdownWalker {
    struct Container {
        var node: MarkdownNode
        var path: NodePath
        var blockQuotes: Int
    }

    private(set) var containers: [Container] = []
    private var path: NodePath = []
    private var blockQuotes = 0

    static func containers(of tree: MarkdownNode) -> [Container] {
        var scanner = ContainerScanner()
        scanner.visit(tree)
        return scanner.containers
    }

    mutating func defaultVisit(_ node: borrowing MarkdownNode) {
        // Only blocks hold blocks; inline content and leaves are never entered.
        guard node.kind.isBlock, !node.kind.holdsInlines, !node.kind.isLeaf else { return }
        let isQuote = node.kind == .blockQuote
        if isQuote { blockQuotes += 1 }
        containers.append(Container(node: copy node, path: path, blockQuotes: blockQuotes))
        path.append(0)
        node.forEachChild { index, child in
            path[path.count - 1] = index
            visit(child)
        }
        path.removeLast()
        if isQuote { blockQuotes -= 1 }
    }
}

/// Replacements of runs of children, by the path of their container, applied in one pass.
struct BlockSplicer {
    private var replacements: [NodePath: [(range: Range<Int>, nodes: [MarkdownNode])]] = [:]

    var isEmpty: Bool { replacements.isEmpty }

    /// Replaces the children `range` of the container at `path` by `nodes`.
    mutating func replace(_ range: Range<Int>, of path: NodePath, with nodes: [MarkdownNode]) {
        replacements[path, default: []].append((range, nodes))
    }

    /// Applies every replacement. Children are rewritten before their container, and a
    /// container's own replacements from last to first, so the indices they were recorded
    /// with still hold.
    func apply(to document: inout MarkdownNode) {
        guard !replacements.isEmpty else { return }
        var path: NodePath = []
        apply(to: &document, path: &path)
    }

    private func apply(to node: inout MarkdownNode, path: inout NodePath) {
        guard node.kind.isBlock, !node.kind.holdsInlines, !node.kind.isLeaf else { return }
        path.append(0)
        for index in node.children.indices {
            path[path.count - 1] = index
            apply(to: &node.children[index], path: &path)
        }
        path.removeLast()
        if let runs = replacements[path] {
            // From the last run back; at one index a replacement before an insertion, so
            // the insertion still lands in front of what replaced the run.
            // Insertions at one index in the order they were recorded.
            let ordered = runs.enumerated().sorted { ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset) > ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset) }
            for run in ordered {
                node.children.replaceSubrange(run.element.range, with: run.element.nodes)
            }
        }
    }
}
