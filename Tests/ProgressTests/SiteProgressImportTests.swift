import Foundation
import Testing
@testable import Progress

/// `lectern progress import`: the study site's downloaded quiz results read into the store.
@Suite struct SiteProgressImportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/site-progress.json")

    static func read(_ text: String, learner: String? = "ada") -> Result<[AttemptRecord], SiteProgressFile.ProblemList> {
        SiteProgressFile.read(Data(text.utf8), learner: learner)
    }

    /// The fixture with `old` replaced by `new`, which must occur in it.
    static func fixture(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    static func problems(_ text: String) -> [SiteProgressFile.Problem] {
        if case .failure(let list) = read(text) { return list.problems }
        return []
    }

    @Test func aDownloadedFileBecomesCompleteAttemptsInTheQuizsOwnLetters() throws {
        let attempts = try Self.read(try String(contentsOf: Self.fixture, encoding: .utf8)).get()
        #expect(attempts.count == 2)
        let first = attempts[0]
        #expect(first.attemptID == "0B3E5F9A-6C1D-4E2F-9A7B-1C2D3E4F5A6B")
        #expect(first.sessionID == "04-production-mcp-deployment")
        #expect(first.contentHash == "9f2c3a1b7d4e5f60")
        #expect(first.score == 1 && first.total == 3 && first.bandLabel == "Developing")
        #expect(first.isComplete && first.learner == "ada")
        #expect(first.durationSeconds == 270.5)
        #expect(first.answers.map(\.chosen) == ["D", "A", nil, "B"])
        #expect(first.answers.map(\.correct) == ["D", "A+C", "-", "C"])
        #expect(first.answers.map(\.isCorrect) == [true, false, nil, false])
        #expect(first.answers[2].revealed == true)
        #expect(attempts[1].bandLabel == nil)
    }

    @Test func importingTheSameFileTwiceAddsNothing() throws {
        let store = try ProgressStore.inMemory()
        let attempts = try Self.read(try String(contentsOf: Self.fixture, encoding: .utf8)).get()
        let first = try store.importAttempts(attempts)
        let second = try store.importAttempts(attempts)
        #expect(first.added == 2 && first.alreadyThere == 0)
        #expect(second.added == 0 && second.alreadyThere == 2)
        #expect(try store.attempts().count == 2)
        #expect(try store.attempts(learner: .learner("ada")).map(\.score) == [1, 3])
    }

    @Test func anAttemptTheStoreAlreadyHoldsIsSkippedAndTheRestAdded() throws {
        let store = try ProgressStore.inMemory()
        let attempts = try Self.read(try String(contentsOf: Self.fixture, encoding: .utf8)).get()
        try store.importAttempts([attempts[1]])
        let result = try store.importAttempts(attempts)
        #expect(result.added == 1 && result.alreadyThere == 1)
        #expect(try store.attempts().count == 2)
    }

    @Test func invalidJSONIsReportedAtItsLineAndColumn() {
        let problems = Self.problems("{\n  \"format\": \"lectern-site-progress\",\n  \"attempts\": [,]\n}")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column == 16)
        #expect(problems.first?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func anotherKindOfFileIsRefusedAtItsFormat() {
        let problems = Self.problems("{\"format\": \"something-else\", \"version\": 1, \"attempts\": []}")
        #expect(problems.map(\.description) == [
            "1:12: error: not a file of the study site's quiz results (\"format\" must be \"lectern-site-progress\")",
        ])
    }

    @Test func everyProblemIsReportedAtTheValueItConcerns() throws {
        var text = try Self.fixture(replacing: "\"score\": 3,", with: "\"score\": \"three\",")
        text = text.replacingOccurrences(of: "{\"question\": 4, \"chosen\": \"B\"", with: "{\"question\": 4, \"chosen\": \"b\"")
        text = text.replacingOccurrences(of: "\"finishedAt\": \"2026-11-29T10:04:30.500Z\"", with: "\"finishedAt\": \"yesterday\"")
        let problems = Self.problems(text)
        #expect(problems.map(\.description) == [
            "14:21: error: \"finishedAt\" must be a date and time such as \"2026-11-29T10:00:00.000Z\"",
            "23:35: error: \"chosen\" must be option letters such as \"B\" or \"A+C\"",
            "34:16: error: \"score\" must be a whole number of at least 0",
        ])
    }

    @Test func aScoreThatTheAnswersDoNotBearOutIsRefused() throws {
        let problems = Self.problems(try Self.fixture(replacing: "\"score\": 1,", with: "\"score\": 2,"))
        #expect(problems.map(\.description) == ["15:16: error: \"score\" 2 does not match the 1 answers marked correct"])
    }

    @Test func aMissingFieldIsReportedAtItsAttempt() throws {
        let problems = Self.problems(try Self.fixture(replacing: "\"sessionID\": \"04-production-mcp-deployment\",\n      \"sessionTitle\": \"Session 4: Production MCP Deployment\",\n      \"quizTitle\": \"Session 4 quiz\",\n      \"contentHash\": \"9f2c3a1b7d4e5f60\",\n      \"startedAt\": \"2026-11-29T10:05:00.000Z\"", with: "\"sessionTitle\": \"Session 4: Production MCP Deployment\",\n      \"quizTitle\": \"Session 4 quiz\",\n      \"contentHash\": \"9f2c3a1b7d4e5f60\",\n      \"startedAt\": \"2026-11-29T10:05:00.000Z\""))
        #expect(problems.map(\.description) == ["26:5: error: \"sessionID\" must be non-empty text"])
    }

    @Test func aFileWithAnyProblemImportsNothing() throws {
        let text = try Self.fixture(replacing: "\"total\": 3,\n      \"band\": null", with: "\"total\": 2,\n      \"band\": null")
        guard case .failure(let list) = Self.read(text) else {
            Issue.record("a score above the total was accepted")
            return
        }
        #expect(list.problems.map(\.description) == ["34:16: error: \"score\" 3 is more than \"total\" 2"])
    }

    @Test(arguments: [
        ([JSONLocator.Step](), 1, 1),
        ([.key("b")], 2, 7),
        ([.key("b"), .index(1)], 2, 11),
        ([.key("b"), .index(1), .key("c")], 2, 17),
        ([.key("d"), .key("e")], 3, 21),
        ([.key("missing")], 1, 1),
    ])
    func theLocatorFindsAValueByItsPath(path: [JSONLocator.Step], line: Int, column: Int) {
        let locator = JSONLocator(Array("{\"a\": \"x\\\"{[\",\n \"b\": [1, {\"c\": true}],\n \"d\": {\"é\": 1, \"e\": null}}".utf8))
        let found = locator.lineAndColumn(of: path)
        #expect(found.line == line && found.column == column, "\(path)")
    }
}
