/// One quiz form of a page, as the `quiz-form` template sees it (site/README.md lists its
/// context): made once, then rendered either by the theme's template or, when the theme keeps
/// the default template, by ``QuizFormHTML``, which writes the same bytes without a template
/// lookup per tag.
struct QuizForm {
    struct Option {
        var letter: String
        var index: Int
        /// `q3-a`.
        var id: String
        /// The option's HTML.
        var content: String
    }

    struct Question {
        var number: Int
        /// `q3`: the question's anchor, and the name of its options' inputs.
        var id: String
        var title: String
        /// The prompt's HTML.
        var prompt: String
        /// Revealed, not scored.
        var selfCheck: Bool
        /// Several right answers: checkboxes.
        var multiple: Bool
        var options: [Option]
        /// A self-check item's answer (HTML); nil for a scored question.
        var answer: String?

        var inputType: String { multiple ? "checkbox" : "radio" }
    }

    struct Download {
        var label: String
        var href: String
        var format: String
    }

    /// `quiz`, then `quiz-2`, … on a page with several.
    var formID: String
    var questions: [Question]
    var scoredCount: Int
    var selfCheckCount: Int
    /// The form's masked answer key for quiz.js (`QuizPayload`).
    var data: String
    var quizHash: String
    var sessionID: String
    var sessionTitle: String
    var quizTitle: String
    /// The form holds the whole quiz: its attempts are kept and exported.
    var whole: Bool
    /// The question-bank files of the form holding the whole quiz, when the course exports them.
    var downloads: [Download]?

    /// The template's context, as documented in site/README.md.
    var context: [String: Any] {
        var value: [String: Any] = [
            "form_id": formID,
            "questions": questions.map { question -> [String: Any] in
                var value: [String: Any] = [
                    "number": question.number,
                    "id": question.id,
                    "title": question.title,
                    "has_title": !question.title.isEmpty,
                    "prompt": question.prompt,
                    "self_check": question.selfCheck,
                    "multiple": question.multiple,
                    "has_options": !question.options.isEmpty,
                    "options": question.options.map { option -> [String: Any] in
                        ["letter": option.letter, "index": option.index, "id": option.id, "name": question.id,
                         "input_type": question.inputType, "self_check": question.selfCheck, "content": option.content]
                    },
                ]
                if let answer = question.answer { value["answer"] = answer }
                return value
            },
            "question_count": questions.count,
            "scored_count": scoredCount,
            "has_scored": scoredCount > 0,
            "one_scored": scoredCount == 1,
            "self_check_count": selfCheckCount,
            "has_self_check": selfCheckCount > 0,
            "one_self_check": selfCheckCount == 1,
            "data": data,
            "quiz_hash": quizHash,
            "session_id": sessionID,
            "session_title": sessionTitle,
            "quiz_title": quizTitle,
            "whole": whole,
        ]
        if let downloads {
            value["downloads"] = downloads.map { ["label": $0.label, "href": $0.href, "format": $0.format] }
            value["has_downloads"] = true
        }
        return value
    }
}
