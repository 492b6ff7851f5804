import Course
import Testing
@testable import Quiz

@Suite("Shuffled presentation maps back to the content")
struct ShuffleMappingTests {
    @Test("without a shuffle, questions and letters are the content's")
    func unshuffledIsIdentity() {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        #expect(plan.questions.map(\.originalIndex) == Array(0..<10))
        #expect(plan.questions.map { $0.shownOptions.map(\.letter) } == plan.quiz.questions.map { $0.options.map(\.letter) })
        #expect(plan.seed == nil)
    }

    @Test("a shuffle presents every question once")
    func everyQuestionOnce() {
        let plan = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: 11)
        #expect(plan.questions.map(\.originalIndex).sorted() == Array(0..<10))
        #expect(plan.questions.map(\.originalIndex) != Array(0..<10))
    }

    @Test("shown options are re-lettered from A in the order shown")
    func reLettered() {
        let plan = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: 11)
        for question in plan.questions {
            #expect(question.shownOptions.map(\.letter) == ["A", "B", "C", "D"])
        }
    }

    @Test("the shown correct letter is the option the content marks ✅", arguments: [1, 2, 3, 99, 12345] as [UInt64])
    func correctLetterMapsBack(seed: UInt64) {
        let plan = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: seed)
        for question in plan.questions {
            let shown = question.correctShownIndex!
            #expect(question.shownOptions[shown].choice.isCorrect)
            #expect(question.originalOptionIndex(forShown: shown) == question.question.correctIndex)
        }
    }

    @Test("answering every shown correct letter scores full marks and records content letters")
    func fullScoreWhenShuffled() {
        let plan = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: 2024)
        let attempt = QuizFixtures.attempt(plan, correct: 10)
        let result = QuizResult(attempt: attempt, sessionID: "s", sessionTitle: "S", startedAt: .distantPast, finishedAt: .distantPast)
        #expect(result.score == 10)
        #expect(result.answers.map(\.chosen) == ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"])
        #expect(result.answers.map(\.question) == Array(1...10))
    }

    @Test("the same seed presents the same order on a second plan")
    func sameSeedSameOrder() {
        let first = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: 5)
        let second = QuizPlan(quiz: QuizFixtures.seed, shuffledWithSeed: 5)
        #expect(first.questions.map(\.originalIndex) == second.questions.map(\.originalIndex))
        #expect(first.questions.map(\.optionOrder) == second.questions.map(\.optionOrder))
    }
}
