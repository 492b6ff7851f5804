import Foundation
import TestSupport

/// Runs the built `lectern` as a child process: arguments, environment, piped stdin; gives
/// back what it printed and its exit status.
struct QuizProcessResult {
    var stdout: String
    var stderr: String
    var exitCode: Int32
}

enum QuizProcess {
    /// Runs lectern in `directory` (default: the repository root, where `content/` is), with
    /// the caller's colour settings (no NO_COLOR forced).
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    directory: URL = LecternProcess.repository) throws -> QuizProcessResult {
        let result = try LecternProcess.run(arguments, in: directory, environment: environment, stdin: stdin, noColor: false)
        return QuizProcessResult(stdout: result.stdout, stderr: result.stderr, exitCode: result.status)
    }

    /// A fresh data directory for one test's progress database.
    static func dataDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lectern-quiz-e2e-\(UUID().uuidString)")
    }
}

/// One step of a pty session: wait for text on screen, or type keys.
enum PtyStep: Encodable {
    case expect(String)
    case send(String)
    case mark(String)
    case resize(Int)
    /// Notes the terminal's settings at this point (`PtySession.modes`).
    case modes(String)
    /// Sends the process a signal, as `kill` does.
    case signal(Int32)
    /// Closes the terminal, as closing its window does.
    case hangup

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .expect(let text): try container.encode(text, forKey: .expect)
        case .send(let text): try container.encode(text, forKey: .send)
        case .mark(let name): try container.encode(name, forKey: .mark)
        case .resize(let columns): try container.encode(columns, forKey: .resize)
        case .modes(let name): try container.encode(name, forKey: .modes)
        case .signal(let number): try container.encode(number, forKey: .signal)
        case .hangup: try container.encode(true, forKey: .hangup)
        }
    }

    enum Key: String, CodingKey { case expect, send, mark, resize, modes, signal, hangup }
}

/// What a pty session showed and how it ended.
struct PtySession: Decodable {
    var screen: String
    var exit: Int32?
    var signal: Int32?
    var marks: [String: Int]
    var modes: [String: TerminalModes]
    var failedExpect: String?
    /// Nil when the terminal was hung up and can no longer be asked.
    var termiosRestored: Bool?

    /// A terminal's settings at a point of the session.
    struct TerminalModes: Decodable, Equatable {
        var canonical: Bool
        var echo: Bool
        var signals: Bool
    }

    /// The screen up to a mark set with `.mark(name)`.
    func screen(before mark: String) -> String {
        String(screen.prefix(marks[mark] ?? 0))
    }

    /// The screen from a mark set with `.mark(name)` on.
    func screen(after mark: String) -> String {
        String(screen.dropFirst(marks[mark] ?? 0))
    }
}

enum QuizPty {
    /// Runs `lectern ARGS` on a real pseudo-terminal `columns` wide, driven by `steps`
    /// (through `QuizFixtures/pty_drive.py`, which gives the child the pty as its
    /// controlling terminal, so Ctrl-C arrives as SIGINT just as from a keyboard).
    static func run(_ arguments: [String], steps: [PtyStep], columns: Int = 80,
                    environment: [String: String], removing removed: [String] = []) throws -> PtySession {
        let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("QuizFixtures/pty_drive.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [driver.path, String(columns), LecternProcess.binary.path] + arguments
        process.currentDirectoryURL = LecternProcess.repository
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        for key in removed { env.removeValue(forKey: key) }
        process.environment = env
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(steps))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(PtySession.self, from: data)
    }

    /// The screen without ANSI colour codes.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// Whether the screen holds a colour code (SGR); cursor movement does not count.
    static func hasColour(_ text: String) -> Bool {
        text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
    }
}
