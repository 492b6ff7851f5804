import Course
import Exchange
import Foundation

/// The question-bank files a quiz page offers when course.yml says `export: true`: GIFT,
/// Moodle XML, a QTI 2.1 package and a QTI 1.2 (Canvas) package, beside the quiz page.
enum QuizDownloads {
    struct Download {
        var format: ExchangeFormat
        var label: String
        /// The file's path in the site.
        var output: String
    }

    /// The downloads of the quiz page at `quizOutput` (`04-…/quiz.html` → `04-…/quiz.gift.txt`…).
    static func downloads(forQuizAt quizOutput: String) -> [Download] {
        let base = quizOutput.hasSuffix(".html") ? String(quizOutput.dropLast(5)) : quizOutput
        return [
            Download(format: .gift, label: "GIFT", output: base + ".gift.txt"),
            Download(format: .moodleXML, label: "Moodle XML", output: base + ".moodle.xml"),
            Download(format: .qti, label: "QTI 2.1 package", output: base + ".qti21.zip"),
            Download(format: .qti12, label: "QTI 1.2 package (Canvas)", output: base + ".qti12.zip"),
        ]
    }

    /// Whether the quiz can be exported: it has questions, each with exactly one ✅.
    static func isExportable(_ quiz: Quiz) -> Bool {
        !quiz.questions.isEmpty && quiz.questions.allSatisfy { $0.correctIndex != nil }
    }

    /// The files' bytes, by site path; problems (an image that cannot be packaged) as warnings.
    static func files(course: Course, session: Session, source page: Page, quizOutput: String,
                      diagnostics: inout [Diagnostic]) -> [(path: String, data: Data)] {
        guard let quiz = session.quiz, isExportable(quiz) else { return [] }
        let source = ExportSelection.source(quiz: quiz, page: page, title: session.title, course: course)
        var files: [(path: String, data: Data)] = []
        for download in downloads(forQuizAt: quizOutput) {
            do {
                let output = try Exchange.export([source], format: download.format, header: "Exported by Lectern: \(session.title)")
                if download.format == .moodleXML { diagnostics += output.diagnostics }
                files.append((download.output, output.data))
            } catch {
                diagnostics.append(.warning(quiz.displayPath, "the \(download.label) download was not made: \(error)"))
            }
        }
        return files
    }
}
