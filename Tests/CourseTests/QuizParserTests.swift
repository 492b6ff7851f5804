@testable import Course
import Foundation
import Markdown
import TestSupport
import Testing

/// The quiz syntax of design.md, variant by variant.
@Suite struct QuizParserTests {
    func parse(_ markdown: String) -> (Quiz?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let page = Page.parse(markdown, relativePath: "quiz.md", displayPath: "quiz.md", diagnostics: &diagnostics)
        let quiz = QuizParser.parse(page, diagnostics: &diagnostics)
        return (quiz, diagnostics)
    }

    @Test func canonicalHeadingBoldPromptOptionsAndExplanation() throws {
        let (quiz, diagnostics) = parse("""
            ### Question 1: Prometheus Metrics
            **Which Prometheus metric type is best suited for tracking response times?**

            A) Histogram ✅
            B) Counter
            C) Gauge
            D) Summary

            **Correct Answer: A) Histogram**

            **Explanation:** Histograms record distributions.
            """)
        let question = try #require(quiz?.questions.first)
        #expect(diagnostics.isEmpty)
        #expect(question.number == 1)
        #expect(question.title == "Prometheus Metrics")
        #expect(question.promptText == "Which Prometheus metric type is best suited for tracking response times?")
        #expect(question.options.map(\.letter) == ["A", "B", "C", "D"])
        #expect(question.options.map(\.text) == ["Histogram", "Counter", "Gauge", "Summary"])
        #expect(question.correctIndex == 0)
        #expect(question.explanationText == "Histograms record distributions.")
        #expect(question.options[1].position == SourcePosition(line: 5, column: 1))
    }

    @Test func boldQuestionParagraphWithInlinePrompt() throws {
        let (quiz, diagnostics) = parse("""
            **Question 1:** What is `2 + 2`?

            A) 3
            B) 4 ✅

            **Explanation:** Arithmetic.
            """)
        let question = try #require(quiz?.questions.first)
        #expect(diagnostics.isEmpty)
        #expect(question.title == nil)
        #expect(question.promptText == "What is 2 + 2?")
        #expect(question.correctOption?.letter == "B")
    }

    @Test func optionsAsListItems() throws {
        let (quiz, _) = parse("""
            ### Question 1: Lists

            **Pick one.**

            - A) First
            - B) Second ✅
            - C) Third
            """)
        #expect(quiz?.questions.first?.options.map(\.text) == ["First", "Second", "Third"])
        #expect(quiz?.questions.first?.correctIndex == 1)
    }

    @Test func optionsWithHardLineBreaks() throws {
        let (quiz, _) = parse("### Question 1: Breaks\n\n**Pick.**\n\nA) One  \nB) Two ✅  \nC) Three\n\n**Explanation:** Two.\n")
        #expect(quiz?.questions.first?.options.map(\.text) == ["One", "Two", "Three"])
        #expect(quiz?.questions.first?.correctIndex == 1)
    }

    @Test func markdownInsideOptionsIsKept() throws {
        let (quiz, _) = parse("**Question 1:** Which?\n\nA) **bold** and `code`\nB) plain ✅\n")
        let option = try #require(quiz?.questions.first?.options.first)
        #expect(option.content.map(\.kind) == [.strong, .text, .code])
        #expect(option.text == "bold and code")
    }

    @Test func explanationSpansParagraphsAndCodeBlocks() throws {
        let (quiz, _) = parse("""
            ### Question 1: Code

            **What prints?**

            A) 1 ✅
            B) 2

            **Explanation:** It prints one.

            A second paragraph.

            ```python
            print(1)
            ```

            ### Question 2: Next

            **Another?**

            A) Yes ✅
            B) No

            Explanation: Yes.
            """)
        let first = try #require(quiz?.questions.first)
        #expect(first.explanation.map(\.kind) == [.paragraph, .paragraph, .codeBlock(info: "python")])
        #expect(quiz?.questions.count == 2)
    }

