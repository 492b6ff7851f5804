import Foundation

/// How a review went.
public enum Rating: Int, Codable, Sendable, CaseIterable {
    case again = 1, hard = 2, good = 3, easy = 4
}

/// Where a card is in its schedule.
public enum CardState: Int, Codable, Sendable {
    case learning = 1, review = 2, relearning = 3
}

/// One card's memory state: FSRS's stability (days until retrievability falls to 90%) and
/// difficulty (1–10), its learning step and when it is next due.
public struct Card: Hashable, Codable, Sendable {
    public var state: CardState
    /// The learning or relearning step; nil in the review state.
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    /// A new card, due at once.
    public init(due: Date) {
        self.state = .learning
        self.step = 0
        self.due = due
    }
}

/// The FSRS-6 scheduler of the open-spaced-repetition project, as its reference
/// implementation (PyPI `fsrs` 6.x, `fsrs/scheduler.py`) computes it, without fuzz: the
/// default 21 parameters, desired retention 0.9, learning steps of 1 and 10 minutes, a
/// relearning step of 10 minutes, intervals of at most 36,500 days.
///
/// FSRS models memory by stability S and difficulty D. Retrievability after t days is
/// R = (1 + F·t/S)^C with C = −w20 and F = 0.9^(1/C) − 1, so R(S) = 0.9; the next interval
/// is the t at which R falls to the desired retention. A successful recall grows S by
/// e^w8 · (11 − D) · S^−w9 · (e^((1−R)·w10) − 1) (scaled for Hard and Easy); a lapse sets S
/// from w11 · D^−w12 · ((S+1)^w13 − 1) · e^((1−R)·w14); reviews on the same day use the
/// short-term formula S · e^(w17·(G − 3 + w18)) · S^−w19. D moves by −w6·(G − 3), damped
/// linearly towards 10, and reverts towards D0(Easy) with weight w7.
public struct Scheduler: Sendable {
    /// FSRS-6's default parameters (w0…w20).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    static let minimumStability = 0.001

    public var parameters: [Double]
    public var desiredRetention: Double
    public var learningSteps: [TimeInterval]
    public var relearningSteps: [TimeInterval]
    public var maximumInterval: Int

    private var decay: Double { -parameters[20] }
    private var factor: Double { pow(0.9, 1 / decay) - 1 }

    public init(parameters: [Double] = Scheduler.defaultParameters, desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
                maximumInterval: Int = 36_500) {
        precondition(parameters.count == 21, "FSRS-6 has 21 parameters")
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }

    /// The probability of recalling the card at `date` (0 for a card never reviewed).
    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsedDays = max(0, Self.wholeDays(from: lastReview, to: date))
        return pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    /// The card after a review rated `rating` at `date`.
    public func review(_ card: Card, rating: Rating, at date: Date) -> Card {
        var card = card
        let daysSinceLastReview = card.lastReview.map { Self.wholeDays(from: $0, to: date) }
        let sameDay = daysSinceLastReview.map { $0 < 1 } ?? false
        var next: TimeInterval

        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? learningSteps : relearningSteps
            if card.state == .learning, card.stability == nil || card.difficulty == nil {
                card.stability = initialStability(rating)
                card.difficulty = clampDifficulty(initialDifficulty(rating))
            } else if sameDay {
                card.stability = shortTermStability(card.stability!, rating)
                card.difficulty = nextDifficulty(card.difficulty!, rating)
            } else {
                card.stability = nextStability(card.difficulty!, card.stability!, retrievability(of: card, at: date), rating)
                card.difficulty = nextDifficulty(card.difficulty!, rating)
            }
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                card.state = .review
                card.step = nil
                next = days(nextInterval(card.stability!))
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    next = steps[0]
                case .hard:
                    if step == 0, steps.count == 1 {
                        next = steps[0] * 1.5
                    } else if step == 0, steps.count >= 2 {
                        next = (steps[0] + steps[1]) / 2
                    } else {
                        next = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        card.state = .review
                        card.step = nil
                        next = days(nextInterval(card.stability!))
                    } else {
                        card.step = step + 1
                        next = steps[step + 1]
                    }
                case .easy:
                    card.state = .review
                    card.step = nil
                    next = days(nextInterval(card.stability!))
                }
            }
        case .review:
            if sameDay {
                card.stability = shortTermStability(card.stability!, rating)
            } else {
                card.stability = nextStability(card.difficulty!, card.stability!, retrievability(of: card, at: date), rating)
            }
            card.difficulty = nextDifficulty(card.difficulty!, rating)
            if rating == .again, !relearningSteps.isEmpty {
                card.state = .relearning
                card.step = 0
                next = relearningSteps[0]
            } else {
                next = days(nextInterval(card.stability!))
            }
        }
        card.due = date.addingTimeInterval(next)
        card.lastReview = date
        return card
    }

    /// A card replayed through every review of its history, oldest first.
    public func replay(_ reviews: [(rating: Rating, date: Date)], start: Date) -> Card {
        reviews.sorted { $0.date < $1.date }.reduce(Card(due: start)) { card, review in
            self.review(card, rating: review.rating, at: review.date)
        }
    }

    // MARK: The model's formulas

    /// Whole days between two dates, rounded down (Python's `timedelta.days`).
    static func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
    }

    private func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }

    private func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

    private func clampStability(_ stability: Double) -> Double { max(stability, Self.minimumStability) }

    func initialStability(_ rating: Rating) -> Double { clampStability(parameters[rating.rawValue - 1]) }

    func initialDifficulty(_ rating: Rating) -> Double {
        parameters[4] - exp(parameters[5] * Double(rating.rawValue - 1)) + 1
    }

    /// Days until retrievability falls to the desired retention, rounded half to even (as
    /// Python's `round`), between 1 and the maximum interval.
    func nextInterval(_ stability: Double) -> Int {
        let interval = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        return min(max(Int(interval.rounded(.toNearestOrEven)), 1), maximumInterval)
    }

    func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase = exp(parameters[17] * (Double(rating.rawValue) - 3 + parameters[18])) * pow(stability, -parameters[19])
        if rating != .again { increase = max(increase, 1) }
        return clampStability(stability * increase)
    }

    func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let delta = -(parameters[6] * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        let reverted = parameters[7] * initialDifficulty(.easy) + (1 - parameters[7]) * damped
        return clampDifficulty(reverted)
    }

    func nextStability(_ difficulty: Double, _ stability: Double, _ retrievability: Double, _ rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = parameters[11] * pow(difficulty, -parameters[12]) * (pow(stability + 1, parameters[13]) - 1)
                * exp((1 - retrievability) * parameters[14])
            let shortTerm = stability / exp(parameters[17] * parameters[18])
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? parameters[15] : 1
            let easyBonus = rating == .easy ? parameters[16] : 1
            next = stability * (1 + exp(parameters[8]) * (11 - difficulty) * pow(stability, -parameters[9])
                * (exp((1 - retrievability) * parameters[10]) - 1) * hardPenalty * easyBonus)
        }
        return clampStability(next)
    }
}
