/// Blocks written as a marker line and the lines indented four columns under it: Python-
/// Markdown's shape for admonitions (`!!! note`), collapsibles (`??? note`) and content tabs
/// (`=== "Tab"`).
///
/// cmark reads the marker line as the start of a paragraph and the body as lazy continuation
/// lines of it, or (after a blank line) as an indented code block. The scanner finds each
/// marker line that starts a paragraph, takes the blank and indented lines after it as the
/// body, and has the body parsed again with its indentation cut off, so the body's blocks keep
/// the document's lines and columns. Lines that cmark kept in the same paragraph after the body
/// ends (a lazy continuation less indented than the body) are parsed again as what follows.
struct IndentedBlockScanner {
    /// A marker line the scanner found, with what its body and the rest parsed into.
    struct Found {
        /// The container's path and the children the block replaces.
        var path: NodePath
        var children: Range<Int>
        /// The marker's line and column, and where its marker bytes start and end.
        var start: SourcePosition
        var markerStart: Int
        var markerEnd: Int
        /// The last line of the body (the marker's line when the body is empty).
        var lastLine: Int
        var body: [MarkdownNode]
        /// Blocks parsed from lines cmark took into the replaced children after the body.
        var after: [MarkdownNode]
        /// Whether the body has no line of content.
        var isEmpty: Bool { lastLine == start.line }
    }

    /// The first byte of every marker this scanner looks for (`!`, `?`, `=`) and its length.
    let markerByte: [UInt8]
    /// Whether the content from `start` (a marker's first byte) to `end` is a marker line.
    let isMarker: ([UInt8], Int, Int) -> Bool

    /// Every marker line in `document` that starts a paragraph, with its body parsed.
    func scan(_ document: MarkdownNode, in context: inout ExtensionContext) -> [Found] {
        guard context.canParseFragments else { return [] }
        let candidates = candidateLines(context.source)
        guard !candidates.isEmpty else { return [] }
        struct Plan {
            var found: Found
            var bodyFragment: Int
            var afterFragment: Int?
        }
        var plans: [Plan] = []
        var fragments: [Fragment] = []
        var deepest = 0
        var consumed: [NodePath: [Range<Int>]] = [:]
        for container in ContainerScanner.containers(of: document) {
            if Self.isInside(container.path, consumed) { continue }
            let node = container.node
            let children = node.children
            var index = 0
            while index < children.count {
                let child = children[index]
                guard child.kind == .paragraph, Self.contains(candidates, child.start.line) else {
                    index += 1
                    continue
                }
                let first = context.firstContentLine(of: child)
                let bytes = context.source.bytes
                guard first.start < first.end, markerByte.contains(bytes[first.start]), isMarker(bytes, first.start, first.end) else {
                    index += 1
                    continue
                }
                let limit = node.kind == .document ? context.source.lineCount : max(node.lastLine, node.start.line)
                let threshold = first.visualColumn + 4
                var lastLine = child.start.line
                var probe = lastLine + 1
                while probe <= limit {
                    let content = context.contentLine(probe, blockQuotes: container.blockQuotes)
                    if content.isLazy && container.blockQuotes > 0 { break }
                    if content.start == content.end {
                        probe += 1
                        continue
                    }
                    guard content.visualColumn >= threshold else { break }
                    lastLine = probe
                    probe += 1
                }
                var end = index + 1
                var covered = child.lastLine
                while end < children.count, children[end].start.line <= lastLine {
                    covered = max(covered, children[end].lastLine)
                    end += 1
                }
                var bodyLines: [FragmentLine] = []
                if lastLine > child.start.line {
                    for number in (child.start.line + 1)...lastLine {
                        bodyLines.append(context.indentedLine(number, cutting: threshold, blockQuotes: container.blockQuotes))
                    }
                }
                fragments.append(Fragment(lines: bodyLines, isInline: false))
                let bodyFragment = fragments.count - 1
                var afterFragment: Int? = nil
                if covered > lastLine {
                    var lines: [FragmentLine] = []
                    for number in (lastLine + 1)...covered {
                        lines.append(context.fragmentLine(context.contentLine(number, blockQuotes: container.blockQuotes), indentedBy: 0))
                    }
                    fragments.append(Fragment(lines: lines, isInline: false))
                    afterFragment = fragments.count - 1
                }
                let found = Found(path: container.path, children: index..<end, start: child.start,
                                  markerStart: first.start, markerEnd: first.end, lastLine: lastLine, body: [], after: [])
                plans.append(Plan(found: found, bodyFragment: bodyFragment, afterFragment: afterFragment))
                consumed[container.path, default: []].append(index..<end)
                deepest = max(deepest, container.path.count)
                index = end
            }
        }
        guard !plans.isEmpty else { return [] }
        let parsed = context.parse(fragments, atDepth: context.baseDepth + deepest + 1)
        return plans.map { plan in
            var found = plan.found
            found.body = parsed[plan.bodyFragment]
            found.after = plan.afterFragment.map { parsed[$0] } ?? []
            return found
        }
    }

