import Foundation
import Markdown
import Testing

@Suite struct HTMLRendererTests {
    func html(_ markdown: String, _ renderer: HTMLRenderer = HTMLRenderer()) -> String {
        renderer.render(MarkdownParser().parse(markdown))
    }

    @Test func rawHTMLIsEscapedUnlessTheCourseOptsIn() {
        #expect(html("<script>alert(1)</script>\n") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        #expect(html("a <b>x</b>\n") == "<p>a &lt;b&gt;x&lt;/b&gt;</p>\n")
        #expect(html("a <b>x</b>\n", HTMLRenderer(allowRawHTML: true)) == "<p>a <b>x</b></p>\n")
    }

    @Test func unsafeLinkSchemesAreDropped() {
        #expect(html("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func headingsGetStableUniqueIDs() {
        let out = html("# Circuit Breaker\n\n## Circuit Breaker\n", HTMLRenderer(headingIDs: true))
        #expect(out == "<h1 id=\"circuit-breaker\">Circuit Breaker</h1>\n<h2 id=\"circuit-breaker-1\">Circuit Breaker</h2>\n")
    }

    @Test func linksCanBeRewritten() {
        let renderer = HTMLRenderer(rewriteURL: { $0.replacingOccurrences(of: ".md", with: ".html") })
        #expect(html("[quiz](quiz.md#top)\n", renderer) == "<p><a href=\"quiz.html#top\">quiz</a></p>\n")
    }

    @Test func matchesCmarkOnCommonBlocks() {
        let source = "# T\n\n- a\n- b\n\n1. x\n2. y\n\n> q\n\n```swift\nlet x = 1 < 2\n```\n\n*e* **s** `c`\n"
        #expect(html(source) == """
            <h1>T</h1>
            <ul>
            <li>a</li>
            <li>b</li>
            </ul>
            <ol>
            <li>x</li>
            <li>y</li>
            </ol>
            <blockquote>
            <p>q</p>
            </blockquote>
            <pre><code class="language-swift">let x = 1 &lt; 2
            </code></pre>
            <p><em>e</em> <strong>s</strong> <code>c</code></p>

            """)
    }
}

@Suite struct TerminalRendererTests {
    func render(_ markdown: String, color: Bool = false, width: Int = 80) -> String {
        TerminalRenderer(color: color, width: width).render(MarkdownParser().parse(markdown))
    }

    @Test func plainWhenColourIsOff() {
        #expect(render("**bold** *em* `code`\n") == "bold em code")
    }

    @Test func ansiStylesWhenColourIsOn() {
        #expect(render("**bold** `x`\n", color: true) == "\u{1B}[1mbold\u{1B}[0m \u{1B}[36mx\u{1B}[0m")
    }

    @Test func paragraphsWrapAtTheWidth() {
        let lines = render("one two three four five six seven eight nine ten\n", width: 20).split(separator: "\n")
        #expect(lines == ["one two three four", "five six seven eight", "nine ten"])
    }

    @Test func listsHaveBulletsAndHangingIndent() {
        #expect(render("- alpha beta gamma delta\n- b\n", width: 20) == "• alpha beta gamma\n  delta\n• b")
        #expect(render("1. a\n2. b\n") == "1. a\n2. b")
    }

    @Test func codeBlocksAreIndentedAndNeverWrapped() {
        let long = String(repeating: "x", count: 50)
        #expect(render("```\n\(long)\n```\n", width: 20) == "    " + long)
    }

    @Test func tablesAreDrawnWithBoxCharactersAndFitTheWidth() {
        let source = "| State | Behaviour |\n|---|---|\n| Closed | Calls pass through and failures are counted until the threshold |\n"
        #expect(render(source, width: 80) == """
            ┌────────┬─────────────────────────────────────────────────────────────────┐
            │ State  │ Behaviour                                                       │
            ├────────┼─────────────────────────────────────────────────────────────────┤
            │ Closed │ Calls pass through and failures are counted until the threshold │
            └────────┴─────────────────────────────────────────────────────────────────┘
            """)
        let narrow = render(source, width: 30).split(separator: "\n")
        #expect(narrow.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
        #expect(narrow.count > 5)
        #expect(narrow[3].hasPrefix("│ Closed │ Calls pass"))
    }

    @Test func columnsAlignAsTheDelimiterRowSays() {
        #expect(render("| l | c | r |\n|:--|:-:|--:|\n| a | b | c |\n| long | long | long |\n").split(separator: "\n")[3] == "│ a    │  b   │    c │")
    }

    @Test func taskItemsShowBoxes() {
        #expect(render("- [ ] open\n- [x] done\n") == "☐ open\n☑ done")
    }

    @Test func strikethroughIsCrossedOutInColourAndPlainWithout() {
        #expect(render("~~gone~~\n", color: true) == "\u{1B}[9mgone\u{1B}[0m")
        #expect(render("~~gone~~\n") == "gone")
    }

    @Test func footnotesAreNumberedAndListedAtTheEnd() {
        #expect(render("A claim[^1].\n\n[^1]: The source.\n") == "A claim[1].\n\n────────────────────\n[1] The source.")
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.of("✅ ok") == 5)
        #expect(DisplayWidth.of("日本") == 4)
    }
}

@Suite struct ParserRobustnessTests {
    @Test func malformedInputStillParses() {
        let inputs = ["", "\0\0\0", "[unclosed](", "```\nno end", String(repeating: "*", count: 10_000), "\u{FFFD}\r\n\r\n#"]
        for input in inputs {
            let document = MarkdownParser().parse(input)
            #expect(document.kind == .document)
        }
    }

    @Test func hugeInputParsesCompletely() {
        let paragraph = "Some *text* with `code` and a [link](x.md).\n\n"
        let document = MarkdownParser().parse(String(repeating: paragraph, count: 50_000))
        #expect(document.children.count == 50_000)
    }

    @Test func deeplyNestedListsAndEmphasisDoNotOverflow() {
        var source = ""
        for depth in 0..<3000 { source += String(repeating: "  ", count: depth) + "- item\n" }
        let document = MarkdownParser().parse(source + String(repeating: "*a ", count: 5000))
        #expect(!HTMLRenderer().render(document).isEmpty)
        #expect(!TerminalRenderer(color: true).render(document).isEmpty)
    }
}
