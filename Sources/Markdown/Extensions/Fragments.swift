/// A piece of the source that an extension has cmark parse on its own: the cells of a table,
/// the indented body of a footnote definition.
struct Fragment {
    var lines: [FragmentLine]
    /// Whether the fragment is inline content (one paragraph, whose inlines are wanted) rather
    /// than blocks. Inline fragments are parsed so that no line of them can start a block.
    var isInline: Bool
}

/// One line of a fragment: text taken from a line of the source, and where it came from.
struct FragmentLine {
    /// The source line.
    var line: Int
    /// The column of that line where `text` starts.
    var column: Int
    /// What to parse: the source's bytes from `column`, or an edited copy of them.
    var text: ArraySlice<UInt8>
    /// Offsets in `text` before which one source byte was left out (the backslash of a `\|`
    /// in a table cell), so positions after it map back to the right column.
    var omitted: [Int] = []
    /// Bytes at the start of `text` that are not in the source (spaces standing for
    /// indentation that was cut off); `column` is where the byte after them is.
    var inserted: Int = 0
}

/// Maps positions in a batch of fragments back to the source they were taken from.
struct LineMap {
    struct Entry {
        var line: Int
        var column: Int
        /// Bytes put in front of the fragment's text in the batch (the inline guard).
        var prefix: Int
        var omitted: [Int]
        /// The length of the fragment's text on this line.
        var length: Int
    }

    /// One entry per batch line; nil for the blank and separator lines between fragments.
    var entries: [Entry?] = []

    /// Whether `position` is on a line of a fragment.
    func covers(_ position: SourcePosition) -> Bool {
        position.line >= 1 && position.line <= entries.count && entries[position.line - 1] != nil
    }

    func map(_ position: SourcePosition) -> SourcePosition {
        // cmark ends some blocks at column 0 of the next line: the end of the line before.
        if position.column == 0, position.line >= 2, position.line - 1 <= entries.count, let entry = entries[position.line - 2] {
            return SourcePosition(line: entry.line, column: entry.column + max(entry.length - 1, 0))
        }
        guard position.line >= 1, position.line <= entries.count, let entry = entries[position.line - 1] else {
            return position
        }
        let offset = max(position.column - 1 - entry.prefix, 0)
        let skipped = entry.omitted.reduce(0) { $0 + ($1 <= offset ? 1 : 0) }
        return SourcePosition(line: entry.line, column: entry.column + offset + skipped)
    }

    func map(_ node: inout MarkdownNode) {
        if node.start.line > 0 { node.start = map(node.start) }
        if node.end.line > 0 { node.end = map(node.end) }
        for index in node.children.indices { map(&node.children[index]) }
    }
}

extension ExtensionContext {
    /// The inline guard: a no-break space in front of an inline fragment. cmark sees a
    /// paragraph that starts with Unicode whitespace, so no line of it opens a block
    /// (`1. x` in a table cell stays text) and emphasis at its start flanks as at a line start.
    static let inlineGuard: [UInt8] = [0xC2, 0xA0]

    /// Parses `fragments` with cmark and the extensions up to and including the running one,
    /// in one batch, and returns each fragment's nodes (its blocks, or for an inline fragment
    /// its inlines) with positions in this context's source.
    ///
    /// The batch ends with the whole document when a fragment may use a reference link, so
    /// that `[text][label]` in a table cell resolves against the document's definitions. A
    /// fragment that does not come back whole (an unclosed fence swallowing what follows it)
    /// is parsed again on its own.
    mutating func parse(_ fragments: [Fragment], atDepth depth: Int) -> [[MarkdownNode]] {
        guard !fragments.isEmpty else { return [] }
        // A plain inline fragment gives one text node, made here: most table cells are words.
        let readsPlain = document.parser.readsPlainFragments
        var results: [[MarkdownNode]?] = fragments.map { readsPlain ? Self.plainText(of: $0) : nil }
        let parsed = results.indices.filter { results[$0] == nil }
        guard !parsed.isEmpty else { return results.map { $0 ?? [] } }
        let rest = parsed.map { fragments[$0] }
        let needsReferences = document.mayDefineReferences && rest.contains { fragment in
            fragment.lines.contains { $0.text.contains(UInt8(ascii: "[")) }
        }
        var batch = parseBatch(rest, atDepth: depth, withReferences: needsReferences)
        for index in batch.indices where batch[index] == nil {
            batch[index] = parseBatch([rest[index]], atDepth: depth, withReferences: false)[0] ?? []
        }
        for (index, nodes) in zip(parsed, batch) { results[index] = nodes ?? [] }
        return results.map { $0 ?? [] }
    }

    /// The text node cmark gives an inline fragment of one line whose bytes it reads as text
    /// whatever their neighbours (ASCII letters, digits, spaces and punctuation with no
    /// inline meaning to cmark or to smart punctuation), or nil for any other fragment.
    static func plainText(of fragment: Fragment) -> [MarkdownNode]? {
        guard fragment.isInline, fragment.lines.count == 1 else { return nil }
        let line = fragment.lines[0]
        guard line.inserted == 0, line.omitted.isEmpty, let first = line.text.first, let last = line.text.last,
              first != UInt8(ascii: " "), last != UInt8(ascii: " "),
              line.text.allSatisfy({ plainBytes[Int($0)] }) else { return nil }
        let start = SourcePosition(line: line.line, column: line.column)
        let end = SourcePosition(line: line.line, column: line.column + line.text.count - 1)
        return [MarkdownNode(.text, literal: String(decoding: line.text, as: UTF8.self), start: start, end: end)]
    }

