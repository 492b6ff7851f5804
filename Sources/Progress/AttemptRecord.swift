import Foundation

/// One quiz attempt, complete or not, as it is kept in the progress store.
///
/// Answers are stored in the quiz's own lettering (after any shuffle has been mapped back),
/// so attempts taken with and without `--shuffle` compare directly.
public struct AttemptRecord: Codable, Hashable, Sendable {
    /// The row id; nil until the record is saved.
    public var id: Int64?
    /// A fresh identifier of this attempt (a UUID string), stable across exports.
    public var attemptID: String
    /// The course session's id, e.g. `04-production-mcp-deployment`, or the quiz file's path.
    public var sessionID: String
    public var sessionTitle: String
    public var quizTitle: String
    /// `Quiz.contentHash`: attempts on an edited quiz are not mixed with older ones.
    public var contentHash: String
    /// One entry per question of the quiz, in the quiz's order.
    public var answers: [AttemptAnswer]
    public var score: Int
    public var total: Int
    /// The scoring band's label ("Expert level"); nil when incomplete or the quiz has no guide.
    public var bandLabel: String?
    /// False when the learner quit, pressed Ctrl-C or input ended before the last question.
    public var isComplete: Bool
    public var startedAt: Date
    public var finishedAt: Date
    /// The seed the questions were shuffled with, in decimal; nil when not shuffled.
    public var shuffleSeed: String?
    /// Seconds spent taking the quiz, over every sitting of an attempt taken up again; nil
    /// for attempts recorded before lectern kept it.
    public var durationSeconds: Double?

    /// Who took it (`--learner`, default the login name); nil for attempts recorded before
    /// lectern kept learners.
    public var learner: String?

    public init(id: Int64? = nil, attemptID: String = UUID().uuidString, sessionID: String, sessionTitle: String,
                quizTitle: String, contentHash: String, answers: [AttemptAnswer], score: Int, total: Int,
                bandLabel: String?, isComplete: Bool, startedAt: Date, finishedAt: Date,
                shuffleSeed: String? = nil, durationSeconds: Double? = nil, learner: String? = nil) {
        self.id = id
        self.attemptID = attemptID
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.quizTitle = quizTitle
        self.contentHash = contentHash
        self.answers = answers
        self.score = score
        self.total = total
        self.bandLabel = bandLabel
        self.isComplete = isComplete
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.shuffleSeed = shuffleSeed
        self.durationSeconds = durationSeconds
        self.learner = learner
    }
}

/// The answer to one question of an attempt.
public struct AttemptAnswer: Codable, Hashable, Sendable {
    /// The question's number as the content gives it.
    public var question: Int
    /// The letter chosen, in the quiz's own lettering ("A+C" for several); nil when not answered.
    public var chosen: String?
    /// The correct letter.
    public var correct: String
    /// Nil when not answered.
    public var isCorrect: Bool?
    /// Seconds taken to answer; nil when not answered, not measured, or recorded before
    /// lectern kept it.
    public var seconds: Double?
    /// For a self-check item, whether its answer was shown (so `--resume` carries on after
    /// it); nil for a scored question, and in rows recorded before lectern kept it.
    public var revealed: Bool?

    public init(question: Int, chosen: String?, correct: String, isCorrect: Bool?, seconds: Double? = nil,
                revealed: Bool? = nil) {
        self.question = question
        self.chosen = chosen
        self.correct = correct
        self.isCorrect = isCorrect
        self.seconds = seconds
        self.revealed = revealed
    }
}
