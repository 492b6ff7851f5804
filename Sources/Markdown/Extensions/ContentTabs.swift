/// pymdownx.tabbed content tabs, as MkDocs Material writes them:
///
/// ```
/// === "Python"
///
///     ```python
///     print("hi")
///     ```
///
/// === "Swift"
///
///     print("hi")
/// ```
///
/// Consecutive tabs (only blank lines between them) form one `tabSet`; `===!` starts a new set
/// and `===+` selects its tab (the first is selected otherwise). Tabs nest: a tab's body is
/// parsed with this rewrite too. A tab without an indented line of content is a `lectern
/// check` warning.
public struct ContentTabs: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.source.contains("===") else { return }
        let scanner = IndentedBlockScanner(markerByte: [UInt8(ascii: "=")]) { bytes, start, end in
            Self.marker(bytes, start, end) != nil
        }
        let found = scanner.scan(document, in: &context)
        guard !found.isEmpty else { return }
        var splicer = BlockSplicer()
        // The set being gathered, in variables of their own: a tuple bound while its tabs grow
        // would copy the array on every append.
        var setPath: NodePath? = nil
        var setChildren = 0..<0
        var tabs: [MarkdownNode] = []
        var after: [MarkdownNode] = []
        func flush() {
            guard let path = setPath, !tabs.isEmpty else { return }
            if !tabs.contains(where: { if case .tab(_, true) = $0.kind { return true } else { return false } }),
               case .tab(let label, _) = tabs[0].kind {
                tabs[0].kind = .tab(label: label, selected: true)
            }
            let tabSet = MarkdownNode(.tabSet, children: tabs, start: tabs[0].start, end: tabs[tabs.count - 1].end)
            splicer.replace(setChildren, of: path, with: [tabSet] + after)
            setPath = nil
            tabs = []
            after = []
        }
        for block in found {
            let bytes = context.source.bytes
            guard let marker = Self.marker(bytes, block.markerStart, block.markerEnd) else { continue }
            if block.isEmpty {
                context.warn("content tab \"\(marker.label)\" has no content: indent its lines four spaces under it", at: block.start)
            }
            let lastLine = context.source.line(block.lastLine)
            let tab = MarkdownNode(.tab(label: marker.label, selected: marker.selected), children: block.body, start: block.start,
                                   end: SourcePosition(line: block.lastLine, column: max(lastLine.count, 1)))
            if setPath == block.path, setChildren.upperBound == block.children.lowerBound, after.isEmpty, !marker.newSet {
                setChildren = setChildren.lowerBound..<block.children.upperBound
            } else {
                flush()
                setPath = block.path
                setChildren = block.children
            }
            tabs.append(tab)
            after = block.after
        }
        flush()
        splicer.apply(to: &document)
    }

    /// `=== "Label"`, `===+ "Label"` (selected), `===! "Label"` (a new set), `===!+`/`===+!`.
    static func marker(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (label: String, selected: Bool, newSet: Bool)? {
        var line = MarkerLine(bytes, from: start, to: end)
        let equals = UInt8(ascii: "=")
        guard line.skip(equals), line.skip(equals), line.skip(equals) else { return nil }
        var selected = false, newSet = false
        while true {
            if line.skip(UInt8(ascii: "+")) { selected = true } else if line.skip(UInt8(ascii: "!")) { newSet = true } else { break }
        }
        guard line.skipBlanks(), let label = line.quoted() else { return nil }
        return (label, selected, newSet)
    }
}
