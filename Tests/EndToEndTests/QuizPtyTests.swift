import Foundation
import Testing
import TestSupport

/// `lectern quiz` at a real terminal: one key answers, arrows and Enter, help, quit, Ctrl-C
/// and Ctrl-D, checked on what the screen shows and on the terminal's settings during and
/// after the quiz.
@Suite("lectern quiz on a pseudo-terminal", .serialized)
struct QuizPtyTests {
    static let key = ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"]
    /// The settings the quiz reads single keys in: not canonical, no echo, signals on.
    static let keyModes = PtySession.TerminalModes(canonical: false, echo: false, signals: true)

    /// Answer the questions from `first` on (1-based) with one key each.
    static func answering(_ letters: [String], from first: Int = 1) -> [PtyStep] {
        letters.enumerated().flatMap { offset, letter in
            [.expect("Question \(first + offset) of 10"), .expect("Your answer (A-D): "), .send(letter)]
        }
    }

    @Test("one key answers: a wrong key and help first, then letters; score, band, ✅ only after answering")
    func fullRun() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .modes("asking"), .send("x"),
            .expect("not an option here"), .send("?"),
            .expect("How to answer"), .expect("Your answer (A-D): "), .send("d"),
            .expect("Answer recorded: D."), .mark("after first answer"),
        ] + Self.answering(Array(Self.key.dropFirst()), from: 2) + [.expect("Score:")]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        let screen = QuizPty.plain(session.screen)
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(session.modes["asking"] == Self.keyModes)
        #expect(screen.contains("Session 4: Production MCP Deployment — Test"))
        #expect(screen.contains("X is not an option here: press A-D or 1-4"))
        #expect(screen.contains("Score: 10/10 (100%)"))
        #expect(screen.contains("Band: Expert level - Ready for enterprise production deployments"))
        #expect(screen.contains("Every answer was right: nothing to review."))
        let beforeResult = screen.components(separatedBy: "Score:")[0]
        #expect(!beforeResult.contains("✅"))
        #expect(session.termiosRestored == true)
    }

    @Test("the arrows move a highlight through the options and Enter picks it; a number picks too")
    func arrowsAndNumbers() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let down = "\u{1B}[B", up = "\u{1B}[A"
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .send(down), .expect("A · Enter to choose"), .send(down + down),
            .expect("C · Enter to choose"), .send(up + up + up), .expect("D · Enter to choose"), .mark("highlighted"),
            .send("\r"), .expect("Answer recorded: D."),
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("4"), .expect("Answer recorded: D."),
            .expect("Question 3 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz", "--no-color"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 130)
        // Drawn again in place: the cursor goes back up to the options, which show a marker.
        #expect(session.screen(before: "highlighted").contains("\u{1B}[5A\u{1B}[J"))
        #expect(session.screen(before: "highlighted").contains("> D) Production servers require observability"))
        #expect(QuizPty.plain(session.screen).contains("2. Containerization Benefits: D ✅ right"))
        #expect(session.termiosRestored == true)
    }

    @Test("--confirm: a letter only selects, another changes it, Enter confirms")
    func confirmFlag() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .send("a"), .expect("A · Enter to confirm"), .send("d"),
            .expect("D · Enter to confirm"), .mark("selected"), .send("\r"), .expect("Answer recorded: D."),
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz", "--confirm"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path, "NO_COLOR": "1"])
        #expect(session.failedExpect == nil)
        #expect(!session.screen(before: "selected").contains("Answer recorded"))
        #expect(QuizPty.plain(session.screen).contains("1. Production Requirements: D ✅ right"))
    }

    @Test("LECTERN_QUIZ_CONFIRM=1 asks for Enter as --confirm does")
    func confirmSetting() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .send("b"), .expect("B · Enter to confirm"), .send("\r"),
            .expect("Answer recorded: B."), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps,
                                      environment: ["LECTERN_DATA_DIR": data.path, "LECTERN_QUIZ_CONFIRM": "1", "NO_COLOR": "1"])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 130)
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
        #expect(!QuizPty.hasColour(screen))
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
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("q"),
            .expect("Quit now?"), .send("n"), .expect("Carrying on."),
            .expect("Your answer (A-D): "), .send("Q"), .expect("Quit now?"), .send("y"),
            .expect("Quiz ended at your request after 1 of 10 questions."),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.exit == 0)
        #expect(QuizPty.plain(session.screen).contains("1. Production Requirements: D ✅ right"))
        #expect(session.termiosRestored == true)
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
        #expect(session.termiosRestored == true)
        #expect(screen.contains("So far: 1 correct of 2 answered (10 questions)."))
        #expect(screen.contains("2. Containerization Benefits: B ❌ wrong"))
        #expect(screen.contains("Saved as an incomplete attempt"))
        #expect(!screen.contains("^C"))
    }

    @Test("SIGTERM or SIGHUP mid-quiz ends it as Ctrl-C does: terminal restored, answers saved, exit 143 or 129",
          arguments: [(Int32(15), Int32(143)), (Int32(1), Int32(129))])
    func terminatingSignal(signal: Int32, exitCode: Int32) throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D"]) + [
            .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .modes("asking"), .signal(signal),
            .expect("Quiz interrupted after 1 of 10 questions."),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.signal == nil)
        #expect(session.exit == exitCode)
        #expect(session.modes["asking"] == Self.keyModes)
        #expect(session.termiosRestored == true)
        #expect(QuizPty.plain(session.screen).contains("Saved as an incomplete attempt"))
        let progress = try QuizProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        #expect(progress.stdout.contains(#""attempts" : 1"#))
    }

    @Test("closing the terminal mid-quiz (a hangup) saves the answers so far and exits 129")
    func terminalClosed() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D", "D"]) + [
            .expect("Question 3 of 10"), .expect("Your answer (A-D): "), .hangup,
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.signal == nil)
        #expect(session.exit == 129)
        let progress = try QuizProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        #expect(progress.stdout.contains(#""attempts" : 1"#))
        #expect(progress.stdout.contains(#""completeAttempts" : 0"#))
        #expect(progress.stdout.contains(#""totalDurationSeconds""#))
    }

    @Test("a crash while drawing a question still gives the terminal its settings back (debug builds)",
          .enabled(if: !LecternProcess.binary.path.contains("/release/"), "the crash is provoked in debug builds only"))
    func crashRestoresTerminal() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D"]) + [.expect("Answer recorded: D."), .mark("crash")]
        // The runtime's backtracer would wait for a key at a terminal; the crash is what matters here.
        let session = try QuizPty.run(["quiz"], steps: steps, environment: [
            "LECTERN_DATA_DIR": data.path, "LECTERN_DEBUG_CRASH_RENDERING": "2", "SWIFT_BACKTRACE": "enable=no",
        ])
        try #require(session.signal != nil, "this check needs a debug build of lectern (LECTERN_DEBUG_CRASH_RENDERING)")
        #expect(session.signal == SIGILL || session.signal == SIGTRAP)
        #expect(session.termiosRestored == true)
    }

    @Test("Ctrl-Z (SIGTSTP) hands the terminal back; continued, the quiz takes it again and draws the question anew")
    func suspendAndContinue() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Question 1 of 10"), .expect("Your answer (A-D): "), .signal(SIGTSTP), .signal(SIGCONT),
            .expect("Question 1 of 10"), .expect("Your answer (A-D): "), .modes("continued"), .send("d"),
            .expect("Answer recorded: D."), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(session.modes["continued"] == Self.keyModes)
        #expect(session.exit == 130)
        #expect(session.termiosRestored == true)
    }

    @Test("Ctrl-D mid-quiz ends the attempt as incomplete and exits 1; --no-color leaves no colour codes")
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
        #expect(!QuizPty.hasColour(session.screen))
    }

    @Test("--feedback immediate shows right or wrong, the correct option and the explanation after each answer")
    func immediateFeedback() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .mark("before answering"), .send("B"),
            .expect("Explanation:"), .expect("Question 2 of 10"), .expect("Your answer (A-D): "), .send("D"),
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

    @Test("the progress line shows question N of M, a bar and the answered count, in colour or as [###---]")
    func progressLine() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = Self.answering(["D", "D"]) + [
            .expect("Question 3 of 10"), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let coloured = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path])
        #expect(coloured.screen.contains("Question 3 of 10\u{1B}[0m\u{1B}[0m  \u{1B}[36m" + String(repeating: "━", count: 6)))
        #expect(QuizPty.plain(coloured.screen).contains("Question 3 of 10  " + String(repeating: "━", count: 6)
            + String(repeating: "─", count: 24) + "  2 answered"))
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = try QuizPty.run(["quiz"], steps: environment["TERM"] == nil ? steps : Self.lines(steps),
                                        environment: environment.merging(["LECTERN_DATA_DIR": data.path]) { a, _ in a })
            #expect(plain.failedExpect == nil)
            #expect(!QuizPty.hasColour(plain.screen))
            #expect(plain.screen.contains("Question 3 of 10  [######------------------------]  2 answered"))
        }
    }

    @Test("TERM=dumb (a terminal that sends lines, such as Emacs' shell) asks for a letter and Enter, canonical mode kept")
    func dumbTerminalReadsLines() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Type a letter and press Enter"), .expect("Your answer (A-D): "), .modes("asking"), .send("d\n"),
            .expect("Answer recorded: D."), .expect("Your answer (A-D): "), .send("\u{3}"), .expect("interrupted"),
        ]
        let session = try QuizPty.run(["quiz"], steps: steps, environment: ["LECTERN_DATA_DIR": data.path, "TERM": "dumb"])
        #expect(session.failedExpect == nil)
        #expect(session.modes["asking"] == PtySession.TerminalModes(canonical: true, echo: true, signals: true))
        #expect(!session.screen.contains("\u{1B}["))
        #expect(session.termiosRestored == true)
    }

    @Test("--plain: one line per event, no escape sequence at all, right and wrong in words")
    func plainForScreenReaders() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let steps: [PtyStep] = [
            .expect("Your answer (A-D): "), .send("\u{1B}[B"), .expect("A) Production servers are slower than development servers. Press Enter to choose it."),
            .send("\u{1B}[A"), .expect("D) Production servers require observability, scalability, and reliability. Press Enter to choose it."),
            .send("z"), .expect("Z is not an option here"), .send("\r"), .expect("Correct."),
            .expect("Question 2 of 10, 1 answered."), .expect("Your answer (A-D): "), .send("a"), .expect("Wrong. You chose A)"),
            .expect("Your answer (A-D): "), .send("q"), .expect("Quit now?"), .send("y"), .expect("Quiz ended"),
        ]
        let session = try QuizPty.run(["quiz", "--plain", "--feedback", "immediate"], steps: steps, columns: 200,
                                      environment: ["LECTERN_DATA_DIR": data.path])
        #expect(session.failedExpect == nil)
        #expect(!session.screen.contains("\u{1B}"))
        #expect(session.screen.contains("1. Production Requirements: D right"))
        #expect(session.screen.contains("2. Containerization Benefits: A wrong"))
        #expect(!session.screen.contains("━") && !session.screen.contains("[#"))
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
            .expect("Your answer (A-D): "), .resize(40), .send("D"), .expect("Answer recorded: D."), .mark("resized"),
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

    /// The same steps for a terminal that sends lines: each key followed by Enter.
    static func lines(_ steps: [PtyStep]) -> [PtyStep] {
        steps.map { step in
            if case .send(let keys) = step, keys.count == 1, keys.first!.isLetter { return .send(keys + "\n") }
            return step
        }
    }
}
