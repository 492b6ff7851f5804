import Course
import Foundation
import Progress
import Quiz

/// An attempt that ended early, found in the progress store and rebuilt on the quiz as it
/// is now, to be taken up where it stopped (`lectern quiz --resume`): the same order (from
/// its shuffle seed), its answers back in shown letters (several for a multiple-answer
/// question), its self-check items revealed, the time already spent.
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
        var selections: [Set<Int>?] = []
        var seconds: [Double?] = []
        for presented in plan.questions {
            let stored = record.answers[presented.originalIndex]
            selections.append(presented.isSelfCheck
                ? (stored.revealed == true ? [] : nil)
                : stored.chosen.flatMap { Self.shownIndices(of: $0, in: presented) })
            seconds.append(stored.seconds)
        }
        self.record = record
        self.attempt = Attempt(plan: plan, resumingSelections: selections, seconds: seconds)
        self.earlierSeconds = record.durationSeconds
    }

    /// The shown options a stored answer names ("D", or "A+C" for several, in the content's
    /// letters); nil when one of them is no option of the question.
    static func shownIndices(of chosen: String, in presented: PresentedQuestion) -> Set<Int>? {
        var shown: Set<Int> = []
        for letter in chosen.split(separator: "+") {
            guard let original = presented.question.options.firstIndex(where: { $0.letter == letter }) else { return nil }
            shown.insert(presented.shownIndex(ofOriginal: original))
        }
        return shown.isEmpty ? nil : shown
    }

    /// Where the attempt stood, for the line under the header.
    var intro: String {
        let total = attempt.plan.questions.count
        let started = ProgressReport.format(record.startedAt)
        return "Taking up your attempt of \(started): \(attempt.settledCount) of \(total) answered"
            + (attempt.currentPosition.map { ", carrying on at question \($0)." } ?? ".")
    }
}
