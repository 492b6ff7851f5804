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

        if track.compile != nil {
            switch try await compile(files: files, submission: submission, names: names) {
            case .success(let (path, binary)):
                files[path] = .executable(binary)
            case .failure(let failure):
                return report(failure.status, message: failure.message, tests: notRun("the submission did not compile"))
            }
        }

        let nonce = Self.nonce()
        let requested = expectations.ids
        let result = try await run(RunRequest(
            argv: track.run + requested, files: files, stdin: Data((nonce + "\n").utf8),
            observationChannel: true, limits: runLimits))
        let reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(requested))
        if reading.isTampered {
            warnings.append("the run reported some tests more than once; those tests count as errors")
        }
        if result.channelTruncated {
            warnings.append("the tests' reports passed the output limit; the rest were lost")
        }
        let output = learnerOutput(result, names: names)
        if let failure = reading.importFailure(of: requested) {
            // The harness's import budget is a time limit like the sandbox's wall time, which
            // stops the same hang when the harness cannot report it (a fork bomb starves it, or
            // the alarm lands where Python drops the exception): both end as `timeout`.
            return report(failure.isTimeout ? .timeout : .error, message: CompilerMessages.python(failure, learnerFile: learnerFile),
                          tests: notRun("the submission could not be loaded"), output: output)
        }
        let status = GradeStatus(result.termination) ?? .graded
        let missing = status.limitExplanation.map { "\($0) before this test reported" }
            ?? "the tests reported nothing for this scenario (the run ended early: \(Self.describe(result.termination)))"
        let tests = Judge.judge(expectations, groups: exercise.groups, reading: reading, learnerFile: learnerFile, missing: missing)
        return report(status, message: status.limitExplanation, tests: tests, output: output)
    }

    /// Why a compile produced no program: an error status and its message.
    struct CompileFailure: Error {
        var status: GradeStatus
        var message: String
    }

    /// Compiles the submission with the harness in the sandbox; the program's path and bytes.
    private func compile(files: [String: FileSource], submission: Submission, names: [String: String])
        async throws(GradingError) -> Result<(String, Data), CompileFailure> {
        let argv = compileArgv(track.compile ?? [], files: files, submission: submission)
        let output = outputPath(of: argv)
        let result = try await run(RunRequest(argv: argv, files: files, collect: output.map { [$0] } ?? [], limits: compileLimits))
        if let output, let binary = result.collected[output], result.termination.isSuccess {
            return .success((output, binary))
        }
        if let limit = GradeStatus(result.termination) {
            return .failure(CompileFailure(status: limit, message: "compiling: " + (limit.limitExplanation ?? "")))
        }
        let stderr = String(decoding: result.stderr + result.stdout, as: UTF8.self)
        if result.termination.isSuccess {
            let what = output ?? "program (the compile command has no -o)"
            return .failure(CompileFailure(status: .error, message: "the compiler (\(argv[0])) succeeded but wrote no \(what)"))
        }
        if stderr.isEmpty {
            return .failure(CompileFailure(status: .error, message: "the compiler (\(argv[0])) ended with \(Self.describe(result.termination)) and no message"))
        }
        return .failure(CompileFailure(status: .error, message: CompilerMessages.swift(stderr, names: names)))
    }

    private func run(_ request: RunRequest) async throws(GradingError) -> RunResult {
        do throws(SandboxError) {
            return try await sandbox.run(request)
        } catch {
            throw .sandbox(error)
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
