import Foundation
import Support
import TextEscaping

/// `lectern progress` as text or JSON: per session, attempts, best score and band, last
/// date; per exercise, gradings, best score, last status and date. Dates print in UTC.
public struct ProgressReport: Sendable {
    public var summary: ProgressSummary
    /// The database the figures come from, shown so the learner knows which history this is.
    public var databasePath: String
    /// Whose history it is.
    public var learner: String

    public init(summary: ProgressSummary, databasePath: String, learner: String) {
        self.summary = summary
        self.databasePath = databasePath
        self.learner = learner
    }

    /// Reads one learner's history from the store in `dataDirectory`, read-only: a missing
    /// database is an empty history (nothing is created by reading), another user's
    /// read-only file or a read-only mount is read as it is; a damaged one throws
    /// `ProgressStoreError`.
    public static func load(dataDirectory: URL, learner: LearnerScope) throws -> ProgressReport {
        let url = DataDirectory.databaseURL(in: dataDirectory)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return ProgressReport(summary: ProgressSummary(sessions: [], exercises: []), databasePath: url.path, learner: learner.name)
        }
        let summary = try ProgressStore.reading(url).summary(learner: learner)
        return ProgressReport(summary: summary, databasePath: url.path, learner: learner.name)
    }

    /// The text report. Names and statuses come from the database and from course and
    /// exercise folders, so their control characters are shown as escapes.
    public var text: String {
        let visible = VisibleText.line
        var lines: [String] = []
        if summary.sessions.isEmpty {
            lines.append("No quiz attempts yet: take one with `lectern quiz`.")
        } else {
            lines.append("Quizzes")
            for session in summary.sessions {
                lines.append("  \(visible(session.sessionTitle)) (\(visible(session.sessionID)))")
                var line = "    \(count(session.attempts, "attempt"))"
                if session.completeAttempts != session.attempts { line += " (\(session.completeAttempts) complete)" }
                if let best = session.bestScore {
                    line += ", best \(best)/\(session.total) (\(percent(Double(best), Double(session.total))))"
                    if let band = session.bestBandLabel { line += " \(visible(band))" }
                    if let time = session.bestDurationSeconds { line += " in \(DurationText.format(time))" }
                } else {
                    line += ", none complete yet"
                }
                if let total = session.totalDurationSeconds { line += ", \(DurationText.format(total)) in all" }
                line += ", last \(Self.format(session.lastAttemptAt))"
                lines.append(line)
                if session.earlierVersionAttempts > 0 {
                    lines.append("    \(count(session.earlierVersionAttempts, "attempt")) on an earlier version of the quiz, not counted")
                }
            }
        }
        if !summary.exercises.isEmpty {
            lines.append("Exercises")
            for exercise in summary.exercises {
                lines.append("  \(visible(exercise.exerciseSlug)) (\(visible(exercise.track)))")
                lines.append("    \(count(exercise.gradings, "grading")), best \(number(exercise.bestScore))/\(number(exercise.maxScore))"
                    + ", last \(visible(exercise.lastStatus)) \(Self.format(exercise.lastGradedAt))")
            }
        }
        lines.append("History of \(visible(learner)): \(visible(databasePath))")
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        struct Document: Encodable {
            var database: String
            var learner: String
            var sessions: [SessionProgress]
            var exercises: [ExerciseProgress]
        }
        return StableJSON.encode(Document(database: databasePath, learner: learner, sessions: summary.sessions, exercises: summary.exercises))
    }

    /// A date as lectern prints it: `2027-01-15 08:01 UTC`.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    private func percent(_ part: Double, _ whole: Double) -> String {
        whole == 0 ? "0%" : "\(Int((part * 100 / whole).rounded()))%"
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
