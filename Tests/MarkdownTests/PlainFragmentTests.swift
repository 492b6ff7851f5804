@testable import Markdown
import Testing

/// Table cells of plain text are made into their text node without cmark
/// (`ExtensionContext.plainText(of:)`): held to cmark's own reading of the same cells, node
/// for node and position for position, with the parser's fast path turned off.
@Suite struct PlainFragmentTests {
    static func readings(_ markdown: String) -> (fast: String, cmark: String, fastDiagnostics: [String], cmarkDiagnostics: [String]) {
        var viaCmark = MarkdownParser()
        viaCmark.readsPlainFragments = false
        var fastFound: [MarkdownDiagnostic] = [], cmarkFound: [MarkdownDiagnostic] = []
        let fast = MarkdownParser().parse(markdown, diagnostics: &fastFound).treeDump()
        let cmark = viaCmark.parse(markdown, diagnostics: &cmarkFound).treeDump()
        return (fast, cmark, fastFound.map { "\($0)" }, cmarkFound.map { "\($0)" })
    }

    static func table(_ cells: [String], columns: Int) -> String {
        var rows = ["| " + (1...columns).map { "H\($0)" }.joined(separator: " | ") + " |",
                    "|" + String(repeating: " --- |", count: columns)]
        var index = 0
        while index < cells.count {
            rows.append("| " + cells[index..<min(index + columns, cells.count)].joined(separator: " | ") + " |")
            index += columns
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// Words, numbers and the punctuation cmark leaves alone, beside cells cmark must read
    /// (code, emphasis, links, smart quotes, escapes, entities), inside and outside a list
    /// and a block quote, with and without a reference definition in the document.
    @Test(arguments: ["", "> ", "- "])
    func aPlainCellReadsAsCmarkReadsIt(prefix: String) {
        let cells = ["model breaker terraform retry", "50%", "a + b = c", "x (y)", "#1", "foo,bar;baz", "$5", "C#", "a/b",
                     "@user", "www", "x~y", "{a}", "  padded  ", "", "`image`", "*em*", "a.b", "don't", "\"q\"", "a--b",
                     "[ref]", "[text](x.md)", "a\\|b", "&amp;", "<b>", "x_y", "1. item", "# not a heading", "~~gone~~"]
        for definitions in ["", "\n[ref]: https://example.com\n"] {
            let body = Self.table(cells, columns: 3).split(separator: "\n").map { prefix + $0 }.joined(separator: "\n")
            let markdown = "Intro line.\n\n" + body + "\n" + definitions
            let (fast, cmark, fastDiagnostics, cmarkDiagnostics) = Self.readings(markdown)
            #expect(fast == cmark)
            #expect(fastDiagnostics == cmarkDiagnostics)
        }
    }

    /// Random tables over letters, digits, spaces and every ASCII punctuation mark, in a
    /// document with backslash escapes elsewhere (which the parser marks before cmark runs).
    @Test func randomCellsReadAsCmarkReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019   !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
        for round in 0..<500 {
            let cells = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                (0..<Int.random(in: 0...10, using: &generator)).map { _ -> String in
                    let character = alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    return character == "|" ? "\\|" : String(character)  // a pipe in a cell is escaped
                }.joined()
            }
            let markdown = (round.isMultiple(of: 2) ? "A \\* star.\n\n" : "") + Self.table(cells, columns: Int.random(in: 1...4, using: &generator))
            let (fast, cmark, fastDiagnostics, cmarkDiagnostics) = Self.readings(markdown)
            #expect(fast == cmark, "\(markdown)")
            #expect(fastDiagnostics == cmarkDiagnostics)
        }
    }
}
