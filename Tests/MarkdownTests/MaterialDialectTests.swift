import Foundation
import Markdown
import Testing
import TestSupport

/// The HTML of `markdown` with the default parser (GFM and the Material dialect).
private func html(_ markdown: String, sanitize: Bool = false) -> String {
    HTMLRenderer(sanitizesRawHTML: sanitize).render(MarkdownParser().parse(markdown))
}

private func parse(_ markdown: String) -> (MarkdownNode, [MarkdownDiagnostic]) {
    var diagnostics: [MarkdownDiagnostic] = []
    let document = MarkdownParser().parse(markdown, diagnostics: &diagnostics)
    return (document, diagnostics)
}

/// Every node of the tree, in document order.
private func nodes(_ node: MarkdownNode) -> [MarkdownNode] {
    [node] + node.children.flatMap(nodes)
}

@Suite struct AdmonitionTests {
    @Test func anAdmonitionIsABoxTitledByItsType() {
        #expect(html("!!! note\n    Indented *content*.\n") == """
            <div class="admonition note">
            <p class="admonition-title">Note</p>
            <p>Indented <em>content</em>.</p>
            </div>

            """)
    }

    @Test func aQuotedTitleReplacesTheTypeAndAnEmptyOneRemovesTheTitleBar() {
        #expect(html("!!! warning \"Mind the gap\"\n\n    Body.\n").contains("<p class=\"admonition-title\">Mind the gap</p>"))
        let untitled = html("!!! tip \"\"\n    Body.\n")
        #expect(!untitled.contains("admonition-title"))
        #expect(untitled.contains("<div class=\"admonition tip\">"))
    }

    @Test func furtherWordsAreClasses() {
        #expect(html("!!! info inline end \"Side\"\n    Body.\n").contains("<div class=\"admonition info inline end\">"))
    }

    @Test func questionMarksMakeACollapsibleClosedAndAPlusOneOpen() {
        #expect(html("??? question \"Why?\"\n    Because.\n") == """
            <details class="question">
            <summary>Why?</summary>
            <p>Because.</p>
            </details>

            """)
        #expect(html("???+ note\n    Open.\n").hasPrefix("<details class=\"note\" open>\n<summary>Note</summary>"))
    }

    @Test func theBodyHoldsBlocksAfterABlankLineAndEndsAtTheFirstLineLessIndented() {
        let (document, _) = parse("!!! note\n\n    - one\n    - two\n\n    ```python\n    x = 1\n    ```\n\nAfter.\n")
        #expect(document.children.count == 2)
        let admonition = document.children[0]
        #expect(admonition.children.map(\.kind) == [.list(ListInfo(ordered: false, start: 0, tight: true, delimiter: .none)), .codeBlock(info: "python")])
        #expect(admonition.children[1].literal == "x = 1\n")
        #expect(document.children[1].plainText() == "After.")
    }

    @Test func aLineLessIndentedRightAfterTheBodyIsAParagraphOfItsOwn() {
        let (document, _) = parse("!!! note\n    Inside.\nOutside.\n")
        #expect(document.children.count == 2)
        #expect(document.children[0].plainText() == "Inside.")
        #expect(document.children[1].plainText() == "Outside.")
    }

    @Test func admonitionsNestAndKeepTheirLinesAndColumns() {
        let (document, _) = parse("# T\n\n!!! note\n    Outer.\n\n    !!! warning\n        Inner *x*.\n")
        let inner = document.children[1].children[1]
        guard case .admonition(let admonition) = inner.kind else {
            Issue.record("no nested admonition: \(document.treeDump())")
            return
        }
        #expect(admonition.type == "warning")
        #expect(inner.start == SourcePosition(line: 6, column: 5))
        #expect(inner.children[0].start == SourcePosition(line: 7, column: 9))
    }

    @Test func anAdmonitionInAListItemTakesTheLinesIndentedPastItsMarker() {
        let (document, _) = parse("- item\n\n    !!! note\n        In the item.\n")
        let item = document.children[0].children[0]
        #expect(item.children.count == 2)
        #expect(item.children[1].plainText() == "In the item.")
    }

    @Test func anAdmonitionWithoutContentIsAWarningWithItsLine() {
        let (_, diagnostics) = parse("Text.\n\n!!! note \"Empty\"\n\nNot indented.\n")
        #expect(diagnostics.map(\.description) == ["3:1: warning: admonition '!!! note \"Empty\"' has no content: indent its lines four spaces under it"])
    }

    @Test func exclamationMarksInTextAreNoAdmonition() {
        #expect(html("Wow!!! That was fast.\n") == "<p>Wow!!! That was fast.</p>\n")
        #expect(html("!!!\n") == "<p>!!!</p>\n")
    }
}

@Suite struct ContentTabTests {
    @Test func consecutiveTabsAreOneSetOfRadioInputsLabelsAndBlocks() {
        let output = html("=== \"Python\"\n\n    ```python\n    print(1)\n    ```\n\n=== \"Swift\"\n\n    print(1)\n")
        #expect(output == """
            <div class="tabbed-set tabbed-alternate" data-tabs="1:2">
            <input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" />
            <input id="__tabbed_1_2" name="__tabbed_1" type="radio" />
            <div class="tabbed-labels"><label for="__tabbed_1_1">Python</label><label for="__tabbed_1_2">Swift</label></div>
            <div class="tabbed-content">
            <div class="tabbed-block" data-label="Python">
            <pre><code class="language-python">print(1)
            </code></pre>
            </div>
            <div class="tabbed-block" data-label="Swift">
            <p>print(1)</p>
            </div>
            </div>
            </div>

            """)
    }

    @Test func aPlusSelectsATabAndAnExclamationMarkStartsANewSet() {
        let (document, _) = parse("=== \"A\"\n    a\n\n===+ \"B\"\n    b\n\n===! \"C\"\n    c\n")
        #expect(document.children.count == 2)
        #expect(document.children[0].children.map(\.kind) == [.tab(label: "A", selected: false), .tab(label: "B", selected: true)])
        #expect(document.children[1].children.map(\.kind) == [.tab(label: "C", selected: true)])
    }

    @Test func tabsNestInTabsAndAdmonitions() {
        let (document, _) = parse("=== \"Outer\"\n\n    === \"Inner\"\n\n        !!! note\n            Deep.\n")
        let inner = document.children[0].children[0].children[0]
        #expect(inner.kind == .tabSet)
        guard case .admonition = inner.children[0].children[0].kind else {
            Issue.record(Comment(rawValue: document.treeDump()))
            return
        }
        #expect(inner.children[0].children[0].plainText() == "Deep.")
    }

    @Test func aTabWithoutContentIsAWarningWithItsLine() {
        let (_, diagnostics) = parse("=== \"A\"\n    a\n\n=== \"Empty\"\n\nText.\n")
        #expect(diagnostics.map(\.description) == ["4:1: warning: content tab \"Empty\" has no content: indent its lines four spaces under it"])
    }

    @Test func aSetextUnderlineIsStillAHeading() {
        #expect(html("Title\n===\n") == "<h1>Title</h1>\n")
    }
}

@Suite struct AttributeListTests {
    @Test func aHeadingTakesAnIdAndClasses() {
        #expect(HTMLRenderer(headingIDs: true).render(MarkdownParser().parse("## Setup {#setup-id .wide .lead}\n"))
                == "<h2 id=\"setup-id\" class=\"wide lead\">Setup</h2>\n")
    }

    @Test func aParagraphTakesTheListOnItsLastLine() {
        #expect(html("Some text.\n{: .lead title=\"Intro\" }\n") == "<p class=\"lead\" title=\"Intro\">Some text.</p>\n")
    }

    @Test func linksAndImagesTakeTheListRightAfterThem() {
        #expect(html("[Start](a.md){ .md-button .md-button--primary }\n") == "<p><a href=\"a.md\" class=\"md-button md-button--primary\">Start</a></p>\n")
        #expect(html("![Logo](logo.png){ width=\"120\" loading=lazy }\n") == "<p><img src=\"logo.png\" alt=\"Logo\" width=\"120\" loading=\"lazy\" /></p>\n")
    }

    @Test func unsafeAttributesAreRemovedWithAWarning() {
        let (document, diagnostics) = parse("[x](a.md){ onclick=\"alert(1)\" .ok }\n")
        #expect(HTMLRenderer().render(document) == "<p><a href=\"a.md\" class=\"ok\">x</a></p>\n")
        #expect(diagnostics.map(\.description) == ["1:10: warning: attribute list: the event handler onclick was removed"])
    }

    @Test func anUnreadableListIsAWarningAndStaysText() {
        let (document, diagnostics) = parse("## Title {: .ok = }\n")
        #expect(document.children[0].plainText() == "Title {: .ok = }")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("unknown attribute syntax") == true)
    }

    @Test func bracesInProseAreLeftAlone() {
        let (document, diagnostics) = parse("The set {a, b} is small.\n\n## Sets {a, b}\n")
        #expect(document.children[0].plainText() == "The set {a, b} is small.")
        #expect(document.children[1].plainText() == "Sets {a, b}")
        #expect(diagnostics.isEmpty)
    }
}

@Suite struct MarkdownInHTMLTests {
    @Test func aDivMarkedMarkdownHoldsMarkdown() {
        #expect(html("<div class=\"grid cards\" markdown>\n\n- **One**\n- Two\n\n</div>\n") == """
            <div class="grid cards">
            <ul>
            <li><strong>One</strong></li>
            <li>Two</li>
            </ul>
            </div>

            """)
    }

    @Test func linesSharingTheTagsBlockAreMarkdownToo() {
        #expect(html("<div markdown>\n*hi*\n</div>\n") == "<div>\n<p><em>hi</em></p>\n</div>\n")
    }

    @Test func elementsNest() {
        let (document, _) = parse("<div markdown>\n\n<details markdown>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n\n</div>\n")
        #expect(document.children.count == 1)
        let details = document.children[0].children[0]
        #expect(details.kind == .htmlElement(tag: "details"))
        #expect(details.children.map(\.kind) == [.htmlBlock, .paragraph])
    }

    @Test func anUnclosedElementIsAWarningAndStaysHTML() {
        let (document, diagnostics) = parse("<div markdown>\n\nText.\n")
        #expect(document.children.map(\.kind) == [.htmlBlock, .paragraph])
        #expect(diagnostics.map(\.description) == ["1:1: warning: <div markdown> is never closed: add </div> on a line of its own"])
    }

    @Test func aPlainDetailsBlockIsLeftAsCommonMarkReadsIt() {
        let (document, _) = parse("<details>\n<summary>Answer</summary>\n\nB.\n\n</details>\n")
        #expect(document.children.map(\.kind) == [.htmlBlock, .paragraph, .htmlBlock])
    }

    @Test func tenThousandNestedElementsStayWithinTheDepthLimit() {
        let source = String(repeating: "<div markdown>\n\n", count: 10_000) + "x\n\n" + String(repeating: "</div>\n\n", count: 10_000)
        let (document, _) = parse(source)
        var depth = 0
        var node = document
        while let child = node.children.first(where: { if case .htmlElement = $0.kind { return true } else { return false } }) {
            depth += 1
            node = child
        }
        #expect(depth > 10 && depth < 96)
        _ = HTMLRenderer().render(document)
    }
}

@Suite struct KeysAndIconsTests {
    @Test func keysAreKbdElements() {
        #expect(html("Press ++ctrl+alt+del++ now.\n") == "<p>Press <span class=\"keys\"><kbd class=\"key-ctrl\">Ctrl</kbd><span>+</span><kbd class=\"key-alt\">Alt</kbd><span>+</span><kbd class=\"key-del\">Del</kbd></span> now.</p>\n")
        #expect(html("++page_down++\n").contains("<kbd class=\"key-page_down\">"))
    }

    @Test func plusesThatAreNoKeysStayText() {
        #expect(html("C++ and a++b and ++ alone\n") == "<p>C++ and a++b and ++ alone</p>\n")
    }

    @Test func iconsAreLocalGlyphsOrTheirNames() {
        #expect(html(":material-check: done\n") == "<p><span class=\"icon\" role=\"img\" aria-label=\"material-check\" title=\"material-check\">✓</span> done</p>\n")
        #expect(html(":fontawesome-brands-unknownthing:\n") == "<p><span class=\"icon icon-missing\">fontawesome-brands-unknownthing</span></p>\n")
        #expect(html("Great :smile:\n").contains("😄"))
    }

    @Test func colonsInTimesAndCodeStayText() {
        #expect(html("At 10:30:00 run `:material-check:` and :notanemoji:\n") == "<p>At 10:30:00 run <code>:material-check:</code> and :notanemoji:</p>\n")
    }
}

@Suite struct CodeBlockOptionTests {
    @Test func aTitleIsShownAboveTheCode() {
        #expect(html("```python title=\"app.py\"\nx = 1\n```\n") == "<div class=\"code-block\"><div class=\"code-title\">app.py</div><pre><code class=\"language-python\">x = 1\n</code></pre></div>\n")
    }

    @Test func highlightedAndNumberedLines() {
        #expect(html("``` py linenums=\"3\" hl_lines=\"2\"\na\nb\n```\n") == """
            <div class="code-block"><pre><code class="language-py"><span class="line"><span class="lineno" aria-hidden="true">3</span>a
            </span><span class="line hl"><span class="lineno" aria-hidden="true">4</span>b
            </span></code></pre></div>

            """)
    }

    @Test func aMermaidFenceStaysLabelledCode() {
        #expect(html("```mermaid\ngraph TD; A-->B\n```\n") == "<figure class=\"code-block mermaid-source\"><figcaption class=\"code-title\">Mermaid diagram (source)</figcaption><pre><code class=\"language-mermaid\">graph TD; A--&gt;B\n</code></pre></figure>\n")
    }
}

@Suite struct DialectTerminalTests {
    @Test func admonitionsAreLabelledBoxesAndTabsSectionsOneAfterAnother() {
        let document = MarkdownParser().parse("!!! note \"Hi\"\n    Body ++ctrl+c++.\n\n=== \"A\"\n    a\n\n=== \"B\"\n    b\n")
        #expect(TerminalRenderer(color: false, width: 30).render(document) == """
            ╭─ Hi \(String(repeating: "─", count: 24))
            │ Body [Ctrl]+[C].
            ╰\(String(repeating: "─", count: 29))

            ▌ A
              a

            ▌ B
              b
            """)
    }

    @Test func aCodeBlockTitleIsShownAboveIt() {
        let document = MarkdownParser().parse("```py title=\"app.py\"\nx = 1\n```\n")
        #expect(TerminalRenderer(color: false, width: 30).render(document) == "    app.py\n    x = 1")
    }
}

/// One page mixing GFM, the Material dialect and raw HTML (Fixtures/dialect.md): its HTML is
/// a golden file, and no syntax of the source is left as text in it.
@Suite struct DialectGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let source = (try? String(contentsOf: fixtures.appendingPathComponent("dialect.md"), encoding: .utf8)) ?? ""

    static func rendered() -> String {
        HTMLRenderer(sanitizesRawHTML: true, headingIDs: true).render(MarkdownParser().parse(source))
    }

    @Test func htmlMatchesItsSnapshot() {
        Snapshot.expect(Self.rendered(), matches: Self.fixtures.appendingPathComponent("dialect.html"))
    }

    @Test func noSyntaxIsLeftAsText() {
        // The page's text: tags removed, code blocks (whose text is code) left out.
        let html = Self.rendered().replacing(/<pre>[\s\S]*?<\/pre>/, with: "")
        let text = html.replacing(/<[^>]*>/, with: " ")
        for literal in ["!!!", "???", "===", "{:", "{.", "{ .", "{#", "++", ":material", ":smile:", "| --", "|:--", "[x]", "[ ]", "~~", "[^", "<script", "alert(", "markdown>"] {
            #expect(!text.contains(literal), "\(literal) left in the page")
        }
        #expect(!html.contains("onerror"))
    }

    @Test func theSourceChecksWithoutWarnings() {
        var diagnostics: [MarkdownDiagnostic] = []
        let document = MarkdownParser().parse(Self.source, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(HTMLSanitizer.removals(in: document).map(\.description) == [
            "58:1: warning: raw HTML: removed <script> and its content",
            "59:1: warning: raw HTML: removed the event handler onerror from <img>",
        ])
    }
}
