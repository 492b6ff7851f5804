import ArgumentParser
import Course
import Exchange
import Foundation

/// `lectern export [SESSION…] --format F --output PATH`: quizzes as an LMS question bank.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export quizzes as GIFT, Moodle XML, a QTI 2.1 package or a QTI 1.2 (Canvas) package.",
        discussion: """
            Question text, options and explanations are HTML from Lectern's renderer; images are packaged \
            (Moodle XML embeds them, QTI zips them; GIFT cannot carry them and says so). \
            Exit codes: 0 written, 1 a quiz cannot be exported, 2 usage error.
            """
    )

    @Argument(help: "Sessions to export: numbers, ids or paths. Default: every session with a quiz.")
    var sessions: [String] = []

    @Option(help: "gift, moodle-xml, qti (QTI 2.1 package) or qti12 (QTI 1.2 for Canvas and Common Cartridge).")
    var format: ExchangeFormat

    @Option(help: "The file to write (replaced whole).")
    var output: String

    @OptionGroup var courseOption: CourseOption

    func run() throws {
        let root = courseOption.path
        var diagnostics: [Diagnostic] = []
        guard let loaded = CourseLoader.load(root, diagnostics: &diagnostics) else {
            Terminal.printErrors(diagnostics.filter { $0.severity == .error }.sorted().map(\.description))
            throw ExitCode(1)
        }
        let sources: [ExportSource]
        switch ExportSelection.sources(loaded, references: sessions, diagnostics: diagnostics) {
        case .success(let found): sources = found
        case .failure(let failure):
            Terminal.printErrors(failure.lines)
            throw ExitCode(failure.isUsage ? 2 : 1)
        }
        let header = "Exported by Lectern: " + sources.map(\.title).joined(separator: ", ")
        let result = try Exchange.export(sources, format: format, header: header)
        for diagnostic in result.diagnostics.sorted() { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
        do {
            try result.data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.printErrors(["cannot write \(output): \(error.localizedDescription)"])
            throw ExitCode(1)
        }
        let images = result.imageCount == 0 ? "" : " and \(result.imageCount) image\(result.imageCount == 1 ? "" : "s")"
        print("Wrote \(result.questionCount) question\(result.questionCount == 1 ? "" : "s")\(images) "
            + "from \(sources.count) session\(sources.count == 1 ? "" : "s") to \(output) (\(format.rawValue))")
    }
}

extension ExchangeFormat: ExpressibleByArgument {}
