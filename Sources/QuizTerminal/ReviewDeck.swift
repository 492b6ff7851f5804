import Course
import Foundation
import FSRS
import Progress

/// One question as a spaced-review card: where it comes from, its FSRS memory state.
public struct ReviewCard: Sendable {
    public var sessionID: String
    public var sessionTitle: String
    public var question: Question
    /// The question's fingerprint: reviews of an edited question do not carry over.
    public var questionHash: String
    public var card: Card
    /// How many answers (quiz attempts and reviews) the card was built from.
    public var history: Int
}

/// The learner's review deck: one card per quiz question they have answered, its FSRS state
/// replayed from every answer in order. A quiz answer and a review count alike: wrong rates
/// Again, right rates Good. Quiz answers count when given on the current version of the quiz.
public enum ReviewDeck {
    /// A session's quiz as the deck reads it.
    public struct Source: Sendable {
        public var sessionID: String
        public var sessionTitle: String
        public var quiz: Quiz

        public init(sessionID: String, sessionTitle: String, quiz: Quiz) {
            self.sessionID = sessionID
            self.sessionTitle = sessionTitle
            self.quiz = quiz
        }
    }

    public static func cards(_ sources: [Source], attempts: [AttemptRecord], reviews: [ReviewRecord],
                             scheduler: Scheduler = Scheduler()) -> [ReviewCard] {
        var cards: [ReviewCard] = []
        for source in sources {
            let sessionAttempts = attempts.filter { $0.sessionID == source.sessionID && $0.contentHash == source.quiz.contentHash }
            let sessionReviews = reviews.filter { $0.sessionID == source.sessionID }
            // Scored questions only: a self-check item has nothing to get right or wrong.
            for question in source.quiz.questions where question.isScored {
                let hash = fingerprint(question)
                var history: [(rating: Rating, date: Date)] = []
                for attempt in sessionAttempts {
                    guard let answer = attempt.answers.first(where: { $0.question == question.number }),
                          let isCorrect = answer.isCorrect else { continue }
                    history.append((isCorrect ? .good : .again, attempt.finishedAt))
                }
                for review in sessionReviews where review.question == question.number && review.questionHash == hash {
                    history.append((Rating(rawValue: review.rating) ?? .again, review.reviewedAt))
                }
                guard let first = history.map(\.date).min() else { continue }
                cards.append(ReviewCard(sessionID: source.sessionID, sessionTitle: source.sessionTitle, question: question,
                                        questionHash: hash, card: scheduler.replay(history, start: first), history: history.count))
            }
        }
        return cards
    }

    /// The cards due at `date`, most overdue first (then in course order).
    public static func due(_ cards: [ReviewCard], at date: Date) -> [ReviewCard] {
        cards.enumerated().filter { $0.element.card.due <= date }
            .sorted { ($0.element.card.due, $0.offset) < ($1.element.card.due, $1.offset) }
            .map(\.element)
    }

    /// A question's fingerprint: the content hash of a quiz holding only it.
    public static func fingerprint(_ question: Question) -> String {
        Quiz(title: "", questions: [question], scoringGuide: nil, displayPath: "").contentHash
    }
}
