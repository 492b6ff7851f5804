import ArgumentParser
import Course
import Foundation
import Grading
import Sandbox
import Site
import Support

/// `lectern check [DIR]`: validates a whole course and prints every problem in one run.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a course: quizzes, scoring guides, links, exercises.",
        discussion: "Prints every problem as path:line:col: error|warning: message, sorted, then a summary. Exits 1 when there is an error."
    )

    @Argument(help: "The course folder (with course.yml), a folder of markdown, or one markdown file. Default: ./content if it exists, else the current folder.")
    var path: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Skip running each exercise's hidden tests against its reference and mutants.")
    var noExercises = false

    @Flag(help: "Run the exercise checks without the sandbox (trusted exercise files only).")
    var noSandbox = false

    @Option(help: "Exercise gradings run at once during the exercise checks.")
    var jobs = 2

    func run() async throws {
        let target = CourseFolder.resolve(path)
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(target, diagnostics: &diagnostics)
        if let course {
            AnchorChecker.check(course, diagnostics: &diagnostics)  // the same #fragment check as site build
        }
        var findings = ExerciseValidator.Findings()
        for exercise in course?.exercises ?? [] { findings.diagnostics += Traceability.check(exercise) }
        if !noExercises, let exercises = course?.exercises, !exercises.isEmpty {
            let sandbox: any Sandbox = noSandbox ? Unsandboxed() : Bubblewrap()
            let validated = await ExerciseValidator(sandbox: sandbox, jobs: jobs).validate(exercises)
            findings.diagnostics += validated.diagnostics
            findings.notes += validated.notes
        }
        var report = CheckReport(course: course, diagnostics: diagnostics + findings.diagnostics)
        report.notes += findings.notes
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json(), terminator: "")
        }
        endProcess(keeping: course, code: report.errorCount > 0 ? 1 : 0)  // the process ends with the check
    }
}

/// The output formats commands share.
extension OutputFormat: ExpressibleByArgument {}
