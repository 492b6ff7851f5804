import Foundation
import GRDB
import Testing
@testable import Progress

@Suite("Learners and reviews in the progress store")
struct LearnerStoreTests {
    func attempt(_ learner: String?, score: Int = 7) -> AttemptRecord {
        var record = ProgressFixtures.attempt(score: score)
        record.learner = learner
        return record
    }

    @Test("one store holds a class: each learner's summary counts only their attempts")
    func perLearnerSummary() throws {
        let store = try ProgressStore.inMemory()
        try store.record(attempt("ada", score: 9))
        try store.record(attempt("grace", score: 4))
        try store.record(attempt("grace", score: 5))
        let grace = try #require(try store.summary(learner: .learner("grace", loginName: "teacher")).sessions.first)
        #expect(grace.attempts == 2)
        #expect(grace.bestScore == 5)
        #expect(try store.summary(learner: .learner("ada", loginName: "teacher")).sessions.first?.bestScore == 9)
        #expect(try store.learners() == ["ada", "grace"])
    }

    @Test("rows recorded before learners were kept count as the login user's, and nobody else's")
    func unattributedRowsBelongToTheLoginUser() throws {
        let store = try ProgressStore.inMemory()
        try store.record(attempt(nil, score: 8))
        try store.record(attempt("ada", score: 3))
        #expect(try store.attempts(learner: .learner("ada", loginName: "ada")).map(\.score) == [8, 3])
        #expect(try store.attempts(learner: .learner("ada", loginName: "teacher")).map(\.score) == [3])
    }

    @Test("a grading keeps its learner")
    func gradingLearner() throws {
        let store = try ProgressStore.inMemory()
        var grading = ProgressFixtures.grading()
        grading.learner = "ada"
        try store.record(grading)
        #expect(try store.gradings(learner: .learner("ada", loginName: "x")).count == 1)
        #expect(try store.gradings(learner: .learner("bob", loginName: "x")).isEmpty)
    }

    @Test("a review reads back as recorded, per learner and session, oldest first")
    func reviewRoundTrip() throws {
        let store = try ProgressStore.inMemory()
        let first = ReviewRecord(learner: "ada", sessionID: "s", question: 3, questionHash: "h3", chosen: "B", correct: "A",
                                 rating: 1, reviewedAt: ProgressFixtures.start)
        let second = ReviewRecord(learner: "ada", sessionID: "s", question: 3, questionHash: "h3", chosen: "A", correct: "A",
                                  rating: 3, reviewedAt: ProgressFixtures.start.addingTimeInterval(600))
        try store.record([second])
        try store.record([first, ReviewRecord(learner: "bob", sessionID: "s", question: 1, questionHash: "h1", chosen: "A",
                                              correct: "A", rating: 3, reviewedAt: ProgressFixtures.start)])
        #expect(try store.reviews(learner: "ada").map(\.rating) == [1, 3])
        #expect(try store.reviews(learner: "ada", sessionID: "other").isEmpty)
    }

    @Test("learner names: trimmed; empty or with control characters refused")
    func nameValidation() throws {
        #expect(try Learner.validate("  ada  ").get() == "ada")
        #expect(throws: LearnerNameError.self) { try Learner.validate("   ").get() }
        #expect(throws: LearnerNameError.self) { try Learner.validate("ada\u{1B}[2J").get() }
        #expect(!Learner.loginName().isEmpty)
    }

    @Test("a database of the first schema is read without being migrated or changed; its rows have no learner")
    func olderSchemaReadInMemory() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = DataDirectory.databaseURL(in: directory)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try Migrations.migrator.migrate(queue, upTo: "v1-grading")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO quizAttempt (attemptID, sessionID, sessionTitle, quizTitle, contentHash, answers, score, total,
                                             bandLabel, isComplete, startedAt, finishedAt)
                    VALUES ('a1', 's', 'S', 'Q', 'h', '[]', 6, 10, NULL, 1, '2027-01-15 08:00:00.000', '2027-01-15 08:01:00.000')
                    """)
            }
            try queue.close()
        }
        let before = try Data(contentsOf: url)
        let store = try ProgressStore.reading(url)
        let attempts = try store.attempts()
        #expect(attempts.map(\.score) == [6])
        #expect(attempts.first?.learner == nil)
        #expect(try Data(contentsOf: url) == before)
        let applied = try DatabaseQueue(path: url.path).read { try Migrations.migrator.appliedIdentifiers($0) }
        #expect(applied == ["v1-quizAttempt", "v1-grading"])
    }

    @Test("a database from a newer lectern is refused when read, too")
    func newerSchemaRefusedWhenReading() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ProgressStore(dataDirectory: directory)
        let queue = try DatabaseQueue(path: DataDirectory.databaseURL(in: directory).path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try queue.close()
        let error = #expect(throws: ProgressStoreError.self) { try ProgressStore.reading(DataDirectory.databaseURL(in: directory)) }
        #expect(error?.reason == .newerSchema)
    }

    @Test("an immutable URI percent-encodes what SQLite would read as its query or fragment")
    func immutableURI() {
        #expect(ProgressStore.immutableURI("/data/a b?#%/progress.sqlite") == "file:/data/a%20b%3F%23%25/progress.sqlite?immutable=1")
    }
}
