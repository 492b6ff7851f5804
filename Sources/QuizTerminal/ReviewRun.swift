import Course
import FSRS
import Foundation
import Progress
import Quiz
import Support

/// Everything `lectern review` can be told.
public struct ReviewOptions: Sendable {
    public var course: String?
    public var learner: String?
    /// At most this many questions in one sitting.
    public var limit: Int
    /// Print the due questions instead of asking them.
    public var list: Bool
    public var format: OutputFormat
    public var noColor: Bool
    public var dataDirectory: String?

    public init(course: String? = nil, learner: String? = nil, limit: Int = 20, list: Bool = false,
                format: OutputFormat = .text, noColor: Bool = false, dataDirectory: String? = nil) {
        self.course = course
        self.learner = learner
        self.limit = limit
        self.list = list
        self.format = format
        self.noColor = noColor
        self.dataDirectory = dataDirectory
    }
}

/// `lectern review`: the questions FSRS says are due, listed or asked like the quiz, each
/// answer recorded as a review (wrong: Again, right: Good). Returns the exit code: 0 done,
/// 1 the course or the store cannot be used, 130 interrupted.
public struct ReviewRun {
    public var options: ReviewOptions
    public var environment: [String: String]
    public var output: any TextOutput
    public var interactive: Bool
    public var width: () -> Int
    public var clock: @Sendable () -> Date

    public init(options: ReviewOptions, environment: [String: String], output: any TextOutput, interactive: Bool,
                width: @escaping () -> Int, clock: @escaping @Sendable () -> Date = Date.init) {
        self.options = options
        self.environment = environment
        self.output = output
        self.interactive = interactive
        self.width = width
        self.clock = clock
    }

