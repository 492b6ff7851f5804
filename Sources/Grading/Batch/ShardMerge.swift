import Foundation
import Glibc

/// `lectern grade --merge`: shard summaries joined into one, only when they make one whole,
/// valid batch. Nothing is written unless every check passes.
extension BatchSummary {
    /// Joins the summaries of batch output folders (shards) into one, written to `output`,
    /// with report paths relative to it. Refuses, naming what is wrong: an output that is one
    /// of the inputs; summaries of different exercises, groups or report formats; a shard
    /// that is not `K/N`, repeats another or counts another N; any shard `K` of `N` missing
    /// (unless `allowPartial`, which records the missing ones in ``missingShards``); a row
    /// that no grading writes (an id that is not a file name, points outside their bounds, a
    /// report path outside its folder); a row whose report is not there; a submission in two
    /// summaries.
    public static func merge(_ folders: [URL], into output: URL, allowPartial: Bool = false) throws(BatchError) -> BatchSummary {
        guard !folders.isEmpty else { throw .nothingToMerge }
        if folders.contains(where: { FolderIdentity.same($0, output) }) { throw .outputIsAnInput(output.path) }
        var inputs: [MergeInput] = []
        for folder in folders {
            let file = folder.appendingPathComponent("summary.json")
            guard let summary = read(file) else { throw .unreadableSummary(file.path) }
            inputs.append(MergeInput(folder: folder, summary: summary))
        }
        let first = inputs[0].summary
        for input in inputs {
            guard input.summary.exercise == first.exercise else {
                throw .mixedExercises(first.exercise, input.summary.exercise, input.file.path)
            }
            guard input.summary.groups == first.groups else { throw .mixedGroups(input.file.path) }
        }
        let format = try commonFormat(of: inputs)
        let missing = try missingShards(of: inputs)
        if !missing.isEmpty && !allowPartial {
            throw .missingShards(missing, found: inputs.compactMap(\.summary.shard))
        }

        var merged = BatchSummary(exercise: first.exercise, groups: first.groups, shard: nil, rows: [], graded: 0, skipped: 0,
                                  format: format, missingShards: missing.isEmpty ? nil : missing)
        var seen: [String: String] = [:]
        for input in inputs {
            for var row in input.summary.rows {
                try input.check(row)
                if let other = seen[row.id] { throw .duplicateSubmission(row.id, other, input.folder.path) }
                seen[row.id] = input.folder.path
                if !row.report.isEmpty {
                    row.report = RelativePath.from(output, to: input.folder.appendingPathComponent(row.report))
                }
                merged.rows.append(row)
            }
            merged.graded += input.summary.graded
            merged.skipped += input.summary.skipped
        }
        merged.rows.sort { $0.id < $1.id }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try merged.write(to: output)
        } catch {
            throw .cannotWrite(output.path, "\(error.localizedDescription)")
        }
        return merged
    }

    /// The most shards a merge takes.
    static let maxShards = 100_000

    /// `K/N` of a shard's summary, when it is one and well formed.
    var shardPosition: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        return (index, count)
    }

    /// The shards of the inputs' `N` that none of them is, as `K/N`. Unsharded summaries
    /// merge only with each other (each is a whole batch).
    private static func missingShards(of inputs: [MergeInput]) throws(BatchError) -> [String] {
        guard let sharded = inputs.first(where: { $0.summary.shard != nil }) else { return [] }
        guard let count = sharded.summary.shardPosition?.count else {
            throw .invalidShard(sharded.file.path, "its shard '\(sharded.summary.shard ?? "")' is not K/N")
        }
        // Each missing shard is named; no scheduler runs that many tasks.
        guard count <= maxShards else {
            throw .invalidShard(sharded.file.path, "it is one of \(count) shards, more than the \(maxShards) a merge names")
        }
        var present: [Int: MergeInput] = [:]
        for input in inputs {
            guard let shard = input.summary.shard else {
                throw .invalidShard(input.file.path, "it is a whole batch, not a shard, and the others are shards of \(count)")
            }
            guard let position = input.summary.shardPosition else {
                throw .invalidShard(input.file.path, "its shard '\(shard)' is not K/N")
            }
            guard position.count == count else {
                throw .invalidShard(input.file.path, "it is shard \(shard), and the others are shards of \(count)")
            }
            if let other = present[position.index] {
                throw .invalidShard(input.file.path, "it is shard \(shard), as is \(other.file.path)")
            }
            present[position.index] = input
        }
        return (1...count).filter { present[$0] == nil }.map { "\($0)/\(count)" }
    }

    /// The one report format of all inputs: their recorded formats and their reports' file
    /// extensions must agree (summaries written before formats were recorded have only the
    /// extensions).
    private static func commonFormat(of inputs: [MergeInput]) throws(BatchError) -> ReportFormat? {
        var format: (value: ReportFormat, from: MergeInput)?
        var fileExtension: (value: String, from: MergeInput)?
        for input in inputs {
            if let recorded = input.summary.format {
                if let format, format.value != recorded {
                    throw .mixedFormats(input.file.path, recorded.rawValue, "\(format.value.rawValue) (\(format.from.file.path))")
                }
                format = format ?? (recorded, input)
            }
            for row in input.summary.rows where !row.report.isEmpty {
                let suffix = (row.report as NSString).pathExtension
                if let fileExtension, fileExtension.value != suffix {
                    throw .mixedFormats(input.file.path, "'.\(suffix)'", "'.\(fileExtension.value)' (\(fileExtension.from.file.path))")
                }
                fileExtension = fileExtension ?? (suffix, input)
            }
        }
        if let format, let fileExtension, format.value.fileExtension != fileExtension.value {
            throw .mixedFormats(fileExtension.from.file.path, "'.\(fileExtension.value)'", "\(format.value.rawValue) (\(format.from.file.path))")
        }
        return format?.value
    }
}

