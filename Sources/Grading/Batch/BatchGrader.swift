import Course
import Foundation
import Sandbox

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// The folder whose entries (files or folders, hidden ones excepted) are the submissions.
    public var submissions: URL
    /// Where summaries and reports go; default `<submissions>-grading` beside it (with
    /// `shard-K-of-N` inside when sharded).
    public var output: URL?
    public var track: String?
    public var format: ReportFormat
    public var jobs: Int
    /// (K, N), 1-based: grade only the submissions whose id hashes to slice K of N.
    public var shard: (index: Int, count: Int)?
    /// Re-grade even when the summary has the same submission hash and the report exists.
    public var force: Bool
    /// The random sequences drawn for the whole batch besides the fixed ones; nil: the exercise's default.
    public var freshSeeds: [UInt64]?
    /// Shrink a differing random sequence before reporting it (several more runs per such
    /// submission); off, the report shows the sequence up to its first difference.
    public var shrink: Bool

    public init(submissions: URL, output: URL?, track: String?, format: ReportFormat, jobs: Int,
                shard: (index: Int, count: Int)?, force: Bool, freshSeeds: [UInt64]? = nil, shrink: Bool = false) {
        self.submissions = submissions
        self.output = output
        self.track = track
        self.format = format
        self.jobs = jobs
        self.shard = shard
        self.force = force
        self.freshSeeds = freshSeeds
        self.shrink = shrink
    }

    /// The output folder these options resolve to.
    public var outputFolder: URL {
        if let output { return output.standardizedFileURL }
        let base = submissions.standardizedFileURL
        var folder = base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + "-grading")
        if let shard { folder.appendPathComponent("shard-\(shard.index)-of-\(shard.count)") }
        return folder
    }
}

/// One step of a batch, for a progress line.
public struct BatchEvent: Sendable {
    public var done: Int
    public var total: Int
    public var skipped: Int
    public var id: String
}

/// Grades every submission of a folder, `jobs` at a time, writing one report per submission
/// and `summary.csv`/`summary.json` after each one, so an interrupted batch resumes where it
/// stopped. A submission that crashes, hangs or does not compile is a row, never the end.
public struct BatchGrader: Sendable {
    public var exercise: Exercise
    public var sandbox: any Sandbox
    public var options: BatchOptions

    public init(exercise: Exercise, sandbox: any Sandbox, options: BatchOptions) {
        self.exercise = exercise
        self.sandbox = sandbox
        self.options = options
    }

