import Foundation

/// Runs the built `lectern` binary the way a user does, capturing what it prints.
struct LecternProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, for paths such as `content`.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: the one in `$LECTERN_BINARIES` when set (scripts/test points it
    /// at `.build/release`, the build users run, and runs this suite again), else the one
    /// beside the test bundle (both live in the build's products folder).
    static let binary: URL = {
        if let folder = ProcessInfo.processInfo.environment["LECTERN_BINARIES"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, relativeTo: repository).appendingPathComponent("lectern").standardizedFileURL
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, bundle.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/lectern")
    }()

    /// Runs lectern with `arguments` in `directory` (the repository by default), feeding it
    /// `stdin`. `NO_COLOR` is set unless `noColor` is false (then the caller's is removed).
    static func run(_ arguments: [String], in directory: URL = repository, environment: [String: String] = [:],
                    stdin: String = "", noColor: Bool = true) throws -> Result {
        try run(executable: binary, arguments, in: directory, environment: environment, stdin: stdin, noColor: noColor)
    }

    /// Runs any executable the same way (another program wrapping lectern, a checker).
    static func run(executable: URL, _ arguments: [String], in directory: URL = repository, environment: [String: String] = [:],
                    stdin: String = "", noColor: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        if noColor { env["NO_COLOR"] = "1" } else { env.removeValue(forKey: "NO_COLOR") }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
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
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
