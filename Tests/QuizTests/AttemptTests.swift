import Testing
@testable import Quiz

@Suite("Attempt state machine")
struct AttemptTests {
    let plan = QuizPlan(quiz: QuizFixtures.twoQuestions)

    @Test("a new attempt waits for the first question")
    func startsAtFirstQuestion() {
        let attempt = Attempt(plan: plan)
        #expect(attempt.state == .answering(0))
        #expect(attempt.currentPosition == 1)
        #expect(attempt.current?.question.number == 1)
    }

    @Test("an answer is recorded and the next question comes up")
    func answerAdvances() throws {
        var attempt = Attempt(plan: plan)
        let outcome = try attempt.answer(shownIndex: 1)
        #expect(outcome == Attempt.Outcome(chosenShownIndex: 1, correctShownIndex: 1, isCorrect: true))
        #expect(attempt.state == .answering(1))
        #expect(attempt.choices == [1, nil])
    }

    @Test("a wrong answer reports where the right option is")
    func wrongAnswerOutcome() throws {
        var attempt = Attempt(plan: plan)
        let outcome = try attempt.answer(shownIndex: 0)
        #expect(outcome.isCorrect == false)
        #expect(outcome.correctShownIndex == 1)
    }

    @Test("answering the last question completes the attempt")
    func lastAnswerCompletes() throws {
        var attempt = Attempt(plan: plan)
        try attempt.answer(shownIndex: 1)
        try attempt.answer(shownIndex: 3)
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.current == nil)
        #expect(attempt.score == 2)
    }

    @Test("an option beyond the question's options is refused and nothing changes")
    func optionOutOfRange() {
        var attempt = Attempt(plan: plan)
        #expect(throws: Attempt.Failure.noSuchOption(3)) { try attempt.answer(shownIndex: 3) }
        #expect(attempt.state == .answering(0))
        #expect(attempt.choices == [nil, nil])
    }

    @Test("no answer is taken after the attempt ended")
    func noAnswerAfterEnd() {
        var attempt = Attempt(plan: plan)
        attempt.end(.quit)
        #expect(throws: Attempt.Failure.alreadyEnded) { try attempt.answer(shownIndex: 0) }
    }

    @Test("ending early keeps the answers given", arguments: [Attempt.Ending.quit, .interrupted, .endOfInput])
    func endEarlyKeepsAnswers(ending: Attempt.Ending) throws {
        var attempt = Attempt(plan: plan)
        try attempt.answer(shownIndex: 1)
        attempt.end(ending)
        #expect(attempt.state == .ended(ending))
        #expect(attempt.answeredCount == 1)
        #expect(attempt.score == 1)
    }

    @Test("a completed attempt stays completed when ended again")
    func endAfterCompletionIsIgnored() throws {
        var attempt = QuizFixtures.attempt(plan, correct: 2)
        attempt.end(.interrupted)
        #expect(attempt.state == .ended(.completed))
    }

    @Test("a quiz without questions is complete at once")
    func emptyQuiz() {
        var quiz = QuizFixtures.twoQuestions
        quiz.questions = []
        #expect(Attempt(plan: QuizPlan(quiz: quiz)).state == .ended(.completed))
    }
}
