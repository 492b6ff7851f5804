import Course
import Foundation

/// The quiz `lectern quiz [SESSION]` means, found in a course or a single markdown file.
public struct SelectedQuiz: Sendable {
    public var sessionID: String
    public var sessionTitle: String
    public var quiz: Quiz
}

/// A session with a quiz, as the session list offers it.
public struct SessionChoice: Equatable, Sendable {
    public var id: String
    public var number: Int?
    public var title: String
    /// The quiz's content hash: only attempts on this version count towards its best score.
    public var contentHash: String
    public var questionCount: Int
}

/// Why no quiz could be chosen, and which exit code that is.
public struct SelectionFailure: Error, Sendable {
    /// 2 when the request itself is wrong (no such session), 1 when the content is.
    public var exitCode: Int32
    /// One problem per line, diagnostics as `path:line:col: error: message`.
    public var lines: [String]
    /// When no session was named and the course has several with a quiz: those sessions, so
    /// a learner at a terminal can pick one instead.
    public var sessions: [SessionChoice] = []
}

/// Finds the session to quiz on: by number, id or path; the only session when there is one.
public enum QuizSelection {
    /// - Parameters:
    ///   - reference: the SESSION argument: a number, id, or a path to a course folder or
    ///     markdown file (inside a course or not).
    ///   - course: `--course`; default `content` when it exists, else the current folder.
    public static func select(reference: String?, course: String?) -> Result<SelectedQuiz, SelectionFailure> {
        let fileManager = FileManager.default
        let root = root(course: course)
        if let reference, fileManager.fileExists(atPath: reference), Int(reference) == nil || reference.contains("/") {
            // A page of the course itself keeps the course's session id, so its attempts
            // are counted with the others; any other file or folder is a course of its own.
            if let inCourse = sessionInCourse(root, holding: reference) { return inCourse }
            return load(reference, choosing: nil)
        }
        return load(root, choosing: reference)
    }

    /// The course folder `lectern quiz` uses: `--course`, else `content` when it exists, else here.
    static func root(course: String?) -> String {
        CourseFolder.resolve(course)
    }

    /// The sessions with a quiz in the course (for `--resume` without a session).
    public static func sessions(course: String?) -> [SessionChoice] {
        var diagnostics: [Diagnostic] = []
        guard let loaded = CourseLoader.load(root(course: course), exerciseFiles: false, diagnostics: &diagnostics) else { return [] }
        return loaded.sessions.compactMap(choice)
    }

    private static func choice(_ session: Session) -> SessionChoice? {
        guard let quiz = session.quiz else { return nil }
        return SessionChoice(id: session.id, number: session.number, title: session.title,
                             contentHash: quiz.contentHash, questionCount: quiz.questions.count)
    }

    /// The session of the course at `root` (one with course.yml) whose quiz or lesson page is
    /// the file at `path`.
    private static func sessionInCourse(_ root: String, holding path: String) -> Result<SelectedQuiz, SelectionFailure>? {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        guard FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("course.yml").path) else { return nil }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var diagnostics: [Diagnostic] = []
        guard let course = CourseLoader.load(root, exerciseFiles: false, diagnostics: &diagnostics) else { return nil }
        let match = course.sessions.first { session in
            [session.quizPage, session.lesson].compactMap { $0 }.contains { page in
                course.root.appendingPathComponent(page.relativePath).standardizedFileURL.resolvingSymlinksInPath() == target
            }
        }
        guard let match else { return nil }
        return load(root, choosing: match.id)
    }

    private static func load(_ path: String, choosing reference: String?) -> Result<SelectedQuiz, SelectionFailure> {
        var diagnostics: [Diagnostic] = []
        guard let course = CourseLoader.load(path, exerciseFiles: false, diagnostics: &diagnostics) else {
            let errors = diagnostics.filter { $0.severity == .error }.sorted().map(\.description)
            return .failure(SelectionFailure(exitCode: 1, lines: errors.isEmpty ? ["\(path): cannot load a course here"] : errors))
        }
        let sessions = course.sessions
        let session: Session
        if let reference {
            guard let match = course.session(matching: reference) else {
                var lines = ["no session \"\(reference)\" in \(path)"]
                lines += sessionList(sessions)
                return .failure(SelectionFailure(exitCode: 2, lines: lines))
            }
            session = match
        } else {
            let withQuiz = sessions.filter { $0.quiz != nil }
            guard withQuiz.count == 1 else {
                let lines = withQuiz.isEmpty
                    ? ["\(path): no session with a quiz here"]
                    : ["\(path) has \(withQuiz.count) sessions with a quiz: name one, e.g. lectern quiz \(withQuiz[0].number.map(String.init) ?? withQuiz[0].id)"]
                        + sessionList(withQuiz)
                return .failure(SelectionFailure(exitCode: withQuiz.isEmpty ? 1 : 2, lines: lines,
                                                 sessions: withQuiz.compactMap(choice)))
            }
            session = withQuiz[0]
        }
        guard let quiz = session.quiz else {
            return .failure(SelectionFailure(exitCode: 1, lines: ["session \(session.id) (\(session.title)) has no quiz"]))
        }
        // A question without a key is shown as a self-check item and not scored, so a missing
        // key (code `unkeyed`) stops the quiz only when no question can be scored at all.
        let problems = diagnostics.filter { $0.severity == .error && $0.path == quiz.displayPath && $0.code != "unkeyed" }
        if quiz.scoredQuestions.isEmpty || !problems.isEmpty {
            var lines = problems.sorted().map(\.description)
            if lines.isEmpty {
                lines = diagnostics.filter { $0.severity == .error && $0.path == quiz.displayPath }.sorted().map(\.description)
                lines.append("\(quiz.displayPath): the quiz cannot be taken: no question has a key (mark the right option with ✅, or link the page's solutions page)")
            }
            lines.append("run `lectern check \(path)` for every problem")
            return .failure(SelectionFailure(exitCode: 1, lines: lines))
        }
        return .success(SelectedQuiz(sessionID: session.id, sessionTitle: session.title, quiz: quiz))
    }

    private static func sessionList(_ sessions: [Session]) -> [String] {
        sessions.map { session in
            "  \(session.number.map { "\($0)  " } ?? "")\(session.id): \(session.title)\(session.quiz == nil ? " (no quiz)" : "")"
        }
    }
}
