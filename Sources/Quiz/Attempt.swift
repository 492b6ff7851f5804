import Course

/// One attempt at a quiz as a state machine: it asks the presented questions in order, takes
/// one answer each, and ends either completed or early (quit, interrupted, input ended).
/// It holds no I/O; front ends feed it answers and read its state.
public struct Attempt: Sendable {
    /// How an attempt ended.
    public enum Ending: String, Codable, Sendable {
        case completed
        case quit
        case interrupted
        case endOfInput = "end-of-input"
    }

    public enum State: Equatable, Sendable {
        /// Waiting for the answer to the presented question at this index.
        case answering(Int)
        case ended(Ending)
    }

    public enum Failure: Error, Equatable, Sendable {
        case alreadyEnded
        case noSuchOption(Int)
    }

    /// What answering one question told: right or wrong, and where the right option is.
    public struct Outcome: Equatable, Sendable {
        public var chosenShownIndex: Int
        public var correctShownIndex: Int?
        public var isCorrect: Bool
    }

    public let plan: QuizPlan
    public private(set) var state: State
    /// The shown option chosen for each presented question; nil until answered.
    public private(set) var choices: [Int?]

    public init(plan: QuizPlan) {
        self.plan = plan
        self.choices = Array(repeating: nil, count: plan.questions.count)
        self.state = plan.questions.isEmpty ? .ended(.completed) : .answering(0)
    }

    /// The question waiting for an answer; nil once ended.
    public var current: PresentedQuestion? {
        if case .answering(let index) = state { return plan.questions[index] }
        return nil
    }

    /// The 1-based position of the current question ("Question 3 of 10").
    public var currentPosition: Int? {
        if case .answering(let index) = state { return index + 1 }
        return nil
    }

    public var isEnded: Bool {
        if case .ended = state { return true }
        return false
    }

    /// Answers the current question with the option shown at `shownIndex` and moves on;
    /// after the last question the attempt is completed.
    @discardableResult
    public mutating func answer(shownIndex: Int) throws(Failure) -> Outcome {
        guard case .answering(let index) = state else { throw .alreadyEnded }
        let question = plan.questions[index]
        guard (0..<question.optionCount).contains(shownIndex) else { throw .noSuchOption(shownIndex) }
        choices[index] = shownIndex
        state = index + 1 < plan.questions.count ? .answering(index + 1) : .ended(.completed)
        let correct = question.correctShownIndex
        return Outcome(chosenShownIndex: shownIndex, correctShownIndex: correct, isCorrect: correct == shownIndex)
    }

    /// Ends the attempt early; what was answered stays. Does nothing once ended.
    public mutating func end(_ ending: Ending) {
        guard !isEnded else { return }
        state = .ended(ending)
    }

    /// Whether a presented question was answered correctly; nil when unanswered.
    public func isCorrect(at presentedIndex: Int) -> Bool? {
        guard let chosen = choices[presentedIndex] else { return nil }
        return plan.questions[presentedIndex].correctShownIndex == chosen
    }

    /// The number of correct answers.
    public var score: Int {
        plan.questions.indices.filter { isCorrect(at: $0) == true }.count
    }

    public var answeredCount: Int {
        choices.compactMap { $0 }.count
    }
}
