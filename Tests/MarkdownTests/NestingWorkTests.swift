@testable import Markdown
import Testing

/// Deep nesting costs work in proportion to the input (issue 11.7: 10,000 nested emphases
/// took 1.5 s in `lectern check`, 20,000 took 6 s, because every level past the depth limit
/// moved all it held one level up). Counted, not timed.
@Suite struct NestingWorkTests {
    private func nodes(_ node: MarkdownNode) -> Int {
        node.children.reduce(1) { $0 + nodes($1) }
    }

    private func converted(_ source: String) -> CmarkParse.Result {
        CmarkParse(smartPunctuation: true, maximumDepth: 96, restoresMarkers: false).parse(Array(source.utf8))
    }

    @Test func eachNodeOfNestedEmphasisIsAppendedOnce() {
        let result = converted(String(repeating: "*a ", count: 3000) + "b" + String(repeating: " a*", count: 3000) + "\n")
        #expect(result.appends == nodes(result.document) - 1)
        #expect(result.document.plainText().hasPrefix("a a a"))
    }

    @Test func eachNodeOfNestedBlockQuotesAndListsIsAppendedOnce() {
        var lists = ""
        for depth in 0..<1000 { lists += String(repeating: "  ", count: depth) + "* a\n" }
        for source in [String(repeating: "> ", count: 3000) + "a\n", lists] {
            let result = converted(source)
            #expect(result.appends == nodes(result.document) - 1)
        }
    }
}
