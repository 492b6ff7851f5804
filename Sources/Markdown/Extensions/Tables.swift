/// GFM tables. cmark reads a table as a paragraph (or, when a `---` line follows it, a setext
/// heading); this rewrite reads that block's raw lines as cmark-gfm's table extension reads
/// them and, where a header row is followed by a delimiter row with as many cells, turns the
/// block into the paragraph before the table (if any), the table, and what follows it.
///
/// Rows run to the end of the block. Like cmark-gfm, a line that cannot be a row (only
/// pipes) starts a new paragraph, and a line that would start a block after a table though
/// it could not interrupt a paragraph (indented code, `2.` or an empty list item, a lone HTML
/// tag) ends the table and is parsed again as blocks. Cells are parsed as inline content,
/// all the cells of the document in one cmark run, with the document's link reference
/// definitions in scope. Smart punctuation never sees the delimiter row or the pipes, only
/// cell content.
public struct Tables: MarkdownExtension {
    public init() {}

    /// Cells a table may fill in for short rows before it stops taking rows, as cmark-gfm
    /// limits them, so a wide header over many one-cell rows cannot blow up the output.
    static let maximumAutocompletedCells = 0x80000

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        // A delimiter row holds a pipe, or a colon next to a hyphen, or a vertical tab or form
        // feed after one: a text with none of them holds no table.
        let source = context.source
        guard context.canParseFragments,
              source.contains("|") || source.contains(":-") || source.contains("-:") || source.containsAny(of: [0x0B, 0x0C])
        else { return }
        var planner = TablePlanner(context: context)
        for container in ContainerScanner.containers(of: document) {
            for (index, child) in container.node.children.enumerated() where Self.mayHoldTable(child) {
                planner.plan(child, at: index, in: container.path, blockQuotes: container.blockQuotes,
                             contentColumn: context.contentColumn(of: container.node), inListItem: container.node.isListItem)
            }
        }
        guard !planner.plans.isEmpty else { return }
        for (position, message) in planner.warnings { context.warn(message, at: position) }
        let parsed = context.parse(planner.fragments, atDepth: context.baseDepth + planner.deepest + 1)
        var splicer = BlockSplicer()
        for plan in planner.plans {
            splicer.replace(plan.index..<(plan.index + 1), of: plan.path, with: plan.nodes(parsed))
        }
        splicer.apply(to: &document)
    }

    /// A paragraph of two lines or more, or a setext heading over two lines or more.
    private static func mayHoldTable(_ block: MarkdownNode) -> Bool {
        switch block.kind {
        case .paragraph: return block.lastLine > block.start.line
        case .heading(let level): return level <= 2 && block.lastLine > block.start.line + 1
        default: return false
        }
    }
}

/// Works out which blocks hold tables and what replaces them, gathering the fragments
/// (cells, paragraphs around tables, blocks after them) to parse in one batch.
private struct TablePlanner {
    let context: ExtensionContext
    var fragments: [Fragment] = []
    var plans: [Plan] = []
    var deepest = 0
    /// Rows whose cell count differs from the header's, for `lectern check`.
    var warnings: [(SourcePosition, String)] = []

    init(context: ExtensionContext) {
        self.context = context
    }

    struct Cell {
        var fragment: Int?
        var start: SourcePosition
        var end: SourcePosition
    }

    struct Row {
        var cells: [Cell]
        var start: SourcePosition
        var end: SourcePosition
    }

    struct Table {
        var alignments: [TableAlignment]
        var header: Row
        var rows: [Row] = []
    }

    enum Segment {
        /// A paragraph, parsed from an inline fragment.
        case paragraph(fragment: Int, start: SourcePosition, end: SourcePosition)
        /// Blocks parsed again from a block fragment.
        case blocks(fragment: Int)
        case table(Table)
        case thematicBreak(start: SourcePosition, end: SourcePosition)
    }

    struct Plan {
        var path: NodePath
        var index: Int
        var segments: [Segment]

