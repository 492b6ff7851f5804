import Testing
@testable import Course

/// A page's title: front matter, else the first level-1 heading before the quiz's questions.
@Suite struct PageTitleTests {
    func title(_ markdown: String) -> String {
        var diagnostics: [Diagnostic] = []
        return Page.parse(markdown, relativePath: "lesson.md", displayPath: "lesson.md", diagnostics: &diagnostics).title
    }

    @Test func theFirstLevelOneHeadingIsTheTitle() {
        #expect(title("# Retries\n\nText.\n") == "Retries")
    }

    @Test func aQuestionHeadingIsNoTitleInAnyCase() {
        // The quiz parser reads "QUESTION 1:" as a question, so the title does too.
        for marker in ["Question", "QUESTION", "question"] {
            #expect(title("# \(marker) 1: Which is right?\n\nA) this ✅\nB) that\n") == "lesson", "\(marker)")
        }
    }

    @Test func aHeadingAfterTheFirstQuestionIsNotTheTitle() {
        #expect(title("question 1: Which?\n\nA) a ✅\nB) b\n\n# Later\n") == "lesson")
    }
}
