import Foundation
import Testing
@testable import Progress

@Suite("Progress store in memory")
struct ProgressStoreTests {
    @Test("an attempt reads back exactly as recorded, with a row id")
    func attemptRoundTrip() throws {
        let store = try ProgressStore.inMemory()
        let attempt = ProgressFixtures.attempt(score: 9, band: "Proficient")
        let saved = try store.record(attempt)
        #expect(saved.id != nil)
        var expected = attempt
        expected.id = saved.id
        #expect(try store.attempts() == [expected])
    }

    @Test("an incomplete attempt keeps its unanswered questions as nil")
    func incompleteAttemptRoundTrip() throws {
        let store = try ProgressStore.inMemory()
        var attempt = ProgressFixtures.attempt(score: 1, total: 3, band: nil, complete: false)
        attempt.answers[2] = AttemptAnswer(question: 3, chosen: nil, correct: "C", isCorrect: nil)
        try store.record(attempt)
        let read = try #require(try store.attempts().first)
        #expect(read.isComplete == false)
        #expect(read.bandLabel == nil)
        #expect(read.answers[2].chosen == nil)
        #expect(read.answers[2].isCorrect == nil)
    }

    @Test("several letters for one question and a revealed self-check item read back as recorded")
    func multipleAnswersAndRevealedItemRoundTrip() throws {
        let store = try ProgressStore.inMemory()
        var attempt = ProgressFixtures.attempt(score: 1, total: 3, band: nil, complete: false)
        attempt.answers[1] = AttemptAnswer(question: 2, chosen: "A+C+D", correct: "A+C+D", isCorrect: true, seconds: 4)
        attempt.answers[2] = AttemptAnswer(question: 3, chosen: nil, correct: "-", isCorrect: nil, seconds: 7, revealed: true)
        try store.record(attempt)
        let read = try #require(try store.attempts().first)
        #expect(read.answers[1].chosen == "A+C+D")
        #expect(read.answers[2].revealed == true)
        #expect(read.answers[2].seconds == 7)
        #expect(read.answers[0].revealed == nil)
    }

    @Test("a grading reads back exactly as recorded, report JSON verbatim")
    func gradingRoundTrip() throws {
        let store = try ProgressStore.inMemory()
        let grading = ProgressFixtures.grading(status: "pass", score: 10)
        let saved = try store.record(grading)
        var expected = grading
        expected.id = saved.id
        #expect(try store.gradings() == [expected])
    }