    /// The bytes `plainText(of:)` takes: printable ASCII but cmark's inline marks (`\`, `` ` ``,
    /// `&`, `_`, `*`, `[`, `]`, `<`, `!`) and smart punctuation's (`'`, `"`, `.`, `-`), and
    /// `|` and `:`, which the table and footnote extensions read in a fragment.
    private static let plainBytes: [Bool] = (0..<256).map { byte in
        guard byte >= 0x20 && byte < 0x7F else { return false }
        return !"\\`&_*[]<!'\".-|:^".utf8.contains(UInt8(byte))
    }

    private static let separator: [UInt8] = inlineGuard

    private func parseBatch(_ fragments: [Fragment], atDepth depth: Int, withReferences: Bool) -> [[MarkdownNode]?] {
        var bytes: [UInt8] = []
        var map = LineMap()
        var ranges: [ClosedRange<Int>] = []
        for (index, fragment) in fragments.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: "\n"))
                map.entries.append(nil)
                if !fragment.isInline || !fragments[index - 1].isInline {
                    bytes += Self.separator + [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
                    map.entries += [nil, nil]
                }
            }
            let first = map.entries.count + 1
            for (lineIndex, line) in fragment.lines.enumerated() {
                let guarded = fragment.isInline && lineIndex == 0
                if guarded { bytes += Self.inlineGuard }
                bytes += line.text
                bytes.append(UInt8(ascii: "\n"))
                map.entries.append(LineMap.Entry(line: line.line, column: line.column, prefix: line.inserted + (guarded ? Self.inlineGuard.count : 0), omitted: line.omitted,
                                                 length: line.text.count - line.inserted + line.omitted.count))
            }
            if fragment.lines.isEmpty {
                bytes.append(UInt8(ascii: "\n"))
                map.entries.append(nil)
            }
            ranges.append(first...max(first, map.entries.count))
        }
        let lastFragmentLine = map.entries.count
        if withReferences {
            bytes += [UInt8(ascii: "\n")] + Self.separator + [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
            bytes += document.source.bytes
        }
        let maximumDepth = max(document.parser.maximumDepth - depth, 8)
        var tree = document.cmarkParse(bytes, maximumDepth: maximumDepth)
        // The document appended for its references is not part of the fragments.
        if withReferences, let cut = tree.children.firstIndex(where: { $0.start.line > lastFragmentLine }) {
            tree.children.removeSubrange(cut...)
        }
        let batchSource = SourceText(bytes)
        document.runExtensions(&tree, through: stage, source: batchSource,
                               mapsToDocument: [map] + mapsToDocument, baseDepth: depth)

        var results: [[MarkdownNode]?] = Array(repeating: [], count: fragments.count)
        var fragmentIndex = 0
        for var block in tree.children {
            while fragmentIndex < ranges.count, block.start.line > ranges[fragmentIndex].upperBound { fragmentIndex += 1 }
            guard fragmentIndex < ranges.count, block.start.line >= ranges[fragmentIndex].lowerBound else {
                // A separator, or a block that started in no fragment: something ran over.
                if !(block.kind == .paragraph && block.plainText() == "\u{A0}"), fragmentIndex < results.count {
                    results[fragmentIndex] = nil
                }
                continue
            }
            if block.lastLine > ranges[fragmentIndex].upperBound {
                results[fragmentIndex] = nil
                continue
            }
            map.map(&block)
            results[fragmentIndex]?.append(block)
        }
        // After a fragment that ran over, the ones behind it may have lost blocks to it.
        if let firstFailure = results.firstIndex(where: { $0 == nil }) {
            for index in firstFailure..<results.count { results[index] = nil }
        }
        for (index, fragment) in fragments.enumerated() where fragment.isInline {
            guard let blocks = results[index] else { continue }
            results[index] = Self.withoutGuard(Self.inlines(of: blocks))
        }
        return results
    }

    /// The inline content of an inline fragment's blocks: one paragraph's, or, should a line of
    /// it have started a block after all, each block's inlines (or its text) one line after
    /// another, so that nothing of the fragment is lost.
    private static func inlines(of blocks: [MarkdownNode]) -> [MarkdownNode] {
        if blocks.count == 1, blocks[0].kind == .paragraph { return blocks[0].children }
        var inlines: [MarkdownNode] = []
        for block in blocks {
            if !inlines.isEmpty { inlines.append(MarkdownNode(.softBreak, start: block.start, end: block.start)) }
            if block.kind.holdsInlines {
                inlines += block.children
            } else {
                inlines.append(MarkdownNode(.text, literal: block.plainText(), start: block.start, end: block.end))
            }
        }
        return inlines
    }

    /// Inlines without the inline guard cmark kept at the start of the first text. Its bytes
    /// are compared and cut: every table cell comes here.
    private static func withoutGuard(_ inlines: [MarkdownNode]) -> [MarkdownNode] {
        var inlines = inlines
        guard let first = inlines.first, first.kind == .text, first.literal.utf8.starts(with: inlineGuard) else { return inlines }
        let rest = String(decoding: first.literal.utf8.dropFirst(inlineGuard.count), as: UTF8.self)
        if rest.isEmpty {
            inlines.removeFirst()
        } else {
            inlines[0].literal = rest
        }
        return inlines
    }
}