        func nodes(_ parsed: [[MarkdownNode]]) -> [MarkdownNode] {
            var nodes: [MarkdownNode] = []
            for segment in segments {
                switch segment {
                case .paragraph(let fragment, let start, let end):
                    nodes.append(MarkdownNode(.paragraph, children: parsed[fragment], start: start, end: end))
                case .blocks(let fragment):
                    nodes += parsed[fragment]
                case .table(let table):
                    nodes.append(node(table, parsed))
                case .thematicBreak(let start, let end):
                    nodes.append(MarkdownNode(.thematicBreak, start: start, end: end))
                }
            }
            return nodes
        }

        private func node(_ table: Table, _ parsed: [[MarkdownNode]]) -> MarkdownNode {
            func row(_ row: Row, _ kind: MarkdownNode.Kind) -> MarkdownNode {
                let cells = row.cells.enumerated().map { column, cell in
                    MarkdownNode(.tableCell(alignment: table.alignments[column]),
                                 children: cell.fragment.map { parsed[$0] } ?? [], start: cell.start, end: cell.end)
                }
                return MarkdownNode(kind, children: cells, start: row.start, end: row.end)
            }
            let rows = [row(table.header, .tableHeader)] + table.rows.map { row($0, .tableRow) }
            return MarkdownNode(.table(alignments: table.alignments), children: rows,
                                start: table.header.start, end: table.rows.last?.end ?? table.header.end)
        }
    }

    /// How a table ends: with the block, at a line that starts a new paragraph, or at a line
    /// that starts other blocks.
    private enum Ending { case block, paragraph, blocks }

    mutating func plan(_ block: MarkdownNode, at index: Int, in path: NodePath, blockQuotes: Int, contentColumn: Int, inListItem: Bool) {
        var lines = context.contentLines(of: block, blockQuotes: blockQuotes)
        guard lines.count >= 2 else { return }
        let bytes = context.source.bytes
        if inListItem {
            // A line indented less than the item's content continues the paragraph lazily:
            // it cannot hold a table's rows.
            for index in lines.indices where lines[index].visualColumn < contentColumn { lines[index].isLazy = true }
        }
        // How far a line is indented in its container (four columns make it code).
        let context = self.context
        let indent = { (line: ContentLine) -> Int in context.indent(of: line, contentColumn: contentColumn) }
        var segments: [Segment] = []
        var paragraphStart = 0
        var visited = false
        var found = false
        var lineIndex = 1
        var remainder: Range<Int>? = nil
        lineLoop: while lineIndex < lines.count {
            let line = lines[lineIndex]
            defer { lineIndex += 1 }
            guard !visited, !line.isLazy, indent(line) < 4,
                  let alignments = TableRows.delimiterRow(bytes, line.start..<line.end) else { continue }
            let headerLine = lines[lineIndex - 1]
            guard lineIndex - 1 >= paragraphStart, !headerLine.isLazy,
                  let headerCells = TableRows.cells(bytes, headerLine.start..<headerLine.end),
                  headerCells.count == alignments.count else {
                // cmark-gfm tries a paragraph once: a delimiter row under a header of another
                // width leaves it a paragraph for good.
                visited = true
                continue
            }
            found = true
            if lineIndex - 1 > paragraphStart { segments.append(paragraph(lines[paragraphStart..<(lineIndex - 1)], indent: indent)) }
            let columns = alignments.count
            var table = Table(alignments: alignments, header: row(headerCells, of: headerLine, columns: columns))
            var autocompleted = 0
            var next = lineIndex + 1
            var ending = Ending.block
            while next < lines.count {
                let rowLine = lines[next]
                if rowLine.isLazy { ending = .paragraph; break }
                if indent(rowLine) >= 4 || BlockStarts.startsBlockAfterTable(bytes, rowLine.start..<rowLine.end) {
                    ending = .blocks
                    break
                }
                guard autocompleted <= Tables.maximumAutocompletedCells,
                      let cells = TableRows.cells(bytes, rowLine.start..<rowLine.end) else {
                    ending = .paragraph
                    break
                }
                autocompleted += columns - min(cells.count, columns)
                if cells.count != columns {
                    warnings.append((position(rowLine, rowLine.start), cells.count < columns
                        ? "table row has \(cells.count) \(cells.count == 1 ? "cell" : "cells") but the header has \(columns): the missing cells are left empty"
                        : "table row has \(cells.count) cells but the header has \(columns): the extra cells are dropped"))
                }
                table.rows.append(row(cells, of: rowLine, columns: columns))
                next += 1
            }
            segments.append(.table(table))
            switch ending {
            case .block:
                paragraphStart = lines.count
                break lineLoop
            case .blocks:
                remainder = next..<lines.count
                paragraphStart = lines.count
                break lineLoop
            case .paragraph:
                paragraphStart = next
                visited = false
                lineIndex = next  // the deferred step moves on to the line after it
            }
        }
        guard found else { return }
        let underline: ContentLine? = block.headingLevel != nil ? context.contentLine(block.lastLine, blockQuotes: blockQuotes) : nil
        if let remainder {
            segments.append(blocks(lines[remainder], underline: underline, indent: indent))
        } else if paragraphStart < lines.count {
            if let underline {
                // The paragraph after the table keeps the underline: it is the setext heading.
                segments.append(blocks(lines[paragraphStart...], underline: underline, indent: indent))
            } else {
                segments.append(paragraph(lines[paragraphStart...], indent: indent))
            }
        } else if let underline, underline.start < underline.end, case .table(var table)? = segments.last {
            if bytes[underline.start] == UInt8(ascii: "=") {
                // `===` under a table is one more row, as cmark-gfm reads it.
                if let cells = TableRows.cells(bytes, underline.start..<underline.end) {
                    table.rows.append(row(cells, of: underline, columns: table.alignments.count))
                    segments[segments.count - 1] = .table(table)
                }
            } else {
                segments.append(.thematicBreak(start: position(underline, underline.start), end: position(underline, underline.end - 1)))
            }
        }
        deepest = max(deepest, path.count)
        plans.append(Plan(path: path, index: index, segments: segments))
    }

