import Course
import Foundation
import Markdown
import Testing

/// mkdocs-quiz's `<quiz>` blocks, tested against the examples its documentation publishes
/// (Fixtures/mkdocs-quiz/examples.md), and the answer forms lectern reads alongside the
/// seed's syntax: task lists, `<details>` answers, several right answers.
@Suite struct QuizBlockTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mkdocs-quiz/examples.md")

    func parse(_ markdown: String) -> (Quiz?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let page = Page.parse(markdown, relativePath: "quiz.md", displayPath: "quiz.md", diagnostics: &diagnostics)
        let quiz = QuizParser.parse(page, diagnostics: &diagnostics)
        return (quiz, diagnostics)
    }

    func examples() throws -> (Quiz, [Diagnostic]) {
        let (quiz, diagnostics) = parse(try String(contentsOf: Self.examples, encoding: .utf8))
        return (try #require(quiz), diagnostics)
    }

    @Test func everyPublishedExampleIsOneQuestionAndTheCodeBlockCopyIsNone() throws {
        let (quiz, diagnostics) = try examples()
        #expect(diagnostics.isEmpty)
        #expect(quiz.questions.count == 10)
        #expect(quiz.questions.map(\.number) == Array(1...10))
        #expect(quiz.questions.allSatisfy { $0.isScored })
    }

    @Test func theKeysAreTheCheckedAnswers() throws {
        let (quiz, _) = try examples()
        #expect(quiz.answerKey == ["B", "A+C", "A", "B", "B", "A", "A", "B", "B+C", "A"])
        #expect(quiz.questions.map(\.isMultipleAnswer) == [false, true, false, false, false, false, false, false, true, false])
    }

    @Test func theQuestionIsEverythingBeforeTheFirstAnswerCodeIncluded() throws {
        let (quiz, _) = try examples()
        let first = quiz.questions[0]
        #expect(first.prompt.map(\.kind) == [.paragraph, .codeBlock(info: "")])
        #expect(first.promptText == "What is the answer to the following sum?\n2 + 2\n")
        #expect(first.options.map(\.text) == ["3", "4 (not four)", "5"])
        #expect(first.options[1].content.map(\.kind) == [.text, .emphasis])
    }

    @Test func theContentAfterTheAnswersIsTheExplanation() throws {
        let (quiz, _) = try examples()
        #expect(quiz.questions[1].explanation.isEmpty)
        #expect(quiz.questions[2].explanationText.hasPrefix("Did you know that Python was named after"))
        #expect(quiz.questions[5].explanation.map(\.kind).prefix(2) == [.heading(level: 2), .paragraph])
        #expect(quiz.questions[6].explanation.contains { $0.kind == .codeBlock(info: "python") })
    }

    @Test func aQuoteRightUnderAnAnswerIsThatAnswersFeedback() throws {
        let (quiz, _) = try examples()
        let radio = quiz.questions[7]
        #expect(radio.options.map(\.text) == ["3", "4", "6"])
        #expect(radio.options.map { $0.feedback.map { $0.plainText() }.joined() } == ["Nope, but close!", "Amazing!", "No. Stop it."])
        #expect(radio.explanationText == "Anything else in this section should be prepended.")
        let fruits = quiz.questions[8]
        #expect(fruits.options.map(\.text) == ["Orange", "Banana", "Pineapple", "Blueberry"])
        #expect(fruits.options[0].feedback.map { $0.plainText() }.joined() == "Oranges are Orange.")
        #expect(fruits.options[3].feedback.map { $0.plainText() }.joined() == "Blueberries are blue. … You fool.")
        #expect(fruits.options[1].feedback.isEmpty)
    }

    @Test func upperCaseXEmptyBracketsAndAsteriskBulletsAreAnswersToo() throws {
        let (quiz, _) = try examples()
        #expect(quiz.questions[9].options.map(\.text) == ["Correct answer", "Incorrect answer", "Another incorrect answer"])
        #expect(quiz.questions[9].correctIndices == [0])
    }

    @Test func eachQuestionSpansItsBlockFromTagToTag() throws {
        let (quiz, _) = try examples()
        #expect(quiz.questions[0].position.line == 3)
        #expect(quiz.questions[0].lastLine == 11)
        #expect(quiz.questions[1].position.line == 13)
    }

    @Test func anUnclosedQuizBlockIsAnErrorAtItsTag() {
        let (_, diagnostics) = parse("# Page\n\n<quiz>\nWhich?\n- [x] a\n- [ ] b\n")
        #expect(diagnostics.map(\.description) == ["quiz.md:3:1: error: <quiz> is never closed: add a </quiz> line after its answers"])
    }

    @Test func aQuizBlockWithoutAnswersIsASelfCheckItemRevealingItsContent() throws {
        let (quiz, diagnostics) = parse("<quiz>\nName the three pillars of observability.\n\nMetrics, logs and traces.\n</quiz>\n")
        let question = try #require(quiz?.questions.first)
        #expect(!question.isScored)
        #expect(question.revealed.map { $0.plainText() } == ["Metrics, logs and traces."])
        #expect(diagnostics.map(\.message) == ["the <quiz> block at line 1 has no '- [x]' / '- [ ]' answers; it is shown as a self-check item"])
    }

    @Test func seedQuestionsTakeTaskListAnswersToo() throws {
        let (quiz, diagnostics) = parse("### Question 1: Pillars\n\n**Which are pillars of observability?**\n\n- [x] Metrics\n- [ ] Dashboards\n- [x] Traces\n\n**Explanation:** Metrics, logs and traces.\n")
        let question = try #require(quiz?.questions.first)
        #expect(diagnostics.isEmpty)
        #expect(question.options.map(\.letter) == ["A", "B", "C"])
        #expect(question.correctIndices == [0, 2])
    }

    @Test func severalMarksNamedInACorrectAnswersLineMakeAMultipleAnswerQuestion() throws {
        let (quiz, diagnostics) = parse("**Question 1:** Which are even?\n\nA) 2 ✅\nB) 3\nC) 4 ✅\n\n**Correct Answers: A, C**\n\n**Explanation:** Even.\n")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.answerKey == ["A+C"])
    }

    @Test func aCorrectAnswerLineKeysAQuestionWithoutMarks() throws {
        let (quiz, diagnostics) = parse("**Question 1:** Which?\n\nA) one\nB) two\n\n**Correct Answer: B) two**\n\n**Explanation:** Two.\n")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.answerKey == ["B"])
    }

    @Test func aQuestionWithoutOptionsIsASelfCheckItemWithItsDetailsAnswer() throws {
        let (quiz, diagnostics) = parse("""
            **Question 1:** Why does a histogram suit response times?

            <details>
            <summary>Answer</summary>

            It keeps the **distribution**.

            </details>

            ## Next section
            """)
        let question = try #require(quiz?.questions.first)
        #expect(diagnostics.isEmpty)
        #expect(!question.isScored)
        #expect(question.answer.map { $0.plainText() } == ["It keeps the distribution."])
        #expect(question.lastLine == 8)
    }

    @Test func aDetailsAnswerLineKeysTheOptions() throws {
        let (quiz, _) = parse("**Question 1:** Which?\n\nA) one\nB) two\n\n<details><summary>Show answer</summary>Answer: B</details>\n")
        #expect(quiz?.answerKey == ["B"])
    }

    @Test func aCollapsibleAdmonitionIsTheAnswerAsADetailsBlockIs() throws {
        let (quiz, diagnostics) = parse("**Question 1:** Which?\n\nA) one\nB) two\n\n??? success \"Show answer\"\n    Answer: B\n\n    Two is *right*.\n")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.answerKey == ["B"])
        #expect(quiz?.questions.first?.lastLine == 9)
    }

    @Test func aDetailsElementMarkedMarkdownIsTheAnswerWithoutItsSummary() throws {
        let (quiz, diagnostics) = parse("""
            **Question 1:** Why a histogram?

            <details markdown>
            <summary>Answer</summary>

            It keeps the **distribution**.

            </details>
            """)
        let question = try #require(quiz?.questions.first)
        #expect(diagnostics.isEmpty)
        #expect(question.answer.map { $0.plainText() } == ["It keeps the distribution."])
    }

    @Test func textAfterTheLastOptionsIsProseNotPartOfTheQuestion() throws {
        let (quiz, diagnostics) = parse("**Question 1:** Which?\nA) one  \nB) two ✅\n\n[View Test Solutions →](Solutions.md)\n")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.questions.first?.lastLine == 3)
    }

    @Test func optionLettersPastZAreOptionsOfTheirOwnAndAnError() throws {
        let options = (0..<28).map { "\(OptionLetters.letter(at: $0))) o\($0)\($0 == 27 ? " ✅" : "")" }.joined(separator: "\n")
        let (quiz, diagnostics) = parse("**Question 1:** Which?\n\n" + options + "\n\n**Explanation:** e.\n")
        #expect(quiz?.questions.first?.options.count == 28)
        #expect(quiz?.questions.first?.options[25].text == "o25")
        #expect(diagnostics.map(\.description) == ["quiz.md:29:1: error: question 1: option AA is past Z; a question has at most 26 options (A-Z)"])
    }

    @Test func lettersGoOnPastZAsSpreadsheetColumns() {
        #expect([0, 25, 26, 27, 51, 52].map(OptionLetters.letter(at:)) == ["A", "Z", "AA", "AB", "AZ", "BA"])
    }
}
