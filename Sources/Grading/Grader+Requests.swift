import Course
import Foundation
import Glibc
import Sandbox

/// What a grading asks of the sandbox: the compile command, the limits of each step, and what
/// of the run's output a report may show.
extension Grader {
    /// The compile argv with globs (`harness/*.swift`) expanded against the run's files, and
    /// swiftc asked for plain one-line diagnostics the grader can map to the learner's file.
    func compileArgv(_ argv: [String], files: [String: FileSource], submission: Submission) -> [String] {
        var paths = Self.listing(track.harness).map { "harness/" + $0 }
        paths += submission.isFolder ? submission.relativeFiles().map { "submission/" + $0 } : ["submission/\(track.entry)"]
        var expanded: [String] = []
        for argument in argv {
            if argument.contains("*") || argument.contains("?") || argument.contains("[") {
                let matches = paths.filter { fnmatch(argument, $0, FNM_PATHNAME) == 0 }.sorted()
                expanded += matches.isEmpty ? [argument] : matches
            } else {
                expanded.append(argument)
            }
        }
        if (expanded.first as NSString?)?.lastPathComponent == "swiftc", !expanded.contains(where: { $0.hasPrefix("-diagnostic-style") }) {
            expanded.insert("-diagnostic-style=llvm", at: 1)
        }
        return expanded
    }

    func outputPath(of argv: [String]) -> String? {
        guard let index = argv.firstIndex(of: "-o"), index + 1 < argv.count else { return nil }
        return argv[index + 1]
    }

    static func listing(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }

    var runLimits: Limits {
        let limits = exercise.limits
        return Limits(wallSeconds: limits.wallSeconds, cpuSeconds: limits.cpuSeconds, memoryBytes: limits.memoryMB << 20,
                      processes: limits.processes, outputBytes: limits.outputKB << 10, diskBytes: limits.diskMB << 20)
    }

    /// Compiling needs more room than running: the compiler's own memory, threads and temporary files.
    var compileLimits: Limits {
        let limits = exercise.limits
        return Limits(wallSeconds: limits.compileWallSeconds, cpuSeconds: Int(limits.compileWallSeconds.rounded(.up)),
                      memoryBytes: limits.compileMemoryMB << 20, processes: max(limits.processes, 256),
                      outputBytes: max(limits.outputKB, 1024) << 10, diskBytes: max(limits.diskMB, 512) << 20)
    }

    func learnerOutput(_ result: RunResult, names: [String: String]) -> String {
        var text = String(decoding: result.stdout, as: UTF8.self)
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        if !stderr.isEmpty { text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + stderr }
        text = CompilerMessages.sanitizeOutput(text, names: names)
        let lineLimit = 300
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.count > lineLimit ? $0.prefix(lineLimit) + " … (line cut)" : String($0) }
            .joined(separator: "\n")
        let limit = 4000
        if text.count > limit { text = String(text.prefix(limit)) + "\n… (output truncated)" }
        if result.stdoutTruncated || result.stderrTruncated { text += "\n… (output past the limit was dropped)" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func describe(_ termination: RunResult.Termination) -> String {
        switch termination {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        default: "\(termination)"
        }
    }
}