    private func position(_ line: ContentLine, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line.line, column: context.column(of: offset, onLine: line.line))
    }

    /// A paragraph of content lines, its later lines keeping their indentation.
    private mutating func paragraph(_ lines: ArraySlice<ContentLine>, indent: (ContentLine) -> Int) -> Segment {
        let fragmentLines = lines.enumerated().map { offset, line in
            context.fragmentLine(line, indentedBy: offset == 0 ? 0 : indent(line))
        }
        fragments.append(Fragment(lines: fragmentLines, isInline: true))
        let first = lines[lines.startIndex], last = lines[lines.endIndex - 1]
        return .paragraph(fragment: fragments.count - 1, start: position(first, first.start), end: position(last, max(last.end - 1, last.start)))
    }

    /// Lines to parse again as blocks, each indented as far into its container as it was (so
    /// indented code stays code).
    private mutating func blocks(_ lines: ArraySlice<ContentLine>, underline: ContentLine?, indent: (ContentLine) -> Int) -> Segment {
        let fragmentLines = (Array(lines) + (underline.map { [$0] } ?? [])).map { line in
            context.fragmentLine(line, indentedBy: indent(line))
        }
        fragments.append(Fragment(lines: fragmentLines, isInline: false))
        return .blocks(fragment: fragments.count - 1)
    }

    /// A row of `columns` cells: extra cells are dropped, missing ones left empty.
    private mutating func row(_ cells: [Range<Int>], of line: ContentLine, columns: Int) -> Row {
        let bytes = context.source.bytes
        var rowCells: [Cell] = []
        for cell in cells.prefix(columns) {
            var fragment: Int? = nil
            if !cell.isEmpty {
                let (text, omitted) = TableRows.unescapedPipes(bytes[cell])
                var fragmentLine = context.fragmentLine(line.line, from: cell.lowerBound, to: cell.upperBound)
                fragmentLine.text = text
                fragmentLine.omitted = omitted
                fragments.append(Fragment(lines: [fragmentLine], isInline: true))
                fragment = fragments.count - 1
            }
            rowCells.append(Cell(fragment: fragment, start: position(line, cell.lowerBound), end: position(line, max(cell.upperBound - 1, cell.lowerBound))))
        }
        let end = position(line, max(line.end - 1, line.start))
        while rowCells.count < columns { rowCells.append(Cell(fragment: nil, start: end, end: end)) }
        return Row(cells: rowCells, start: position(line, line.start), end: end)
    }
}
