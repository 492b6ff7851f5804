import ArgumentParser
import Foundation
import Progress
import Support
import TextEscaping

/// `lectern progress`: the learner's history of quiz attempts and exercise gradings.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your quiz attempts and exercise gradings: counts, best scores and bands, last dates.",
        discussion: "Exit codes: 0 shown, 1 the progress database cannot be read."
    )

    @Option(help: "Whose history to show. Default: your login name (with what was recorded before lectern kept learners).")
    var learner: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Where the progress database lives. Default: $LECTERN_DATA_DIR, else $XDG_DATA_HOME/lectern, else ~/.local/share/lectern.")
    var dataDir: String?

    func validate() throws {
        if let learner { _ = try LearnerOption.validate(learner) }
    }

    func run() throws {
        do {
            let name = try learner.map(LearnerOption.validate) ?? Learner.loginName()
            let report = try ProgressReport.load(dataDirectory: DataDirectory.resolve(explicit: dataDir), learner: .learner(name))
            switch format {
            case .text: print(report.text, terminator: "")
            case .json: print(report.json(), terminator: "")
            }
        } catch let error as ProgressStoreError {
            FileHandle.standardError.write(Data("error: \(VisibleText.lines(error.description))\n".utf8))
            throw ExitCode(1)
        }
    }
}
