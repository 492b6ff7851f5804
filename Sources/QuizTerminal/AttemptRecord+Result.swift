import Progress
import Quiz

extension AttemptRecord {
    /// The row the progress store keeps for a quiz result, taken by `learner`.
    public init(_ result: QuizResult, learner: String? = nil) {
        self.init(
            sessionID: result.session.id,
            sessionTitle: result.session.title,
            quizTitle: result.quizTitle,
            contentHash: result.contentHash,
            answers: result.answers.map {
                AttemptAnswer(question: $0.question, chosen: $0.chosen, correct: $0.correct, isCorrect: $0.isCorrect,
                              seconds: $0.seconds, revealed: $0.revealed)
            },
            score: result.score,
            total: result.total,
            bandLabel: result.band?.label,
            isComplete: result.isComplete,
            startedAt: result.startedAt,
            finishedAt: result.finishedAt,
            shuffleSeed: result.shuffleSeed.map(String.init),
            durationSeconds: result.durationSeconds,
            learner: learner)
    }
}
