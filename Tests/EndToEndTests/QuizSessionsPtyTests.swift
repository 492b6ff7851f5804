import Foundation
import Testing

/// `lectern quiz` at a real terminal without a session on a course of several (the session
/// list), and `--resume` of an attempt cut short.
@Suite("lectern quiz: the session list and --resume, on a pseudo-terminal", .serialized)
struct QuizSessionsPtyTests {
    static let twoSessions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("QuizFixtures/two-sessions").path

    @Test("with no session on a course of two, a list shows each session's best score and band; a number picks one")
    func sessionList() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let earlier = try QuizProcess.run(["quiz", "1", "--course", Self.twoSessions, "--answers", "B,B", "--data-dir", data.path])
        #expect(earlier.exitCode == 0)
        let steps: [PtyStep] = [
            .expect("Choose a session"), .expect("Session (1-2): "), .mark("list"), .send("2"),
            .expect("Question 1 of 1"), .expect("Your answer (A-B): "), .send("b"), .expect("Score: 1/1"),
        ]
        let session = try QuizPty.run(["quiz", "--course", Self.twoSessions], steps: steps,
                                      environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        let list = session.screen(before: "list")
        #expect(list.contains("  1) Session 1: Basics — best 1/2 (50%) Halfway"))
        #expect(list.contains("  2) Session 2: Colours — not taken yet"))
        #expect(session.screen.contains("Band: Right - Well seen"))
        #expect(session.termiosRestored == true)
    }

    @Test("the session list takes the arrows and Enter, and q leaves it without a quiz, exit 0")
    func sessionListArrowsAndQuit() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let picked = try QuizPty.run(["quiz", "--course", Self.twoSessions], steps: [
            .expect("Session (1-2): "), .send("\u{1B}[A"), .expect("2 · Enter to choose"), .send("\r"),
            .expect("Session 2: Colours — Test"), .expect("Your answer (A-B): "), .send("\u{3}"), .expect("interrupted"),
        ], environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(picked.failedExpect == nil)
        let left = try QuizPty.run(["quiz", "--course", Self.twoSessions], steps: [
            .expect("Session (1-2): "), .send("q"),
        ], environment: ["LECTERN_DATA_DIR": data.path])
        #expect(left.exit == 0)
        #expect(!left.screen.contains("Question"))
        #expect(left.termiosRestored == true)
    }

    @Test("--resume takes up the attempt cut short at its next question, keeps one attempt, and records the time")
    func resume() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try QuizPty.run(["quiz"], steps: QuizPtyTests.answering(["D", "D", "A"]) + [
            .expect("Question 4 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("Saved as an incomplete attempt"),
        ], environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(first.exit == 130)
        let second = try QuizPty.run(["quiz", "--resume"], steps: [
            .expect("Taking up your attempt of"), .expect("3 of 10 answered, carrying on at question 4."),
        ] + QuizPtyTests.answering(["A", "C", "C", "D", "B", "A", "C"], from: 4) + [.expect("Attempt saved")],
            columns: 120, environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(second.failedExpect == nil)
        #expect(second.exit == 0)
        #expect(second.screen.contains("Score: 10/10 (100%)"))
        #expect(second.screen.contains("Question 4 of 10  [#########---------------------]  3 answered"))
        #expect(!second.screen.contains("Question 3 of 10"))
        #expect(second.screen.contains("Time: "))
        let progress = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(progress.stdout.contains("1 attempt, best 10/10 (100%) Expert level in "))
        let json = try QuizProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        #expect(json.stdout.contains(#""completeAttempts" : 1"#))
        #expect(json.stdout.contains(#""bestDurationSeconds" : "#))
    }
}
