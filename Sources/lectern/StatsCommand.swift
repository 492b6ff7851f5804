import ArgumentParser
import Foundation
import ItemAnalysis
import Progress
import QuizTerminal
import Support

/// `lectern stats [SESSION]`: classical item analysis of a quiz's attempts in the store.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item analysis of a quiz's attempts: facility, discrimination, options, KR-20.",
        discussion: """
            Computed as Moodle's quiz statistics report does (MoodleDocs, "Quiz statistics calculations"): \
            facility = mean score / max; discrimination = correlation of the question with the rest of the test; \
            discriminative efficiency = that covariance / the largest the scores allow; option shares overall and \
            in the top and bottom 27% by total; KR-20 (Cronbach's alpha) = P/(P-1)(1 - sum of item variances / \
            test variance); error ratio = sqrt(1 - KR-20); standard error = error ratio x SD. Only complete attempts \
            on the current version of the quiz count, each learner's first unless --all-attempts. \
            Exit codes: 0 shown, 1 the quiz or the database cannot be read, 2 usage error.
            """
    )

    @Argument(help: "The session: its number, id or path. Default: the only session with a quiz.")
    var session: String?

    @OptionGroup var courseOption: CourseOption

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Every complete attempt, not only each learner's first (statistically weaker).")
    var allAttempts = false

    @OptionGroup var dataDirOption: DataDirOption

    func run() throws {
        let selected: SelectedQuiz
        switch QuizSelection.select(reference: session, course: courseOption.course) {
        case .success(let found): selected = found
        case .failure(let failure):
            Terminal.printErrors(failure.lines)
            throw ExitCode(failure.exitCode)
        }
        let url = DataDirectory.databaseURL(in: dataDirOption.url)
        var attempts: [AttemptRecord] = []
        if FileManager.default.fileExists(atPath: url.path) {
            do {
                attempts = try ProgressStore.reading(url).attempts(sessionID: selected.sessionID)
            } catch let error as ProgressStoreError {
                Terminal.printErrors([error.description])
                throw ExitCode(1)
            }
        }
        let quiz = selected.quiz
        let chosen = AttemptSelection.forAnalysis(attempts, contentHash: quiz.contentHash, allAttempts: allAttempts)
        let items = quiz.questions.map { question in
            Responses.Item(number: question.number, title: question.title, letters: question.options.map(\.letter),
                           correct: question.correctOption?.letter ?? "?")
        }
        let rows = chosen.map { attempt in
            let byQuestion = Dictionary(attempt.answers.map { ($0.question, $0.chosen) }, uniquingKeysWith: { first, _ in first })
            return quiz.questions.map { byQuestion[$0.number] ?? nil }
        }
        let report = ItemAnalysisReport(analysis: ItemAnalysis(Responses(items: items, attempts: rows)),
                                        sessionID: selected.sessionID, sessionTitle: selected.sessionTitle, allAttempts: allAttempts)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json(), terminator: "")
        }
    }
}
