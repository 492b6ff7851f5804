import Foundation
import Testing
import TestSupport

/// `lectern review` at a real terminal asks the due questions as the quiz does, one key each,
/// and saves what was answered when stopped.
@Suite("lectern review on a pseudo-terminal", .serialized)
struct ReviewPtyTests {
    @Test("a week after a quiz every question is due; one key answers, Ctrl-C saves the reviews given")
    func reviewByKeyThenInterrupt() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let quiz = try LecternProcess.run(["quiz", "4", "--answers", "A,D,A,A,C,C,D,B,A,C", "--learner", "ada",
                                           "--data-dir", data.path])
        #expect(quiz.status == 0)
        // The attempt is moved a week back, with Debian's python3 and its sqlite3 module.
        let age = Process()
        age.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        age.arguments = ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("update quizAttempt set startedAt = datetime(startedAt, '-7 days'), finishedAt = datetime(finishedAt, '-7 days')")
            db.commit()
            """, data.appendingPathComponent("progress.sqlite").path]
        try age.run()
        age.waitUntilExit()
        #expect(age.terminationStatus == 0)

        let steps: [PtyStep] = [
            .expect("Review: 10 questions due"), .expect("Your answer (A-D): "), .send("d"), .expect("Correct."),
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("Reviewed 1 of 10"),
        ]
        let session = try QuizPty.run(["review", "--learner", "ada", "--data-dir", data.path, "--no-color"], steps: steps,
                                      environment: [:])
        #expect(session.failedExpect == nil, "\(session.screen)")
        #expect(session.exit == 130)
        #expect(session.termiosRestored == true)
        let listed = try LecternProcess.run(["review", "--list", "--learner", "ada", "--format", "json", "--data-dir", data.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        // Question 1 was just reviewed (right): no longer due; the nine others still are.
        #expect((json["due"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == Array(2...10))
    }
}
