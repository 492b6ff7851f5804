import ArgumentParser
import Progress
import QuizTerminal
import Support

/// `lectern quiz [SESSION]`: take a session's multiple-choice test in the terminal.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a session's multiple-choice test: score, band and a review of missed questions.",
        discussion: """
            Interactive when stdin and stdout are a terminal: press a letter or number to answer, or move with \
            the arrows and press Enter; for several right answers, tick each with its letter, number or space and \
            press Enter; ? for help, q to quit (with TERM=dumb: a letter, or A+C, and Enter). Otherwise \
            scripted: --answers, or one answer per line on stdin. Every attempt is saved in the progress store \
            (see 'lectern progress'); one cut short can be taken up again with --resume.

            Exit codes: 0 finished (or quit on request), 1 input ended mid-quiz, nothing to resume, or the quiz \
            cannot be taken, 2 usage error (e.g. a bad answer, named by its position), 130 interrupted (Ctrl-C), \
            143 terminated (SIGTERM), 129 hung up (SIGHUP, the terminal closed).
            """
    )

    @Argument(help: "The session: its number, id, or a path (a course folder, or any markdown file holding a quiz). Default: the only session; at a terminal, a list to pick from when there are several.")
    var session: String?

    @OptionGroup var courseOption: CourseOption

    @Option(help: "When to show right and wrong: end (a review at the end) or immediate (after each answer).")
    var feedback: FeedbackMode = .end

    @Flag(help: "Shuffle the questions and the options within each; letters are re-assigned as shown.")
    var shuffle = false

    @Option(help: "The shuffle's seed, for the same order every run (implies --shuffle).")
    var seed: UInt64?

    @Option(help: "Which questions the final review shows: missed or all.")
    var review: ReviewMode = .missed

    @Option(help: "Answer every question at once, comma separated, as shown (e.g. D,D,A,A,C,C,D,B,A,C).")
    var answers: String?

    @Option(help: "Output format of the result: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var colorOption: ColorOption

    @Flag(help: "A letter or number only selects; Enter confirms it (also LECTERN_QUIZ_CONFIRM=1).")
    var confirm = false

    @Flag(help: "For screen readers: one line per event, no cursor movement, no colour, right and wrong in words.")
    var plain = false

    @Flag(help: "Take up the last attempt that ended early (of SESSION, or of any session of the course) where it stopped.")
    var resume = false

    @Option(help: "Whose attempt this is, so one progress store can hold a class. Default: your login name.")
    var learner: String?

    @OptionGroup var dataDirOption: DataDirOption

    func validate() throws {
        if let learner { _ = try LearnerOption.validate(learner) }
    }

    func run() throws {
        let options = QuizOptions(
            session: session, course: courseOption.course, feedback: feedback, shuffle: shuffle, seed: seed, review: review,
            format: format, noColor: colorOption.noColor, dataDirectory: dataDirOption.dataDir, answers: answers, confirm: confirm, plain: plain,
            resume: resume, learner: try learner.map(LearnerOption.validate))
        let code = QuizRun.main(options: options)
        if code != 0 { throw ExitCode(code) }
    }
}

extension FeedbackMode: ExpressibleByArgument {}
extension ReviewMode: ExpressibleByArgument {}
