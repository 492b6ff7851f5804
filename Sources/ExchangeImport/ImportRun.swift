import Course
import Exchange
import Foundation

/// `lectern import` from file to pages: read the bank, report every problem, write one
/// `<category>/quiz.md` (and its images) per category. Returns the exit code: 0 imported,
/// 1 nothing could be imported or a file would be replaced.
public enum ImportRun {
    public static func execute(_ request: ImportRequest, write: (String) -> Void, writeError: (String) -> Void) -> Int32 {
        let file = request.file, output = request.output
        guard let data = FileManager.default.contents(atPath: file) else {
            writeError("error: \(file): cannot read the file\n")
            return 1
        }
        let category = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let result = Importer.read(data, format: request.format, path: file, defaultCategory: category)
        let (pages, notes) = Importer.pages(result, path: file)
        for diagnostic in (result.diagnostics + notes).sorted() { writeError(diagnostic.description + "\n") }
        guard !pages.isEmpty else {
            writeError("error: \(file): no question could be imported\n")
            return 1
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
        if !request.force, !existing.isEmpty {
            for url in existing { writeError("error: \(url.path) exists; nothing was written (--force replaces it)\n") }
            return 1
        }
        do {
            for (url, bytes) in planned {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url, options: .atomic)
            }
        } catch {
            writeError("error: cannot write into \(output): \(error.localizedDescription)\n")
            return 1
        }
        for page in pages {
            write("\(page.questionCount) question\(page.questionCount == 1 ? "" : "s") -> "
                + (output as NSString).appendingPathComponent(page.folder + "/quiz.md") + "\n")
        }
        let left = result.diagnostics.filter { $0.message.contains("left out") }.count
        write("Imported \(result.questionCount) question\(result.questionCount == 1 ? "" : "s") into \(pages.count) page\(pages.count == 1 ? "" : "s")"
            + (left > 0 ? "; \(left) left out (see above)" : "") + "\n")
        return 0
    }
}