/// One folder being merged and the summary it holds.
private struct MergeInput {
    var folder: URL
    var summary: BatchSummary
    var file: URL { folder.appendingPathComponent("summary.json") }

    /// Checks that `row` is one a grading of this summary's exercise writes, and that its
    /// report is there.
    func check(_ row: BatchRow) throws(BatchError) {
        func invalid(_ reason: String) -> BatchError { .invalidRow(file.path, row.id, reason) }
        let id = row.id
        guard !id.isEmpty, id != ".", id != "..", !id.contains("/"), !id.contains("\0") else {
            throw invalid("a submission id is a file name: not empty, '.' or '..', no '/'")
        }
        let total = summary.groups.reduce(0) { $0 + $1.maxPoints }
        let slack = 0.005
        guard row.maxScore.isFinite, abs(row.maxScore - total) <= slack else {
            throw invalid("max_score \(row.maxScore) is not the exercise's \(Points.format(total))")
        }
        guard row.score.isFinite, row.score >= 0, row.score <= row.maxScore + slack else {
            throw invalid("score \(row.score) is outside 0…\(Points.format(row.maxScore))")
        }
        let maxima = Dictionary(summary.groups.map { ($0.id, $0.maxPoints) }, uniquingKeysWith: { first, _ in first })
        for (group, points) in row.groups {
            guard let maximum = maxima[group] else { throw invalid("group '\(group)' is not one of the exercise's") }
            guard points.isFinite, points >= 0, points <= maximum + slack else {
                throw invalid("\(points) points in group '\(group)' are outside 0…\(Points.format(maximum))")
            }
        }
        guard row.passed >= 0, row.failed >= 0, row.errors >= 0, row.duration.isFinite, row.duration >= 0 else {
            throw invalid("negative counts or duration")
        }
        guard !row.report.isEmpty else { return }
        let parts = row.report.split(separator: "/", omittingEmptySubsequences: false)
        guard !row.report.hasPrefix("/"), !row.report.contains("\0"), !parts.contains(".."), !parts.contains("") else {
            throw invalid("report '\(row.report)' is not a path inside \(folder.path)")
        }
        let report = folder.appendingPathComponent(row.report).path
        var info = stat()
        guard lstat(report, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .missingReport(report, file.path)
        }
    }
}

/// Whether two paths name one folder: the same device and inode when both exist (through
/// links, `..` or bind mounts), else the same resolved path.
enum FolderIdentity {
    static func same(_ first: URL, _ second: URL) -> Bool {
        var a = stat(), b = stat()
        if stat(first.path, &a) == 0, stat(second.path, &b) == 0 {
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino
        }
        return first.standardizedFileURL.resolvingSymlinksInPath().path == second.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
