import Markdown
import Testing

@Suite struct MarkdownParserTests {
    @Test func headingCarriesLevelTextAndPosition() {
        let document = MarkdownParser().parse("intro\n\n### Question 3: Metrics\n")
        let heading = document.children[1]
        #expect(heading.headingLevel == 3)
        #expect(heading.plainText() == "Question 3: Metrics")
        #expect(heading.start == SourcePosition(line: 3, column: 1))
    }

    @Test func paragraphLinesAreSplitBySoftBreaks() {
        let document = MarkdownParser().parse("A) one\nB) two ✅\n")
        let kinds = document.children[0].children.map(\.kind)
        #expect(kinds == [.text, .softBreak, .text])
    }

    @Test func listDataIsExposed() {
        let document = MarkdownParser().parse("3. a\n4. b\n")
        let info = document.children[0].listInfo
        #expect(info == ListInfo(ordered: true, start: 3, tight: true, delimiter: .period))
        #expect(document.children[0].children.count == 2)
    }

    @Test func fenceInfoAndLiteralAreExposed() {
        let document = MarkdownParser().parse("```python extra\nprint(1)\n```\n")
        #expect(document.children[0].fenceInfo == "python extra")
        #expect(document.children[0].literal == "print(1)\n")
    }

    @Test func smartPunctuationIsOnByDefault() {
        let document = MarkdownParser().parse("\"quoted\" -- it's\n")
        #expect(document.plainText() == "\u{201C}quoted\u{201D} \u{2013} it\u{2019}s")
    }

    @Test func deepNestingIsFlattenedBeyondTheLimit() {
        let source = String(repeating: ">", count: 5000) + " deep\n"
        let document = MarkdownParser(maximumDepth: 50).parse(source)
        func depth(_ node: MarkdownNode) -> Int { 1 + (node.children.map(depth).max() ?? 0) }
        #expect(depth(document) <= 53)
        #expect(document.plainText() == "deep")
    }
}
