import Foundation
import Quiz
import Testing
@testable import QuizTerminal

@Suite("What the quiz screen shows")
struct QuizScreenTests {
    @Test("without colour nothing carries an escape code; with colour headings do")
    func colour() {
        let question = TerminalFixtures.plan.questions[0]
        #expect(!QuizScreen(color: false, width: 80).question(question, position: 1, total: 2).contains("\u{1B}["))
        #expect(QuizScreen(color: true, width: 80).question(question, position: 1, total: 2).contains("\u{1B}[1m"))
    }

    @Test("the prompt's markdown is rendered: code spans lose their backticks, bold its asterisks")
    func markdownRendered() {
        let text = QuizScreen(color: false, width: 80).question(TerminalFixtures.plan.questions[0], position: 1, total: 2)
        #expect(text.contains("What is 2 + 2?"))
        #expect(!text.contains("**"))
        #expect(!text.contains("`"))
    }

    @Test("code blocks, lists, emphasis and code in prompts and options come from the markdown tree")
    func richMarkdown() throws {
        let path = TerminalFixtures.quizPath.replacingOccurrences(of: "two-questions.md", with: "rich-prompt.md")
        guard case .success(let selected) = QuizSelection.select(reference: path, course: nil) else {
            Issue.record("rich-prompt.md did not load")
            return
        }
        let question = QuizPlan(quiz: selected.quiz).questions[0]
        let plain = QuizScreen(color: false, width: 80).question(question, position: 1, total: 1)
        #expect(plain.contains("\n    print(sum([1, 2, 3]))\n"))
        #expect(plain.contains("• the list passed in"))
        #expect(plain.contains("• the sum built-in"))
        #expect(plain.contains("  A) 6\n  B) nothing\n  C) an error"))
        #expect(!plain.contains("**") && !plain.contains("`") && !plain.contains("```"))
        let coloured = QuizScreen(color: true, width: 80).question(question, position: 1, total: 1)
        #expect(coloured.contains("\u{1B}[1mnothing\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[3mlist\u{1B}[0m"))
    }

    @Test("options never show the ✅ mark")
    func noMarkInOptions() {
        for question in TerminalFixtures.plan.questions {
            #expect(!QuizScreen(color: false, width: 80).options(question).contains("✅"))
        }
    }

    @Test("shuffled options are shown re-lettered from A in their new order")
    func reLetteredOptions() {
        let plan = QuizPlan(quiz: TerminalFixtures.plan.quiz, shuffledWithSeed: 3)
        let question = plan.questions.first { $0.question.number == 2 }!
        let lines = QuizScreen(color: false, width: 80).options(question).split(separator: "\n")
        #expect(lines.map { String($0.prefix(5)) } == ["  A) ", "  B) ", "  C) ", "  D) "])
        #expect(lines.map { String($0.dropFirst(5)) } == question.optionOrder.map { question.question.options[$0].text })
    }

    @Test("a shuffled review gives each option's content letter in brackets, as explanations use them")
    func shuffledReviewNamesContentLetters() throws {
        let plan = QuizPlan(quiz: TerminalFixtures.plan.quiz, shuffledWithSeed: 3)
        let attempt = Attempt(plan: plan)
        var ended = attempt
        for question in plan.questions { try ended.answer(shownIndex: (question.correctShownIndex! + 1) % question.optionCount) }
        let result = QuizResult(attempt: ended, sessionID: "t", sessionTitle: "T", startedAt: Date(), finishedAt: Date())
        let text = QuizScreen(color: false, width: 80).result(result, attempt: ended, review: .missed)
        let colours = try #require(plan.questions.first { $0.question.number == 2 })
        #expect(colours.isReordered)
        let blueShown = Letters.letter(at: colours.correctShownIndex!)
        #expect(text.contains("Correct answer: \(blueShown)) Blue [D] ✅"))
        #expect(text.contains("[brackets] give each option's letter in the content"))
    }

