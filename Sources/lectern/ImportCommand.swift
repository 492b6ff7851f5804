import ArgumentParser
import Course
import Exchange
import Foundation

/// `lectern import FILE --format F --output DIR`: a question bank as quiz pages.
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

    @Option(help: "gift or moodle-xml.")
    var format: ExchangeFormat

    @Option(help: "The folder to write the quiz pages into.")
    var output: String

    @Flag(help: "Replace quiz pages and images that already exist.")
    var force = false

    func validate() throws {
        guard format.isImportable else { throw ValidationError("--format: lectern imports gift and moodle-xml") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.printErrors(["\(file): cannot read the file"])
            throw ExitCode(1)
        }
        let category = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let result = Exchange.read(data, format: format, path: file, defaultCategory: category)
        let (pages, notes) = Exchange.pages(result, path: file)
        for diagnostic in (result.diagnostics + notes).sorted() {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !pages.isEmpty else {
            Terminal.printErrors(["\(file): no question could be imported"])
            throw ExitCode(1)
        }
        let root = URL(fileURLWithPath: output)
        let planned = pages.flatMap { page in
            [(root.appendingPathComponent(page.folder).appendingPathComponent("quiz.md"), Data(page.markdown.utf8))]
                + page.assets.map { asset in
                    (root.appendingPathComponent(page.folder).appendingPathComponent(QuizPageWriter.imagesFolder)
                        .appendingPathComponent(asset.name), Data(asset.data))
                }
        }
        let existing = planned.map(\.0).filter { FileManager.default.fileExists(atPath: $0.path) }
        if !force, !existing.isEmpty {
            Terminal.printErrors(existing.map { "\($0.path) exists; nothing was written (--force replaces it)" })
            throw ExitCode(1)
        }
        do {
            for (url, bytes) in planned {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url, options: .atomic)
            }
        } catch {
            Terminal.printErrors(["cannot write into \(output): \(error.localizedDescription)"])
            throw ExitCode(1)
        }
        for page in pages {
            print("\(page.questionCount) question\(page.questionCount == 1 ? "" : "s") -> "
                + (output as NSString).appendingPathComponent(page.folder + "/quiz.md"))
        }
        let left = result.diagnostics.filter { $0.message.contains("left out") }.count
        print("Imported \(result.questionCount) question\(result.questionCount == 1 ? "" : "s") into \(pages.count) page\(pages.count == 1 ? "" : "s")"
            + (left > 0 ? "; \(left) left out (see above)" : ""))
    }
}
