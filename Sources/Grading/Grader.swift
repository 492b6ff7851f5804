import Course
import Foundation
import Glibc
import Sandbox

/// Grades submissions of one exercise track: builds the run (the submission and the harness
/// only; a fresh nonce on stdin; the fd-3 channel), compiles and runs it through the sandbox,
/// then judges the channel's observations outside. The grader itself never loads learner code.
public struct Grader: Sendable {
    public var exercise: Exercise
    public var track: Track
    public var expectations: Expectations
    public var sandbox: any Sandbox

    /// Loads the track's expectations; throws when they are unusable.
    public init(exercise: Exercise, track: Track, sandbox: any Sandbox) throws(GradingError) {
        var diagnostics: [Diagnostic] = []
        let display = "\(exercise.displayDirectory)/\(track.name)/tests/expectations.json"
        guard let expectations = ExpectationsLoader.load(track.expectations, displayPath: display, groups: exercise.groups,
                                                         diagnostics: &diagnostics) else {
            throw .invalidExercise(diagnostics.map(\.description).joined(separator: "\n"))
        }
        self.init(exercise: exercise, track: track, expectations: expectations, sandbox: sandbox)
    }

    public init(exercise: Exercise, track: Track, expectations: Expectations, sandbox: any Sandbox) {
        self.exercise = exercise
        self.track = track
        self.expectations = expectations
        self.sandbox = sandbox
    }

    /// Grades one submission. Throws only when the sandbox cannot run at all; anything the
    /// learner's code does (not compiling, crashing, hanging) is a report.
    public func grade(_ submission: Submission, id: String? = nil) async throws(GradingError) -> GradingReport {
        let clock = ContinuousClock()
        let start = clock.now
        var warnings: [String] = []
        if !sandbox.isolates {
            warnings.append("graded without a sandbox (--no-sandbox): the submission ran with the grader's own rights")
        }
        let names = submission.learnerNames(for: track)
        let learnerFile = submission.entryName(for: track)
        func report(_ status: GradeStatus, message: String?, tests: [TestResult], output: String = "") -> GradingReport {
            let elapsed = clock.now - start
            return GradingReport(
                exercise: exercise.slug, exerciseTitle: exercise.title, track: track.name, submission: id ?? submission.id,
                status: status, message: message, groups: Judge.groups(tests, groups: exercise.groups), tests: tests,
                output: output, warnings: warnings, sandbox: sandbox.name,
                duration: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        func notRun(_ why: String) -> [TestResult] {
            Judge.judge(expectations, groups: exercise.groups, reading: ChannelReading(), learnerFile: learnerFile, missing: why)
        }

        var files: [String: FileSource]
        do throws(GradingError) {
            files = try submission.files(for: track)
        } catch {
            return report(.error, message: error.description, tests: notRun("the submission could not be read"))
        }
        files["harness"] = .copy(track.harness)

        if let compile = track.compile {
            let argv = compileArgv(compile, files: files, submission: submission)
            let output = outputPath(of: argv)
            let result = try await run(RunRequest(argv: argv, files: files, collect: output.map { [$0] } ?? [],
                                            limits: compileLimits, readOnlyPaths: []))
            guard let output, let binary = result.collected[output], result.termination.isSuccess else {
                if let limit = GradeStatus(result.termination) {
                    return report(limit, message: "compiling: " + (limit.limitExplanation ?? ""),
                                  tests: notRun("the submission did not compile"))
                }
                let stderr = String(decoding: result.stderr + result.stdout, as: UTF8.self)
                var message = CompilerMessages.swift(stderr, names: names)
                if result.termination.isSuccess || stderr.isEmpty {
                    message = "the compiler (\(argv[0])) ended with \(Self.describe(result.termination))"
                        + (result.termination.isSuccess ? " but wrote no \(output ?? "output (no -o in the compile command)")" : " and no message")
                }
                return report(.error, message: message,
                              tests: notRun("the submission did not compile"))
            }
            files[output] = .executable(binary)
        }

        let nonce = Self.nonce()
        let requested = expectations.ids
        let result = try await run(RunRequest(
            argv: track.run + requested, files: files, stdin: Data((nonce + "\n").utf8),
            observationChannel: true, limits: runLimits))
        var reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(requested))
        if reading.isTampered {
            warnings.append("the run reported some tests more than once; those tests count as errors")
        }
        if result.channelTruncated {
            warnings.append("the tests' reports passed the output limit; the rest were lost")
        }
        let output = learnerOutput(result, names: names)
        if let failure = reading.importFailure(of: requested) {
            reading.outcomes = [:]
            return report(.error, message: CompilerMessages.python(failure, learnerFile: learnerFile),
                          tests: notRun("the submission could not be loaded"), output: output)
        }
        let status = GradeStatus(result.termination) ?? .graded
        let missing = status.limitExplanation.map { "\($0) before this test reported" }
            ?? "the tests reported nothing for this scenario (the run ended early: \(Self.describe(result.termination)))"
        let tests = Judge.judge(expectations, groups: exercise.groups, reading: reading, learnerFile: learnerFile, missing: missing)
        return report(status, message: status.limitExplanation, tests: tests, output: output)
    }

    private func run(_ request: RunRequest) async throws(GradingError) -> RunResult {
        do throws(SandboxError) {
            return try await sandbox.run(request)
        } catch {
            throw .sandbox(error)
        }
    }

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

    private func outputPath(of argv: [String]) -> String? {
        guard let index = argv.firstIndex(of: "-o"), index + 1 < argv.count else { return nil }
        return argv[index + 1]
    }

    private static func listing(_ folder: URL) -> [String] {
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

    private func learnerOutput(_ result: RunResult, names: [String: String]) -> String {
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

extension GradeStatus {
    /// The status a run's end implies; nil for an ordinary exit (judged by its observations).
    init?(_ termination: RunResult.Termination) {
        switch termination {
        case .exited, .signaled: return nil
        case .wallTimeLimit: self = .timeout
        case .cpuTimeLimit: self = .cpuTime
        case .memoryLimit: self = .memory
        case .outputLimit: self = .output
        case .diskLimit: self = .disk
        case .processLimit: self = .processes
        }
    }
}
