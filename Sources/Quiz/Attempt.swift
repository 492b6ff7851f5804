import Course

/// One attempt at a quiz as a state machine: it asks the presented questions in order, takes
/// one answer each (with the seconds it took, when the front end measured them), and ends
/// either completed or early (quit, interrupted, input ended). An attempt ended early can be
/// taken up again where it stopped. It holds no I/O and no clock; front ends feed it answers
/// and read its state.
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
    /// The seconds each presented question took to answer; nil until answered, or when not
    /// measured (answers given up front).
    public private(set) var seconds: [Double?]

    public init(plan: QuizPlan) {
        self.plan = plan
        self.choices = Array(repeating: nil, count: plan.questions.count)
        self.seconds = Array(repeating: nil, count: plan.questions.count)
        self.state = plan.questions.isEmpty ? .ended(.completed) : .answering(0)
    }

    /// Takes up an attempt that ended early: the answers (shown indices, per presented
    /// question) and times it had, waiting at its first unanswered question. An answer out
    /// of a question's range counts as unanswered.
    public init(plan: QuizPlan, resumingChoices choices: [Int?], seconds: [Double?]) {
        precondition(choices.count == plan.questions.count && seconds.count == plan.questions.count,
                     "one choice and one time per presented question")
        self.plan = plan
        let valid = zip(plan.questions, choices).map { question, choice in
            choice.flatMap { (0..<question.optionCount).contains($0) ? $0 : nil }
        }
        self.choices = valid
        self.seconds = zip(valid, seconds).map { choice, time in choice == nil ? nil : time }
        self.state = valid.firstIndex(where: { $0 == nil }).map(State.answering) ?? .ended(.completed)
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

    /// Answers the current question with the option shown at `shownIndex`, taking `seconds`,
    /// and moves on to the next unanswered question; once none is left the attempt is completed.
    @discardableResult
    public mutating func answer(shownIndex: Int, seconds time: Double? = nil) throws(Failure) -> Outcome {
        guard case .answering(let index) = state else { throw .alreadyEnded }
        let question = plan.questions[index]
        guard (0..<question.optionCount).contains(shownIndex) else { throw .noSuchOption(shownIndex) }
        choices[index] = shownIndex
        seconds[index] = time
        let next = choices[(index + 1)...].firstIndex(where: { $0 == nil }) ?? choices.firstIndex(where: { $0 == nil })
        state = next.map(State.answering) ?? .ended(.completed)
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
