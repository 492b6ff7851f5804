import Course

/// Text as the exchange formats carry it: HTML (what Lectern writes, and Moodle's usual
/// format), markdown (GIFT's `[markdown]`, Moodle XML's `format="markdown"`) or plain text.
public enum RichText: Hashable, Sendable {
    case html(String)
    case markdown(String)
    case plain(String)

    /// Whether there is no text at all.
    public var isEmpty: Bool {
        switch self {
        case .html(let text), .markdown(let text), .plain(let text):
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}

/// One option of a choice question, with the share of the mark it earns.
public struct BankOption: Hashable, Sendable {
    public var text: RichText
    /// Percent of the question's mark, as Moodle writes it: 100 for the correct option of a
    /// single-answer question, 0 for a wrong one. A multiple-answer question splits 100
    /// among its correct options (and may give wrong ones a negative share).
    public var fraction: Double
    /// Shown when this option is chosen; nil when there is none.
    public var feedback: RichText?

    public init(text: RichText, fraction: Double, feedback: RichText? = nil) {
        self.text = text
        self.fraction = fraction
        self.feedback = feedback
    }

    public var isCorrect: Bool { fraction > 0 }
}

/// A choice question in the shape every exchange format shares: a name, the question text,
/// options with fractions, general feedback (shown after answering, whatever the answer).
public struct BankQuestion: Hashable, Sendable {
    /// The question's name (GIFT `::name::`, Moodle `<name>`, QTI `title`).
    public var name: String
    /// Lectern's title (`### Question 3: Title`); nil when the question has none.
    public var title: String?
    public var number: Int
    public var text: RichText
    public var options: [BankOption]
    /// Lectern's explanation.
    public var generalFeedback: RichText?
    /// Whether a delivery system may shuffle the options (always on for Lectern's quizzes).
    public var shuffle: Bool
    /// Where the question starts in the file it was read from (1 when written by Lectern).
    public var line: Int

    public init(name: String, title: String?, number: Int, text: RichText, options: [BankOption],
                generalFeedback: RichText?, shuffle: Bool = true, line: Int = 1) {
        self.name = name
        self.title = title
        self.number = number
        self.text = text
        self.options = options
        self.generalFeedback = generalFeedback
        self.shuffle = shuffle
        self.line = line
    }

    /// One correct option earning the whole mark: the only kind a Lectern quiz holds today.
    /// Multiple-answer questions (several options with a share of the mark) are written by
    /// every format with their fractions (GIFT `~%50%`, Moodle `<single>false`, QTI
    /// `cardinality="multiple"`); see `BankQuestion.isMultipleAnswer`.
    public var isSingleAnswer: Bool {
        options.filter(\.isCorrect).count == 1 && options.contains { $0.fraction >= 100 }
    }

    /// Several options share the mark: written as a multiple-answer question.
    public var isMultipleAnswer: Bool { !isSingleAnswer && options.filter(\.isCorrect).count >= 1 }
}

/// A named group of questions: one session's quiz, one Moodle category.
public struct QuestionBank: Hashable, Sendable {
    /// The category or quiz title ("Session 4: Production MCP Deployment").
    public var category: String
    public var questions: [BankQuestion]

    public init(category: String, questions: [BankQuestion]) {
        self.category = category
        self.questions = questions
    }
}

/// A file a format packages beside the questions (an image of a question).
public struct BankAsset: Hashable, Sendable {
    /// The name the questions refer to it by, unique within an export (`chart.png`).
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    /// The media type from the name's extension (for manifests and data URLs).
    public var mediaType: String {
        switch (name as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        default: return "application/octet-stream"
        }
    }
}

import Foundation

/// Option letters: A–Z, as Lectern's quizzes letter options.
public enum Letters {
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "A") + UInt8(min(index, 25))))
    }
}
