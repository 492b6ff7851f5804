import Foundation

/// One question asked by `lectern review`, and the rating the answer earned: the spaced
/// review's own history, beside the quiz attempts it starts from.
public struct ReviewRecord: Codable, Hashable, Sendable {
    /// The row id; nil until the record is saved.
    public var id: Int64?
    public var learner: String
    /// The session's id, as quiz attempts name it.
    public var sessionID: String
    /// The question's number as the content gives it.
    public var question: Int
    /// A fingerprint of the question (prompt, options, answer): an edited question starts afresh.
    public var questionHash: String
    /// The letter chosen and the correct one, in the content's lettering.
    public var chosen: String
    public var correct: String
    /// The FSRS rating: 1 Again (wrong), 3 Good (right).
    public var rating: Int
    public var reviewedAt: Date

    public init(id: Int64? = nil, learner: String, sessionID: String, question: Int, questionHash: String,
                chosen: String, correct: String, rating: Int, reviewedAt: Date) {
        self.id = id
        self.learner = learner
        self.sessionID = sessionID
        self.question = question
        self.questionHash = questionHash
        self.chosen = chosen
        self.correct = correct
        self.rating = rating
        self.reviewedAt = reviewedAt
    }
}
