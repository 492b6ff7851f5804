import Course

/// A question as the learner sees it: in its place in the (maybe shuffled) order, with its
/// options in a (maybe shuffled) order and lettered afresh from A.
///
/// Scoring always goes through `originalOptionIndex(forShown:)`, so a shown letter is
/// mapped back to the content's own option before it is compared with the ✅ mark.
public struct PresentedQuestion: Sendable {
    public let question: Question
    /// The question's index in `Quiz.questions`.
    public let originalIndex: Int
    /// `optionOrder[shown]` is the index in `question.options` of the option shown at `shown`.
    public let optionOrder: [Int]

    public init(question: Question, originalIndex: Int, optionOrder: [Int]) {
        precondition(optionOrder.sorted() == Array(question.options.indices), "optionOrder must permute the options")
        self.question = question
        self.originalIndex = originalIndex
        self.optionOrder = optionOrder
    }

    /// The options in the order shown, each with the letter it is shown with.
    public var shownOptions: [(letter: String, choice: Choice)] {
        optionOrder.enumerated().map { shown, original in (Letters.letter(at: shown), question.options[original]) }
    }

    public var optionCount: Int { optionOrder.count }

    /// Whether the options are shown in another order than the content's, so shown letters
    /// differ from the letters an explanation may name.
    public var isReordered: Bool {
        optionOrder != Array(optionOrder.indices)
    }

    /// The content's option index behind a shown position.
    public func originalOptionIndex(forShown shown: Int) -> Int {
        optionOrder[shown]
    }

    /// The shown position of one of the content's options.
    public func shownIndex(ofOriginal original: Int) -> Int {
        optionOrder.firstIndex(of: original)!
    }

    /// Where the correct option is shown; nil when the content marks no single option.
    public var correctShownIndex: Int? {
        question.correctIndex.map(shownIndex(ofOriginal:))
    }

    /// Where every correct option is shown.
    public var correctShownIndices: Set<Int> {
        Set(question.correctIndices.map(shownIndex(ofOriginal:)))
    }

    /// Whether the learner picks every right option (checkboxes) rather than one.
    public var isMultipleAnswer: Bool { question.isMultipleAnswer }

    /// A question revealed on request and never scored (no options, or no key).
    public var isSelfCheck: Bool { !question.isScored }
}