    /// The run on the real process: at a terminal the due questions are asked like the quiz
    /// (one key, arrows, stop signals caught, the terminal restored); otherwise one answer per
    /// line on stdin.
    public static func main(options: ReviewOptions) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let interactive = TerminalInfo.isTerminal(0) && TerminalInfo.isTerminal(1)
        let width: () -> Int = { TerminalInfo.columns(of: 1) }
        let run = ReviewRun(options: options, environment: ProcessInfo.processInfo.environment, output: StandardOutput(),
                            interactive: interactive, width: width)
        let mode = TerminalMode(descriptor: 0)
        defer { mode.restore() }
        return run.execute(readStandardInput: { QuizRun.readAll(0) }, makeReader: { style -> any ChoiceReader in
            StopSignals.install()
            mode.enter(style)
            switch style {
            case .keys(let confirm): return KeyChoiceReader(source: DescriptorKeySource(descriptor: 0), confirm: confirm, currentWidth: width)
            case .lines: return LineChoiceReader(source: DescriptorLineSource(descriptor: 0))
            }
        }, leaveTerminal: { mode.restore() })
    }

    /// Lists or asks the due questions. `readStandardInput` gives piped answers, `makeReader`
    /// the learner's terminal (both injected so tests can drive every path).
    public func execute(readStandardInput: () -> String, makeReader: (InputStyle) -> any ChoiceReader,
                        leaveTerminal: () -> Void = {}) -> Int32 {
        let learner = options.learner ?? Learner.loginName(environment: environment)
        let root = CourseFolder.resolve(options.course)
        var diagnostics: [Diagnostic] = []
        guard let course = CourseLoader.load(root, exerciseFiles: false, diagnostics: &diagnostics) else {
            for line in diagnostics.filter({ $0.severity == .error }).sorted() { output.writeError(line.description + "\n") }
            return 1
        }
        let sources = course.sessions.compactMap { session -> ReviewDeck.Source? in
            guard let quiz = session.quiz, quiz.questions.contains(where: \.isScored) else { return nil }
            return ReviewDeck.Source(sessionID: session.id, sessionTitle: session.title, quiz: quiz)
        }
        let url = DataDirectory.databaseURL(in: DataDirectory.resolve(explicit: options.dataDirectory, environment: environment))
        let store: ProgressStore?
        do {
            if options.list {
                store = FileManager.default.fileExists(atPath: url.path) ? try ProgressStore.reading(url) : nil
            } else {
                store = try ProgressStore(url: url)
            }
        } catch {
            output.writeError("error: \((error as? ProgressStoreError)?.description ?? "\(error)")\n")
            return 1
        }
        let now = clock()
        let cards: [ReviewCard]
        do {
            let scope = LearnerScope.learner(learner, loginName: Learner.loginName(environment: environment))
            cards = ReviewDeck.cards(sources, attempts: try store?.attempts(learner: scope) ?? [],
                                     reviews: try store?.reviews(learner: learner) ?? [])
        } catch {
            output.writeError("error: \((error as? ProgressStoreError)?.description ?? "\(error)")\n")
            return 1
        }
        let due = Array(ReviewDeck.due(cards, at: now).prefix(options.limit))
        if options.list {
            output.write(options.format == .json ? ReviewListing.json(due, learner: learner, cards: cards.count)
                                                 : ReviewListing.text(due, learner: learner, cards: cards, now: now))
            return 0
        }
        guard let store else { return 1 }
        return ask(due, all: cards, learner: learner, store: store, readStandardInput: readStandardInput,
                   makeReader: makeReader, leaveTerminal: leaveTerminal)
    }

    /// Asks the due questions as one quiz (the quiz's own conversation, with feedback after
    /// each answer), then records a review per answered question: wrong rates Again, right Good.
    private func ask(_ due: [ReviewCard], all: [ReviewCard], learner: String, store: ProgressStore,
                     readStandardInput: () -> String, makeReader: (InputStyle) -> any ChoiceReader,
                     leaveTerminal: () -> Void) -> Int32 {
        let color = TerminalInfo.useColor(noColorFlag: options.noColor, environment: environment, outputIsTerminal: interactive)
        let screen = QuizScreen(color: color, width: width())
        if due.isEmpty {
            if options.format == .text { output.write(screen.note(ReviewListing.nothingDue(cards: all, learner: learner, now: clock()))) }
            else { output.write(ReviewListing.resultJSON([], learner: learner, due: 0, ending: .completed)) }
            return 0
        }
        let title = "Review: \(due.count) question\(due.count == 1 ? "" : "s") due"
        let quiz = Quiz(title: title, questions: due.map(\.question), scoringGuide: nil, displayPath: "")
        var attempt = Attempt(plan: QuizPlan(quiz: quiz))
        var stop: StopReason?
        if interactive {
            var reader = makeReader(TerminalInfo.isDumb(environment) ? .lines : .keys(confirm: TerminalInfo.isOn("LECTERN_QUIZ_CONFIRM", in: environment)))
            stop = InteractiveQuiz(screen: screen, feedback: .immediate, currentWidth: width)
                .run(&attempt, title: title, reader: &reader, output: output)
            leaveTerminal()
        } else {
            do throws(ScriptedAnswerError) {
                attempt.play(try ScriptedAnswers.parseText(readStandardInput(), plan: attempt.plan))
            } catch {
                output.writeError("error: \(error.message)\n")
                return 2
            }
            attempt.end(.endOfInput)
            if options.format == .text { output.write(screen.title(title)) }
        }

        var answered: [(card: ReviewCard, chosen: String, isCorrect: Bool)] = []
        for (position, presented) in attempt.plan.questions.enumerated() {
            guard let shown = attempt.selections[position], !shown.isEmpty,
                  let isCorrect = attempt.isCorrect(at: position) else { continue }
            let card = due[presented.originalIndex]
            let chosen = shown.map { presented.shownOptions[$0].choice.letter }.sorted().joined(separator: "+")
            answered.append((card, chosen, isCorrect))
        }
        let reviewedAt = clock()
        do {
            try store.record(answered.map { card, chosen, isCorrect in
                ReviewRecord(learner: learner, sessionID: card.sessionID, question: card.question.number,
                             questionHash: card.questionHash, chosen: chosen,
                             correct: card.question.answerLetters,
                             rating: (isCorrect ? Rating.good : Rating.again).rawValue, reviewedAt: reviewedAt)
            })
        } catch {
            output.writeError("warning: the reviews were not saved: \((error as? ProgressStoreError)?.description ?? "\(error)")\n")
        }
        let ending: Attempt.Ending = if case .ended(let ending) = attempt.state { ending } else { .completed }
        let right = answered.filter(\.isCorrect).count
        switch options.format {
        case .text:
            output.write("\n" + screen.note("Reviewed \(answered.count) of \(due.count): \(right) right, \(answered.count - right) wrong; each review is saved."))
        case .json:
            output.write(ReviewListing.resultJSON(answered.map { ($0.card, $0.chosen, $0.isCorrect) }, learner: learner, due: due.count,
                                                  ending: ending))
        }
        output.write(screen.reset)
        switch ending {
        case .completed, .quit: return 0
        case .endOfInput: return answered.count == due.count ? 0 : 1
        case .interrupted: return (stop ?? .interrupt).exitCode
        }
    }
}

