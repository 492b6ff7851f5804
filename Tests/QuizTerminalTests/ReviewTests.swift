import Course
import Foundation
import FSRS
import Progress
import Testing
@testable import QuizTerminal

/// Spaced review: cards from past answers (FSRS-6), the due list, and a review run that asks
/// them and records each answer.
@Suite("lectern review")
struct ReviewTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static var quiz: Quiz { TerminalFixtures.plan.quiz }
    static var source: ReviewDeck.Source { ReviewDeck.Source(sessionID: "two-questions", sessionTitle: "Tiny quiz", quiz: quiz) }

    /// An attempt by `learner` answering B (right) then A (wrong), finished at `date`.
    static func attempt(learner: String? = "ada", at date: Date = start, hash: String? = nil) -> AttemptRecord {
        AttemptRecord(sessionID: "two-questions", sessionTitle: "Tiny quiz", quizTitle: "Tiny quiz",
                      contentHash: hash ?? quiz.contentHash,
                      answers: [AttemptAnswer(question: 1, chosen: "B", correct: "B", isCorrect: true),
                                AttemptAnswer(question: 2, chosen: "A", correct: "D", isCorrect: false)],
                      score: 1, total: 2, bandLabel: "Halfway", isComplete: true, startedAt: date, finishedAt: date, learner: learner)
    }

    @Test("a right answer rates Good and a wrong one Again: the wrong one is due first")
    func cardsFromAttempts() {
        let cards = ReviewDeck.cards([Self.source], attempts: [Self.attempt()], reviews: [])
        #expect(cards.map(\.question.number) == [1, 2])
        #expect(cards[0].card == Scheduler().review(Card(due: Self.start), rating: .good, at: Self.start))
        #expect(cards[1].card == Scheduler().review(Card(due: Self.start), rating: .again, at: Self.start))
        #expect(ReviewDeck.due(cards, at: Self.start.addingTimeInterval(300)).map(\.question.number) == [2])
        #expect(ReviewDeck.due(cards, at: Self.start.addingTimeInterval(3_600)).map(\.question.number) == [2, 1])
    }

    @Test("questions never answered, and attempts on an earlier version of the quiz, make no cards")
    func onlyAnsweredCurrentQuestions() {
        #expect(ReviewDeck.cards([Self.source], attempts: [], reviews: []).isEmpty)
        #expect(ReviewDeck.cards([Self.source], attempts: [Self.attempt(hash: "older")], reviews: []).isEmpty)
    }

    @Test("a review of an edited question does not carry over to the new text")
    func editedQuestionStartsAfresh() {
        let stale = ReviewRecord(learner: "ada", sessionID: "two-questions", question: 1, questionHash: "old-text", chosen: "B",
                                 correct: "B", rating: 3, reviewedAt: Self.start.addingTimeInterval(700))
        let current = ReviewRecord(learner: "ada", sessionID: "two-questions", question: 1,
                                   questionHash: ReviewDeck.fingerprint(Self.quiz.questions[0]), chosen: "B",
                                   correct: "B", rating: 3, reviewedAt: Self.start.addingTimeInterval(700))
        #expect(ReviewDeck.cards([Self.source], attempts: [Self.attempt()], reviews: [stale])[0].history == 1)
        let card = ReviewDeck.cards([Self.source], attempts: [Self.attempt()], reviews: [current])[0]
        #expect(card.history == 2)
        #expect(card.card.state == .review)
    }

    func run(_ options: ReviewOptions, data: URL, at date: Date, lines: [String]) -> (Int32, CapturedOutput) {
        var options = options
        options.course = TerminalFixtures.quizPath
        options.dataDirectory = data.path
        options.learner = options.learner ?? "ada"
        let output = CapturedOutput()
        let run = ReviewRun(options: options, environment: ["NO_COLOR": "1"], output: output, interactive: false,
                            width: { 80 }, clock: { date })
        let code = run.execute(readStandardInput: { lines.joined(separator: "\n") }, makeReader: { _ in
            Issue.record("piped answers need no terminal")
            return LineChoiceReader(source: ScriptedLineSource(lines: []))
        })
        return (code, output)
    }

    @Test("a review asks the due questions, most overdue first, and records each answer with its rating")
    func reviewRecordsEachAnswer() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try ProgressStore(dataDirectory: data).record(Self.attempt())
        let later = Self.start.addingTimeInterval(86_400)
        let (code, output) = run(ReviewOptions(), data: data, at: later, lines: ["D", "A"])
        #expect(code == 0)
        #expect(output.standard.contains("Reviewed 2 of 2: 1 right, 1 wrong"))
        let reviews = try ProgressStore(dataDirectory: data).reviews(learner: "ada")
        #expect(reviews.map(\.question) == [2, 1])
        #expect(reviews.map(\.rating) == [Rating.good.rawValue, Rating.again.rawValue])
        #expect(reviews.map(\.chosen) == ["D", "A"])
        // Both were just reviewed: nothing is due a minute later except the one answered wrong.
        let (_, listed) = run(ReviewOptions(list: true, format: .json), data: data, at: later.addingTimeInterval(120), lines: [])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.standard.utf8)) as? [String: Any])
        #expect((json["due"] as? [[String: Any]])?.map { $0["number"] as? Int } == [1])
    }

    @Test("--list names each due question's session and number, and writes nothing")
    func listWritesNothing() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try ProgressStore(dataDirectory: data).record(Self.attempt())
        let database = DataDirectory.databaseURL(in: data)
        let before = try Data(contentsOf: database)
        let (code, output) = run(ReviewOptions(list: true), data: data, at: Self.start.addingTimeInterval(3_600), lines: [])
        #expect(code == 0)
        #expect(output.standard == """
            2 questions due for ada:
              two-questions  question 2: Colours  (due 2027-01-15 08:01 UTC)
              two-questions  question 1: Arithmetic  (due 2027-01-15 08:10 UTC)

            """)
        #expect(try Data(contentsOf: database) == before)
        #expect(try ProgressStore(dataDirectory: data).reviews(learner: "ada").isEmpty)
    }

    @Test("another learner's attempts are not your cards; --limit caps the sitting")
    func perLearnerAndLimit() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try ProgressStore(dataDirectory: data).record(Self.attempt(learner: "bob"))
        let later = Self.start.addingTimeInterval(86_400)
        let (_, none) = run(ReviewOptions(list: true), data: data, at: later, lines: [])
        #expect(none.standard.hasPrefix("Nothing to review for ada yet"))
        let (code, bob) = run(ReviewOptions(learner: "bob", limit: 1), data: data, at: later, lines: ["D"])
        #expect(code == 0)
        #expect(bob.standard.contains("Reviewed 1 of 1: 1 right, 0 wrong"))
    }
}
