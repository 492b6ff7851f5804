import Course

/// One attempt at a quiz as a state machine: it asks the presented questions in order, takes
/// one answer each (with the seconds it took, when the front end measured them), and ends
/// either completed or early (quit, interrupted, input ended). An attempt ended early can be
/// taken up again where it stopped. It holds no I/O and no clock; front ends feed it answers
/// and read its state.
///
/// An answer is a set of shown options: one for a single-answer question, any number for a
/// multiple-answer one. A self-check item takes no answer: the learner reveals it and moves on.
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
        /// No option was chosen.
        case emptyAnswer
        /// Several options for a question with one right answer.
        case oneAnswerOnly
        /// A self-check item is revealed, not answered.
        case selfCheckItem
        /// Only a self-check item is revealed.
        case notSelfCheck
    }

    /// What answering one question told: right or wrong, and where the right options are.
    public struct Outcome: Equatable, Sendable {
        /// The lowest of the options chosen (the only one for a single-answer question).
        public var chosenShownIndex: Int
        /// The correct option's shown index for a single-answer question.
        public var correctShownIndex: Int?
        /// Whether the answer earned full credit.
        public var isCorrect: Bool
        public var chosenShownIndices: Set<Int>
        public var correctShownIndices: Set<Int>
        /// The credit earned, 0 to 1 (partial under `ScoringRule.partialCredit`).
        public var credit: Double

        public init(chosenShownIndex: Int, correctShownIndex: Int?, isCorrect: Bool,
                    chosenShownIndices: Set<Int>? = nil, correctShownIndices: Set<Int>? = nil, credit: Double? = nil) {
            self.chosenShownIndex = chosenShownIndex
            self.correctShownIndex = correctShownIndex
            self.isCorrect = isCorrect
            self.chosenShownIndices = chosenShownIndices ?? [chosenShownIndex]
            self.correctShownIndices = correctShownIndices ?? correctShownIndex.map { [$0] } ?? []
            self.credit = credit ?? (isCorrect ? 1 : 0)
        }
    }

    public let plan: QuizPlan
    public private(set) var state: State
    /// The shown options chosen for each presented question; nil until answered. A revealed
    /// self-check item holds the empty set.
    public private(set) var selections: [Set<Int>?]
    /// The seconds each presented question took to answer (or a self-check item to reveal);
    /// nil until then, or when not measured (answers given up front).
    public private(set) var seconds: [Double?]

    public init(plan: QuizPlan) {
        self.plan = plan
        self.selections = Array(repeating: nil, count: plan.questions.count)
        self.seconds = Array(repeating: nil, count: plan.questions.count)
        self.state = plan.questions.isEmpty ? .ended(.completed) : .answering(0)
    }

    /// Takes up an attempt that ended early: the selections (shown indices, per presented
    /// question; the empty set for a revealed self-check item) and times it had, waiting at
    /// its first unsettled question. A selection this question cannot take (an option out of
    /// range, several for a single-answer question, options for a self-check item) counts as
    /// not given.
    public init(plan: QuizPlan, resumingSelections selections: [Set<Int>?], seconds: [Double?]) {
        precondition(selections.count == plan.questions.count && seconds.count == plan.questions.count,
                     "one selection and one time per presented question")
        self.plan = plan
        let valid = zip(plan.questions, selections).map { question, selection in
            selection.flatMap { Self.accepts(question, $0) ? $0 : nil }
        }
        self.selections = valid
        self.seconds = zip(valid, seconds).map { selection, time in selection == nil ? nil : time }
        self.state = valid.firstIndex(where: { $0 == nil }).map(State.answering) ?? .ended(.completed)
    }

    /// Takes up an attempt of single answers: `choices` holds one shown index per presented
    /// question, nil where none was given.
    public init(plan: QuizPlan, resumingChoices choices: [Int?], seconds: [Double?]) {
        self.init(plan: plan, resumingSelections: choices.map { $0.map { [$0] } }, seconds: seconds)
    }

    /// Whether `selection` is a settled answer to `question`: the empty set for a self-check
    /// item (revealed), else one option in range, or several for a multiple-answer question.
    private static func accepts(_ question: PresentedQuestion, _ selection: Set<Int>) -> Bool {
        if question.isSelfCheck { return selection.isEmpty }
        return !selection.isEmpty && selection.allSatisfy { (0..<question.optionCount).contains($0) }
            && (selection.count == 1 || question.isMultipleAnswer)
    }

    /// The one shown option chosen for each presented question; nil until answered, and for
    /// a multiple-answer question answered with several.
    public var choices: [Int?] {
        selections.map { selection in selection.flatMap { $0.count == 1 ? $0.first : nil } }
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
        try answer(shownIndices: [shownIndex], seconds: time)
    }

    /// Answers the current question with the options shown at `shownIndices`, taking `seconds`,
    /// and moves on to the next unanswered question.
    @discardableResult
    public mutating func answer(shownIndices: Set<Int>, seconds time: Double? = nil) throws(Failure) -> Outcome {
        guard case .answering(let index) = state else { throw .alreadyEnded }
        let question = plan.questions[index]
        guard !question.isSelfCheck else { throw .selfCheckItem }
        if let outside = shownIndices.sorted().first(where: { !(0..<question.optionCount).contains($0) }) { throw .noSuchOption(outside) }
        guard let lowest = shownIndices.min() else { throw .emptyAnswer }
        guard shownIndices.count == 1 || question.isMultipleAnswer else { throw .oneAnswerOnly }
        selections[index] = shownIndices
        seconds[index] = time
        advance(from: index)
        let credit = credit(at: index) ?? 0
        return Outcome(chosenShownIndex: lowest, correctShownIndex: question.correctShownIndex, isCorrect: credit >= 1,
                       chosenShownIndices: shownIndices, correctShownIndices: question.correctShownIndices, credit: credit)
    }

    /// Reveals the current self-check item (after `seconds` of thought) and moves on.
    public mutating func reveal(seconds time: Double? = nil) throws(Failure) {
        guard case .answering(let index) = state else { throw .alreadyEnded }
        guard plan.questions[index].isSelfCheck else { throw .notSelfCheck }
        selections[index] = []
        seconds[index] = time
        advance(from: index)
    }

    /// Plays answers given up front: each scored question still open takes the next answer,
    /// each self-check item is revealed, until the answers run out or the attempt completes.
    public mutating func play(_ answers: [Set<Int>]) {
        var remaining = answers[...]
        while let question = current {
            if question.isSelfCheck {
                try? reveal()
            } else if let next = remaining.popFirst() {
                guard (try? answer(shownIndices: next)) != nil else { return }
            } else {
                return
            }
        }
    }

    /// Moves on to the next question not yet settled (after `index`, else from the start);
    /// once none is left the attempt is completed.
    private mutating func advance(from index: Int) {
        let next = selections[(index + 1)...].firstIndex(where: { $0 == nil }) ?? selections.firstIndex(where: { $0 == nil })
        state = next.map(State.answering) ?? .ended(.completed)
    }

    /// Ends the attempt early; what was answered stays. Does nothing once ended.
    public mutating func end(_ ending: Ending) {
        guard !isEnded else { return }
        state = .ended(ending)
    }

    /// The credit a presented question earned, 0 to 1; nil when unanswered or a self-check item.
    public func credit(at presentedIndex: Int) -> Double? {
        let question = plan.questions[presentedIndex]
        guard !question.isSelfCheck, let chosen = selections[presentedIndex] else { return nil }
        return Credit.of(chosen: chosen, correct: question.correctShownIndices, optionCount: question.optionCount,
                         rule: plan.quiz.scoring)
    }

    /// Whether a presented question was answered fully correctly; nil when unanswered or a
    /// self-check item.
    public func isCorrect(at presentedIndex: Int) -> Bool? {
        credit(at: presentedIndex).map { $0 >= 1 }
    }

    /// The number of questions answered fully correctly.
    public var score: Int {
        plan.questions.indices.filter { isCorrect(at: $0) == true }.count
    }

    /// The credit earned over all questions: the score, or more under partial credit.
    public var points: Double {
        plan.questions.indices.compactMap { credit(at: $0) }.reduce(0, +)
    }

    /// The questions that are scored (not self-check items).
    public var scoredCount: Int {
        plan.questions.filter { !$0.isSelfCheck }.count
    }

    /// The scored questions answered so far.
    public var answeredCount: Int {
        plan.questions.indices.filter { !plan.questions[$0].isSelfCheck && selections[$0] != nil }.count
    }

    /// The questions done so far: scored ones answered and self-check items revealed (what
    /// the progress line counts).
    public var settledCount: Int {
        selections.filter { $0 != nil }.count
    }

    /// The presented questions still open (unanswered, or not yet revealed), in order.
    public var pendingIndices: [Int] {
        selections.indices.filter { selections[$0] == nil }
    }
}

/// The credit one answer earns.
public enum Credit {
    /// Under `allOrNothing`, 1 for exactly the right options and 0 otherwise. Under
    /// `partialCredit` (Moodle's rule), each right option chosen adds 1/k (k right options),
    /// each wrong one takes away 1/w (w wrong options), and the sum is floored at 0, so
    /// choosing every option earns nothing.
    public static func of(chosen: Set<Int>, correct: Set<Int>, optionCount: Int, rule: ScoringRule) -> Double {
        guard !correct.isEmpty else { return 0 }
        switch rule {
        case .allOrNothing:
            return chosen == correct ? 1 : 0
        case .partialCredit:
            let wrongOptions = optionCount - correct.count
            let right = Double(chosen.intersection(correct).count) / Double(correct.count)
            let wrong = wrongOptions > 0 ? Double(chosen.subtracting(correct).count) / Double(wrongOptions) : 0
            // Rounded to a millionth, so three thirds make exactly one.
            return max(0, ((right - wrong) * 1_000_000).rounded() / 1_000_000)
        }
    }
}