    /// The stable shard (0-based) of a submission id among `count`.
    public static func shard(of id: String, count: Int) -> Int {
        var hasher = SHA256()
        hasher.update(Array(id.utf8))
        let value = hasher.finalize().prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count))
    }

    /// The submission ids of the folder this batch grades, sorted.
    public func submissionIDs() throws(BatchError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.submissions.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: options.submissions.path) else {
            throw .notAFolder(options.submissions.path)
        }
        let output = options.outputFolder.resolvingSymlinksInPath().path
        return names.filter { name in
            !name.hasPrefix(".")
                && options.submissions.appendingPathComponent(name).resolvingSymlinksInPath().path != output
                && options.shard.map { Self.shard(of: name, count: $0.count) == $0.index - 1 } ?? true
        }.sorted()
    }

    public func run(progress: @escaping @Sendable (BatchEvent) -> Void = { _ in }) async throws -> BatchSummary {
        let ids = try submissionIDs()
        let output = options.outputFolder
        let reports = output.appendingPathComponent("reports")
        do {
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        } catch {
            throw BatchError.cannotWrite(output.path, error.localizedDescription)
        }
        // Rows are kept only from a summary of the same report format: json, gradescope and
        // exercism reports share an extension, so the extension alone cannot tell.
        let kept = BatchSummary.read(output.appendingPathComponent("summary.json")).flatMap { summary in
            options.force || (summary.format ?? options.format) != options.format ? nil : summary.rows
        }
        let previous = Dictionary((kept ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let state = BatchState(summary: BatchSummary(
            exercise: exercise.slug,
            groups: exercise.groups.map { BatchSummary.Group(id: $0.id, title: $0.title, maxPoints: $0.points) },
            shard: options.shard.map { "\($0.index)/\($0.count)" }, rows: [], graded: 0, skipped: 0,
            format: options.format), total: ids.count)

        var pending: [(String, Submission, String)] = []
        for id in ids {
            let url = options.submissions.appendingPathComponent(id)
            guard let submission = try? Submission(url) else { continue }
            let hash = submission.fingerprint()
            if let row = previous[id], row.sha256 == hash, row.report.hasSuffix("." + options.format.fileExtension),
               FileManager.default.fileExists(atPath: output.appendingPathComponent(row.report).path) {
                progress(await state.keep(row))
            } else {
                pending.append((id, submission, hash))
            }
        }
        try await state.save(to: output)

        let graders = GraderCache(exercise: exercise, sandbox: sandbox, freshSeeds: options.freshSeeds, shrink: options.shrink)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var iterator = pending.makeIterator()
            func next() -> Bool {
                guard let (id, submission, hash) = iterator.next() else { return false }
                group.addTask {
                    let row = try await self.grade(id: id, submission: submission, hash: hash, graders: graders, reports: reports)
                    progress(await state.add(row))
                    try await state.save(to: output)
                }
                return true
            }
            for _ in 0..<options.jobs where next() {}
            while try await group.next() != nil { _ = next() }
        }
        return await state.summary
    }

    private func grade(id: String, submission: Submission, hash: String, graders: GraderCache, reports: URL) async throws -> BatchRow {
        let outcome = await attempt(submission, id: id, graders: graders)
        let report: GradingReport
        switch outcome {
        case .success(let graded):
            report = graded
        case .failure(.sandbox(let sandboxError)) where !sandboxError.isAboutTheRequest:
            throw GradingError.sandbox(sandboxError)
        case .failure(let error):
            return BatchRow(id: id, track: options.track ?? "", status: .error, score: 0,
                            maxScore: exercise.groups.reduce(0) { $0 + $1.points }, groups: [:], passed: 0, failed: 0,
                            errors: 0, duration: 0, sha256: hash, report: "", message: error.description)
        }
        let file = "reports/\(Self.fileName(for: id)).\(options.format.fileExtension)"
        let destination = reports.deletingLastPathComponent().appendingPathComponent(file)
        do {
            try AtomicFile.write(Data(options.format.render(report).utf8), to: destination)
        } catch {
            throw BatchError.cannotWrite(destination.path, error.localizedDescription)
        }
        return BatchRow(id: id, track: report.track, status: report.status, score: report.score, maxScore: report.maxScore,
                        groups: Dictionary(uniqueKeysWithValues: report.groups.map { ($0.id, Points.round($0.points)) }),
                        passed: report.passedCount, failed: report.failedCount, errors: report.erroredCount,
                        duration: (report.duration * 1000).rounded() / 1000, sha256: hash, report: file, message: report.message)
    }

    private func attempt(_ submission: Submission, id: String, graders: GraderCache) async -> Result<GradingReport, GradingError> {
        do throws(GradingError) {
            let track = try ExerciseLocator.track(options.track, of: exercise, for: submission)
            return .success(try await graders.grader(for: track).grade(submission, id: id))
        } catch {
            return .failure(error)
        }
    }

    /// A report file name for a submission id: the id with path-unsafe characters replaced.
    static func fileName(for id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }
}

extension SandboxError {
    /// Whether the error concerns one request (its files), not the sandbox as a whole.
    var isAboutTheRequest: Bool {
        switch self {
        case .invalidRequest, .unreadableFile: true
        default: false
        }
    }
}

/// The batch's rows so far, saved after each submission.
actor BatchState {
    private(set) var summary: BatchSummary
    private let total: Int
    private var done = 0

    init(summary: BatchSummary, total: Int) {
        self.summary = summary
        self.total = total
    }

    func keep(_ row: BatchRow) -> BatchEvent {
        summary.skipped += 1
        return insert(row)
    }

    func add(_ row: BatchRow) -> BatchEvent {
        summary.graded += 1
        return insert(row)
    }

    private func insert(_ row: BatchRow) -> BatchEvent {
        summary.rows.append(row)
        summary.rows.sort { $0.id < $1.id }
        done += 1
        return BatchEvent(done: done, total: total, skipped: summary.skipped, id: row.id)
    }

    func save(to folder: URL) throws {
        do {
            try summary.write(to: folder)
        } catch {
            throw BatchError.cannotWrite(folder.path, error.localizedDescription)
        }
    }
}

/// One grader per track, loaded once (expectations are read once per batch).
actor GraderCache {
    private let exercise: Exercise
    private let sandbox: any Sandbox
    private let freshSeeds: [UInt64]?
    private let shrink: Bool
    private var graders: [String: Grader] = [:]

    init(exercise: Exercise, sandbox: any Sandbox, freshSeeds: [UInt64]? = nil, shrink: Bool = false) {
        self.exercise = exercise
        self.sandbox = sandbox
        self.freshSeeds = freshSeeds
        self.shrink = shrink
    }

    func grader(for track: Track) throws(GradingError) -> Grader {
        if let grader = graders[track.name] { return grader }
        var grader = try Grader(exercise: exercise, track: track, sandbox: sandbox)
        if let freshSeeds { grader.differential.freshSeeds = freshSeeds }
        grader.differential.shrink = shrink
        graders[track.name] = grader
        return grader
    }
}
