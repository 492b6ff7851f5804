import Course
import Foundation
import Quiz
import Testing

/// Multiple-answer questions (checkboxes), self-check items and the two scoring rules,
/// through the real loader on `Fixtures/mixed.md`: a single-answer, a three-of-five, a
/// self-check item with a `<details>` answer and a two-of-four question.
@Suite("Multiple answers, self-check items and partial credit")
struct MultipleAnswerTests {
    static var mixed: Quiz { QuizFixtures.load("mixed.md") }
    static var partial: Quiz { QuizFixtures.load("mixed-partial.md") }

    @Test("the fixture holds three scored questions and one self-check item")
    func shape() {
        let plan = QuizPlan(quiz: Self.mixed)
        #expect(plan.questions.map(\.isSelfCheck) == [false, false, true, false])
        #expect(plan.questions.map(\.isMultipleAnswer) == [false, true, false, true])
        #expect(Self.mixed.scoring == .allOrNothing)
        #expect(Self.partial.scoring == .partialCredit)
    }

    @Test("all or nothing: exactly the right options earn the question, one missing earns nothing")
    func allOrNothing() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: Self.mixed))
        try attempt.answer(shownIndex: 0)
        let partly = try attempt.answer(shownIndices: [0, 2])
        #expect(!partly.isCorrect && partly.credit == 0)
        #expect(partly.correctShownIndices == [0, 2, 3])
        try attempt.reveal()
        let right = try attempt.answer(shownIndices: [2, 0])
        #expect(right.isCorrect && right.credit == 1)
        #expect(attempt.isEnded)
        #expect(attempt.score == 2 && attempt.points == 2 && attempt.scoredCount == 3)
    }

    @Test("partial credit: right options add 1/k, wrong ones take 1/w, floored at zero", arguments: [
        (Set([0, 2, 3]), 1.0), (Set([0, 2]), 0.666667), (Set([0]), 0.333333),
        (Set([0, 2, 3, 1]), 0.5), (Set([0, 1, 4]), 0.0), (Set([0, 1, 2, 3, 4]), 0.0),
    ])
    func partialCredit(chosen: Set<Int>, credit: Double) {
        #expect(Credit.of(chosen: chosen, correct: [0, 2, 3], optionCount: 5, rule: .partialCredit) == credit)
        #expect(Credit.of(chosen: chosen, correct: [0, 2, 3], optionCount: 5, rule: .allOrNothing) == (credit == 1 ? 1 : 0))
    }

    @Test("under partial credit the points add fractions, the score counts whole questions and the percentage follows the points")
    func partialResult() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: Self.partial))
        attempt.play([[0], [0, 2], [0]])
        let result = QuizResult(attempt: attempt, sessionID: "s", sessionTitle: "S", startedAt: Date(), finishedAt: Date())
        #expect(result.isComplete)
        #expect(result.score == 1)
        #expect(abs(result.points - (1 + 0.666667 + 0.5)) < 1e-9)
        #expect(result.total == 3 && result.selfCheckItems == 1)
        #expect(result.percentage == 72.2)
        #expect(result.answers.map(\.chosen) == ["A", "A+C", nil, "A"])
        #expect(result.answers.map(\.correct) == ["A", "A+C+D", "-", "A+C"])
        #expect(result.answers[2].selfCheck && result.answers[2].isCorrect == nil)
    }

    @Test("a single-answer question refuses several options, a self-check item any answer")
    func refusals() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: Self.mixed))
        #expect(throws: Attempt.Failure.oneAnswerOnly) { try attempt.answer(shownIndices: [0, 1]) }
        #expect(throws: Attempt.Failure.emptyAnswer) { try attempt.answer(shownIndices: []) }
        #expect(throws: Attempt.Failure.notSelfCheck) { try attempt.reveal() }
        try attempt.answer(shownIndex: 0)
        try attempt.answer(shownIndices: [0])
        #expect(throws: Attempt.Failure.selfCheckItem) { try attempt.answer(shownIndex: 0) }
        #expect(attempt.currentPosition == 3)
    }

    @Test("shuffled, a multiple-answer key follows its options to their new letters")
    func shuffled() throws {
        let plan = QuizPlan(quiz: Self.mixed, shuffledWithSeed: 7)
        var attempt = Attempt(plan: plan)
        var answers: [Set<Int>] = []
        for question in plan.questions where !question.isSelfCheck { answers.append(question.correctShownIndices) }
        attempt.play(answers)
        #expect(attempt.isEnded && attempt.score == 3)
        let result = QuizResult(attempt: attempt, sessionID: "s", sessionTitle: "S", startedAt: Date(), finishedAt: Date())
        #expect(result.answers.map(\.chosen) == ["A", "A+C+D", nil, "A+C"])
    }

    @Test("--answers takes A+C for a multiple-answer question and skips self-check items")
    func scriptedList() throws {
        let plan = QuizPlan(quiz: Self.mixed)
        #expect(try ScriptedAnswers.parseList("a, A+C+D ,ac", plan: plan) == [[0], [0, 2, 3], [0, 2]])
        let single = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("A+B,A,A", plan: plan) }
        #expect(single?.message == "--answers: answer 1 is \"A+B\", not a letter A-C of question 1")
        let count = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("A,A,A,A", plan: plan) }
        #expect(count?.message == "--answers has 4 answers but the quiz has 3 scored questions (1 self-check item takes no answer)")
        let past = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("A,A,A+E", plan: plan) }
        #expect(past?.message == "--answers: answer 3 is \"A+E\", not letters A-D (several joined by +, e.g. A+C) of question 4")
    }

    @Test("an attempt taken up again keeps several options and a revealed self-check item, and waits after them")
    func resumedSelections() {
        let plan = QuizPlan(quiz: Self.mixed)
        let attempt = Attempt(plan: plan, resumingSelections: [[0], [0, 2, 3], [], nil], seconds: [1, 2, 3, nil])
        #expect(attempt.current?.originalIndex == 3)
        #expect(attempt.selections == [[0], [0, 2, 3], [], nil])
        #expect(attempt.seconds == [1, 2, 3, nil])
        #expect(attempt.answeredCount == 2 && attempt.settledCount == 3)
        #expect(attempt.pendingIndices == [3])
    }

    @Test("a stored selection the question cannot take counts as not given: several for one answer, options for a self-check item, none")
    func resumedSelectionsChecked() {
        let plan = QuizPlan(quiz: Self.mixed)
        let attempt = Attempt(plan: plan, resumingSelections: [[0, 1], [], [2], [0, 2]], seconds: [1, 2, 3, 4])
        #expect(attempt.selections == [nil, nil, nil, [0, 2]])
        #expect(attempt.seconds == [nil, nil, nil, 4])
        #expect(attempt.currentPosition == 1)
    }

    @Test("answering the last open question of an attempt taken up again goes back to a gap before it, then completes")
    func resumedGapThenComplete() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: Self.mixed), resumingSelections: [nil, [0, 2, 3], nil, nil],
                              seconds: [nil, 2, nil, nil])
        try attempt.answer(shownIndex: 0, seconds: 1)
        #expect(attempt.currentPosition == 3)
        try attempt.reveal(seconds: 5)
        #expect(attempt.currentPosition == 4)
        try attempt.answer(shownIndices: [0, 2], seconds: 3)
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.seconds == [1, 2, 5, 3])
        #expect(attempt.score == 3)
    }

    @Test("answers given when taking an attempt up again go to the scored questions still open, skipping self-check items")
    func scriptedPending() throws {
        let plan = QuizPlan(quiz: Self.mixed)
        #expect(try ScriptedAnswers.parseList("A+C", plan: plan, pending: [2, 3]) == [[0, 2]])
        let error = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("A,A+C", plan: plan, pending: [2, 3]) }
        #expect(error?.message == "--answers has 2 answers but 1 question is left to answer (1 self-check item takes no answer)")
        var attempt = Attempt(plan: plan, resumingSelections: [[0], [0, 2, 3], nil, nil], seconds: [nil, nil, nil, nil])
        attempt.play([[0, 2]])
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.selections == [[0], [0, 2, 3], [], [0, 2]])
    }

    @Test("the result says which self-check items were revealed and keeps each answer's seconds")
    func resultRevealedAndSeconds() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: Self.mixed))
        try attempt.answer(shownIndex: 0, seconds: 1.5)
        try attempt.answer(shownIndices: [0, 2, 3], seconds: 4)
        attempt.end(.interrupted)
        let before = QuizResult(attempt: attempt, sessionID: "s", sessionTitle: "S", startedAt: Date(), finishedAt: Date())
        #expect(before.answers.map(\.revealed) == [nil, nil, false, nil])
        try? attempt.reveal()  // ended: nothing changes
        var going = Attempt(plan: attempt.plan, resumingSelections: attempt.selections, seconds: attempt.seconds)
        try going.reveal(seconds: 6)
        going.end(.quit)
        let result = QuizResult(attempt: going, sessionID: "s", sessionTitle: "S", startedAt: Date(), finishedAt: Date(),
                                durationSeconds: 11.5)
        #expect(result.answers.map(\.revealed) == [nil, nil, true, nil])
        #expect(result.answers.map(\.seconds) == [1.5, 4, 6, nil])
        #expect(result.answers[1].chosen == "A+C+D" && result.answers[1].credit == 1)
        #expect(result.durationSeconds == 11.5)
    }

    @Test("stdin lines take A,C and A C as well")
    func scriptedLines() throws {
        let plan = QuizPlan(quiz: Self.mixed)
        #expect(try ScriptedAnswers.parseLines(["A", "A,C, D", "c a"], plan: plan) == [[0], [0, 2, 3], [0, 2]])
    }

    @Test("at the prompt a multiple-answer question reads A+C, A,C and AC; a self-check item reads Enter")
    func prompt() {
        #expect(LearnerInput.interpret("A+C", optionCount: 4, multiple: true) == .answers([0, 2]))
        #expect(LearnerInput.interpret("a,c", optionCount: 4, multiple: true) == .answers([0, 2]))
        #expect(LearnerInput.interpret("AC", optionCount: 4, multiple: true) == .answers([0, 2]))
        #expect(LearnerInput.interpret("b", optionCount: 4, multiple: true) == .answers([1]))
        #expect(LearnerInput.interpret("AC", optionCount: 4) == .invalid(hint: "\"AC\" is not an answer: type a letter A-D; ? for help, q to quit."))
        #expect(LearnerInput.interpret("A+F", optionCount: 4, multiple: true)
                == .invalid(hint: "\"A+F\" is not an answer: type letters A-D, e.g. A+C; ? for help, q to quit."))
        #expect(LearnerInput.interpret("", optionCount: 0, selfCheck: true) == .reveal)
        #expect(LearnerInput.interpret("q", optionCount: 0, selfCheck: true) == .quit)
    }
}
