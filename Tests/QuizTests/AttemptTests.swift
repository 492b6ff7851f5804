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

@Suite("Attempt: times and taking up again")
struct AttemptResumeTests {
    let plan = QuizPlan(quiz: QuizFixtures.seed)

    @Test("each answer keeps the seconds it took")
    func secondsRecorded() throws {
        var attempt = Attempt(plan: plan)
        try attempt.answer(shownIndex: 3, seconds: 4.5)
        try attempt.answer(shownIndex: 3)
        #expect(attempt.seconds[0] == 4.5)
        #expect(attempt.seconds[1] == nil)
        #expect(attempt.seconds[2] == nil)
    }

    @Test("an attempt taken up again waits at its first unanswered question, keeping answers and times")
    func resumesAtFirstUnanswered() throws {
        var choices = [Int?](repeating: nil, count: 10)
        var seconds = [Double?](repeating: nil, count: 10)
        choices[0] = 3; seconds[0] = 2
        choices[1] = 3; seconds[1] = 3
        var attempt = Attempt(plan: plan, resumingChoices: choices, seconds: seconds)
        #expect(attempt.state == .answering(2))
        #expect(attempt.answeredCount == 2)
        #expect(attempt.score == 2)
        for answer in [0, 0, 2, 2, 3, 1, 0, 2] { try attempt.answer(shownIndex: answer, seconds: 1) }
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.score == 10)
        #expect(attempt.seconds.compactMap { $0 }.reduce(0, +) == 13)
    }

    @Test("a gap left earlier is asked after the questions that follow it")
    func gapIsAskedLast() throws {
        var choices = [Int?](repeating: 0, count: 10)
        choices[2] = nil
        choices[9] = nil
        var attempt = Attempt(plan: plan, resumingChoices: choices, seconds: Array(repeating: nil, count: 10))
        #expect(attempt.state == .answering(2))
        try attempt.answer(shownIndex: 0)
        #expect(attempt.state == .answering(9))
        try attempt.answer(shownIndex: 0)
        #expect(attempt.state == .ended(.completed))
    }

    @Test("a stored answer beyond a question's options counts as unanswered, without its time")
    func invalidStoredAnswer() {
        var choices = [Int?](repeating: nil, count: 10)
        choices[0] = 7
        let attempt = Attempt(plan: plan, resumingChoices: choices, seconds: [5] + Array(repeating: nil, count: 9))
        #expect(attempt.state == .answering(0))
        #expect(attempt.seconds[0] == nil)
    }
}