    @Test func plainFormCopiedFromARenderedSiteIsTheSeed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed/session4-test-solutions.txt")
        var diagnostics: [Diagnostic] = []
        let course = try #require(CourseLoader.load(url.path, diagnostics: &diagnostics))
        let quiz = try #require(course.sessions.first?.quiz)
        #expect(diagnostics.isEmpty)
        #expect(quiz.answerKey == ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"])
        #expect(quiz.questions[0].title == "Production Requirements")
        #expect(quiz.questions[0].promptText == "What is the primary difference between development and production MCP servers?")
        #expect(quiz.questions[9].explanationText.hasPrefix("Infrastructure as Code with Terraform"))
        let bands = try #require(quiz.scoringGuide?.bands)
        #expect(bands.map(\.label) == ["Expert level", "Proficient", "Competent", "Developing", "Beginner"])
        #expect(bands.map { $0.lowerBound...$0.upperBound } == [10...10, 8...9, 6...7, 4...5, 0...3])
        #expect(bands[0].advice == "Ready for enterprise production deployments")
    }

    @Test(arguments: [
        ("- 10 correct: Expert - Done", 10...10),
        ("- 8-9 correct: Good - Nearly", 8...9),
        ("- 8–9 correct: Good - En dash", 8...9),
        ("- Below 4: Start - Again", 0...3),
        ("- 9+ correct: Top - Open ended", 9...10),
    ])
    func scoringGuideBandForms(line: String, range: ClosedRange<Int>) throws {
        let questions = (1...10).map { "**Question \($0):** Q?\n\nA) a ✅\nB) b\n\n**Explanation:** e.\n" }.joined(separator: "\n")
        let (quiz, _) = parse(questions + "\n## Scoring Guide\n\n" + line + "\n")
        let band = try #require(quiz?.scoringGuide?.bands.first)
        #expect(band.lowerBound...band.upperBound == range)
    }

    @Test func bandTextSplitsAtTheFirstSpacedHyphenIntoLabelAndAdvice() throws {
        let (quiz, _) = parse("**Question 1:** Q?\n\nA) a ✅\nB) b\n\n## Scoring Guide\n\n- 1 correct: Expert level - Ready - really\n- Below 1: Beginner\n")
        let bands = try #require(quiz?.scoringGuide?.bands)
        #expect(bands[0].label == "Expert level")
        #expect(bands[0].advice == "Ready - really")
        #expect(bands[1].label == "Beginner")
        #expect(bands[1].advice == "")
    }

    @Test func aPageWithoutQuestionsHasNoQuiz() {
        let (quiz, diagnostics) = parse("# Lesson\n\nJust teaching, with A) an aside.\n")
        #expect(quiz == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func theCorrectMarkNeverSurvivesInOptionText() throws {
        let (quiz, _) = parse("**Question 1:** Q?\n\nA) a\nB) *b* ✅️\n")
        let question = try #require(quiz?.questions.first)
        #expect(question.options.allSatisfy { !$0.text.contains("✅") && !$0.text.contains("\u{FE0F}") })
        #expect(question.correctIndex == 1)
    }

    /// Smart quotes and dashes share ✅'s first byte; an option holding them keeps its text
    /// whole, and loses only the mark when it has one.
    @Test func onlyTheMarkIsTakenFromOptionsWithQuotesAndDashes() throws {
        let (quiz, _) = parse("**Question 1:** Q?\n\nA) the \"open\" state -- fails fast\nB) the \"half-open\" state … probes ✅\n")
        let question = try #require(quiz?.questions.first)
        #expect(question.options.map(\.text) == ["the “open” state – fails fast", "the “half-open” state … probes"])
        #expect(question.correctIndex == 1)
    }

    /// Property: on random texts of marks, variation selectors, joiners, accents, emoji and
    /// letters, removing marks on bytes (where it answers) gives what the walk over
    /// characters gives.
    @Test func markRemovalOnBytesIsTheCharactersOnRandomTexts() {
        let pieces = ["✅", "\u{FE0F}", "\u{200D}", "\u{0301}", "👍", "é", "a", " ", "(", "✔"]
        var generator = SeededGenerator(seed: 0xC0FFEE)
        var answered = 0
        for _ in 0..<20000 {
            let text = generator.text(of: pieces, upTo: 6)
            guard let bytes = InlineEditing.correctMarkBytesRemoved(text) else { continue }
            answered += 1
            let characters = InlineEditing.correctMarkCharactersRemoved(text)
            #expect(Array(bytes.text.unicodeScalars) == Array(characters.text.unicodeScalars) && bytes.marks == characters.marks,
                    "\(text.debugDescription)")
        }
        #expect(answered > 5000)
    }

    @Test func contentHashChangesWhenAnAnswerChanges() throws {
        let (a, _) = parse("**Question 1:** Q?\n\nA) a ✅\nB) b\n")
        let (b, _) = parse("**Question 1:** Q?\n\nA) a\nB) b ✅\n")
        #expect(try #require(a).contentHash != (try #require(b)).contentHash)
        #expect(try #require(a).contentHash == (try #require(parse("**Question 1:** Q?\n\nA) a ✅\nB) b\n").0)).contentHash)
    }
}

extension QuizParserTests {
    @Test func questionsNumberedOutOfSequenceGetAWarning() {
        let (_, diagnostics) = parse("**Question 2:** Q?\n\nA) a ✅\nB) b\n\n**Explanation:** e.\n")
        #expect(diagnostics.map(\.description) == ["quiz.md:1:1: warning: question 2 is numbered 2 but is question 1 of the page"])
    }

    @Test func textBetweenOptionsAndExplanationIsReportedNotSilentlyDropped() {
        let (_, diagnostics) = parse("**Question 1:** Q?\n\nA) a ✅\nB) b\n\nStray remark.\n\n**Explanation:** e.\n")
        #expect(diagnostics.map(\.description) == ["quiz.md:6:1: warning: text after the options of question 1 is neither a 'Correct Answer:' line nor an 'Explanation:'; it is ignored"])
    }
}
