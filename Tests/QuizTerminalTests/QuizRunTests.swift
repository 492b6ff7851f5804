import Foundation
import Progress
import Testing
import Quiz
@testable import QuizTerminal

@Suite("A whole quiz run in process")
struct QuizRunTests {
    func run(_ options: QuizOptions, terminal: Bool, lines: [LineEvent] = [], piped: [String] = [],
             data: URL, session: String = TerminalFixtures.quizPath) -> (Int32, CapturedOutput) {
        var options = options
        options.session = session
        options.dataDirectory = data.path
        let output = CapturedOutput()
        let run = QuizRun(options: options, environment: ["NO_COLOR": "1"], output: output, stdinIsTerminal: terminal,
                          stdoutIsTerminal: terminal, width: { 80 }, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let code = run.execute(readStandardInput: { piped.joined(separator: "\n") },
                               makeReader: { _ in LineChoiceReader(source: ScriptedLineSource(lines)) })
        return (code, output)
    }

    @Test("a finished interactive run exits 0 and saves one complete attempt with its band")
    func interactiveSaved() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let (code, output) = run(QuizOptions(), terminal: true, lines: [.line("B"), .line("A")], data: data)
        #expect(code == 0)
        #expect(output.standard.contains("Score: 1/2 (50%)"))
        #expect(output.standard.contains("Band: Halfway - Read the lesson again"))
        let attempts = try ProgressStore(dataDirectory: data).attempts()
        #expect(attempts.count == 1)
        #expect(attempts[0].isComplete)
        #expect(attempts[0].bandLabel == "Halfway")
        #expect(attempts[0].answers.map(\.chosen) == ["B", "A"])
    }

    @Test("exit codes follow how the attempt ended",
          arguments: [([LineEvent.stopped(.interrupt)], Int32(130)), ([LineEvent.stopped(.terminate)], Int32(143)),
                      ([LineEvent.stopped(.hangup)], Int32(129)), ([LineEvent.endOfInput], Int32(1)), ([LineEvent.line("q"), .line("y")], Int32(0))])
    func exitCodes(events: [LineEvent], expected: Int32) {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(run(QuizOptions(), terminal: true, lines: events, data: data).0 == expected)
    }

