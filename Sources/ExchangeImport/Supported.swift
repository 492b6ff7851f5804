import Exchange
import Course

/// What Lectern's quizzes hold today: one right answer earning the whole mark. An imported
/// choice question is kept when it fits (partial credit dropped with a warning) and
/// reported otherwise.
///
/// Multiple-answer questions (issue 13) arrive here as `single == false`: the place to
/// accept them once the Question model has several correct options.
enum Supported {
    struct Accepted {
        var question: BankQuestion
        var warnings: [String]
    }

    struct Refused: Error {
        var severity: Severity
        var message: String
    }

    /// "the question \"Name\"", or "the question" when it has no name of its own.
    static func label(_ question: BankQuestion) -> String {
        question.title.map { "the question \"\($0)\"" } ?? "the question"
    }

    static func check(_ question: BankQuestion, single: Bool) -> Result<Accepted, Refused> {
        guard single else {
            return .failure(Refused(severity: .warning, message:
                "\(label(question)) is a multiple-answer question; Lectern's quizzes hold single-answer questions only, so it is left out"))
        }
        guard question.options.count <= 26 else {
            return .failure(Refused(severity: .warning, message:
                "\(label(question)) has \(question.options.count) answers; a Lectern question has at most 26 (A–Z), so it is left out"))
        }
        let full = question.options.indices.filter { question.options[$0].fraction >= 100 }
        guard full.count == 1 else {
            let message = full.isEmpty
                ? "\(label(question)) has no answer worth full marks; it is left out"
                : "\(label(question)) has \(full.count) answers worth full marks; a Lectern question has one right answer, so it is left out"
            return .failure(Refused(severity: full.isEmpty ? .error : .warning, message: message))
        }
        var kept = question
        var warnings: [String] = []
        for index in kept.options.indices where index != full[0] && kept.options[index].fraction != 0 {
            let share = GIFTWriter.percent(kept.options[index].fraction)
            warnings.append("question \(question.number)\(question.title.map { " (\($0))" } ?? ""): answer \(index + 1) is worth \(share)%; Lectern scores it as wrong")
            kept.options[index].fraction = 0
        }
        kept.options[full[0]].fraction = 100
        return .success(Accepted(question: kept, warnings: warnings))
    }
}