    @Test("without a shuffle no brackets are shown")
    func unshuffledReviewHasNoBrackets() throws {
        var attempt = Attempt(plan: TerminalFixtures.plan)
        try attempt.answer(shownIndex: 0)
        try attempt.answer(shownIndex: 0)
        let result = QuizResult(attempt: attempt, sessionID: "t", sessionTitle: "T", startedAt: Date(), finishedAt: Date())
        let text = QuizScreen(color: false, width: 80).result(result, attempt: attempt, review: .all)
        #expect(text.contains("Correct answer: D) Blue ✅"))
        #expect(!text.contains("["))
    }

    @Test("an incomplete result says how it ended and lists what was answered")
    func incompleteResult() throws {
        var attempt = Attempt(plan: TerminalFixtures.plan)
        try attempt.answer(shownIndex: 0)
        attempt.end(.quit)
        let result = QuizResult(attempt: attempt, sessionID: "t", sessionTitle: "T", startedAt: Date(), finishedAt: Date())
        let text = QuizScreen(color: false, width: 80).result(result, attempt: attempt, review: .missed)
        #expect(text.contains("Quiz ended at your request after 1 of 2 questions."))
        #expect(text.contains("1. Arithmetic: A ❌ wrong"))
        #expect(!text.contains("Band:"))
    }

    @Test("the progress line fits every width: the bar shrinks, then goes, then the count", arguments: [20, 24, 30, 34, 40, 60, 80, 200])
    func progressLineFits(width: Int) {
        for color in [false, true] {
            let line = QuizScreen(color: color, width: width).progressLine(position: 10, total: 10, answered: 9)
            let visible = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(DisplayWidthProbe.width(visible) <= width, "\(visible)")
            #expect(visible.hasPrefix("Question 10 of 10"))
        }
    }

    @Test("the bar fills with the answered share; without colour it is #, - and brackets")
    func progressBar() {
        let wide = QuizScreen(color: false, width: 80)
        #expect(wide.progressLine(position: 4, total: 10, answered: 3) == "Question 4 of 10  [#########---------------------]  3 answered")
        #expect(QuizScreen(color: false, width: 30).progressLine(position: 4, total: 10, answered: 3) == "Question 4 of 10 · 3 answered")
        #expect(QuizScreen(color: false, width: 20).progressLine(position: 4, total: 10, answered: 3) == "Question 4 of 10")
        let coloured = QuizScreen(color: true, width: 80).progressLine(position: 4, total: 10, answered: 3)
        #expect(coloured.contains("\u{1B}[36m" + String(repeating: "━", count: 9) + "\u{1B}[0m"))
        #expect(QuizScreen(color: true, width: 80, plain: true).progressLine(position: 4, total: 10, answered: 3)
            == "Question 4 of 10, 3 answered.")
    }

    @Test("plain mode names right and wrong in words in the result, with no marks or colour")
    func plainResult() throws {
        var attempt = Attempt(plan: TerminalFixtures.plan)
        try attempt.answer(shownIndex: 0, seconds: 3)
        try attempt.answer(shownIndex: 3, seconds: 4)
        let result = QuizResult(attempt: attempt, sessionID: "t", sessionTitle: "T", startedAt: Date(), finishedAt: Date(),
                                durationSeconds: 75)
        let text = QuizScreen(color: true, width: 80, plain: true).result(result, attempt: attempt, review: .all)
        #expect(!text.contains("\u{1B}") && !text.contains("✅") && !text.contains("❌"))
        #expect(text.contains("Your answer:    A) 3 (wrong)"))
        #expect(text.contains("Your answer:    D) Blue (right)"))
        #expect(text.contains("Time: 1 min 15 s"))
    }
}

/// Columns a string takes on a terminal (wide characters count two).
enum DisplayWidthProbe {
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isEmojiPresentation ? 2 : 1) }
    }
}