    @Test("piped answers in a shuffled run are saved in the content's own letters")
    func shuffledSavedInContentLetters() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let plan = QuizPlan(quiz: TerminalFixtures.plan.quiz, shuffledWithSeed: 9)
        let shownCorrect = plan.questions.map { Letters.letter(at: $0.correctShownIndex!) }
        let (code, _) = run(QuizOptions(seed: 9, format: .json), terminal: false, piped: shownCorrect, data: data)
        #expect(code == 0)
        let attempt = try #require(try ProgressStore(dataDirectory: data).attempts().first)
        #expect(attempt.score == 2)
        #expect(attempt.answers.map(\.chosen) == ["B", "D"])
    }

    @Test("an attempt stopped before any answer is not saved")
    func nothingAnsweredNothingSaved() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let (code, output) = run(QuizOptions(), terminal: true, lines: [.stopped(.interrupt)], data: data)
        #expect(code == 130)
        #expect(output.standard.contains("Nothing was answered, so nothing was saved."))
        #expect(try ProgressStore(dataDirectory: data).attempts().isEmpty)
    }

    @Test("a bad piped line is a usage error and nothing is saved")
    func badPipedLine() {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let (code, output) = run(QuizOptions(), terminal: false, piped: ["B", "banana"], data: data)
        #expect(code == 2)
        #expect(output.error == "error: stdin line 2: answer 2 is \"banana\", not a letter A-D of question 2\n")
        #expect(!FileManager.default.fileExists(atPath: data.path))
    }

    @Test("a terminal on stdin but not on stdout is a usage error, not a blind wait")
    func terminalInputRedirectedOutput() {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var options = QuizOptions()
        options.session = TerminalFixtures.quizPath
        options.dataDirectory = data.path
        let output = CapturedOutput()
        let run = QuizRun(options: options, environment: [:], output: output, stdinIsTerminal: true,
                          stdoutIsTerminal: false, width: { 80 })
        let code = run.execute(readStandardInput: { "" }, makeReader: { _ in LineChoiceReader(source: ScriptedLineSource([])) })
        #expect(code == 2)
        #expect(output.error.contains("give the answers with --answers"))
        #expect(output.standard.isEmpty)
    }

    @Test("the saved row matches the printed JSON")
    func recordMatchesResult() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let (_, output) = run(QuizOptions(format: .json, answers: "B,D"), terminal: false, data: data)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let result = try decoder.decode(QuizResult.self, from: Data(output.standard.utf8))
        let saved = try #require(try ProgressStore(dataDirectory: data).attempts().first)
        var expected = AttemptRecord(result, learner: Learner.loginName(environment: ["NO_COLOR": "1"]))
        expected.id = saved.id
        expected.attemptID = saved.attemptID
        #expect(saved == expected)
    }

    /// Runs with keys at a (pretend) terminal; each monotonic reading 2 s after the last.
    func runKeys(_ options: QuizOptions, typed: String, data: URL, environment: [String: String] = ["NO_COLOR": "1"])
        -> (Int32, CapturedOutput) {
        var options = options
        options.dataDirectory = data.path
        let output = CapturedOutput()
        let clock = TerminalFixtures.TickingClock(step: 2)
        let run = QuizRun(options: options, environment: environment, output: output, stdinIsTerminal: true,
                          stdoutIsTerminal: true, width: { 80 }, clock: { Date(timeIntervalSince1970: 1_800_000_000) },
                          monotonic: clock.read)
        let code = run.execute(readStandardInput: { "" }, makeReader: { style in
            guard case .keys(let confirm) = style else {
                Issue.record("expected the key reader, not \(style)")
                return LineChoiceReader(source: ScriptedLineSource([]))
            }
            return KeyChoiceReader(source: ScriptedKeySource(typing: typed), confirm: confirm, currentWidth: { 80 })
        })
        return (code, output)
    }

    @Test("answered by key, each answer's seconds and the total are saved and the total is shown")
    func timesSaved() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var options = QuizOptions()
        options.session = TerminalFixtures.quizPath
        let (code, output) = runKeys(options, typed: "bd", data: data)
        #expect(code == 0)
        let saved = try #require(try ProgressStore(dataDirectory: data).attempts().first)
        #expect(saved.answers.map(\.seconds) == [2, 2])
        // The sitting runs from before the first question to after the last answer.
        #expect(saved.durationSeconds == 10)
        #expect(output.standard.contains("Time: 10 s"))
    }

    @Test("--resume in process: the attempt stopped by Ctrl-D is taken up and saved over its own row")
    func resumeUpdatesItsRow() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var options = QuizOptions()
        options.session = TerminalFixtures.quizPath
        let (first, _) = runKeys(options, typed: "b\u{4}", data: data)
        #expect(first == 1)
        let before = try #require(try ProgressStore(dataDirectory: data).attempts().first)
        options.resume = true
        let (second, output) = runKeys(options, typed: "d", data: data)
        #expect(second == 0)
        #expect(output.standard.replacingOccurrences(of: "\n", with: " ").contains("1 of 2 answered, carrying on at question 2."))
        #expect(!output.standard.contains("Question 1 of 2"))
        let attempts = try ProgressStore(dataDirectory: data).attempts()
        #expect(attempts.count == 1)
        let after = try #require(attempts.first)
        #expect(after.attemptID == before.attemptID)
        #expect(after.isComplete)
        #expect(after.score == 2)
        #expect(after.answers.map(\.seconds) == [2, 2])
        #expect(after.durationSeconds == (before.durationSeconds ?? 0) + 6)
    }

    @Test("--resume in process on a quiz with several right answers and a self-check item: both are kept and it carries on after them")
    func resumeMultipleAnswersAndRevealed() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mixed = TerminalFixtures.mixedPath
        let (first, _) = run(QuizOptions(), terminal: true, lines: [.line("a"), .line("A+C+D"), .line(""), .endOfInput],
                             data: data, session: mixed)
        #expect(first == 1)
        let before = try #require(try ProgressStore(dataDirectory: data).attempts().first)
        #expect(before.answers.map(\.chosen) == ["A", "A+C+D", nil, nil])
        #expect(before.answers.map(\.revealed) == [nil, nil, true, nil])
        let (second, output) = run(QuizOptions(resume: true), terminal: true, lines: [.line("c a")], data: data, session: mixed)
        #expect(second == 0)
        #expect(output.standard.replacingOccurrences(of: "\n", with: " ").contains("3 of 4 answered, carrying on at question 4."))
        #expect(output.standard.contains("Score: 3/3 (100%)"))
        let attempts = try ProgressStore(dataDirectory: data).attempts()
        #expect(attempts.count == 1)
        #expect(attempts.first?.answers.map(\.chosen) == ["A", "A+C+D", nil, "A+C"])
        #expect(attempts.first?.answers.map(\.revealed) == [nil, nil, true, nil])
    }

    @Test("a course of several sessions at a terminal offers the list; a number takes that session's quiz")
    func sessionList() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var options = QuizOptions()
        options.course = TerminalFixtures.twoSessionsPath
        let (code, output) = runKeys(options, typed: "2b", data: data)
        #expect(code == 0)
        #expect(output.standard.contains("Choose a session (2 have a quiz)"))
        #expect(output.standard.contains("  1) Session 1: Basics — not taken yet"))
        #expect(output.standard.contains("Score: 1/1 (100%)"))
        #expect(try ProgressStore(dataDirectory: data).attempts().map(\.sessionID) == ["02-colours"])
    }

    @Test("TERM=dumb reads lines, not keys")
    func dumbTerminalReadsLines() {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var options = QuizOptions()
        options.session = TerminalFixtures.quizPath
        options.dataDirectory = data.path
        var styles: [InputStyle] = []
        let run = QuizRun(options: options, environment: ["TERM": "dumb"], output: CapturedOutput(), stdinIsTerminal: true,
                          stdoutIsTerminal: true, width: { 80 })
        _ = run.execute(readStandardInput: { "" }, makeReader: { style in
            styles.append(style)
            return LineChoiceReader(source: ScriptedLineSource(lines: ["b", "d"]))
        })
        #expect(styles == [.lines])
    }

    @Test("the attempt is recorded for --learner, else for the login name")
    func learnerRecorded() throws {
        let data = TerminalFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = run(QuizOptions(answers: "B,D", learner: "ada"), terminal: false, data: data)
        _ = run(QuizOptions(answers: "B,D"), terminal: false, data: data)
        let learners = try ProgressStore(dataDirectory: data).attempts().map(\.learner)
        #expect(learners == ["ada", Learner.loginName(environment: [:])])
    }
}
