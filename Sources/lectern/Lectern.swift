import ArgumentParser
import Course
import Foundation

/// The `lectern` command: a thin shell over the library modules.
@main
struct Lectern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A courseware engine: check a markdown course, take its quizzes, grade its exercises, build its study site.",
        discussion: """
            Exit codes: 0 success, 1 a failure found (invalid course, failing grade where asked), \
            2 usage error, 130 interrupted.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self,
            GradeCommand.self,
            QuizCommand.self,
            ReadCommand.self,
            ProgressCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            StatsCommand.self,
            ReviewCommand.self,
            SiteCommand.self,
            DoctorCommand.self,
        ]
    )

    /// Runs the command, mapping ArgumentParser's usage failures (64) to the documented 2.
    static func main() async {
        CourseLoader.prepare()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
