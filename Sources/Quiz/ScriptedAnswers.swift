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
public enum ScriptedAnswers {
    /// `--answers D,D,A,…`: exactly one letter per question, either case, spaces allowed.
    public static func parseList(_ text: String, plan: QuizPlan) throws(ScriptedAnswerError) -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        let total = plan.questions.count
        if items.count != total {
            throw ScriptedAnswerError(
                position: nil,
                message: "--answers has \(items.count) answer\(items.count == 1 ? "" : "s") but the quiz has \(total) question\(total == 1 ? "" : "s")")
        }
        var answers: [Int] = []
        for (offset, item) in items.enumerated() {
            let question = plan.questions[offset]
            guard let index = validIndex(item, question: question) else {
                throw ScriptedAnswerError(
                    position: offset + 1,
                    message: "--answers: answer \(offset + 1) is \(quoted(item)), not a letter \(Letters.range(count: question.optionCount)) of question \(offset + 1)")
            }
            answers.append(index)
        }
        return answers
    }

    /// Answers piped on stdin, one per line; blank lines are skipped. Fewer lines than
    /// questions is allowed (input ended mid-quiz); more, or a line that is not a letter, is not.
    public static func parseLines(_ lines: [String], plan: QuizPlan) throws(ScriptedAnswerError) -> [Int] {
        var answers: [Int] = []
        for (offset, line) in lines.enumerated() {
            let item = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if item.isEmpty { continue }
            let position = answers.count + 1
            guard position <= plan.questions.count else {
                throw ScriptedAnswerError(
                    position: position,
                    message: "stdin line \(offset + 1): answer \(position) is one more than the quiz's \(plan.questions.count) questions")
            }
            let question = plan.questions[position - 1]
            guard let index = validIndex(item, question: question) else {
                throw ScriptedAnswerError(
                    position: position,
                    message: "stdin line \(offset + 1): answer \(position) is \(quoted(item)), not a letter \(Letters.range(count: question.optionCount)) of question \(position)")
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
