import Foundation
import Testing
import TestSupport

/// `lectern quiz` at a real terminal on a quiz with several right answers and a self-check
/// item (the real-course fixture Tests/QuizTerminalTests/Fixtures/mixed.md: one answer,
/// three of five, a self-check item, two of four): space and letters tick, Enter submits,
/// Enter or space reveals (issue 18, item 5).
@Suite("lectern quiz with multiple answers on a pseudo-terminal", .serialized)
struct QuizMultipleAnswerPtyTests {
    static let mixed = LecternProcess.repository.appendingPathComponent("Tests/QuizTerminalTests/Fixtures/mixed.md").path
    static let down = "\u{1B}[B"
    /// A UTF-8 locale, whatever the test runner's is. (An ASCII one is set with LC_ALL: with
    /// LANG=C alone, the pty driver's python would coerce LC_CTYPE to C.UTF-8, PEP 538.)
    static let utf8 = ["LANG": "C.UTF-8"]
    static let locales = ["LC_ALL", "LC_CTYPE"]

    /// The screen without colour codes and cursor movement, as lines.
    static func lines(_ screen: String) -> [Substring] {
        screen.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "\n").split(separator: "\n")
    }

    @Test("letters and space tick, ticking again unticks, Enter submits the set and refuses an empty one; Enter and space reveal")
    func ticksAndSubmits() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-C): "), .send("a"), .expect("Answer recorded: A."),
            .expect("Question 2 of 4"), .expect("Choose every right answer."), .expect("Your answers: "), .modes("ticking"),
            .send("a"), .expect("> ☑ A) Metrics"), .send("3"), .expect("A+C · Enter to submit"),
            .send(Self.down), .expect("> ☐ D) Traces"), .send(" "), .expect("A+C+D · Enter to submit"), .mark("ticked"),
            .send("\r"), .expect("Answer recorded: A+C+D."),
            .expect("Question 3 of 4"), .expect("Press Enter to see the answer: "), .send("x"),
            .expect("press Enter to see the answer;"), .send(" "), .expect("A gauge holds only the latest value"),
            .expect("Question 4 of 4"), .expect("Your answers: "), .send("\r"), .expect("Nothing is ticked yet"),
            .send("c"), .send("b"), .expect("B+C · Enter to submit"), .send("b"), .expect("C · Enter to submit"),
            .send("1"), .expect("A+C · Enter to submit"), .send("\r"), .expect("Score: 3/3 (100%)"),
        ]
        let session = try QuizPty.run(["quiz", Self.mixed], steps: steps,
                                      environment: Self.utf8.merging(["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"]) { $1 },
                                      removing: Self.locales)
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(session.modes["ticking"] == QuizPtyTests.keyModes)
        let ticked = Self.lines(session.screen(before: "ticked"))
        #expect(ticked.contains("  ☑ C) Logs"))
        #expect(ticked.contains("  ☐ B) Dashboards"))
        #expect(QuizPty.plain(session.screen).contains("1 self-check item was not scored"))
        #expect(session.termiosRestored == true)
        let progress = try LecternProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.first?["bestScore"] as? Int == 3)
    }

    @Test("--plain says each tick in words with [ ] and [x], and no escape sequence at all")
    func plainInWords() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-C): "), .send("a"),
            .expect("Question 2 of 4, 1 answered."), .expect("Your answers: "), .send("a"),
            .expect("Ticked A) Metrics. Ticked now: A. Press Enter to submit."), .send("a"),
            .expect("Unticked A) Metrics. Nothing is ticked."), .send(Self.down),
            .expect("B) Dashboards, not ticked. Space ticks it."), .send(" "),
            .expect("Ticked B) Dashboards. Ticked now: B. Press Enter to submit."), .send("\r"), .expect("Answer recorded: B."),
            .expect("Question 3 of 4, 2 answered."), .expect("Press Enter to see the answer: "), .send("\r"), .expect("Answer:"),
            .expect("Your answers: "), .send("q"), .expect("Quit now?"), .send("y"), .expect("Quiz ended"),
        ]
        let session = try QuizPty.run(["quiz", Self.mixed, "--plain"], steps: steps, columns: 200,
                                      environment: Self.utf8.merging(["LECTERN_DATA_DIR": data.path]) { $1 },
                                      removing: Self.locales)
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(!session.screen.contains("\u{1B}"))
        #expect(session.screen.contains("  [ ] A) Metrics"))
        #expect(!session.screen.contains("☐") && !session.screen.contains("☑"))
        #expect(session.screen.contains("2. B wrong"))
        #expect(session.termiosRestored == true)
    }

    @Test("in an ASCII locale the boxes are [ ] and [x]; the progress line and the boxes fit a narrow window")
    func asciiAndNarrow() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-C): "), .send("a"), .expect("Your answers: "), .send("e"),
            .expect("Alerts"), .mark("ticked"), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz", Self.mixed], steps: steps, columns: 30,
                                      environment: ["LC_ALL": "C", "LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 130)
        #expect(QuizPty.hasColour(session.screen))
        let lines = Self.lines(session.screen)
        #expect(lines.contains { $0.hasPrefix("Question 2 of 4") })
        #expect(lines.contains("  [ ] A) Metrics"))
        #expect(lines.contains("> [x] E) Alerts"))
        #expect(lines.contains("Your answers: E"))
        #expect(lines.allSatisfy { $0.count <= 30 })
        // "Your answers: E · Enter to submit" would not fit: the prompt keeps to its line.
        #expect(!session.screen(before: "ticked").contains("Enter to submit"))
        #expect(!session.screen.contains("☐") && !session.screen.contains("❯"))
        #expect(session.termiosRestored == true)
    }

    @Test("--resume after Ctrl-C keeps the ticked answers and the revealed item and carries on at the next question")
    func resumeAfterInterrupt() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let environment = Self.utf8.merging(["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"]) { $1 }
        let first = try QuizPty.run(["quiz", Self.mixed], steps: [
            .expect("Your answer (A-C): "), .send("a"), .expect("Your answers: "), .send("acd\r"),
            .expect("Press Enter to see the answer: "), .send("\r"), .expect("Question 4 of 4"), .expect("Your answers: "),
            .send("\u{3}"), .expect("interrupted"),
        ], columns: 200, environment: environment, removing: Self.locales)
        #expect(first.failedExpect == nil)
        #expect(first.exit == 130)
        let second = try QuizPty.run(["quiz", Self.mixed, "--resume"], steps: [
            .expect("3 of 4 answered, carrying on at question 4."), .expect("Question 4 of 4"), .expect("Your answers: "),
            .send("ca\r"), .expect("Score: 3/3 (100%)"),
        ], columns: 200, environment: environment, removing: Self.locales)
        #expect(second.failedExpect == nil)
        #expect(second.exit == 0)
        #expect(!second.screen.contains("Question 2 of 4"))
        #expect(second.termiosRestored == true)
    }
}
