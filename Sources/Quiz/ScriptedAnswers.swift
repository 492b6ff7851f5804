import Foundation

/// A problem with answers given up front (`--answers` or lines on stdin): what is wrong and
/// at which position, so the learner can fix the exact spot.
public struct ScriptedAnswerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based answer position at fault; nil when the count is wrong.
    public var position: Int?
    public var message: String

    public var description: String { message }
}

/// Reads answers given up front, in the order questions are presented, as shown letters.
///
/// `pending` lists the presented questions still to answer (all of them, unless an attempt
/// is taken up again): the answers go to those, in order.
public enum ScriptedAnswers {
    /// `--answers D,D,A,…`: exactly one letter per pending question, either case, spaces allowed.
    public static func parseList(_ text: String, plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Int] {
        let pending = pending ?? Array(plan.questions.indices)
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        if items.count != pending.count {
            let total = pending.count
            let what = total == plan.questions.count
                ? "the quiz has \(total) question\(total == 1 ? "" : "s")"
                : "\(total) question\(total == 1 ? " is" : "s are") left to answer"
            throw ScriptedAnswerError(
                position: nil,
                message: "--answers has \(items.count) answer\(items.count == 1 ? "" : "s") but \(what)")
        }
        var answers: [Int] = []
        for (offset, item) in items.enumerated() {
            let number = pending[offset] + 1
            let question = plan.questions[pending[offset]]
            guard let index = validIndex(item, question: question) else {
                throw ScriptedAnswerError(
                    position: offset + 1,
                    message: "--answers: answer \(offset + 1) is \(quoted(item)), not a letter \(Letters.range(count: question.optionCount)) of question \(number)")
            }
            answers.append(index)
        }
        return answers
    }

    /// Everything piped on stdin: one answer per line. Line ends may be LF, CRLF or CR, and a
    /// UTF-8 byte order mark at the start is dropped (files saved by Windows editors have both).
    public static func parseText(_ text: String, plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Int] {
        try parseLines(lines(of: text), plan: plan, pending: pending)
    }

    /// The lines of piped text. Swift treats "\r\n" as one character, so the text is split at
    /// every kind of line end rather than at "\n" alone.
    public static func lines(of text: String) -> [String] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// Answers piped on stdin, one per line; blank lines are skipped. Fewer lines than
    /// questions is allowed (input ended mid-quiz); more, or a line that is not a letter, is not.
    public static func parseLines(_ lines: [String], plan: QuizPlan, pending: [Int]? = nil) throws(ScriptedAnswerError) -> [Int] {
        let pending = pending ?? Array(plan.questions.indices)
        var answers: [Int] = []
        for (offset, line) in lines.enumerated() {
            let item = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if item.isEmpty { continue }
            let position = answers.count + 1
            guard position <= pending.count else {
                let more = pending.count == plan.questions.count
                    ? "the quiz's \(plan.questions.count) questions" : "the \(pending.count) questions left to answer"
                throw ScriptedAnswerError(
                    position: position,
                    message: "stdin line \(offset + 1): answer \(position) is one more than \(more)")
            }
            let question = plan.questions[pending[position - 1]]
            guard let index = validIndex(item, question: question) else {
                throw ScriptedAnswerError(
                    position: position,
                    message: "stdin line \(offset + 1): answer \(position) is \(quoted(item)), not a letter \(Letters.range(count: question.optionCount)) of question \(pending[position - 1] + 1)")
            }
            answers.append(index)
        }
        return answers
    }

    private static func validIndex(_ item: String, question: PresentedQuestion) -> Int? {
        let text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let index = Letters.index(of: Substring(text)), index < question.optionCount else { return nil }
        return index
    }

    private static func quoted(_ item: String) -> String {
        let text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "empty" : "\"\(text.prefix(20))\""
    }
}
