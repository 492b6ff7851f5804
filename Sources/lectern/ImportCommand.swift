import ArgumentParser
import Exchange
import Foundation

/// `lectern import FILE --format F --output DIR`: a question bank as quiz pages. The import
/// itself runs in `lectern-import`, so that only it loads libxml2.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a GIFT or Moodle XML question bank as quiz pages (one folder per category).",
        discussion: """
            Each category becomes DIR/<category>/quiz.md in Lectern's quiz syntax, with its images beside it. \
            Single-answer multiple choice and true/false questions are imported; every other kind (essay, \
            matching, numerical, short answer, multiple answers…) is reported with its line and left out. \
            Exit codes: 0 imported (warnings allowed), 1 nothing could be imported or a file would be replaced, 2 usage error.
            """
    )

    @Argument(help: "The question bank to read.")
    var file: String

    @Option(help: "The question bank's format.")
    var format: ImportFormat

    @Option(help: "The folder to write the quiz pages into.")
    var output: String

    @Flag(help: "Replace quiz pages and images that already exist.")
    var force = false

    func run() throws {
        let request = ImportRequest(file: file, format: format.exchangeFormat, output: output, force: force)
        let helper = PreviewLauncher.helperPath(named: ImportRequest.executableName)
        PreviewLauncher.replaceProcess(with: helper, arguments: request.arguments)
        // Reached only when the importer could not be started.
        FileHandle.standardError.write(Data("""
            error: cannot start the importer \(helper): \(String(cString: strerror(errno))). \
            It is built beside lectern: `scripts/build-release` (run by scripts/bootstrap), or \
            `swift build --product \(ImportRequest.executableName)` for a debug build

            """.utf8))
        throw ExitCode(1)
    }
}

/// The formats lectern imports (export writes the QTI packages too), so `--help` and a wrong
/// value's error list only these.
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    case gift
    case moodleXML = "moodle-xml"

    var exchangeFormat: ExchangeFormat {
        switch self {
        case .gift: .gift
        case .moodleXML: .moodleXML
        }
    }
}
