import Markdown
import Testing

/// The HTML of `markdown` with the default parser (GFM, smart punctuation) and renderer.
private func html(_ markdown: String, smart: Bool = true) -> String {
    HTMLRenderer().render(MarkdownParser(smartPunctuation: smart).parse(markdown))
}

/// The first node of `kind` in document order.
private func first(_ kind: (MarkdownNode.Kind) -> Bool, in node: MarkdownNode) -> MarkdownNode? {
    if kind(node.kind) { return node }
    for child in node.children {
        if let found = first(kind, in: child) { return found }
    }
    return nil
}

@Suite struct TableTests {
    @Test func aHeaderAndDelimiterRowMakeATableWithAlignedColumns() {
        #expect(html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n") == """
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="center">b</th>
            <th align="right">c</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">1</td>
            <td align="center">2</td>
            <td align="right">3</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func anEscapedPipeIsAPipeInItsCellEvenInACodeSpan() {
        let out = html("| a | b |\n|---|---|\n| x \\| y | `p \\| q` |\n")
        #expect(out.contains("<td>x | y</td>\n<td><code>p | q</code></td>"))
    }

    @Test func anUnescapedPipeInACodeSpanSplitsTheCellAsInGFM() {
        let out = html("| a | b |\n|---|---|\n| `p | q` |\n")
        #expect(out.contains("<td>`p</td>\n<td>q`</td>"))
    }

    @Test func cellsHoldInlineMarkdown() {
        let out = html("| a |\n|---|\n| *em* **strong** [link](x.md) ~~gone~~ |\n")
        #expect(out.contains("<td><em>em</em> <strong>strong</strong> <a href=\"x.md\">link</a> <del>gone</del></td>"))
    }

    @Test func tablesWorkInListItemsAndBlockQuotes() {
        let document = MarkdownParser().parse("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n> | c |\n> |---|\n> | 3 |\n")
        let item = document.children[0].children[0]
        #expect(item.children.map(\.kind) == [.paragraph, .table(alignments: [.none, .none])])
        #expect(document.children[1].kind == .blockQuote)
        #expect(document.children[1].children.first?.kind == .table(alignments: [.none]))
        #expect(document.children[1].children.first?.plainText() == "c 3")
    }

    @Test func shortRowsAreFilledAndLongRowsCut() {
        let table = MarkdownParser().parse("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n").children[0]
        #expect(table.children.map { $0.children.count } == [2, 2, 2])
        #expect(table.children[2].plainText() == "1 2")
    }

    @Test func aDelimiterRowOfAnotherWidthLeavesAParagraph() {
        #expect(html("| a | b |\n|---|\n| 1 | 2 |\n", smart: false) == "<p>| a | b |\n|---|\n| 1 | 2 |</p>\n")
    }

    @Test func smartPunctuationNeverTouchesTheDelimiterRowButReachesTheCells() {
        let document = MarkdownParser(smartPunctuation: true).parse("Name | Value\n--- | ---\n\"quoted\" -- here | it's\n")
        #expect(document.children.count == 1)
        let table = document.children[0]
        #expect(table.kind == .table(alignments: [.none, .none]))
        #expect(table.children[0].plainText() == "Name Value")
        #expect(table.children[1].plainText() == "\u{201C}quoted\u{201D} \u{2013} here it\u{2019}s")
    }

    @Test func aParagraphBeforeTheHeaderRowStaysAParagraph() {
        let document = MarkdownParser().parse("Some *text\nmore* text\n| a |\n| - |\n| b |\n")
        #expect(document.children.map(\.kind) == [.paragraph, .table(alignments: [.none])])
        #expect(document.children[0].plainText() == "Some text more text")
    }

    @Test func aLineThatStartsABlockEndsTheTable() {
        // An ordered list from 2 cannot interrupt a paragraph, but it does end a table.
        let document = MarkdownParser().parse("| a |\n| - |\n| b |\n2. item\n")
        #expect(document.children.map(\.kind) == [.table(alignments: [.none]), .list(ListInfo(ordered: true, start: 2, tight: true, delimiter: .period))])
    }

    @Test func aTableUnderlinedWithDashesIsATableAndARule() {
        // cmark reads the lines as a setext heading; GFM as a table, then a thematic break.
        let document = MarkdownParser().parse("| a |\n| - |\n| b |\n---\n")
        #expect(document.children.map(\.kind) == [.table(alignments: [.none]), .thematicBreak])
    }

    @Test func cellsKeepTheirSourcePositions() {
        let document = MarkdownParser().parse("intro\n\n| a | bb |\n|---|---|\n| x | [y](missing.md) |\n")
        let link = first({ if case .link = $0 { true } else { false } }, in: document)
        #expect(link?.start == SourcePosition(line: 5, column: 7))
        let cell = document.children[1].children[1].children[1]
        #expect(cell.start == SourcePosition(line: 5, column: 7))
    }

    @Test func referenceLinksInCellsResolveAgainstTheDocument() {
        let out = html("| [a][r] |\n|---|\n| [b][r] |\n\n[r]: https://example.com\n")
        #expect(out.contains("<th><a href=\"https://example.com\">a</a></th>"))
        #expect(out.contains("<td><a href=\"https://example.com\">b</a></td>"))
    }

    @Test func withoutExtensionsATableIsAParagraph() {
        let document = MarkdownParser(extensions: MarkdownExtensions.none).parse("| a |\n| - |\n| b |\n")
        #expect(document.children.map(\.kind) == [.paragraph])
    }

    // Found by comparing with cmark-gfm (Debian's 0.29.0.gfm.6) on random documents.

    @Test func aDelimiterRowIndentedFourColumnsIsParagraphText() {
        #expect(MarkdownParser().parse("  a | b\n    --|--\n").children.map(\.kind) == [.paragraph])
    }

    @Test func aDelimiterRowOnALazyLineOfAListItemIsParagraphText() {
        #expect(MarkdownParser().parse("1. a\n| ---\n").children[0].children[0].children.map(\.kind) == [.paragraph])
    }

    @Test func aSetextHeadingEndsAtItsUnderline() {
        // cmark reports this heading as ending where the paragraph after it ends.
        let document = MarkdownParser().parse("Title\n  -\n[^a]: note\n\nSee[^a].\n")
        #expect(document.children.map(\.kind) == [.heading(level: 2), .paragraph, .footnotes])
    }
}

@Suite struct StrikethroughTests {
    @Test func oneOrTwoTildesStrikeThrough() {
        #expect(html("~a~ ~~b~~ ~~~c~~~\n") == "<p><del>a</del> <del>b</del> ~~~c~~~</p>\n")
    }

