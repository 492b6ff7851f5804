import Course
import Foundation

/// Which sessions of a loaded course `lectern export SESSION…` means.
public enum ExportSelection {
    /// The sources of the named sessions (numbers, ids or paths, as `lectern quiz` takes
    /// them), or of every session with a quiz when none is named. A quiz that cannot be
    /// taken (no questions, a question without exactly one ✅, errors on its page) is refused.
    public static func sources(_ course: Course, references: [String], diagnostics: [Diagnostic]) -> Result<[ExportSource], ExportSelectionError> {
        var sessions: [Session] = []
        if references.isEmpty {
            sessions = course.sessions.filter { $0.quiz != nil }
            if sessions.isEmpty { return .failure(ExportSelectionError(lines: ["\(course.displayRoot): no session with a quiz here"], isUsage: false)) }
        } else {
            for reference in references {
                guard let session = course.session(matching: reference) else {
                    let list = course.sessions.map { "  \($0.number.map { "\($0)  " } ?? "")\($0.id): \($0.title)" }
                    return .failure(ExportSelectionError(lines: ["no session \"\(reference)\" in \(course.displayRoot)"] + list, isUsage: true))
                }
                if !sessions.contains(where: { $0.id == session.id }) { sessions.append(session) }
            }
        }
        var sources: [ExportSource] = []
        var problems: [String] = []
        for session in sessions {
            guard let quiz = session.quiz, let page = session.quizPage else {
                problems.append("session \(session.id) (\(session.title)) has no quiz")
                continue
            }
            let errors = diagnostics.filter { $0.severity == .error && $0.path == quiz.displayPath }
            if quiz.questions.isEmpty || quiz.questions.contains(where: { $0.correctIndex == nil }) || !errors.isEmpty {
                problems += errors.sorted().map(\.description)
                if errors.isEmpty { problems.append("\(quiz.displayPath): every question needs exactly one option marked ✅") }
                continue
            }
            sources.append(source(quiz: quiz, page: page, title: session.title, course: course))
        }
        if !problems.isEmpty { return .failure(ExportSelectionError(lines: problems, isUsage: false)) }
        return .success(sources)
    }
}

extension ExportSelection {
    /// A session's quiz as an export source: its images are found from its page's folder.
    public static func source(quiz: Quiz, page: Page, title: String, course: Course) -> ExportSource {
        let pageURL = course.root.appendingPathComponent(page.relativePath)
        return ExportSource(quiz: quiz, title: title, pageDirectory: pageURL.deletingLastPathComponent(), courseRoot: course.root)
    }
}

/// Why nothing can be exported; `isUsage` when the request named a session that is not there.
public struct ExportSelectionError: Error, Sendable {
    public var lines: [String]
    public var isUsage: Bool
}
