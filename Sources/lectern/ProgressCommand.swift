import ArgumentParser
import Foundation
import Progress
import Support
import TextEscaping

/// `lectern progress`: the learner's history of quiz attempts and exercise gradings, and
/// `lectern progress import` of the quiz results kept by the study site.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your quiz attempts and exercise gradings: counts, best scores and bands, last dates.",
        discussion: """
            `lectern progress` alone is `lectern progress show` (its options: `lectern progress show --help`). \
            Exit codes: 0 shown, 1 the progress database cannot be read.
            """,
        subcommands: [ProgressShowCommand.self, ProgressImportCommand.self],
        defaultSubcommand: ProgressShowCommand.self
    )
}

/// `lectern progress` (`show`): the history.
struct ProgressShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show your quiz attempts and exercise gradings (the default).",
        discussion: "Exit codes: 0 shown, 1 the progress database cannot be read."
    )

    @Option(help: "Whose history to show. Default: your login name (with what was recorded before lectern kept learners).")
    var learner: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var dataDirOption: DataDirOption

    func validate() throws {
        if let learner { _ = try LearnerOption.validate(learner) }
    }

    func run() throws {
        do {
            let name = try learner.map(LearnerOption.validate) ?? Learner.loginName()
            let report = try ProgressReport.load(dataDirectory: dataDirOption.url, learner: .learner(name))
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

/// `lectern progress import FILE`: the quiz results downloaded from the study site.
struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the quiz results downloaded from the study site (lectern-progress.json) to your history.",
        discussion: """
            The study site keeps each quiz attempt in the browser; its "Download them" button saves \
            them as JSON. Importing the same file again adds nothing (attempts are known by their id). \
            A file with any problem is not imported; every problem is printed as FILE:line:col: error: …. \
            Exit codes: 0 imported, 1 the file or the progress database cannot be used, 2 usage error.
            """
    )

    @Argument(help: "The downloaded file (lectern-progress.json).")
    var file: String

    @Option(help: "Whose attempts they are. Default: your login name.")
    var learner: String?

    @OptionGroup var dataDirOption: DataDirOption

    func validate() throws {
        if let learner { _ = try LearnerOption.validate(learner) }
    }

    func run() throws {
        let name = try learner.map(LearnerOption.validate) ?? Learner.loginName()
        guard let data = FileManager.default.contents(atPath: file) else {
            let why = FileManager.default.fileExists(atPath: file) ? "cannot be read" : "does not exist"
            FileHandle.standardError.write(Data("\(VisibleText.lines(file)): error: the file \(why)\n".utf8))
            throw ExitCode(1)
        }
        let attempts: [AttemptRecord]
        switch SiteProgressFile.read(data, learner: name) {
        case .success(let read):
            attempts = read
        case .failure(let list):
            let lines = list.problems.map { "\(VisibleText.lines(file)):\($0.description)" }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n"
                + "\(list.problems.count) error\(list.problems.count == 1 ? "" : "s"); nothing was imported\n").utf8))
            throw ExitCode(1)
        }
        do {
            let store = try ProgressStore(dataDirectory: dataDirOption.url)
            let (added, present) = try store.importAttempts(attempts)
            let already = present == 0 ? "" : " (\(present) already there)"
            print("Imported \(added) attempt\(added == 1 ? "" : "s") of \(attempts.count)\(already) for \(name) into \(store.path ?? "")")
        } catch let error as ProgressStoreError {
            FileHandle.standardError.write(Data("error: \(VisibleText.lines(error.description))\n".utf8))
            throw ExitCode(1)
        }
    }
}
