import Foundation
import Support
import TextEscaping

/// The result of checking a course: every diagnostic, and what was found per session.
/// `lectern check` prints it; later checks (exercise validation) append to it.
public struct CheckReport: Sendable, Codable {
    /// What one session's quiz holds.
    public struct SessionSummary: Sendable, Codable, Equatable {
        public var id: String
        public var number: Int?
        public var title: String
        public var questions: Int
        /// The questions that are scored; the others are self-check items.
        public var scored: Int
        public var bands: Int
        public var answers: [String]
        /// The solutions page the key came from, when not the quiz's own page.
        public var solutions: String?
    }

    public var diagnostics: [Diagnostic]
    public var sessions: [SessionSummary]
    public var exercises: [String]
    /// Extra lines of findings (e.g. mutation scores) printed before the summary.
    public var notes: [String]

    public init(course: Course?, diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
        self.sessions = (course?.sessions ?? []).map { session in
            SessionSummary(
                id: session.id, number: session.number, title: session.title,
                questions: session.quiz?.questions.count ?? 0,
                scored: session.quiz?.scoredQuestions.count ?? 0,
                bands: session.quiz?.scoringGuide?.bands.count ?? 0,
                answers: session.quiz?.answerKey ?? [],
                solutions: session.quiz?.solutionsPage)
        }
        self.exercises = (course?.exercises ?? []).map(\.slug)
        self.notes = []
    }

    public var errorCount: Int { diagnostics.errorCount }
    public var warningCount: Int { diagnostics.warningCount }

    /// The report as `lectern check` prints it: diagnostics, one line per session, a summary.
    public var text: String {
        var lines = diagnostics.map(\.description)
        for session in sessions {
            let name = session.number.map { "Session \($0)" } ?? VisibleText.line(session.title)
            var line = "\(name) (\(VisibleText.line(session.id))): \(plural(session.questions, "question"))"
            if session.scored != session.questions { line += " (\(session.scored) scored)" }
            line += ", \(plural(session.bands, "band"))"
            if !session.answers.isEmpty { line += ", answers \(session.answers.joined(separator: ", "))" }
            if let solutions = session.solutions { line += ", key from \(VisibleText.line(solutions))" }
            lines.append(line)
        }
        lines += notes.map(VisibleText.lines)
        lines.append("\(plural(sessions.count, "session")), \(plural(exercises.count, "exercise")): "
            + "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (`--format json`).
    public func json() -> String {
        StableJSON.encode(JSONShape(self))
    }

    private struct JSONShape: Encodable {
        var diagnostics: [Diagnostic]
        var sessions: [SessionSummary]
        var exercises: [String]
        var notes: [String]
        var errors: Int
        var warnings: Int
        init(_ report: CheckReport) {
            diagnostics = report.diagnostics
            sessions = report.sessions
            exercises = report.exercises
            notes = report.notes
            errors = report.errorCount
            warnings = report.warningCount
        }
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
