import Foundation
import Testing

/// `lectern quiz` at a real terminal: typed answers, a wrong key, help, quit, Ctrl-C and
/// Ctrl-D, checked on what the screen shows.
@Suite("lectern quiz on a pseudo-terminal", .serialized)
struct QuizPtyTests {
    static let key = ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"]

    /// Answer the questions from `first` on (1-based) with `letters`.
    static func answering(_ letters: [String], from first: Int = 1) -> [PtyStep] {
        letters.enumerated().flatMap { offset, letter in
            [.expect("Question \(first + offset) of 10"), .expect("Your answer (A-D): "), .send(letter + "\n")]
        }
    }

    @Test("a full run with a wrong key and help first: score, band, nothing lost, ✅ only after answering")
    func fullRun() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .send("x\n"),
            .expect("not an option here"), .expect("Your answer (A-D): "), .send("?\n"),
            .expect("How to answer"), .expect("Your answer (A-D): "), .send("  d \n"),
            .expect("Answer recorded: D."), .mark("after first answer"),
        ] + Self.answering(Array(Self.key.dropFirst()), from: 2) + [.expect("Score:")]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        let screen = QuizPty.plain(session.screen)
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(screen.contains("Session 4: Production MCP Deployment — Test"))
        #expect(screen.contains("X is not an option here: type a letter A-D"))
        #expect(screen.contains("Score: 10/10 (100%)"))
        #expect(screen.contains("Band: Expert level - Ready for enterprise production deployments"))
        #expect(screen.contains("Every answer was right: nothing to review."))
        let beforeResult = screen.components(separatedBy: "Score:")[0]
        #expect(!beforeResult.contains("✅"))
        #expect(session.termiosRestored)
    }

    @Test("missed questions are reviewed with the learner's answer, the right one and the explanation")
    func reviewOfMissed() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var answers = Self.key
        answers[1] = "a"
        answers[8] = "B"
        let session = try QuizPty.run(["quiz"], steps: Self.answering(answers) + [.expect("Review")], columns: 120,
                                      environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        let screen = session.screen
        #expect(session.exit == 0)
        #expect(!screen.contains("\u{1B}["))
        #expect(screen.contains("Score: 8/10 (80%)"))
        #expect(screen.contains("Band: Proficient - Strong understanding of production operations"))
        #expect(screen.contains("Review of the 2 questions you missed"))
        #expect(screen.contains("Your answer:    A) Improved performance ❌"))
        #expect(screen.contains("Correct answer: D) Consistent environments across development and production ✅"))
        #expect(screen.contains("An image bundles the server with its runtime and dependencies"))
        #expect(screen.contains("Your answer:    B) Logs only ❌"))
    }

    @Test("q asks first; n carries on, y ends the attempt and saves it incomplete")
    func quitWithConfirmation() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D"]) + [
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("q\n"),
            .expect("Quit now?"), .send("n\n"), .expect("Carrying on."),
            .expect("Your answer (A-D): "), .send("Q\n"), .expect("Quit now?"), .send("y\n"),
            .expect("Quiz ended at your request after 1 of 10 questions."),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(QuizPty.plain(session.screen).contains("1. Production Requirements: D ✅ right"))
        let progress = try QuizProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        #expect(progress.stdout.contains(#""attempts" : 1"#))
        #expect(progress.stdout.contains(#""completeAttempts" : 0"#))
    }

    @Test("Ctrl-C mid-quiz restores the terminal, prints the answers so far, saves them, exits 130")
    func controlC() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D", "B"]) + [
            .expect("Question 3 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"),
            .expect("Quiz interrupted after 2 of 10 questions."),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        let screen = QuizPty.plain(session.screen)
        #expect(session.failedExpect == nil)
        #expect(session.exit == 130)
        #expect(session.termiosRestored)
        #expect(screen.contains("So far: 1 correct of 2 answered (10 questions)."))
        #expect(screen.contains("2. Containerization Benefits: B ❌ wrong"))
        #expect(screen.contains("Saved as an incomplete attempt"))
        #expect(!screen.contains("^C"))
    }

    @Test("Ctrl-D mid-quiz ends the attempt as incomplete and exits 1; --no-color leaves no escape codes")
    func controlD() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D"]) + [
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("\u{4}"),
            .expect("Input ended before the quiz did after 1 of 10 questions."),
        ]
        let session = try QuizPty.run(["quiz", "--no-color"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 1)
        #expect(!session.screen.contains("\u{1B}["))
    }

    @Test("--feedback immediate shows right or wrong, the correct option and the explanation after each answer")
    func immediateFeedback() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .mark("before answering"), .send("B\n"),
            .expect("Explanation:"), .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("D\n"),
            .expect("Correct."), .expect("Question 3 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"),
            .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz", "--feedback", "immediate"], steps: steps, columns: 120,
                                      environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(session.failedExpect == nil)
        #expect(!session.screen(before: "before answering").contains("✅"))
        #expect(session.screen.contains("❌ Not quite. You chose B) Production servers use different protocols"))
        #expect(session.screen.contains("The answer is D) Production servers require observability, scalability, and reliability"))
        #expect(session.screen.contains("✅ Correct."))
    }

    @Test("lines wrap to the terminal's width")
    func wrapsToWidth() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [.expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted")]
        let session = try QuizPty.run(["quiz"], steps: steps, columns: 44,
                                      environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        let lines = session.screen.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.count <= 44 })
        #expect(session.screen.contains("  D) Production servers require"))
    }

    @Test("after the window is resized, the next question wraps to the new width")
    func followsResize() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .resize(40), .send("D\n"), .expect("Answer recorded: D."), .mark("resized"),
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, columns: 100,
                                      environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        let before = session.screen(before: "resized").replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        let after = session.screen(after: "resized").replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(before.contains { $0.count > 40 })
        #expect(after.count > 5)
        #expect(after.allSatisfy { $0.count <= 40 })
    }
}
