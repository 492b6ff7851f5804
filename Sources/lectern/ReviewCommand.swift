import ArgumentParser
import QuizTerminal
import Support

/// `lectern review`: spaced repetition over the questions you have answered.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the quiz questions that are due, scheduled by FSRS-6 from your past answers.",
        discussion: """
            Every question you have answered in `lectern quiz` is a card; FSRS-6 (default parameters, desired \
            retention 0.9) schedules it from your answers: a wrong answer rates Again, a right one Good. Without \
            a terminal, give one answer per line on stdin. Exit codes: 0 done, 1 the course or store cannot be \
            used (or input ended early), 2 usage error, 130 interrupted.
            """
    )

    @Option(help: "At most this many questions.")
    var limit = 20

    @Flag(help: "List the due questions (session, number) without asking them.")
    var list = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var courseOption: CourseOption

    @Option(help: "Whose reviews these are. Default: your login name.")
    var learner: String?

    @OptionGroup var colorOption: ColorOption

    @OptionGroup var dataDirOption: DataDirOption

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if let learner { _ = try LearnerOption.validate(learner) }
    }

    func run() throws {
        let options = ReviewOptions(course: courseOption.course, learner: try learner.map(LearnerOption.validate), limit: limit, list: list,
                                    format: format, noColor: colorOption.noColor, dataDirectory: dataDirOption.dataDir)
        let code = ReviewRun.main(options: options)
        if code != 0 { throw ExitCode(code) }
    }
}