    /// Source lines whose content (after blanks and `>` markers) starts with a marker byte.
    private func candidateLines(_ source: SourceText) -> [Int] {
        var lines: [Int] = []
        guard source.containsAny(of: markerByte) else { return [] }
        for number in 1...max(source.lineCount, 1) {
            let line = source.line(number)
            var index = line.startIndex
            while index < line.endIndex, Bytes.isBlank(line[index]) || line[index] == UInt8(ascii: ">") { index += 1 }
            if index + 2 < line.endIndex, markerByte.contains(line[index]), line[index + 1] == line[index], line[index + 2] == line[index] {
                lines.append(number)
            }
        }
        return lines
    }

    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Whether a container lies inside children another block already takes.
    private static func isInside(_ path: NodePath, _ consumed: [NodePath: [Range<Int>]]) -> Bool {
        guard !consumed.isEmpty, !path.isEmpty else { return false }
        for depth in 0..<path.count {
            if let ranges = consumed[Array(path[..<depth])], ranges.contains(where: { $0.contains(path[depth]) }) { return true }
        }
        return false
    }
}

extension ExtensionContext {
    /// A line of an indented body: its first `threshold` visual columns (indentation and `>`
    /// markers) cut off, a tab that straddles the cut leaving spaces for its remaining columns.
    func indentedLine(_ number: Int, cutting threshold: Int, blockQuotes: Int) -> FragmentLine {
        let content = contentLine(number, blockQuotes: blockQuotes)
        if content.start == content.end {
            return fragmentLine(number, from: content.start, to: content.end)
        }
        let line = source.line(number)
        var index = line.startIndex
        var column = 0
        var inserted = 0
        while column < threshold, index < line.endIndex, Bytes.isBlank(line[index]) || line[index] == UInt8(ascii: ">") {
            if line[index] == Bytes.tab {
                let next = column + 4 - column % 4
                if next > threshold {
                    inserted = next - threshold
                    index += 1
                    break
                }
                column = next
            } else {
                column += 1
            }
            index += 1
        }
        var result = fragmentLine(number, from: index, to: line.endIndex)
        if inserted > 0 {
            result.text = (Array(repeating: Bytes.space, count: inserted) + result.text)[...]
            result.inserted = inserted
        }
        return result
    }
}

/// Reading the text of a marker line: words and a quoted title.
struct MarkerLine {
    let bytes: [UInt8]
    var index: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int, to end: Int) {
        self.bytes = bytes
        self.index = start
        var end = end
        while end > start, Bytes.isBlank(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        self.end = end
    }

    var atEnd: Bool { index >= end }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func skipBlanks() -> Bool {
        let before = index
        while index < end, Bytes.isBlank(bytes[index]) { index += 1 }
        return index > before
    }

    /// A word of letters, digits, `_` and `-` (a type or class name).
    mutating func word() -> String? {
        let start = index
        while index < end, Bytes.isASCIIAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") || bytes[index] >= 0x80 {
            index += 1
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// `"…"` up to the last quote of the line (Python-Markdown's `"(.*?)" *$`).
    mutating func quoted() -> String? {
        guard index < end, bytes[index] == UInt8(ascii: "\""), end - 1 > index, bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
        let text = String(decoding: bytes[(index + 1)..<(end - 1)], as: UTF8.self)
        index = end
        return text
    }
}
