import Foundation

/// A problem with answers given up front (`--answers` or lines on stdin): what is wrong and
/// at which position, so the learner can fix the exact spot.
public struct ScriptedAnswerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based answer position at fault; nil when the count is wrong.
    public var position: Int?
    public var message: String

    public var description: String { message }
}

/// Reads answers given up front, in the order questions are presented, as shown letters:
/// one per scored question (self-check items take none), `A+C` for a multiple-answer one.
///
/// `pending` lists the presented questions still open (all of them, unless an attempt is
/// taken up again): the answers go to the scored ones among those, in order.
public enum ScriptedAnswers {
    /// `--answers D,D,A+C,…`: one answer per scored pending question, either case, spaces allowed.
    public static func parseList(_ text: String, plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Set<Int>] {
        let pending = pending ?? Array(plan.questions.indices)
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        let scored = scoredPositions(plan, pending: pending)
        if items.count != scored.count {
            let total = scored.count
            let selfCheck = pending.count - total
            let what = pending.count == plan.questions.count
                ? "the quiz has \(total) scored question\(total == 1 ? "" : "s")"
                : "\(total) question\(total == 1 ? " is" : "s are") left to answer"
            throw ScriptedAnswerError(
                position: nil,
                message: "--answers has \(items.count) answer\(items.count == 1 ? "" : "s") but \(what)"
                    + (selfCheck == 0 ? "" : " (\(selfCheck) self-check item\(selfCheck == 1 ? " takes" : "s take") no answer)"))
        }
        var answers: [Set<Int>] = []
        for (offset, item) in items.enumerated() {
            let position = scored[offset]
            let question = plan.questions[position]
            guard let selection = selection(item, question: question, separators: "+") else {
                throw ScriptedAnswerError(position: offset + 1, message: "--answers: answer \(offset + 1) is \(quoted(item)), not \(expected(question)) of question \(position + 1)")
            }
            answers.append(selection)
        }
        return answers
    }

    /// Everything piped on stdin: one answer per line. Line ends may be LF, CRLF or CR, and a
    /// UTF-8 byte order mark at the start is dropped (files saved by Windows editors have both).
    public static func parseText(_ text: String, plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Set<Int>] {
        try parseLines(lines(of: text), plan: plan, pending: pending)
    }

    /// The lines of piped text. Swift treats "\r\n" as one character, so the text is split at
    /// every kind of line end rather than at "\n" alone.
    public static func lines(of text: String) -> [String] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// Answers piped on stdin, one per line; blank lines are skipped. Fewer lines than
    /// questions is allowed (input ended mid-quiz); more, or a line that is not an answer, is not.
    public static func parseLines(_ lines: [String], plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Set<Int>] {
        let pending = pending ?? Array(plan.questions.indices)
        var answers: [Set<Int>] = []
        let scored = scoredPositions(plan, pending: pending)
        for (offset, line) in lines.enumerated() {
            let item = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if item.isEmpty { continue }
            let number = answers.count + 1
            guard number <= scored.count else {
                let more = pending.count == plan.questions.count
                    ? "the quiz's \(scored.count) scored questions" : "the \(scored.count) questions left to answer"
                throw ScriptedAnswerError(
                    position: number,
                    message: "stdin line \(offset + 1): answer \(number) is one more than \(more)")
            }
            let position = scored[number - 1]
            let question = plan.questions[position]
            guard let selection = selection(item, question: question, separators: "+, ") else {
                throw ScriptedAnswerError(
                    position: number,
                    message: "stdin line \(offset + 1): answer \(number) is \(quoted(item)), not \(expected(question)) of question \(position + 1)")
            }
            answers.append(selection)
        }
        return answers
    }

    /// The presented positions, among `pending`, of the questions that take an answer.
    static func scoredPositions(_ plan: QuizPlan, pending: [Int]) -> [Int] {
        pending.filter { !plan.questions[$0].isSelfCheck }
    }

    /// The options an item names: one letter; for a multiple-answer question several, joined
    /// by one of `separators` or written together (`AC`).
    static func selection(_ item: String, question: PresentedQuestion, separators: String) -> Set<Int>? {
        let text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        if let index = Letters.index(of: Substring(text)) {
            return index < question.optionCount ? [index] : nil
        }
        guard question.isMultipleAnswer, question.optionCount <= 26 else { return nil }
        var chosen: Set<Int> = []
        for character in text {
            if separators.contains(character) || character == " " { continue }
            guard let index = Letters.index(of: Substring(String(character))), index < question.optionCount else { return nil }
            chosen.insert(index)
        }
        return chosen.isEmpty ? nil : chosen
    }

    private static func expected(_ question: PresentedQuestion) -> String {
        let letters = Letters.range(count: question.optionCount)
        return question.isMultipleAnswer ? "letters \(letters) (several joined by +, e.g. A+C)" : "a letter \(letters)"
    }

    private static func quoted(_ item: String) -> String {
        let text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "empty" : "\"\(text.prefix(20))\""
    }
}
