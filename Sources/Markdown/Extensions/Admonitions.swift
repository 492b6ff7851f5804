/// Python-Markdown admonitions and pymdownx.details collapsibles, as MkDocs Material writes them:
///
/// ```
/// !!! warning "Mind the gap"      ??? note "Click to open"      ???+ tip
///     Indented content.               Hidden until opened.          Open at first.
/// ```
///
/// The first word is the type (`note`, `warning`, …), further words extra classes (`inline
/// end`); the title defaults to the type capitalised, and `""` gives none. `!!!` is a box,
/// `???` a `<details>` closed at first, `???+` one open. An admonition without an indented
/// line of content is a `lectern check` warning.
public struct Admonitions: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.source.contains("!!!") || context.source.contains("???") else { return }
        let scanner = IndentedBlockScanner(markerByte: [UInt8(ascii: "!"), UInt8(ascii: "?")]) { bytes, start, end in
            Self.marker(bytes, start, end) != nil
        }
        let found = scanner.scan(document, in: &context)
        guard !found.isEmpty else { return }
        var splicer = BlockSplicer()
        for block in found {
            let bytes = context.source.bytes
            guard let (admonition, classes) = Self.marker(bytes, block.markerStart, block.markerEnd) else { continue }
            if block.isEmpty {
                let written = String(decoding: bytes[block.markerStart..<block.markerEnd], as: UTF8.self)
                context.warn("admonition '\(written)' has no content: indent its lines four spaces under it", at: block.start)
            }
            let lastLine = context.source.line(block.lastLine)
            let node = MarkdownNode(.admonition(admonition), children: block.body, start: block.start,
                                    end: SourcePosition(line: block.lastLine, column: max(lastLine.count, 1)),
                                    attributes: classes.isEmpty ? [] : [HTMLAttribute("class", classes.joined(separator: " "))])
            splicer.replace(block.children, of: block.path, with: [node] + block.after)
        }
        splicer.apply(to: &document)
    }

    /// The admonition a marker line opens, and its extra classes: `!!! type more "Title"`,
    /// `??? type`, `???+ type "Title"`.
    static func marker(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Admonition, [String])? {
        var line = MarkerLine(bytes, from: start, to: end)
        let mark = bytes[start]
        guard mark == UInt8(ascii: "!") || mark == UInt8(ascii: "?"),
              line.skip(mark), line.skip(mark), line.skip(mark) else { return nil }
        let collapsible = mark == UInt8(ascii: "?")
        let open = collapsible ? line.skip(UInt8(ascii: "+")) : true
        _ = line.skipBlanks()
        var words: [String] = []
        var title: String? = nil
        while !line.atEnd {
            if let quoted = line.quoted() {
                title = quoted
                break
            }
            guard let word = line.word() else { return nil }
            words.append(word)
            guard line.skipBlanks() || line.atEnd else { return nil }
        }
        guard let type = words.first?.lowercased() else { return nil }
        return (Admonition(type: type, title: title ?? Self.defaultTitle(type), collapsible: collapsible, open: open),
                Array(words.dropFirst()))
    }

    /// The type with its first letter capitalised, as Python-Markdown titles an admonition.
    static func defaultTitle(_ type: String) -> String {
        guard let first = type.first else { return type }
        return first.uppercased() + type.dropFirst()
    }
}
