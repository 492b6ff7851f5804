/// A fenced code block's info string as pymdownx.highlight reads it:
/// ```` ```python title="app.py" hl_lines="2 4-5" linenums="10" ````. The first word is the
/// language; `title`, `hl_lines` and `linenums` options follow (quoted or not).
public struct CodeBlockInfo: Hashable, Sendable {
    public var language: String
    /// Shown above the code (`title="x.py"`).
    public var title: String?
    /// The 1-based line numbers to highlight (`hl_lines="1 3-4"`), counted from the block's first line.
    public var highlightedLines: Set<Int>
    /// The number of the first line when lines are numbered (`linenums="1"`), nil otherwise.
    public var firstLineNumber: Int?

    public init(_ info: String) {
        let scalars = info.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        let language = scalars.prefix { !isSpace($0) }
        self.language = String(String.UnicodeScalarView(language))
        title = nil
        highlightedLines = []
        firstLineNumber = nil
        guard language.count < scalars.count else { return }
        var rest = Substring(String(String.UnicodeScalarView(scalars.dropFirst(language.count))))
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "="), !rest[..<equals].contains(" ") else { break }
            let key = rest[..<equals]
            var after = rest[rest.index(after: equals)...]
            let value: Substring
            if let quote = after.first, quote == "\"" || quote == "'" {
                after = after.dropFirst()
                let end = after.firstIndex(of: quote) ?? after.endIndex
                value = after[..<end]
                rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
            } else {
                let end = after.firstIndex { $0 == " " || $0 == "\t" } ?? after.endIndex
                value = after[..<end]
                rest = after[end...]
            }
            switch key {
            case "title": title = String(value)
            case "hl_lines":
                for part in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    let bounds = part.split(separator: "-").compactMap { Int($0) }
                    if bounds.count == 1, bounds[0] > 0 { highlightedLines.insert(bounds[0]) }
                    if bounds.count == 2, bounds[0] > 0, bounds[1] >= bounds[0], bounds[1] - bounds[0] < 100_000 {
                        highlightedLines.formUnion(bounds[0]...bounds[1])
                    }
                }
            case "linenums": firstLineNumber = Int(value).map { max($0, 1) } ?? 1
            default: break
            }
        }
    }

    /// Whether the block is drawn as more than `<pre><code>`: a title, numbered or highlighted lines.
    public var isDecorated: Bool { title != nil || !highlightedLines.isEmpty || firstLineNumber != nil }

    /// Whether the code is a Mermaid diagram's source (shown as labelled code: no diagram
    /// library is packaged for Debian).
    public var isMermaid: Bool { language.lowercased() == "mermaid" }
}
