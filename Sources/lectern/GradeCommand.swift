import ArgumentParser
import Course
import Foundation
import Grading
import Progress
import Sandbox
import Support
import TextEscaping

/// `lectern grade`: grades one submission, a folder of them (`--batch`), or joins shard
/// summaries (`--merge`). Learner code only ever runs in the sandbox.
struct GradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade an exercise submission, a class's submissions in batch, or merge batch shards.",
        usage: """
            lectern grade EXERCISE SUBMISSION [--track python|swift] [--format text|json|junit|gradescope|exercism]
            lectern grade EXERCISE --batch DIR [--jobs N] [--output DIR] [--shard K/N] [--force]
            lectern grade --merge DIR... [--output DIR] [--allow-partial]
            """,
        discussion: """
            EXERCISE is a slug of the course's exercises folder or the path of an exercise folder. \
            SUBMISSION is the track's entry file (any name; the track follows from its extension) or a folder holding it. \
            Exit codes: 0 graded (whatever the score), 1 with --require-pass when not full marks (or a batch \
            in which some submission is not), 2 usage error.
            """
    )

    @Argument(help: ArgumentHelp("The exercise, then (unless --batch or --merge) the submission.", valueName: "exercise-and-submission"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("The track (python, swift); default: from the submission's file extension.", valueName: "name"))
    var track: String?

    @Option(help: "The report's format.")
    var format: ReportFormat = .text

    @Flag(help: "Exit 1 unless every test passes.")
    var requirePass = false

    @OptionGroup var courseOption: CourseOption

    @OptionGroup var colorOption: ColorOption

    @Flag(help: "Run learner code without isolation (only for machines without bubblewrap). Every report says so.")
    var noSandbox = false

    @OptionGroup var dataDirOption: DataDirOption

    @Option(help: ArgumentHelp("Whose submission this is, recorded with the grading. Default: your login name.", valueName: "name"))
    var learner: String?

    @Flag(help: "Do not record the grading in the progress store.")
    var noRecord = false

    @Option(help: ArgumentHelp("Grade every file or folder in DIR, in parallel.", valueName: "dir"))
    var batch: String?

    @Option(help: ArgumentHelp("Submissions graded at once in --batch mode.", valueName: "n"))
    var jobs = 2

    @Option(help: ArgumentHelp("Where --batch writes summary.csv, summary.json and reports/ (default: DIR-grading beside DIR); where --merge writes the merged summary (default: the current folder).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Grade only a stable slice K of N of the batch (1-based), e.g. 2/8.", valueName: "k/n"))
    var shard: Shard?

    @Flag(help: "Re-grade submissions whose reports are already up to date.")
    var force = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Join the summaries of these batch output folders (shards) into one.", valueName: "dir"))
    var merge: [String] = []

    @Flag(help: "With --merge: join the shards given even when some shard K of N is missing; the summary names the missing ones.")
    var allowPartial = false

    @Option(help: ArgumentHelp("Random sequences to draw afresh besides the exercise's fixed ones (default: the exercise's fresh_seeds). A batch draws them once for every submission.", valueName: "n"))
    var seeds: Int?

    @Option(help: ArgumentHelp("Also run the random sequence of this seed (repeatable), e.g. to replay one a report names.", valueName: "seed"))
    var seed: [UInt64] = []

    @Flag(help: "In --batch mode, shrink each differing random sequence before reporting it, as a single grading does (slower).")
    var shrink = false

    /// The fresh seeds `--seeds` and `--seed` ask for; nil: the exercise's default.
    private var freshSeeds: [UInt64]? {
        guard seeds != nil || !seed.isEmpty else { return nil }
        return seed + DifferentialPlan.drawSeeds(seeds ?? 0)
    }

    func validate() throws {
        if let learner { _ = try LearnerOption.validate(learner) }
        if !merge.isEmpty {
            guard arguments.isEmpty, batch == nil else { throw ValidationError("--merge takes only batch output folders") }
            return
        }
        if allowPartial { throw ValidationError("--allow-partial applies to --merge only") }
        if let seeds, seeds < 0 { throw ValidationError("--seeds must be 0 or more") }
        if let large = seed.first(where: { $0 >= DifferentialPlan.seedLimit }) {
            throw ValidationError("--seed \(large) is too large: seeds are below \(DifferentialPlan.seedLimit)")
        }
        if batch != nil {
            guard arguments.count == 1 else { throw ValidationError("--batch needs exactly one EXERCISE") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            return
        }
        guard arguments.count == 2 else { throw ValidationError("give EXERCISE and SUBMISSION (or --batch DIR, or --merge DIR...)") }
        if shard != nil || force || shrink { throw ValidationError("--shard, --force and --shrink apply to --batch only") }
    }

    func run() async throws {
        if !merge.isEmpty {
            try runMerge()
            return
        }
        let sandbox: any Sandbox = noSandbox ? Unsandboxed() : Bubblewrap()
        if noSandbox {
            FileHandle.standardError.write(Data("warning: --no-sandbox: learner code runs with your own rights, unisolated\n".utf8))
        }
        if let batch {
            try await runBatch(batch, sandbox: sandbox)
        } else {
            try await runOne(sandbox: sandbox)
        }
    }

    private func runOne(sandbox: any Sandbox) async throws {
        let started = Date()
        let (report, submission) = try await usage {
            let exercise = try ExerciseLocator.locate(arguments[0], course: courseOption.path)
            let submission = try Submission(URL(fileURLWithPath: arguments[1]))
            let track = try ExerciseLocator.track(track, of: exercise, for: submission)
            var grader = try Grader(exercise: exercise, track: track, sandbox: sandbox)
            if let freshSeeds { grader.differential.freshSeeds = freshSeeds }
            return (try await grader.grade(submission, id: arguments[1]), submission)
        }
        let color = format == .text && colorOption.enabled()
        print(format.render(report, color: color), terminator: "")
        if !noRecord {
            do {
                try ProgressStore(dataDirectory: dataDirOption.url)
                    .record(GradingRecord(report, submission: submission, started: started,
                                          learner: try learner.map(LearnerOption.validate) ?? Learner.loginName()))
            } catch {
                FileHandle.standardError.write(Data("warning: the grading was not recorded in the progress store: \(VisibleText.lines("\(error)"))\n".utf8))
            }
        }
        if requirePass && !report.isFullMarks { throw ExitCode(1) }
    }

    private func runBatch(_ folder: String, sandbox: any Sandbox) async throws {
        let summary = try await usage {
            let exercise = try ExerciseLocator.locate(arguments[0], course: courseOption.path)
            let options = BatchOptions(
                submissions: URL(fileURLWithPath: folder), output: output.map { URL(fileURLWithPath: $0) },
                track: track, format: format, jobs: jobs, shard: shard.map { ($0.index, $0.count) }, force: force,
                freshSeeds: freshSeeds, shrink: shrink)
            let progress = TerminalInfo.isTerminal(STDERR_FILENO) ? BatchProgressLine() : nil
            return try await BatchGrader(exercise: exercise, sandbox: sandbox, options: options)
                .run { event in progress?.show(event) }
        }
        print(summary.text, terminator: "")
        if requirePass && summary.rows.contains(where: { !$0.isFullMarks }) { throw ExitCode(1) }
    }

    private func runMerge() throws {
        let merged = try usage {
            try BatchSummary.merge(merge.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: output ?? "."),
                                   allowPartial: allowPartial)
        }
        print(merged.text, terminator: "")
    }

    /// Runs `body`; a grading error is the user's to fix: its message and exit status 2.
    private func usage<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as GradingError {
            throw Self.fail(error)
        } catch let error as BatchError {
            throw Self.fail(error)
        }
    }

    private func usage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BatchError {
            throw Self.fail(error)
        }
    }

    /// Prints `error` (whose file names may hold control characters, shown as escapes) and
    /// gives the exit status of a usage error.
    private static func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(VisibleText.lines("\(error)"))\n".utf8))
        return ExitCode(2)
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// `--shard K/N`.
struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }
}

extension GradingRecord {
    /// The progress store's row for a grading: pass (full marks), fail or error.
    init(_ report: GradingReport, submission: Submission, started: Date, learner: String) {
        let status = report.status == .error ? "error" : report.isFullMarks ? "pass" : "fail"
        self.init(exerciseSlug: report.exercise, track: report.track, submissionPath: submission.url.path,
                  submissionHash: submission.fingerprint(), status: status, score: report.score, maxScore: report.maxScore,
                  reportJSON: ReportFormat.json.render(report), startedAt: started, finishedAt: Date(), duration: report.duration,
                  learner: learner)
    }
}