    @Test func escapedTildesAndMismatchedRunsStayText() {
        #expect(html("\\~a\\~ ~b~~ x\n") == "<p>~a~ ~b~~ x</p>\n")
    }

    @Test func strikethroughNestsWithEmphasis() {
        #expect(html("*~~a~~* ~~*b*~~ ~~a ~b~ c~~\n") == "<p><em><del>a</del></em> <del><em>b</em></del> <del>a <del>b</del> c</del></p>\n")
    }
}

@Suite struct AutolinkTests {
    @Test func wwwURLsAndEmailAddressesBecomeLinks() {
        #expect(html("www.example.com, https://example.com/x. and me@example.com!\n") == """
            <p><a href="http://www.example.com">www.example.com</a>, <a href="https://example.com/x">https://example.com/x</a>. and <a href="mailto:me@example.com">me@example.com</a>!</p>

            """)
    }

    @Test func textInLinksAndCodeIsNotLinked() {
        #expect(html("[www.example.com](x) `https://example.com`\n") == "<p><a href=\"x\">www.example.com</a> <code>https://example.com</code></p>\n")
    }

    @Test func smartPunctuationDoesNotChangeALinksAddress() {
        #expect(html("see https://example.com/a--b\n").contains("href=\"https://example.com/a--b\">https://example.com/a--b</a>"))
    }

    @Test func aClosingParenthesisWithoutItsOpeningIsNotPartOfTheLink() {
        #expect(html("(see www.example.com/a_(b))\n") == "<p>(see <a href=\"http://www.example.com/a_(b)\">www.example.com/a_(b)</a>)</p>\n")
    }

    @Test func aURLAfterAnOpenBracketIsNotLinkedButAnAddressIs() {
        #expect(html("[see https://example.com or me@example.com] and https://example.org\n") ==
            "<p>[see https://example.com or <a href=\"mailto:me@example.com\">me@example.com</a>] and <a href=\"https://example.org\">https://example.org</a></p>\n")
    }
}

@Suite struct TaskListTests {
    @Test func boxesMakeTaskListItems() {
        let list = MarkdownParser().parse("- [ ] open\n- [x] done\n- [X] done too\n- [] not a box\n").children[0]
        #expect(list.children.map(\.kind) == [.taskListItem(checked: false), .taskListItem(checked: true), .taskListItem(checked: true), .item])
        #expect(list.children.map { $0.plainText() } == ["open", "done", "done too", "[] not a box"])
    }

    @Test func anEscapedBoxIsText() {
        #expect(MarkdownParser().parse("- \\[ ] text\n").children[0].children[0].kind == .item)
    }

    @Test func aBoxWithNothingAfterItIsAnEmptyTask() {
        #expect(MarkdownParser().parse("- [x] \n").children[0].children[0].kind == .taskListItem(checked: true))
    }

    @Test func aBoxBeforeATableMakesATask() {
        let item = MarkdownParser().parse("- [ ] a | b\n  --- | ---\n").children[0].children[0]
        #expect(item.kind == .taskListItem(checked: false))
        #expect(item.children.first?.plainText() == "a b")
    }

    @Test func aBoxThatReadsAsAReferenceLinkIsStillABox() {
        let list = MarkdownParser().parse("- [x] done\n\n[x]: https://example.com\n").children[0]
        #expect(list.children[0].kind == .taskListItem(checked: true))
        #expect(list.children[0].plainText() == "done")
    }
}

@Suite struct FootnoteTests {
    @Test func referencesAreNumberedInTheOrderTheyAreFirstMet() {
        let document = MarkdownParser().parse("b[^b] a[^a] b again[^b]\n\n[^a]: A.\n[^b]: B.\n")
        let references = document.children[0].children.compactMap { node -> String? in
            guard case .footnoteReference(let label, let number, let occurrence) = node.kind else { return nil }
            return "\(label) \(number).\(occurrence)"
        }
        #expect(references == ["b 1.1", "a 2.1", "b 1.2"])
        let section = document.children.last!
        #expect(section.kind == .footnotes)
        #expect(section.children.map(\.kind) == [
            .footnoteDefinition(label: "b", number: 1, references: 2),
            .footnoteDefinition(label: "a", number: 2, references: 1),
        ])
    }

    @Test func aDefinitionTakesTheLinesIndentedUnderIt() {
        let document = MarkdownParser().parse("x[^n]\n\n[^n]: First.\n\n    Second.\n\n    | a |\n    |---|\n    | b |\n\nAfter.\n")
        let definition = document.children.last!.children[0]
        #expect(definition.children.map(\.kind) == [.paragraph, .paragraph, .table(alignments: [.none])])
        #expect(document.children[1].plainText() == "After.")
    }

    @Test func aDefinitionThatLooksLikeALinkReferenceIsStillAFootnote() {
        let out = html("See[^src].\n\n[^src]: https://example.com/paper.pdf\n")
        #expect(out.contains("See<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">1</a></sup>."))
        #expect(out.contains("<li id=\"fn1\">\n<p><a href=\"https://example.com/paper.pdf\">https://example.com/paper.pdf</a> <a href=\"#fnref1\" class=\"footnote-backref\">↩</a></p>"))
    }

    @Test func aDefinitionInterruptsAParagraph() {
        let document = MarkdownParser().parse("Text[^1]\n[^1]: Note.\n")
        #expect(document.children.map(\.kind) == [.paragraph, .footnotes])
        #expect(document.children[0].plainText() == "Text")
    }

    @Test func aLineIndentedFourColumnsIsNoDefinition() {
        let document = MarkdownParser().parse("  Text[^1]\n    [^1]: not a note\n")
        #expect(document.children.map(\.kind) == [.paragraph])
    }

    @Test func aDefinitionInABlockQuoteIsFound() {
        let document = MarkdownParser().parse("> Quote[^q]\n>\n> [^q]: Quoted note.\n")
        #expect(document.children.last?.plainText() == "Quoted note.")
    }

    @Test func adjacentReferencesToNotesThatLookLikeURLsAreBothReferences() {
        // cmark reads `[^a][^b]` as one reference link, to the "link definition" `[^b]: http…`.
        let document = MarkdownParser().parse("See[^a][^b].\n\n[^a]: https://example.com/a\n[^b]: https://example.com/b\n")
        #expect(document.children[0].children.map(\.kind) == [
            .text, .footnoteReference(label: "a", number: 1, occurrence: 1), .footnoteReference(label: "b", number: 2, occurrence: 1), .text,
        ])
    }

    @Test func aFootnoteReferencedOnlyFromAnotherFootnoteIsKept() {
        let document = MarkdownParser().parse("x[^a]\n\n[^a]: see[^b]\n\n[^b]: deeper\n")
        #expect(document.children.last?.children.count == 2)
    }

    @Test func undefinedReferencesStayTextAndAreReported() {
        var diagnostics: [MarkdownDiagnostic] = []
        let document = MarkdownParser().parse("a\n\nb[^x] and [^y]\n\n[^y]: Y.\n", diagnostics: &diagnostics)
        #expect(document.children[1].plainText() == "b[^x] and ")
        #expect(diagnostics.map(\.description) == ["3:2: warning: footnote reference [^x] has no definition (write '[^x]: text' at the start of a line)"])
    }

    @Test func aSecondDefinitionOfALabelIsReported() {
        var diagnostics: [MarkdownDiagnostic] = []
        _ = MarkdownParser().parse("a[^x]\n\n[^x]: one\n\n[^X]: two\n", diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == ["5:1: warning: footnote [^X] is defined twice; the first definition is used"])
    }
}

@Suite struct VisitorTests {
    /// Counts the nodes of each kind it visits.
    struct KindCounter: MarkdownWalker {
        var counts: [String: Int] = [:]
        mutating func visitText(_ node: borrowing MarkdownNode) { counts["text", default: 0] += 1 }
        mutating func visitEmphasis(_ node: borrowing MarkdownNode) {
            counts["emphasis", default: 0] += 1
            descendInto(node)
        }
    }

    /// Drops emphasis, keeping what it held; rewrites text to upper case.
    struct Flattener: MarkdownRewriter {
        mutating func visitEmphasis(_ node: consuming MarkdownNode) -> MarkdownNode? {
            MarkdownNode(.text, literal: node.plainText().uppercased(), start: node.start, end: node.end)
        }
        mutating func visitCode(_ node: consuming MarkdownNode) -> MarkdownNode? { nil }
    }

    @Test func aWalkerVisitsEveryNodeAndDescendsWhereAskedTo() {
        var counter = KindCounter()
        counter.visit(MarkdownParser().parse("a *b* and *c `d`*\n\n- *e*\n"))
        #expect(counter.counts == ["text": 5, "emphasis": 3])
    }

    @Test func aRewriterReplacesAndDeletesNodes() {
        var flattener = Flattener()
        let document = flattener.visit(MarkdownParser().parse("a *b* `gone` c\n"))!
        #expect(document.children[0].children.map(\.literal) == ["a ", "B", " ", " c"])
    }
}
