import Course
import Foundation
import Glibc
import Sandbox

/// Grades submissions of one exercise track: builds the run (the submission and the harness
/// only; a fresh nonce on stdin; the fd-3 channel), compiles and runs it through the sandbox,
/// then judges the channel's observations outside. The grader itself never loads learner code.
///
/// When the exercise has differential scenarios, the same run also drives seeded random
/// programs against the submission; the reference runs them in a sandbox of its own, and a
/// submission whose trace differs fails the test the difference breaks (Grader+Differential).
public struct Grader: Sendable {
    public var exercise: Exercise
    public var track: Track
    public var expectations: Expectations
    public var sandbox: any Sandbox
    /// How differential scenarios run: the fresh seeds (drawn once per grader, so a batch
    /// meets the same sequences throughout), shrinking, the reference cache.
    public var differential: DifferentialOptions
    /// Runs (and caches) the reference for differential scenarios.
    let oracle = ReferenceOracle()

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
        self.differential = DifferentialOptions(
            freshSeeds: DifferentialPlan.drawSeeds(exercise.differential?.freshSeeds ?? 0))
    }

    /// Grades one submission. Throws only when the sandbox cannot run at all; anything the
    /// learner's code does (not compiling, crashing, hanging) is a report.
    public func grade(_ submission: Submission, id: String? = nil) async throws(GradingError) -> GradingReport {
        let start = ContinuousClock.now
        let prepared = try await prepare(submission)
        return try await grade(prepared, id: id ?? submission.id, learnerFile: submission.entryName(for: track), start: start)
    }

    /// Grades a prepared run (or reports why there is none): what `grade(_:id:)` does once the
    /// submission is compiled, and what generated mutants, compiled together, need alone.
    func grade(_ preparation: Result<PreparedRun, PreparationFailure>, id: String, learnerFile: String,
               start: ContinuousClock.Instant) async throws(GradingError) -> GradingReport {
        let clock = ContinuousClock()
        var warnings: [String] = []
        if !sandbox.isolates {
            warnings.append("graded without a sandbox (--no-sandbox): the submission ran with the grader's own rights")
        }
        let plan = differentialPlan
        let judged = judgedExpectations(plan)
        var record = plan.map {
            DifferentialRecord(version: exercise.differential?.version ?? "", fixedSeeds: $0.fixedSeeds.count,
                               freshSeeds: $0.freshSeeds, compared: 0, diverged: 0)
        }
        func report(_ status: GradeStatus, message: String?, tests: [TestResult], output: String = "") -> GradingReport {
            let elapsed = clock.now - start
            return GradingReport(
                exercise: exercise.slug, exerciseTitle: exercise.title, track: track.name, submission: id,
                status: status, message: message, groups: Judge.groups(tests, groups: exercise.groups), tests: tests,
                output: output, warnings: warnings, sandbox: sandbox.name,
                duration: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                differential: record)
        }
        func notRun(_ why: String) -> [TestResult] {
            Judge.judge(judged, groups: exercise.groups, reading: ChannelReading(), learnerFile: learnerFile, missing: why)
        }

        let prepared: PreparedRun
        switch preparation {
        case .success(let run): prepared = run
        case .failure(let failure): return report(failure.status, message: failure.message, tests: notRun(failure.why))
        }

        let nonce = Self.nonce()
        let requested = expectations.ids + (plan?.ids ?? [])
        let stdin = nonce + "\n" + (plan?.requestLine(annotate: false) ?? "") + "\n"
        // Shrinking a difference gets what is left of the run's wall-time limit, so a grading
        // takes about that limit at most, whatever the submission does.
        let deadline = clock.now + .milliseconds(Int64(runLimits.wallSeconds * 1000))
        // The reference runs in a sandbox of its own, at the same time as the submission.
        async let submissionRun = settle(prepared, argv: track.run + requested, stdin: stdin, programs: plan?.items.count ?? 0)
        async let referenceTraces = referenceTraces(plan)
        let result = try await submissionRun.get()
        let reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(requested))
        if reading.isTampered {
            warnings.append("the run reported some tests more than once; those tests count as errors")
        }
        if result.channelTruncated {
            warnings.append("the tests' reports passed the output limit; the rest were lost")
        }
        let output = learnerOutput(result, names: prepared.names)
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
        var overrides: [String: TestVerdict] = [:]
        if let plan {
            let references = try await referenceTraces.get()
            let failing = Set(Judge.judge(expectations, groups: exercise.groups, reading: reading, learnerFile: learnerFile)
                .filter { $0.status != .pass }.map(\.id))
            let judgement = try await judgeDifferential(plan, reading: reading, references: references, prepared: prepared,
                                                        limited: status != .graded, failing: failing, learnerFile: learnerFile,
                                                        deadline: deadline)
            overrides = judgement.verdicts
            warnings += judgement.warnings
            record?.compared = judgement.compared
            record?.diverged = judgement.diverged
        }
        let tests = Judge.judge(judged, groups: exercise.groups, reading: reading, learnerFile: learnerFile, missing: missing,
                                overrides: overrides)
        return report(status, message: status.limitExplanation, tests: tests, output: output)
    }

    /// The differential scenarios this grading runs, or nil (none configured, or turned off).
    var differentialPlan: DifferentialPlan? {
        guard differential.enabled, let settings = exercise.differential else { return nil }
        let plan = DifferentialPlan(settings: settings, exercise: exercise.slug, track: track.name,
                                    fresh: differential.freshSeeds)
        return plan.items.isEmpty ? nil : plan
    }

    /// The tests a report lists: the expectations, plus the differential test when scenarios run.
    func judgedExpectations(_ plan: DifferentialPlan?) -> Expectations {
        guard plan != nil, let settings = exercise.differential,
              !expectations.ids.contains(settings.testID) else { return expectations }
        return Expectations(tests: expectations.tests + [
            ExpectedTest(id: settings.testID, name: settings.testName, group: settings.group, checks: []),
        ])
    }

    /// A submission (or the reference) ready to run: the run's files, compiled when the track
    /// compiles, and how the learner names them.
    struct PreparedRun: Sendable {
        var files: [String: FileSource]
        var names: [String: String]
        var learnerFile: String
        /// Variables the run gets (a mutant schema's `LECTERN_MUTANT`).
        var environment: [String: String] = [:]
    }

    /// Why a submission gave no run: a status, its message, and what every test then says.
    struct PreparationFailure: Error {
        var status: GradeStatus
        var message: String
        var why: String
    }

    /// The submission's files with the harness, compiled in the sandbox when the track compiles.
    func prepare(_ submission: Submission) async throws(GradingError) -> Result<PreparedRun, PreparationFailure> {
        var files: [String: FileSource]
        do throws(GradingError) {
            files = try submission.files(for: track)
        } catch {
            return .failure(PreparationFailure(status: .error, message: error.description, why: "the submission could not be read"))
        }
        files["harness"] = .copy(track.harness)
        let names = submission.learnerNames(for: track)
        if track.compile != nil {
            switch try await compile(files: files, submission: submission, names: names) {
            case .success(let (path, binary)):
                files[path] = .executable(binary)
            case .failure(let failure):
                return .failure(PreparationFailure(status: failure.status, message: failure.message,
                                                   why: "the submission did not compile"))
            }
        }
        return .success(PreparedRun(files: files, names: names, learnerFile: submission.entryName(for: track)))
    }

    /// Runs a prepared submission with `argv` and `stdin`, the sandbox's failure as a value.
    /// Each differential program may add `perProgram` bytes of records to the output limit
    /// (16 KiB for a submission's compact traces; the reference's describe every step).
    func settle(_ prepared: PreparedRun, argv: [String], stdin: String, programs: Int = 0,
                perProgram: Int = 16 << 10, wallSeconds: Double? = nil) async -> Result<RunResult, GradingError> {
        var limits = runLimits
        limits.outputBytes += programs * perProgram
        if let wallSeconds { limits.wallSeconds = min(limits.wallSeconds, wallSeconds) }
        do throws(GradingError) {
            return .success(try await run(RunRequest(argv: argv, files: prepared.files, environment: prepared.environment,
                                                     stdin: Data(stdin.utf8), observationChannel: true, limits: limits)))
        } catch {
            return .failure(error)
        }
    }

    /// Why a compile produced no program: an error status and its message.
    struct CompileFailure: Error {
        var status: GradeStatus
        var message: String
    }

    /// Compiles the submission with the harness in the sandbox; the program's path and bytes.
    func compile(files: [String: FileSource], submission: Submission, names: [String: String])
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

    func run(_ request: RunRequest) async throws(GradingError) -> RunResult {
        do throws(SandboxError) {
            return try await sandbox.run(request)
        } catch {
            throw .sandbox(error)
        }
    }
}

/// How a grader runs differential scenarios.
public struct DifferentialOptions: Sendable {
    /// Off: only the named tests run.
    public var enabled = true
    /// The seeds drawn for this grader besides the fixed ones (`--seeds`).
    public var freshSeeds: [UInt64]
    /// Shrink a diverging program to a minimal one before reporting it (lectern check,
    /// which only needs to know whether a mutant diverges, turns this off).
    public var shrink = true
    /// Diverging programs shrunk and reported per grading, each for a different test.
    public var reported = 3
    /// Where the reference's traces for fixed seeds and its compiled program are kept.
    public var cache: TraceCache = .standard

    public init(freshSeeds: [UInt64]) {
        self.freshSeeds = freshSeeds
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