    @Test("attempts and gradings filter by session and exercise")
    func filters() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.attempt(session: "a"))
        try store.record(ProgressFixtures.attempt(session: "b"))
        try store.record(ProgressFixtures.grading(slug: "x"))
        try store.record(ProgressFixtures.grading(slug: "y"))
        #expect(try store.attempts(sessionID: "b").map(\.sessionID) == ["b"])
        #expect(try store.gradings(exerciseSlug: "x").map(\.exerciseSlug) == ["x"])
    }

    @Test("a session's summary: attempt count, best complete score and its band, last date")
    func sessionSummary() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.attempt(score: 6, band: "Competent", minutesAfterStart: 0))
        try store.record(ProgressFixtures.attempt(score: 9, band: "Proficient", minutesAfterStart: 10))
        try store.record(ProgressFixtures.attempt(score: 10, band: nil, complete: false, minutesAfterStart: 20))
        let summary = try #require(try store.summary().sessions.first)
        #expect(summary.attempts == 3)
        #expect(summary.completeAttempts == 2)
        #expect(summary.bestScore == 9)
        #expect(summary.bestBandLabel == "Proficient")
        #expect(summary.lastAttemptAt == ProgressFixtures.start.addingTimeInterval(20 * 60 + 90.5))
    }

    @Test("attempts on an earlier version of the quiz are counted apart, not in the best score")
    func editedQuizNotMixed() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.attempt(hash: "old", score: 10, band: "Expert level", minutesAfterStart: 0))
        try store.record(ProgressFixtures.attempt(hash: "new", score: 4, band: "Developing", minutesAfterStart: 5))
        let summary = try #require(try store.summary().sessions.first)
        #expect(summary.contentHash == "new")
        #expect(summary.attempts == 1)
        #expect(summary.earlierVersionAttempts == 1)
        #expect(summary.bestScore == 4)
    }

    @Test("a session with only incomplete attempts has no best score")
    func onlyIncomplete() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.attempt(score: 3, band: nil, complete: false))
        let summary = try #require(try store.summary().sessions.first)
        #expect(summary.bestScore == nil)
        #expect(summary.bestBandLabel == nil)
    }

    @Test("an exercise's summary: gradings, best score, last status and date")
    func exerciseSummary() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.grading(track: "python", status: "fail", score: 8, minutesAfterStart: 0))
        try store.record(ProgressFixtures.grading(track: "swift", status: "error", score: 0, minutesAfterStart: 5))
        let summary = try #require(try store.summary().exercises.first)
        #expect(summary.gradings == 2)
        #expect(summary.bestScore == 8)
        #expect(summary.maxScore == 10)
        #expect(summary.lastStatus == "error")
        #expect(summary.track == "swift")
        #expect(summary.lastGradedAt == ProgressFixtures.start.addingTimeInterval(5 * 60 + 2.5))
    }

    @Test("an empty store summarises to nothing")
    func emptySummary() throws {
        let summary = try ProgressStore.inMemory().summary()
        #expect(summary.sessions.isEmpty)
        #expect(summary.exercises.isEmpty)
    }

    @Test("the last incomplete attempt is found among the sessions asked about, most recent first")
    func lastIncomplete() throws {
        let store = try ProgressStore.inMemory()
        try store.record(ProgressFixtures.attempt(session: "a", complete: false, minutesAfterStart: 0))
        try store.record(ProgressFixtures.attempt(session: "b", complete: false, minutesAfterStart: 10))
        try store.record(ProgressFixtures.attempt(session: "a", complete: true, minutesAfterStart: 20))
        #expect(try store.lastIncompleteAttempt()?.sessionID == "b")
        #expect(try store.lastIncompleteAttempt(sessionIDs: ["a"])?.sessionID == "a")
        #expect(try store.lastIncompleteAttempt(sessionIDs: ["c"]) == nil)
    }

    @Test("an attempt taken up again is saved over its own row: still one attempt")
    func updateKeepsOneRow() throws {
        let store = try ProgressStore.inMemory()
        var attempt = try store.record(ProgressFixtures.attempt(score: 3, band: nil, complete: false))
        attempt.isComplete = true
        attempt.score = 8
        attempt.durationSeconds = 120
        try store.update(attempt)
        #expect(try store.attempts() == [attempt])
    }

    @Test("a session's summary gives the best attempt's time and the time of every attempt together")
    func durations() throws {
        let store = try ProgressStore.inMemory()
        var slow = ProgressFixtures.attempt(score: 6, band: "Competent", minutesAfterStart: 0)
        slow.durationSeconds = 300
        var best = ProgressFixtures.attempt(score: 9, band: "Proficient", minutesAfterStart: 10)
        best.durationSeconds = 200
        let untimed = ProgressFixtures.attempt(score: 9, band: "Proficient", minutesAfterStart: 20)
        for attempt in [slow, best, untimed] { try store.record(attempt) }
        let summary = try #require(try store.summary().sessions.first)
        #expect(summary.bestDurationSeconds == 200)
        #expect(summary.totalDurationSeconds == 500)
    }
}

@Suite("Time spans as learners read them")
struct DurationTextTests {
    @Test("seconds, minutes and hours", arguments: [
        (0.2, "<1 s"), (0.6, "1 s"), (42.4, "42 s"), (60, "1 min"), (192, "3 min 12 s"), (3599.6, "1 h"),
        (3900, "1 h 5 min"), (-1, "<1 s"), (Double.nan, "<1 s"),
    ])
    func format(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
    }
}
