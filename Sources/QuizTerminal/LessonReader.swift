import Course
import Foundation
import Markdown
import Support

/// `lectern read [SESSION|PATH]`: a session's lesson (or any markdown page) rendered for the
/// terminal: tables in box characters, admonitions as labelled boxes, tabs one after another.
public enum LessonReader {
    /// The page to read and what to call it.
    public struct Lesson: Sendable {
        public var title: String
        public var page: Page
    }

    /// The page `reference` means: a markdown file, or a session of the course (by number or
    /// id; the only one when there is one); a failure holds the lines to print and the exit code.
    public static func find(_ reference: String?, course: String?) -> Result<Lesson, SelectionFailure> {
        if let reference, reference.hasSuffix(".md") || reference.hasSuffix(".markdown") || reference.hasSuffix(".txt"),
           FileManager.default.fileExists(atPath: reference) {
            guard let text = try? String(contentsOfFile: reference, encoding: .utf8) else {
                return .failure(SelectionFailure(exitCode: 1, lines: ["\(reference): cannot be read as UTF-8 text"]))
            }
            var ignored: [Diagnostic] = []
            let page = Page.parse(text, relativePath: (reference as NSString).lastPathComponent, displayPath: reference, diagnostics: &ignored)
            return .success(Lesson(title: page.title, page: page))
        }
        let root = reference.flatMap { FileManager.default.fileExists(atPath: $0) && Int($0) == nil ? $0 : nil } ?? QuizSelection.root(course: course)
        let sessionReference = root == reference ? nil : reference
        var diagnostics: [Diagnostic] = []
        guard let loaded = CourseLoader.load(root, exerciseFiles: false, diagnostics: &diagnostics) else {
            let errors = diagnostics.filter { $0.severity == .error }.sorted().map(\.description)
            return .failure(SelectionFailure(exitCode: 1, lines: errors.isEmpty ? ["\(root): cannot load a course here"] : errors))
        }
        let withPages = loaded.sessions.filter { $0.lesson != nil || $0.quizPage != nil }
        let session: Session
        if let sessionReference {
            guard let match = loaded.session(matching: sessionReference) else {
                return .failure(SelectionFailure(exitCode: 2, lines: ["no session \"\(sessionReference)\" in \(root)"] + list(withPages)))
            }
            session = match
        } else {
            guard withPages.count == 1 else {
                let lines = withPages.isEmpty ? ["\(root): no session with a lesson here"]
                    : ["\(root) has \(withPages.count) sessions: name one, e.g. lectern read \(withPages[0].number.map(String.init) ?? withPages[0].id)"] + list(withPages)
                return .failure(SelectionFailure(exitCode: withPages.isEmpty ? 1 : 2, lines: lines))
            }
            session = withPages[0]
        }
        guard let page = session.lesson ?? session.quizPage else {
            return .failure(SelectionFailure(exitCode: 1, lines: ["session \(session.id) (\(session.title)) has no lesson page"]))
        }
        return .success(Lesson(title: session.title, page: page))
    }

    private static func list(_ sessions: [Session]) -> [String] {
        sessions.map { "  \($0.number.map { "\($0)" } ?? "-")  \($0.id)  \($0.title)" }
    }

    /// The lesson as terminal text, `width` columns wide, coloured or plain.
    public static func render(_ lesson: Lesson, width: Int, color: Bool) -> String {
        TerminalRenderer(color: color, width: width).render(lesson.page.document) + "\n"
    }

    /// Reads a lesson to stdout: through `$PAGER` (default `less -R`, with `LESS=FRX` unless
    /// LESS is set, so a short lesson does not wait for `q`) when stdout is a terminal; plain
    /// text otherwise; in colour when `color` says so (`TerminalInfo.useColor`).
    public static func main(reference: String?, course: String?, color: Bool) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let lesson: Lesson
        switch find(reference, course: course) {
        case .success(let found): lesson = found
        case .failure(let failure):
            FileHandle.standardError.write(Data((failure.lines.joined(separator: "\n") + "\n").utf8))
            return failure.exitCode
        }
        let isTerminal = TerminalInfo.isTerminal(STDOUT_FILENO)
        let width = min(TerminalInfo.columns(of: STDOUT_FILENO), 100)
        let text = render(lesson, width: isTerminal ? width : 80, color: color)
        let pager = environment["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? "less -R"
        if isTerminal, !pager.isEmpty, !TerminalInfo.isDumb(environment), page(text, through: pager, environment: environment) {
            return 0
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        return 0
    }

    /// Writes `text` to a pager run by the shell; false when it could not be started.
    ///
    /// The pager runs in lectern's own process group, the terminal's foreground group, so it
    /// may read keys and set the terminal's modes (Foundation's `Process` starts a child in a
    /// group of its own, where `less` stops at once with SIGTTOU).
    private static func page(_ text: String, through pager: String, environment: [String: String]) -> Bool {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, descriptors[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, descriptors[0])
        posix_spawn_file_actions_addclose(&actions, descriptors[1])
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
        let arguments = ["/bin/sh", "-c", pager]
        let environmentStrings = pagerEnvironment.map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environmentStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, &envp)
        close(descriptors[0])
        guard spawned == 0 else {
            close(descriptors[1])
            return false
        }
        // The reader may quit the pager before reading everything: a closed pipe is no error.
        signal(SIGPIPE, SIG_IGN)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        close(descriptors[1])
        // Ctrl-C at the pager is the pager's: lectern waits for it rather than dying first.
        let previous = signal(SIGINT, SIG_IGN)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        signal(SIGINT, previous)
        return true
    }
}
