import Course

/// The order a quiz is presented in: as written, or shuffled from a seed.
public struct QuizPlan: Sendable {
    public let quiz: Quiz
    public let questions: [PresentedQuestion]
    /// The seed the shuffle was drawn from; nil when not shuffled.
    public let seed: UInt64?

    /// The quiz as written: questions and options in the content's order.
    public init(quiz: Quiz) {
        self.quiz = quiz
        self.seed = nil
        self.questions = quiz.questions.enumerated().map { index, question in
            PresentedQuestion(question: question, originalIndex: index, optionOrder: Array(question.options.indices))
        }
    }

    /// The quiz with its questions, and the options inside each, shuffled by SplitMix64 from
    /// `seed`: the same seed gives the same order on every run.
    public init(quiz: Quiz, shuffledWithSeed seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let questionOrder = generator.permutation(of: quiz.questions.count)
        self.quiz = quiz
        self.seed = seed
        self.questions = questionOrder.map { index in
            let question = quiz.questions[index]
            return PresentedQuestion(
                question: question, originalIndex: index,
                optionOrder: generator.permutation(of: question.options.count))
        }
    }
}