/// `lectern review --list` and the JSON of a review.
enum ReviewListing {
    static func text(_ due: [ReviewCard], learner: String, cards: [ReviewCard], now: Date) -> String {
        guard !due.isEmpty else { return nothingDue(cards: cards, learner: learner, now: now) + "\n" }
        var lines = ["\(due.count) question\(due.count == 1 ? "" : "s") due for \(learner):"]
        for card in due {
            let title = card.question.title.map { ": \($0)" } ?? ""
            lines.append("  \(card.sessionID)  question \(card.question.number)\(title)  (due \(format(card.card.due)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func nothingDue(cards: [ReviewCard], learner: String, now: Date) -> String {
        guard let next = cards.map(\.card.due).filter({ $0 > now }).min() else {
            return "Nothing to review for \(learner) yet: questions join the review once answered in `lectern quiz`."
        }
        return "Nothing is due for \(learner); the next question is due \(format(next))."
    }

    struct Entry: Encodable {
        var session: String
        var number: Int
        var title: String?
        var due: Date
        var state: String
        var stability: Double?
        var difficulty: Double?
    }

    static func entry(_ card: ReviewCard) -> Entry {
        Entry(session: card.sessionID, number: card.question.number, title: card.question.title, due: card.card.due,
              state: ["", "learning", "review", "relearning"][card.card.state.rawValue],
              stability: card.card.stability, difficulty: card.card.difficulty)
    }

    static func json(_ due: [ReviewCard], learner: String, cards: Int) -> String {
        struct Document: Encodable {
            var learner: String
            var cards: Int
            var due: [Entry]
        }
        return StableJSON.encode(Document(learner: learner, cards: cards, due: due.map(entry)))
    }

    static func resultJSON(_ answered: [(ReviewCard, String, Bool)], learner: String, due: Int, ending: Attempt.Ending) -> String {
        struct Answer: Encodable {
            var session: String
            var number: Int
            var chosen: String
            var correct: String
            var isCorrect: Bool
            var rating: String
        }
        struct Document: Encodable {
            var learner: String
            var due: Int
            var status: String
            var reviews: [Answer]
        }
        let answers = answered.map { card, chosen, isCorrect in
            Answer(session: card.sessionID, number: card.question.number, chosen: chosen,
                   correct: card.question.answerLetters, isCorrect: isCorrect, rating: isCorrect ? "good" : "again")
        }
        return StableJSON.encode(Document(learner: learner, due: due, status: ending.rawValue, reviews: answers))
    }

    static func format(_ date: Date) -> String { ProgressReport.format(date) }
}
