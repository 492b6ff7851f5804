import Foundation

/// One grading of an exercise submission, as it is kept in the progress store.
public struct GradingRecord: Codable, Hashable, Sendable {
    /// The row id; nil until the record is saved.
    public var id: Int64?
    /// The exercise's folder name, e.g. `circuit-breaker`.
    public var exerciseSlug: String
    /// The track graded, e.g. `python` or `swift`.
    public var track: String
    /// The submission as the learner named it (a file or a folder).
    public var submissionPath: String
    /// A hash of the submission's bytes, so a report can be tied to the exact code graded.
    public var submissionHash: String
    /// The outcome: `pass`, `fail` or `error` (the grader's own vocabulary).
    public var status: String
    public var score: Double
    public var maxScore: Double
    /// The full report as the grader's JSON, kept verbatim.
    public var reportJSON: String
    public var startedAt: Date
    public var finishedAt: Date
    /// Wall time of the grading in seconds.
    public var duration: Double
    /// Whose submission it was (`--learner`, default the login name); nil for gradings
    /// recorded before lectern kept learners.
    public var learner: String?

    public init(id: Int64? = nil, exerciseSlug: String, track: String, submissionPath: String, submissionHash: String,
                status: String, score: Double, maxScore: Double, reportJSON: String,
                startedAt: Date, finishedAt: Date, duration: Double, learner: String? = nil) {
        self.id = id
        self.exerciseSlug = exerciseSlug
        self.track = track
        self.submissionPath = submissionPath
        self.submissionHash = submissionHash
        self.status = status
        self.score = score
        self.maxScore = maxScore
        self.reportJSON = reportJSON
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.duration = duration
        self.learner = learner
    }
}
