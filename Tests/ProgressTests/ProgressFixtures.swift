import Foundation
import Progress

/// Small builders for records, so each test states only what it is about.
enum ProgressFixtures {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func attempt(
        session: String = "04-production-mcp-deployment",
        hash: String = "0123456789abcdef",
        score: Int = 7,
        total: Int = 10,
        band: String? = "Competent",
        complete: Bool = true,
        minutesAfterStart: Double = 0
    ) -> AttemptRecord {
        let answers = (1...total).map { number in
            let isCorrect = number <= score
            return AttemptAnswer(question: number, chosen: isCorrect ? "A" : "B", correct: "A", isCorrect: isCorrect)
        }
        let started = start.addingTimeInterval(minutesAfterStart * 60)
        return AttemptRecord(
            sessionID: session, sessionTitle: "Production MCP Deployment", quizTitle: "Session 4 quiz",
            contentHash: hash, answers: answers, score: score, total: total, bandLabel: band,
            isComplete: complete, startedAt: started, finishedAt: started.addingTimeInterval(90.5))
    }

    static func grading(
        slug: String = "circuit-breaker",
        track: String = "python",
        status: String = "fail",
        score: Double = 6,
        minutesAfterStart: Double = 0
    ) -> GradingRecord {
        let started = start.addingTimeInterval(minutesAfterStart * 60)
        return GradingRecord(
            exerciseSlug: slug, track: track, submissionPath: "breaker.py", submissionHash: "sha256:abc",
            status: status, score: score, maxScore: 10, reportJSON: #"{"version":3,"status":"\#(status)"}"#,
            startedAt: started, finishedAt: started.addingTimeInterval(2.5), duration: 2.5)
    }

    /// A fresh folder under the system temp directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-progress-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
