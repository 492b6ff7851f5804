import Course
import TestSupport
import Testing

/// Random documents built from quiz-syntax fragments: whatever the mix, the parser returns,
/// and every diagnostic points at a line that exists.
@Suite struct QuizParserPropertyTests {
    static let fragments = [
        "### Question 1: Title\n", "**Question 2:** What?\n", "Question 3: Plain\n", "A) one\n", "B) two ✅\n",
        "C) three ✅\n", "- A) item\n", "- B) item ✅\n", "**Correct Answer: B) two**\n", "Correct Answer: Z\n",
        "**Explanation:** because.\n", "Explanation:\n", "---\n", "## Scoring Guide\n", "- 2 correct: Top - yes\n",
        "- Below 1: Low - no\n", "• 1-3 correct: Mid - so so\n", "- 9+ correct: Open - ended\n", "```\ncode\n```\n",
        "> quote\n", "\n", "\n", "plain text\n", "  indented\n", "<div>html</div>\n", "* * *\n", "1. ordered\n",
    ]

    @Test(arguments: 0..<200)
    func randomDocumentsNeverCrashAndDiagnosticsPointAtRealLines(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 1)
        let count = 1 + generator.next(40)
        let text = (0..<count).map { _ in Self.fragments[generator.next(Self.fragments.count)] }.joined()
        var diagnostics: [Diagnostic] = []
        let page = Page.parse(text, relativePath: "q.md", displayPath: "q.md", diagnostics: &diagnostics)
        let quiz = QuizParser.parse(page, diagnostics: &diagnostics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for diagnostic in diagnostics {
            #expect(diagnostic.line >= 1 && diagnostic.line <= lines, "seed \(seed): \(diagnostic)")
        }
        for question in quiz?.questions ?? [] {
            #expect(question.options.allSatisfy { !$0.text.contains("✅") }, "seed \(seed)")
        }
    }
}
