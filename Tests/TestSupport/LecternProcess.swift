import Foundation

/// Runs the built binaries (`lectern`, `lectern-serve`, `lectern-import`) the way a user does,
/// capturing what they print; any test target can use it, provided it lists the executables it
/// runs among its dependencies so that `swift build --build-tests` builds them.
public struct LecternProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Killed for running past the `timeout` given to `run`.
        public var timedOut = false
    }

    /// The repository root, for paths such as `content`.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `lectern` binary under test.
    public static let binary = binary(named: "lectern")

    /// The binary `name` under test: the one in `$LECTERN_BINARIES` when set (scripts/test
    /// points it at `.build/release`, the build users run, and runs the end-to-end suite again),
    /// else the one beside the test bundle (both live in the build's products folder).
    public static func binary(named name: String) -> URL {
        if let folder = ProcessInfo.processInfo.environment["LECTERN_BINARIES"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, relativeTo: repository).appendingPathComponent(name).standardizedFileURL
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, bundle.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug").appendingPathComponent(name)
    }

    /// Runs lectern with `arguments` in `directory` (the repository by default), feeding it
    /// `stdin`. `NO_COLOR` is set unless `noColor` is false (then the caller's is removed).
    /// A run longer than `timeout` seconds is killed with everything it started (SIGKILL to
    /// its process group) and marked `timedOut`: a test that runs lectern never hangs.
    public static func run(_ arguments: [String], in directory: URL = repository, environment: [String: String] = [:],
                           stdin: String = "", noColor: Bool = true, timeout: Double = defaultTimeout) throws -> Result {
        try run(executable: binary, arguments, in: directory, environment: environment, stdin: stdin, noColor: noColor, timeout: timeout)
    }

    /// Far longer than any one command of the suite takes, even on a loaded machine.
    public static let defaultTimeout = 600.0

    /// Runs any executable the same way (another program wrapping lectern, a checker).
    public static func run(executable: URL, _ arguments: [String], in directory: URL = repository, environment: [String: String] = [:],
                           stdin: String = "", noColor: Bool = true, timeout: Double = defaultTimeout) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        if noColor { env["NO_COLOR"] = "1" } else { env.removeValue(forKey: "NO_COLOR") }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // Input from a file, not a pipe: a child that exits without reading it can never make
        // the write fail (EPIPE, which traps in FileHandle.write or kills with SIGPIPE).
        process.standardInput = try input(stdin)
        try process.run()
        // Foundation starts the child as the leader of a process group of its own: killing the
        // group also ends what it started, which could otherwise hold the pipes open.
        let watchdog = Watchdog(group: process.processIdentifier, after: timeout)
        // Drain stderr on its own thread, so a child filling one pipe never blocks on it.
        nonisolated(unsafe) var stderrData = Data()
        let stderrDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            stderrDone.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrDone.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self), timedOut: watchdog.finish())
    }

    /// `text` as a child's standard input: /dev/null when empty, else an unlinked temporary
    /// file holding it, open for reading from its start.
    private static func input(_ text: String) throws -> FileHandle {
        guard !text.isEmpty else { return FileHandle.nullDevice }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-stdin-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try FileHandle(forReadingFrom: file)
    }

    /// Kills a process group once `after` seconds have passed, unless `finish` comes first.
    private final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var finished = false
        private var fired = false

        init(group: pid_t, after seconds: Double) {
            Thread.detachNewThread { [self] in
                guard done.wait(timeout: .now() + seconds) == .timedOut else { return }
                lock.withLock {
                    guard !finished else { return }
                    fired = true
                    kill(-group, SIGKILL)
                }
            }
        }

        /// Stops the watch (the process has been waited for); whether it had killed the group.
        func finish() -> Bool {
            let fired = lock.withLock {
                finished = true
                return self.fired
            }
            done.signal()
            return fired
        }
    }
}
