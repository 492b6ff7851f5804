import Course
import Markdown
import Progress
import Quiz

/// The result screen: score and band, then the review; or, for an attempt cut short, what
/// was answered so far.
extension QuizScreen {
    /// The score, the band and the review of a complete attempt; for an incomplete one, what
    /// was answered so far.
    public func result(_ result: QuizResult, attempt: Attempt, review: ReviewMode) -> String {
        var text = "\n"
        if result.isComplete {
            let earned = result.scoring == .partialCredit ? format((result.points * 100).rounded() / 100) : String(result.score)
            text += style.bold("Score: \(earned)/\(result.total) (\(format(result.percentage))%)") + "\n"
            if result.selfCheckItems > 0 {
                let items = result.selfCheckItems == 1 ? "1 self-check item was" : "\(result.selfCheckItems) self-check items were"
                text += wrapPlain("\(items) not scored: the score counts the \(result.total) question\(result.total == 1 ? "" : "s") with a key.")
                    .joined(separator: "\n") + "\n"
            }
            if let band = result.band {
                var line = "Band: " + band.label
                if !band.advice.isEmpty { line += " - " + band.advice }
                // Wrap the plain text (colour codes take no columns), then embolden the label.
                var lines = wrapPlain(line)
                if let first = lines.first, first.hasPrefix("Band: " + band.label) {
                    lines[0] = "Band: " + style.bold(band.label) + first.dropFirst(("Band: " + band.label).count)
                }
                text += lines.joined(separator: "\n") + "\n"
            }
            text += timeLine(result)
            text += reviewSection(attempt: attempt, mode: review)
        } else {
            text += wrapPlain(stoppedLine(result)).map(style.bold).joined(separator: "\n") + "\n"
            text += wrapPlain("So far: \(result.score) correct of \(result.answered) answered (\(result.total) questions).")
                .joined(separator: "\n") + "\n"
            text += timeLine(result)
            text += answeredSoFar(attempt)
        }
        return text
    }

    /// "Time: 3 min 12 s", when the answers were timed (not for answers given up front).
    func timeLine(_ result: QuizResult) -> String {
        guard let seconds = result.durationSeconds, result.answers.contains(where: { $0.seconds != nil }) else { return "" }
        return "Time: \(DurationText.format(seconds))\n"
    }

    func stoppedLine(_ result: QuizResult) -> String {
        let why: String
        switch result.status {
        case .quit: why = "Quiz ended at your request"
        case .interrupted: why = "Quiz interrupted"
        case .endOfInput: why = "Input ended before the quiz did"
        case .completed: why = "Quiz complete"
        }
        return "\(why) after \(result.answered) of \(result.total) questions."
    }

    func answeredSoFar(_ attempt: Attempt) -> String {
        var text = ""
        for (index, presented) in attempt.plan.questions.enumerated() {
            guard !presented.isSelfCheck, let chosen = attempt.selections[index] else { continue }
            let right = attempt.isCorrect(at: index) == true
            let mark = right ? style.green(plain ? "right" : "✅ right") : style.red(plain ? "wrong" : "❌ wrong")
            var line = "  \(index + 1). "
            if let title = presented.question.title { line += title + ": " }
            line += "\(chosen.sorted().map(Letters.letter(at:)).joined(separator: "+")) \(mark)"
            text += line + "\n"
        }
        return text
    }

    func reviewSection(attempt: Attempt, mode: ReviewMode) -> String {
        let indices = attempt.plan.questions.indices.filter { index in
            mode == .all || (!attempt.plan.questions[index].isSelfCheck && attempt.isCorrect(at: index) != true)
        }
        if indices.isEmpty {
            return "\n" + style.green("Every answer was right: nothing to review.") + "\n"
        }
        let total = attempt.plan.questions.count
        var text = "\n" + style.bold(mode == .all
            ? "Review of every question"
            : "Review of the \(indices.count) question\(indices.count == 1 ? "" : "s") you missed") + "\n"
        if indices.contains(where: { attempt.plan.questions[$0].isReordered }) {
            text += note("Options were shuffled: [brackets] give each option's letter in the content, which the explanations use.")
        }
        for index in indices {
            let presented = attempt.plan.questions[index]
            text += question(presented, position: index + 1, total: total, contentLetters: true)
            text += "\n"
            if presented.isSelfCheck {
                text += revealed(presented.question)
                continue
            }
            if let chosen = attempt.selections[index], !chosen.isEmpty {
                let correct = presented.correctShownIndices
                for (offset, option) in chosen.sorted().enumerated() {
                    let right = correct.contains(option)
                    let mark = plain ? (right ? "(right)" : "(wrong)") : (right ? "✅" : "❌")
                    text += labelledOption(offset == 0 ? "Your answer:    " : String(repeating: " ", count: 16), visibleWidth: 16,
                                           presented, option, mark: mark)
                }
            } else {
                text += "Your answer:    " + style.dim("(none)") + "\n"
            }
            for (offset, correct) in presented.correctShownIndices.sorted().enumerated() {
                text += labelledOption(offset == 0 ? "Correct answer: " : String(repeating: " ", count: 16), visibleWidth: 16,
                                       presented, correct, mark: plain ? nil : "✅")
            }
            text += explanation(presented.question)
        }
        return text
    }

    func explanation(_ question: Question) -> String {
        guard !question.explanation.isEmpty else { return "" }
        let body = indentedRenderer.render(question.explanation)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : Self.indent + $0 }
            .joined(separator: "\n")
        return style.bold("Explanation:") + "\n" + body + "\n"
    }
}
