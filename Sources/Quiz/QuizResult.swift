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
        /// The letter chosen, in the content's lettering ("A+C" for several); nil when not answered.
        public var chosen: String?
        /// The correct letter in the content's lettering ("A+C" for several, "-" for a
        /// self-check item without options, "?" when none is marked).
        public var correct: String
        /// Nil when not answered, and for a self-check item.
        public var isCorrect: Bool?
        /// Where the question was shown (1-based), which differs from `question` when shuffled.
        public var shownPosition: Int
        /// The letter the learner saw and typed; differs from `chosen` when shuffled.
        public var chosenAsShown: String?
        /// The seconds the question took to answer (or to reveal, for a self-check item); nil
        /// when not answered or not measured.
        public var seconds: Double?
        /// The credit earned, 0 to 1 (a fraction under partial credit); nil when not scored.
        public var credit: Double? = nil
        /// A self-check item: revealed, never scored.
        public var selfCheck: Bool = false
        /// For a self-check item, whether its answer was shown; nil for a scored question.
        public var revealed: Bool? = nil
    }

    public var session: SessionInfo
    public var quizTitle: String
    public var contentHash: String
    /// `completed`, `quit`, `interrupted` or `end-of-input`.
    public var status: Attempt.Ending
    public var isComplete: Bool
    /// The questions answered fully correctly.
    public var score: Int
    /// The credit earned: the score, plus fractions under partial credit.
    public var points: Double
    /// The scored questions; self-check items are not counted.
    public var total: Int
    public var answered: Int
    /// The self-check items, shown but not scored.
    public var selfCheckItems: Int
    /// How multiple-answer questions earn credit.
    public var scoring: ScoringRule
    /// points / total × 100, rounded to one decimal.
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
        self.points = attempt.points
        self.total = attempt.scoredCount
        self.answered = attempt.answeredCount
        self.selfCheckItems = plan.questions.count - attempt.scoredCount
        self.scoring = quiz.scoring
        self.percentage = total == 0 ? 0 : (points * 1000 / Double(total)).rounded() / 10
        // Bands count whole questions: partial credit counts as far as it makes whole ones.
        if isComplete, let band = quiz.scoringGuide?.band(forScore: Int((points + 1e-9).rounded(.down))) {
            self.band = BandInfo(label: band.label, advice: band.advice, range: band.rangeText)
        } else {
            self.band = nil
        }
        self.shuffleSeed = plan.seed
        var byOriginal: [Int: Answer] = [:]
        for (shown, presented) in plan.questions.enumerated() {
            let selection = presented.isSelfCheck ? nil : attempt.selections[shown]
            let question = presented.question
            let chosenOriginal = selection.map { $0.map(presented.originalOptionIndex(forShown:)).sorted() }
            byOriginal[presented.originalIndex] = Answer(
                question: question.number,
                title: question.title,
                chosen: chosenOriginal.map { $0.map { question.options[$0].letter }.joined(separator: "+") },
                correct: quiz.answerKey[presented.originalIndex],
                isCorrect: attempt.isCorrect(at: shown),
                shownPosition: shown + 1,
                chosenAsShown: selection.map { $0.sorted().map(Letters.letter(at:)).joined(separator: "+") },
                seconds: attempt.seconds[shown],
                credit: attempt.credit(at: shown),
                selfCheck: presented.isSelfCheck,
                revealed: presented.isSelfCheck ? attempt.selections[shown] != nil : nil)
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
        case session, quizTitle, contentHash, status, isComplete, score, points, total, answered, selfCheckItems, scoring
        case percentage, band, shuffleSeed, answers, startedAt, finishedAt, durationSeconds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(quizTitle, forKey: .quizTitle)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(status, forKey: .status)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(score, forKey: .score)
        try container.encode(points, forKey: .points)
        try container.encode(total, forKey: .total)
        try container.encode(answered, forKey: .answered)
        try container.encode(selfCheckItems, forKey: .selfCheckItems)
        try container.encode(scoring, forKey: .scoring)
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
        case question, title, chosen, correct, isCorrect, shownPosition, chosenAsShown, seconds, credit, selfCheck, revealed
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
        try container.encode(credit, forKey: .credit)
        try container.encode(selfCheck, forKey: .selfCheck)
        try container.encode(revealed, forKey: .revealed)
    }
}
