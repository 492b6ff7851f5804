import Course
import Foundation
import Progress
import Quiz

/// `lectern quiz` from start to end: choose the quiz, open the store, run the attempt
/// (interactive at a terminal, scripted otherwise), print the result, save it. Returns the
/// exit code: 0 done (or quit on request), 1 input ended mid-quiz or unusable content,
/// 2 usage error, 130 interrupted.
public struct QuizRun {
    public var options: QuizOptions
    public var environment: [String: String]
    public var output: any TextOutput
    /// Whether stdin and stdout are terminals (interactive mode needs both).
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool
    /// The terminal's width, read again before each question and the result.
    public var width: () -> Int
    public var clock: @Sendable () -> Date

    public init(options: QuizOptions, environment: [String: String], output: any TextOutput,
                stdinIsTerminal: Bool, stdoutIsTerminal: Bool, width: @escaping () -> Int, clock: @escaping @Sendable () -> Date = Date.init) {
        self.options = options
        self.environment = environment
        self.output = output
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.width = width
        self.clock = clock
    }

    /// The run on the real process: file descriptors 0 and 1, SIGINT caught, terminal restored.
    public static func main(options: QuizOptions) -> Int32 {
        // A closed pipe (`lectern quiz … | head`) must not kill the run before it is saved.
        signal(SIGPIPE, SIG_IGN)
        let run = QuizRun(
            options: options,
            environment: ProcessInfo.processInfo.environment,
            output: StandardOutput(),
            stdinIsTerminal: TerminalInfo.isTerminal(0),
            stdoutIsTerminal: TerminalInfo.isTerminal(1),
            width: { TerminalInfo.columns(of: 1) })
        return run.execute(readStandardInput: { readAll(0) }, makeTerminalSource: {
            InterruptFlag.install()
            return DescriptorLineSource(descriptor: 0)
        })
    }

    /// Runs the quiz. `readStandardInput` gives piped answers; `makeTerminalSource` the
    /// learner's terminal (both injected so tests can drive every path).
    public func execute<Source: LineSource>(
        readStandardInput: () -> [String], makeTerminalSource: () -> Source
    ) -> Int32 {
        let selected: SelectedQuiz
        switch QuizSelection.select(reference: options.session, course: options.course) {
        case .success(let found): selected = found
        case .failure(let failure):
            for line in failure.lines { output.writeError(line.hasPrefix("  ") ? line + "\n" : "error: " + line + "\n") }
            return failure.exitCode
        }

        let plan = makePlan(selected.quiz)
        var attempt = Attempt(plan: plan)

        let interactive = options.answers == nil && stdinIsTerminal && stdoutIsTerminal
        if options.answers == nil, stdinIsTerminal, !stdoutIsTerminal {
            // Questions would go to a file while the learner types blind: say so instead.
            output.writeError("error: stdout is not a terminal, so the quiz cannot ask its questions; "
                + "give the answers with --answers, or pipe them on stdin, one per line\n")
            return 2
        }
        // Answers given up front are checked before the store is touched or anything printed.
        let scripted: [Set<Int>]?
        switch interactive ? .success(nil) : scriptedAnswers(plan, readStandardInput: readStandardInput) {
        case .success(let answers): scripted = answers
        case .failure(let error):
            output.writeError("error: \(error.message)\n")
            return 2
        }

        let color = TerminalInfo.useColor(noColorFlag: options.noColor, environment: environment, outputIsTerminal: stdoutIsTerminal)
        let screen = QuizScreen(color: color, width: width())
        let store = openStore()
        let startedAt = clock()

        let title = selected.quiz.title.isEmpty ? selected.sessionTitle : selected.quiz.title
        if let scripted {
            attempt.play(scripted)
            attempt.end(.endOfInput)
            if options.format == .text { output.write(screen.title(title)) }
        } else {
            let mode = TerminalMode()
            mode.enter()
            var source = makeTerminalSource()
            InteractiveQuiz(screen: screen, feedback: options.feedback, currentWidth: width)
                .run(&attempt, title: title, input: &source, output: output)
            mode.restore()
        }

        let result = QuizResult(attempt: attempt, sessionID: selected.sessionID, sessionTitle: selected.sessionTitle,
                                startedAt: startedAt, finishedAt: clock())
        let resultScreen = screen.resized(to: width())
        switch options.format {
        case .text: output.write(resultScreen.result(result, attempt: attempt, review: options.review))
        case .json: output.write(ResultJSON.encode(result))
        }
        save(result, in: store, screen: resultScreen)
        output.write(screen.reset)

        switch result.status {
        case .completed, .quit: return 0
        case .endOfInput: return 1
        case .interrupted: return 130
        }
    }

