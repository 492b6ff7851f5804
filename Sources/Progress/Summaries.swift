import Foundation

/// What `lectern progress` shows for one session: its attempts on the current version of
/// the quiz, the best complete one, and when it was last taken.
public struct SessionProgress: Codable, Hashable, Sendable {
    public var sessionID: String
    public var sessionTitle: String
    public var quizTitle: String
    /// The content hash of the most recent attempt: the figures below count only attempts on it.
    public var contentHash: String
    /// Attempts on the current version, complete or not.
    public var attempts: Int
    public var completeAttempts: Int
    /// Attempts recorded against earlier versions of the quiz (a different content hash).
    public var earlierVersionAttempts: Int
    /// The best score of a complete attempt; nil when none is complete.
    public var bestScore: Int?
    public var total: Int
    public var bestBandLabel: String?
    /// The time the best attempt took; nil when none is complete or it was not recorded.
    public var bestDurationSeconds: Double?
    /// The time spent on every attempt on the current version that recorded it; nil when none did.
    public var totalDurationSeconds: Double?
    public var lastAttemptAt: Date
}

/// What `lectern progress` shows for one exercise: its gradings, best score and last outcome.
public struct ExerciseProgress: Codable, Hashable, Sendable {
    public var exerciseSlug: String
    /// The track of the most recent grading.
    public var track: String
    public var gradings: Int
    public var bestScore: Double
    public var maxScore: Double
    public var lastStatus: String
    public var lastGradedAt: Date
}

/// Everything `lectern progress` reports.
public struct ProgressSummary: Codable, Hashable, Sendable {
    public var sessions: [SessionProgress]
    public var exercises: [ExerciseProgress]

    public init(sessions: [SessionProgress], exercises: [ExerciseProgress]) {
        self.sessions = sessions
        self.exercises = exercises
    }
}
