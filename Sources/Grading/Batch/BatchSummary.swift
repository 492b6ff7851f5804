import Foundation
import Support
import TextEscaping

/// One submission's line in a batch summary.
public struct BatchRow: Sendable, Codable, Equatable {
    public var id: String
    public var track: String
    public var status: GradeStatus
    public var score: Double
    public var maxScore: Double
    /// Points per group id.
    public var groups: [String: Double]
    public var passed: Int
    public var failed: Int
    public var errors: Int
    /// Seconds the grading took.
    public var duration: Double
    /// SHA-256 of the submission's contents when it was graded (resumption key).
    public var sha256: String
    /// The report file, relative to the summary's folder.
    public var report: String
    /// Why the submission could not be graded (a missing entry file, an unknown track, …).
    public var message: String?

    public var isFullMarks: Bool { status == .graded && failed == 0 && errors == 0 && passed > 0 }
}

/// `summary.json` of a batch (or of a merge of shard batches).
public struct BatchSummary: Sendable, Codable, Equatable {
    public static let schema = "lectern-batch/1"

    public struct Group: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var maxPoints: Double
    }

    public var schema = BatchSummary.schema
    public var exercise: String
    public var groups: [Group]
    /// `K/N` when this summary is one shard's.
    public var shard: String?
    public var rows: [BatchRow]
    /// Submissions graded in this run (the rest were up to date and kept).
    public var graded: Int
    public var skipped: Int
    /// The format of every row's report (absent in summaries written before lectern recorded it).
    public var format: ReportFormat?
    /// The shards (`K/N`) a merge with `--allow-partial` went without; absent when none.
    public var missingShards: [String]?

    /// summary.csv: one row per submission, group points in the exercise's group order.
    public var csv: String {
        var lines = [(["id", "track", "status", "score", "max_score"] + groups.map(\.id)
            + ["passed", "failed", "errors", "duration_s", "sha256", "report"]).joined(separator: ",")]
        for row in rows {
            let fields = [row.id, row.track, row.status.rawValue, Points.format(row.score), Points.format(row.maxScore)]
                + groups.map { Points.format(row.groups[$0.id] ?? 0) }
                + [String(row.passed), String(row.failed), String(row.errors), String(format: "%.3f", row.duration), row.sha256, row.report]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the command prints at the end; ids and messages with their control characters
    /// shown as escapes, one line each.
    public var text: String {
        let full = rows.filter(\.isFullMarks).count
        let errors = rows.filter { $0.status != .graded }.count
        let mean = rows.isEmpty ? 0 : rows.reduce(0) { $0 + $1.score } / Double(rows.count)
        var lines: [String] = []
        for row in rows where row.status != .graded {
            lines.append("\(VisibleText.line(row.id)): \(row.status.rawValue)" + (row.message.map { ": " + VisibleText.line(firstLine($0)) } ?? ""))
        }
        if let missing = missingShards, !missing.isEmpty {
            lines.append("warning: a partial merge: shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) missing")
        }
        lines.append("\(VisibleText.line(exercise))\(shard.map { " shard \($0)" } ?? ""): \(rows.count) submissions "
            + "(\(graded) graded now, \(skipped) up to date), \(full) full marks, \(errors) not graded, "
            + "mean score \(Points.format(mean))/\(Points.format(groups.reduce(0) { $0 + $1.maxPoints }))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1).first ?? "")
    }

    /// Reads a summary.json; nil when there is none or it is not one.
    static func read(_ url: URL) -> BatchSummary? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(BatchSummary.self, from: data)
    }

    /// Writes summary.json and summary.csv atomically into `folder`.
    func write(to folder: URL) throws {
        try AtomicFile.write(Data(StableJSON.encode(self).utf8), to: folder.appendingPathComponent("summary.json"))
        try AtomicFile.write(Data(csv.utf8), to: folder.appendingPathComponent("summary.csv"))
    }
}

/// Why a batch or merge could not run.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case cannotWrite(String, String)
    case unreadableSummary(String)
    case mixedExercises(String, String, String)
    case duplicateSubmission(String, String, String)
    case nothingToMerge
    /// Shards `K/N` that none of the merged folders holds.
    case missingShards([String], found: [String])
    /// A summary's shard is not `K/N`, is of another N than the others, or repeats another's.
    case invalidShard(String, String)
    /// A row that no grading could have written (path of its summary, id, what is wrong).
    case invalidRow(String, String, String)
    /// A row's report that is not there (the report's path, the summary naming it).
    case missingReport(String, String)
    /// Summaries whose reports are in different formats (the summary, its format, the others').
    case mixedFormats(String, String, String)
    /// Summaries of one exercise with different groups or points.
    case mixedGroups(String)
    /// The merge's output folder is one of its inputs.
    case outputIsAnInput(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path) is not a folder of submissions"
        case .cannotWrite(let path, let reason): "cannot write to \(path): \(reason)"
        case .unreadableSummary(let path): "\(path) is missing or is not a lectern batch summary"
        case .mixedExercises(let first, let other, let path): "\(path) grades '\(other)', the others '\(first)'; merge shards of one exercise"
        case .duplicateSubmission(let id, let first, let second): "submission '\(id)' is in both \(first) and \(second)"
        case .nothingToMerge: "no summaries to merge"
        case .missingShards(let missing, let found):
            "shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing "
                + "(merging \(found.joined(separator: ", "))); merge every shard, or pass --allow-partial"
        case .invalidShard(let path, let reason): "\(path): \(reason)"
        case .invalidRow(let path, let id, let reason): "\(path): row '\(id)': \(reason)"
        case .missingReport(let report, let summary): "\(report): missing, though \(summary) names it; re-grade that shard"
        case .mixedFormats(let path, let format, let others):
            "\(path) holds \(format) reports, the others \(others); merge shards graded with one --format"
        case .mixedGroups(let path): "\(path) has other groups or points than the others; merge shards of one version of the exercise"
        case .outputIsAnInput(let path): "the output \(path) is one of the folders being merged; give another --output"
        }
    }
}

/// Writes a file through a temporary sibling and a rename, so a reader never sees half of it.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}

/// A path from one folder to a file, with `..` where needed.
enum RelativePath {
    static func from(_ folder: URL, to file: URL) -> String {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let target = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.joined(separator: "/")
    }
}
