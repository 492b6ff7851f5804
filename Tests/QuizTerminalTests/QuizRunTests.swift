import Foundation
import Progress
import Testing
import Quiz
@testable import QuizTerminal

@Suite("A whole quiz run in process")
struct QuizRunTests {
    func run(_ options: QuizOptions, terminal: Bool, lines: [LineEvent] = [], piped: [String] = [],
             data: URL) -> (Int32, CapturedOutput) {
        var options = options
        options.session = TerminalFixtures.quizPath
        options.dataDirectory = data.path
        let output = CapturedOutput()
        let run = QuizRun(options: options, environment: ["NO_COLOR": "1"], output: output, stdinIsTerminal: terminal,
                          stdoutIsTerminal: terminal, width: { 80 }, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let code = run.execute(readStandardInput: { piped }, makeTerminalSource: { ScriptedLineSource(lines) })
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
          arguments: [([LineEvent.interrupted], Int32(130)), ([LineEvent.endOfInput], Int32(1)), ([LineEvent.line("q"), .line("y")], Int32(0))])
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
        let (code, output) = run(QuizOptions(), terminal: true, lines: [.interrupted], data: data)
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
        let code = run.execute(readStandardInput: { [] }, makeTerminalSource: { ScriptedLineSource([]) })
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
