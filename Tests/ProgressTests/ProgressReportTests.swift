import Foundation
import Testing
@testable import Progress

@Suite("lectern progress report")
struct ProgressReportTests {
    func report(_ fill: (ProgressStore) throws -> Void) throws -> ProgressReport {
        let store = try ProgressStore.inMemory()
        try fill(store)
        return ProgressReport(summary: try store.summary(), databasePath: "/data/progress.sqlite", learner: "ada")
    }

    @Test("a session line gives attempts, the best score with its band, and the last date in UTC")
    func sessionLine() throws {
        let text = try report { store in
            try store.record(ProgressFixtures.attempt(score: 6, band: "Competent"))
            try store.record(ProgressFixtures.attempt(score: 9, band: "Proficient", minutesAfterStart: 30))
            try store.record(ProgressFixtures.attempt(score: 2, band: nil, complete: false, minutesAfterStart: 60))
        }.text
        #expect(text == """
            Quizzes
              Production MCP Deployment (04-production-mcp-deployment)
                3 attempts (2 complete), best 9/10 (90%) Proficient, last 2027-01-15 09:01 UTC
            History of ada: /data/progress.sqlite

            """)
    }

    @Test("the best attempt's time and the time spent in all follow the best score")
    func sessionTimes() throws {
        let text = try report { store in
            var first = ProgressFixtures.attempt(score: 6, band: "Competent")
            first.durationSeconds = 250
            var second = ProgressFixtures.attempt(score: 9, band: "Proficient", minutesAfterStart: 30)
            second.durationSeconds = 192
            try store.record(first)
            try store.record(second)
        }.text
        #expect(text.contains("2 attempts, best 9/10 (90%) Proficient in 3 min 12 s, 7 min 22 s in all, last "))
    }

    @Test("attempts on an earlier version of the quiz are mentioned apart")
    func earlierVersion() throws {
        let text = try report { store in
            try store.record(ProgressFixtures.attempt(hash: "old"))
            try store.record(ProgressFixtures.attempt(hash: "new", minutesAfterStart: 1))
        }.text
        #expect(text.contains("1 attempt on an earlier version of the quiz, not counted"))
    }

    @Test("an exercise line gives gradings, the best score, and the last status and date")
    func exerciseLine() throws {
        let text = try report { store in
            try store.record(ProgressFixtures.grading(status: "fail", score: 7.5))
            try store.record(ProgressFixtures.grading(track: "swift", status: "pass", score: 10, minutesAfterStart: 2))
        }.text
        #expect(text.contains("Exercises\n  circuit-breaker (swift)\n    2 gradings, best 10/10, last pass 2027-01-15 08:02 UTC\n"))
    }

    @Test("an empty history says how to start")
    func empty() throws {
        #expect(try report { _ in }.text.hasPrefix("No quiz attempts yet: take one with `lectern quiz`."))
    }

    @Test("the JSON names the database and lists sessions and exercises")
    func json() throws {
        let json = try report { store in
            try store.record(ProgressFixtures.attempt())
            try store.record(ProgressFixtures.grading())
        }.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["database"] as? String == "/data/progress.sqlite")
        #expect(object["learner"] as? String == "ada")
        #expect((object["sessions"] as? [Any])?.count == 1)
        #expect((object["exercises"] as? [Any])?.count == 1)
    }

    @Test("reading a data directory without a database creates nothing")
    func readOnlyLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-none-\(UUID().uuidString)")
        let loaded = try ProgressReport.load(dataDirectory: directory, learner: .learner("ada"))
        #expect(loaded.summary.sessions.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
