import Course
import Foundation
import Progress
import Quiz

/// An attempt that ended early, found in the progress store and rebuilt on the quiz as it
/// is now, to be taken up where it stopped (`lectern quiz --resume`): the same order (from
/// its shuffle seed), its answers back in shown letters, the time already spent.
struct ResumedAttempt {
    var record: AttemptRecord
    var attempt: Attempt
    /// Seconds spent in the sittings before this one; nil when none was timed.
    var earlierSeconds: Double?

    /// Rebuilds `record` on `quiz`; nil when the quiz has changed since (another content
    /// hash), as answers to another version cannot be carried over.
    init?(record: AttemptRecord, quiz: Quiz) {
        guard record.contentHash == quiz.contentHash, record.answers.count == quiz.questions.count else { return nil }
        let plan = record.shuffleSeed.flatMap(UInt64.init).map { QuizPlan(quiz: quiz, shuffledWithSeed: $0) }
            ?? QuizPlan(quiz: quiz)
        var choices: [Int?] = []
        var seconds: [Double?] = []
        for presented in plan.questions {
            let stored = record.answers[presented.originalIndex]
            let original = stored.chosen.flatMap { letter in presented.question.options.firstIndex { $0.letter == letter } }
            choices.append(original.map(presented.shownIndex(ofOriginal:)))
            seconds.append(stored.seconds)
        }
        self.record = record
        self.attempt = Attempt(plan: plan, resumingChoices: choices, seconds: seconds)
        self.earlierSeconds = record.durationSeconds
    }

    /// Where the attempt stood, for the line under the header.
    var intro: String {
        let total = attempt.plan.questions.count
        let started = ProgressReport.format(record.startedAt)
        return "Taking up your attempt of \(started): \(attempt.answeredCount) of \(total) answered"
            + (attempt.currentPosition.map { ", carrying on at question \($0)." } ?? ".")
    }
}
