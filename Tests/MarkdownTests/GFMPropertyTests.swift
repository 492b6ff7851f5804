import Markdown
import Testing

/// Random documents built from the characters GFM's extensions care about: whatever the
/// input, parsing and rendering finish, positions point into the source, and tables are
/// rectangular.
@Suite struct GFMPropertyTests {
    /// SplitMix64: a fixed sequence per seed, so a failure can be run again.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = [
        "|", " | ", "---", ":--", "--:", ":-:", "-", "~", "~~", "[^", "]", "]:", "[ ]", "[x]", "\\", "\\|", "\\~",
        "\\[", "`", "*", "_", "> ", "- ", "1. ", "2) ", "    ", "\t", "\n", "\n\n", "a", "word ", "www.", "http://",
        "x.org", "@", "mail", "(", ")", "&amp;", "<b>", "</div>", "\"", "'", "...", "#", "===", "é", "✅", "\u{A0}",
        "\r\n", "\r", "[^1]", "[^1]: note\n", "| a | b |\n|---|---|\n", "\u{0B}",
    ]

    @Test(arguments: 0..<300)
    func randomDocumentsParseRenderAndStayInTheSource(seed: Int) {
        var generator = Generator(state: UInt64(seed) &* 7919)
        var source = ""
        for _ in 0..<(20 + generator.next(200)) { source += Self.pieces[generator.next(Self.pieces.count)] }
        var diagnostics: [MarkdownDiagnostic] = []
        let document = MarkdownParser().parse(source, diagnostics: &diagnostics)
        _ = HTMLRenderer(allowRawHTML: true).render(document)
        _ = TerminalRenderer(color: true, width: 24).render(document)
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).count + 1
        var problems: [String] = []
        func check(_ node: MarkdownNode) {
            if node.start.line > lines || node.end.line > lines || node.start.line < 0 || node.start.column < 0 {
                problems.append("\(node.kind) at \(node.start)-\(node.end)")
            }
            if case .table(let alignments) = node.kind, node.children.contains(where: { $0.children.count != alignments.count }) {
                problems.append("a table row without \(alignments.count) cells")
            }
            node.children.forEach(check)
        }
        check(document)
        for diagnostic in diagnostics where diagnostic.position.line > lines || diagnostic.position.line < 1 {
            problems.append("diagnostic at \(diagnostic.position)")
        }
        #expect(problems == [], "\(source.debugDescription)")
    }
}
