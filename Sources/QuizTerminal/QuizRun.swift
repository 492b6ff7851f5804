import Course
import Foundation
import Progress
import Quiz
import Support

/// `lectern quiz` from start to end: choose the quiz (offering a list of sessions at a
/// terminal when none is named), or find the attempt to take up again; run the attempt
/// (one key at a terminal, a line at a dumb one, scripted otherwise); print the result; save
/// it. Returns the exit code: 0 done (or quit on request), 1 input ended mid-quiz, nothing to
/// resume or unusable content, 2 usage error, 130 interrupted, 143 terminated, 129 hung up.
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
    /// Seconds on a monotonic clock, to time the questions and the sitting.
    public var monotonic: () -> Double

    public init(options: QuizOptions, environment: [String: String], output: any TextOutput,
                stdinIsTerminal: Bool, stdoutIsTerminal: Bool, width: @escaping () -> Int,
                clock: @escaping @Sendable () -> Date = Date.init, monotonic: @escaping () -> Double = MonotonicClock.seconds) {
        self.options = options
        self.environment = environment
        self.output = output
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.width = width
        self.clock = clock
        self.monotonic = monotonic
    }

    /// The run on the real process: file descriptors 0 and 1, stop signals caught, terminal restored.
    public static func main(options: QuizOptions) -> Int32 {
        // A closed pipe (`lectern quiz … | head`) must not kill the run before it is saved.
        signal(SIGPIPE, SIG_IGN)
        let width: () -> Int = { TerminalInfo.columns(of: 1) }
        let run = QuizRun(
            options: options,
            environment: ProcessInfo.processInfo.environment,
            output: StandardOutput(),
            stdinIsTerminal: TerminalInfo.isTerminal(0),
            stdoutIsTerminal: TerminalInfo.isTerminal(1),
            width: width)
        let mode = TerminalMode(descriptor: 0)
        defer { mode.restore() }
        return run.execute(readStandardInput: { readAll(0) }, makeReader: { style -> any ChoiceReader in
            StopSignals.install()
            mode.enter(style)
            switch style {
            case .keys(let confirm): return KeyChoiceReader(source: DescriptorKeySource(descriptor: 0), confirm: confirm, currentWidth: width)
            case .lines: return LineChoiceReader(source: DescriptorLineSource(descriptor: 0))
            }
        }, leaveTerminal: { mode.restore() })
    }

    /// Runs the quiz. `readStandardInput` gives piped answers; `makeReader` the learner's
    /// terminal, set up for the input style (both injected so tests can drive every path);
    /// `leaveTerminal` gives the terminal its own settings back before the result.
    public func execute(readStandardInput: () -> String, makeReader: (InputStyle) -> any ChoiceReader,
                        leaveTerminal: () -> Void = {}) -> Int32 {
        if options.resume, options.shuffle || options.seed != nil {
            output.writeError("error: --resume takes the attempt up in its own order; leave out --shuffle and --seed\n")
            return 2
        }
        let interactive = options.answers == nil && stdinIsTerminal && stdoutIsTerminal
        if options.answers == nil, stdinIsTerminal, !stdoutIsTerminal {
            // Questions would go to a file while the learner types blind: say so instead.
            output.writeError("error: stdout is not a terminal, so the quiz cannot ask its questions; "
                + "give the answers with --answers, or pipe them on stdin, one per line\n")
            return 2
        }
        let color = TerminalInfo.useColor(noColorFlag: options.noColor, environment: environment, outputIsTerminal: stdoutIsTerminal)
        let screen = QuizScreen(color: color, width: width(), plain: options.plain,
                                unicode: TerminalInfo.isUnicode(environment))
        let style: InputStyle = TerminalInfo.isDumb(environment)
            ? .lines : .keys(confirm: options.confirm || TerminalInfo.isOn("LECTERN_QUIZ_CONFIRM", in: environment))
        var reader: (any ChoiceReader)?
        var store: Result<ProgressStore, ProgressStoreError>?
        func openedStore() -> Result<ProgressStore, ProgressStoreError> {
            if let store { return store }
            let opened = openStore()
            store = opened
            return opened
        }

        // Which quiz, and whether an attempt is taken up again.
        let selected: SelectedQuiz
        var resumed: ResumedAttempt?
        if options.resume {
            switch findResumable(store: openedStore()) {
            case .success(let found): (selected, resumed) = (found.0, found.1)
            case .failure(let failure): return report(failure)
            }
        } else {
            switch QuizSelection.select(reference: options.session, course: options.course) {
            case .success(let found):
                selected = found
            case .failure(let failure) where interactive && !failure.sessions.isEmpty:
                var picking = reader ?? makeReader(style)
                let attempts = (try? openedStore().get().attempts()) ?? []
                let picked = SessionPicker.pick(failure.sessions, attempts: attempts, screen: screen.resized(to: width()),
                                                reader: &picking, output: output)
                reader = picking
                switch picked {
                case .chosen(let session):
                    switch QuizSelection.select(reference: session.id, course: options.course) {
                    case .success(let found): selected = found
                    case .failure(let failure): leaveTerminal(); return report(failure)
                    }
                case .quit: leaveTerminal(); return 0
                case .endOfInput: leaveTerminal(); return 1
                case .stopped(let reason): leaveTerminal(); return reason.exitCode
                }
            case .failure(let failure):
                return report(failure)
            }
        }

        var attempt = resumed?.attempt ?? Attempt(plan: makePlan(selected.quiz))
        let plan = attempt.plan
        // Answers given up front are checked before the store is touched or anything printed.
        let scripted: [Set<Int>]?
        switch interactive ? .success(nil) : scriptedAnswers(plan, pending: attempt.pendingIndices, readStandardInput: readStandardInput) {
        case .success(let answers): scripted = answers
        case .failure(let error):
            output.writeError("error: \(error.message)\n")
            return 2
        }

        let opened = openedStore()
        let startedAt = resumed?.record.startedAt ?? clock()
        let title = selected.quiz.title.isEmpty ? selected.sessionTitle : selected.quiz.title
        let sittingStarted = monotonic()
        var stop: StopReason?
        if let scripted {
            attempt.play(scripted)
            attempt.end(.endOfInput)
            if options.format == .text { output.write(screen.title(title)) }
        } else {
            var asking = reader ?? makeReader(style)
            stop = InteractiveQuiz(screen: screen, feedback: options.feedback, currentWidth: width, now: monotonic)
                .run(&attempt, title: title, intro: resumed?.intro, reader: &asking, output: output)
            leaveTerminal()
        }
        // Answers given up front are not timed; an interactive sitting adds to earlier ones.
        let sitting = scripted == nil ? max(0, monotonic() - sittingStarted) : nil
        let duration = sitting == nil && resumed?.earlierSeconds == nil
            ? nil : (resumed?.earlierSeconds ?? 0) + (sitting ?? 0)

        let result = QuizResult(attempt: attempt, sessionID: selected.sessionID, sessionTitle: selected.sessionTitle,
                                startedAt: startedAt, finishedAt: clock(), durationSeconds: duration)
        let resultScreen = screen.resized(to: width())
        switch options.format {
        case .text: output.write(resultScreen.result(result, attempt: attempt, review: options.review))
        case .json: output.write(StableJSON.encode(result))
        }
        save(result, resuming: resumed?.record, in: opened, screen: resultScreen)
        output.write(screen.reset)

        switch result.status {
        case .completed, .quit: return 0
        case .endOfInput: return 1
        case .interrupted: return (stop ?? .interrupt).exitCode
        }
    }

    /// Prints why no quiz could be chosen; returns its exit code.
    private func report(_ failure: SelectionFailure) -> Int32 {
        for line in failure.lines { output.writeError(line.hasPrefix("  ") ? line + "\n" : "error: " + line + "\n") }
        return failure.exitCode
    }

    /// `--resume`: the last attempt that ended early, of the named session or of any session
    /// of the course, rebuilt on its quiz as it is now.
    private func findResumable(store: Result<ProgressStore, ProgressStoreError>)
        -> Result<(SelectedQuiz, ResumedAttempt), SelectionFailure> {
        let named: SelectedQuiz?
        let sessionIDs: [String]
        if options.session != nil {
            switch QuizSelection.select(reference: options.session, course: options.course) {
            case .success(let found): (named, sessionIDs) = (found, [found.sessionID])
            case .failure(let failure): return .failure(failure)
            }
        } else {
            named = nil
            sessionIDs = QuizSelection.sessions(course: options.course).map(\.id)
        }
        let record: AttemptRecord?
        switch store {
        case .success(let store):
            do {
                record = try store.lastIncompleteAttempt(sessionIDs: sessionIDs, learner: .learner(learner))
            } catch {
                return .failure(SelectionFailure(exitCode: 1, lines: ["cannot read the attempts to resume: \(error)"]))
            }
        case .failure(let failure):
            return .failure(SelectionFailure(exitCode: 1, lines: ["nothing can be resumed: \(failure.description)"]))
        }
        let which = named.map { "session \($0.sessionID)" } ?? "this course"
        guard let record else {
            return .failure(SelectionFailure(exitCode: 1, lines: [
                "nothing to resume: no attempt at \(which) ended early; start one with `lectern quiz\(options.session.map { " " + $0 } ?? "")`",
            ]))
        }
        let selected: SelectedQuiz
        if let named {
            selected = named
        } else {
            switch QuizSelection.select(reference: record.sessionID, course: options.course) {
            case .success(let found): selected = found
            case .failure(let failure): return .failure(failure)
            }
        }
        guard let resumed = ResumedAttempt(record: record, quiz: selected.quiz) else {
            return .failure(SelectionFailure(exitCode: 1, lines: [
                "cannot resume the attempt of \(ProgressReport.format(record.startedAt)) at session \(record.sessionID): "
                    + "the quiz has changed since, so its answers no longer apply; start afresh with `lectern quiz \(record.sessionID)`",
            ]))
        }
        return .success((selected, resumed))
    }

    /// The quiz as written, or shuffled from `--seed` (a fresh seed, shown and recorded, when
    /// only `--shuffle` is given).
    private func makePlan(_ quiz: Quiz) -> QuizPlan {
        guard options.shuffle || options.seed != nil else { return QuizPlan(quiz: quiz) }
        var system = SystemRandomNumberGenerator()
        return QuizPlan(quiz: quiz, shuffledWithSeed: options.seed ?? (system.next() >> 11))
    }

    /// `--answers`, else the text piped on stdin, as shown option indices: one answer per
    /// scored question still open.
    private func scriptedAnswers(_ plan: QuizPlan, pending: [Int], readStandardInput: () -> String) -> Result<[Set<Int>]?, ScriptedAnswerError> {
        do throws(ScriptedAnswerError) {
            if let list = options.answers { return .success(try ScriptedAnswers.parseList(list, plan: plan, pending: pending)) }
            return .success(try ScriptedAnswers.parseText(readStandardInput(), plan: plan, pending: pending))
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

    /// Whose attempt this is: `--learner`, else the login name.
    private var learner: String { options.learner ?? Learner.loginName(environment: environment) }

    /// Saves the attempt (over its own row when it was taken up again); when that cannot be
    /// done, prints the result as JSON so it is not lost. An attempt stopped before any answer
    /// (or any self-check item revealed) holds nothing worth keeping and is not saved.
    private func save(_ result: QuizResult, resuming earlier: AttemptRecord?, in store: Result<ProgressStore, ProgressStoreError>,
                      screen: QuizScreen) {
        if !result.isComplete, result.answered == 0, !result.answers.contains(where: { $0.revealed == true }) {
            if options.format == .text { output.write("\n" + screen.note("Nothing was answered, so nothing was saved.")) }
            return
        }
        let problem: ProgressStoreError
        switch store {
        case .success(let store):
            do {
                var record = AttemptRecord(result, learner: learner)
                if let earlier {
                    record.id = earlier.id
                    record.attemptID = earlier.attemptID
                    try store.update(record)
                } else {
                    try store.record(record)
                }
                if options.format == .text {
                    let kind = result.isComplete
                        ? "Attempt saved; `lectern progress` shows your history."
                        : "Saved as an incomplete attempt; `lectern quiz --resume` takes it up again, `lectern progress` shows your history."
                    output.write("\n" + screen.note(kind))
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
            output.write("\n" + StableJSON.encode(result))
        }
    }

    /// Everything on a descriptor until its end (piped answers).
    static func readAll(_ descriptor: Int32) -> String {
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }
}
