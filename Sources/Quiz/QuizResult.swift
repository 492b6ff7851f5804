import Course
import Foundation

/// The outcome of an attempt, complete or not: what `--format json` prints and what the
/// progress store keeps. Answers are in the content's own order and lettering.
public struct QuizResult: Codable, Equatable, Sendable {
    public struct SessionInfo: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
    }

    public struct BandInfo: Codable, Equatable, Sendable {
        /// "Expert level".
        public var label: String
        /// "Ready for enterprise production deployments".
        public var advice: String
        /// "10 correct", "8-9 correct", "Below 4".
        public var range: String
    }

    public struct Answer: Codable, Equatable, Sendable {
        /// The question's number as the content gives it.
        public var question: Int
        public var title: String?
        /// The letter chosen, in the content's lettering; nil when not answered.
        public var chosen: String?
        /// The correct letter in the content's lettering ("?" when none is marked).
        public var correct: String
        /// Nil when not answered.
        public var isCorrect: Bool?
        /// Where the question was shown (1-based), which differs from `question` when shuffled.
        public var shownPosition: Int
        /// The letter the learner saw and typed; differs from `chosen` when shuffled.
        public var chosenAsShown: String?
        /// The seconds the question took to answer; nil when not answered or not measured.
        public var seconds: Double?
    }

    public var session: SessionInfo
    public var quizTitle: String
    public var contentHash: String
    /// `completed`, `quit`, `interrupted` or `end-of-input`.
    public var status: Attempt.Ending
    public var isComplete: Bool
    public var score: Int
    public var total: Int
    public var answered: Int
    /// score / total × 100, rounded to one decimal.
    public var percentage: Double
    /// The scoring band of a complete attempt; nil when incomplete or the quiz has no guide.
    public var band: BandInfo?
    public var shuffleSeed: UInt64?
    public var answers: [Answer]
    public var startedAt: Date
    public var finishedAt: Date
    /// The time spent taking the quiz, in seconds: for an attempt taken up again, the sum of
    /// its sittings (the breaks between them do not count). Nil when not measured (answers
    /// given up front).
    public var durationSeconds: Double?

    /// Sums up an attempt. The band comes from the quiz's Scoring Guide, for complete attempts only.
    public init(attempt: Attempt, sessionID: String, sessionTitle: String, startedAt: Date, finishedAt: Date,
                durationSeconds: Double? = nil) {
        let plan = attempt.plan
        let quiz = plan.quiz
        self.session = SessionInfo(id: sessionID, title: sessionTitle)
        self.quizTitle = quiz.title
        self.contentHash = quiz.contentHash
        let ending: Attempt.Ending
        if case .ended(let how) = attempt.state { ending = how } else { ending = .interrupted }
        self.status = ending
        self.isComplete = ending == .completed
        self.score = attempt.score
        self.total = quiz.questions.count
        self.answered = attempt.answeredCount
        self.percentage = total == 0 ? 0 : (Double(score) * 1000 / Double(total)).rounded() / 10
        if isComplete, let band = quiz.scoringGuide?.band(forScore: score) {
            self.band = BandInfo(label: band.label, advice: band.advice, range: band.rangeText)
        } else {
            self.band = nil
        }
        self.shuffleSeed = plan.seed
        var byOriginal: [Int: Answer] = [:]
        for (shown, presented) in plan.questions.enumerated() {
            let chosenShown = attempt.choices[shown]
            let question = presented.question
            byOriginal[presented.originalIndex] = Answer(
                question: question.number,
                title: question.title,
                chosen: chosenShown.map { question.options[presented.originalOptionIndex(forShown: $0)].letter },
                correct: question.correctOption?.letter ?? "?",
                isCorrect: attempt.isCorrect(at: shown),
                shownPosition: shown + 1,
                chosenAsShown: chosenShown.map(Letters.letter(at:)),
                seconds: attempt.seconds[shown])
        }
        self.answers = quiz.questions.indices.compactMap { byOriginal[$0] }
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
    }
}

// Absent values are written as null rather than left out, so every result has the same keys
// and scripts can read `band` or `chosen` without checking first.
extension QuizResult {
    enum CodingKeys: String, CodingKey {
        case session, quizTitle, contentHash, status, isComplete, score, total, answered, percentage, band
        case shuffleSeed, answers, startedAt, finishedAt, durationSeconds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(quizTitle, forKey: .quizTitle)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(status, forKey: .status)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(score, forKey: .score)
        try container.encode(total, forKey: .total)
        try container.encode(answered, forKey: .answered)
        try container.encode(percentage, forKey: .percentage)
        try container.encode(band, forKey: .band)
        try container.encode(shuffleSeed, forKey: .shuffleSeed)
        try container.encode(answers, forKey: .answers)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(durationSeconds, forKey: .durationSeconds)
    }
}

extension QuizResult.Answer {
    enum CodingKeys: String, CodingKey {
        case question, title, chosen, correct, isCorrect, shownPosition, chosenAsShown, seconds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(title, forKey: .title)
        try container.encode(chosen, forKey: .chosen)
        try container.encode(correct, forKey: .correct)
        try container.encode(isCorrect, forKey: .isCorrect)
        try container.encode(shownPosition, forKey: .shownPosition)
        try container.encode(chosenAsShown, forKey: .chosenAsShown)
        try container.encode(seconds, forKey: .seconds)
    }
}