    /// The quiz as written, or shuffled from `--seed` (a fresh seed, shown and recorded, when
    /// only `--shuffle` is given).
    private func makePlan(_ quiz: Quiz) -> QuizPlan {
        guard options.shuffle || options.seed != nil else { return QuizPlan(quiz: quiz) }
        var system = SystemRandomNumberGenerator()
        return QuizPlan(quiz: quiz, shuffledWithSeed: options.seed ?? (system.next() >> 11))
    }

    /// `--answers`, else the lines piped on stdin, as shown option indices.
    private func scriptedAnswers(_ plan: QuizPlan, readStandardInput: () -> [String]) -> Result<[Set<Int>]?, ScriptedAnswerError> {
        do throws(ScriptedAnswerError) {
            if let list = options.answers { return .success(try ScriptedAnswers.parseList(list, plan: plan)) }
            return .success(try ScriptedAnswers.parseLines(readStandardInput(), plan: plan))
        } catch {
            return .failure(error)
        }
    }

    /// Opens the progress store, or says at once why it cannot be used (the quiz still runs).
    private func openStore() -> Result<ProgressStore, ProgressStoreError> {
        let directory = DataDirectory.resolve(explicit: options.dataDirectory, environment: environment)
        do {
            return .success(try ProgressStore(dataDirectory: directory))
        } catch {
            let failure = error as? ProgressStoreError
                ?? ProgressStoreError(reason: .other, path: directory.path, detail: "\(error)")
            output.writeError("warning: \(failure.description)\n"
                + "warning: the quiz runs anyway; its result is printed as JSON at the end so nothing is lost.\n")
            return .failure(failure)
        }
    }

    /// Saves the attempt; when that cannot be done, prints the result as JSON so it is not lost.
    /// An attempt stopped before any answer holds nothing worth keeping and is not saved.
    private func save(_ result: QuizResult, in store: Result<ProgressStore, ProgressStoreError>, screen: QuizScreen) {
        if !result.isComplete, result.answered == 0 {
            if options.format == .text { output.write("\n" + screen.note("Nothing was answered, so nothing was saved.")) }
            return
        }
        let problem: ProgressStoreError
        switch store {
        case .success(let store):
            do {
                try store.record(AttemptRecord(result))
                if options.format == .text {
                    let kind = result.isComplete ? "Attempt saved" : "Saved as an incomplete attempt"
                    output.write("\n" + screen.note("\(kind); `lectern progress` shows your history."))
                }
                return
            } catch {
                problem = error as? ProgressStoreError
                    ?? ProgressStoreError(reason: .other, path: store.path ?? "", detail: "\(error)")
                output.writeError("warning: the attempt was not saved: \(problem.description)\n")
            }
        case .failure(let failure):
            problem = failure
            output.writeError("warning: the attempt was not saved (\(failure.reason == .corrupt ? "damaged database" : "store unavailable")).\n")
        }
        if options.format == .text {
            output.writeError("The result as JSON, to keep:\n")
            output.write("\n" + ResultJSON.encode(result))
        }
    }

    /// Every line of a descriptor until its end (piped answers).
    static func readAll(_ descriptor: Int32) -> [String] {
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
