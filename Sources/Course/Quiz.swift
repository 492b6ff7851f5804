import Foundation
import Markdown

/// A multiple-choice test, as parsed from a page in the quiz syntax of design.md.
public struct Quiz: Hashable, Sendable {
    public var title: String
    public var questions: [Question]
    /// Nil when the page has no Scoring Guide.
    public var scoringGuide: ScoringGuide?
    /// The page the quiz came from (for diagnostics and links).
    public var displayPath: String
    /// How a multiple-answer question earns credit.
    public var scoring: ScoringRule
    /// The solutions page the key came from, when the quiz's own page marks none (the
    /// relative path within the course); nil when the page keys itself.
    public var solutionsPage: String?

    public init(title: String, questions: [Question], scoringGuide: ScoringGuide?, displayPath: String,
                scoring: ScoringRule = .allOrNothing, solutionsPage: String? = nil) {
        self.title = title
        self.questions = questions
        self.scoringGuide = scoringGuide
        self.displayPath = displayPath
        self.scoring = scoring
        self.solutionsPage = solutionsPage
    }

    /// The correct answers in question order: "D", "A+C" for a multiple-answer question,
    /// "?" for options with no key, "-" for a self-check item without options.
    public var answerKey: [String] {
        questions.map(\.answerLetters)
    }

    /// The questions that can be scored: options and a key. The others are self-check items.
    public var scoredQuestions: [Question] {
        questions.filter(\.isScored)
    }

    /// A fingerprint of everything that decides a score: questions, options, answers and bands.
    /// Attempts recorded against one hash are not mixed with attempts on an edited quiz.
    public var contentHash: String {
        var hasher = FNV1a64()
        for question in questions {
            hasher.add("Q\(question.number)\u{1}\(question.promptText)\u{1}")
            for option in question.options {
                hasher.add("\(option.letter)\u{1}\(option.text)\u{1}\(option.isCorrect)\u{1}")
            }
        }
        // Added only when not the default, so hashes of existing quizzes stay as they were.
        if scoring != .allOrNothing { hasher.add("S\(scoring.rawValue)\u{1}") }
        for band in scoringGuide?.bands ?? [] {
            hasher.add("B\(band.lowerBound)-\(band.upperBound)\u{1}\(band.label)\u{1}\(band.advice)\u{1}")
        }
        return hasher.hex
    }
}

/// One question: its prompt, lettered options, the correct ones and an explanation.
///
/// A question with options and a key is scored: one correct option makes a single-answer
/// question (radio buttons), several a multiple-answer one (checkboxes). A question without
/// options, or whose options have no key, is a self-check item: the learner thinks of an
/// answer and reveals `answer` (or the explanation) on request; it is never scored.
public struct Question: Hashable, Sendable {
    public var number: Int
    /// The short title of `### Question 3: Prometheus Metrics`, when there is one.
    public var title: String?
    /// The question itself, as markdown blocks (paragraphs, code blocks, lists).
    public var prompt: [MarkdownNode]
    public var options: [Choice]
    /// The explanation shown after answering, as markdown blocks; empty when missing.
    public var explanation: [MarkdownNode]
    /// A self-check item's answer, revealed on request (a `<details>` block's content);
    /// empty when the question gives none.
    public var answer: [MarkdownNode]
    public var position: SourcePosition
    /// The last source line the question spans (its explanation or answer included), so a
    /// page can be cut into prose and quiz sections.
    public var lastLine: Int
    /// Where the key came from when a solutions page gave it; nil when the page marks it.
    public var keySource: SourceLocation?
    /// When the explanation was written on another page (the solutions page), in that page's
    /// letters: the index in `options` of the option each of its letters names. Nil when the
    /// explanation uses this question's own letters.
    public var explanationLetters: [String: Int]?

    public init(number: Int, title: String?, prompt: [MarkdownNode], options: [Choice], explanation: [MarkdownNode],
                position: SourcePosition, answer: [MarkdownNode] = [], lastLine: Int? = nil, keySource: SourceLocation? = nil) {
        self.number = number
        self.title = title
        self.prompt = prompt
        self.options = options
        self.explanation = explanation
        self.answer = answer
        self.position = position
        self.lastLine = lastLine ?? position.line
        self.keySource = keySource
    }

    /// The one option marked ✅; nil when none or several are.
    public var correctOption: Choice? {
        let marked = options.filter(\.isCorrect)
        return marked.count == 1 ? marked[0] : nil
    }

    /// The index in `options` of the correct option; nil when none or several are marked.
    public var correctIndex: Int? {
        let marked = correctIndices
        return marked.count == 1 ? marked[0] : nil
    }

    /// The indices of every option marked correct, in order.
    public var correctIndices: [Int] {
        options.indices.filter { options[$0].isCorrect }
    }

    /// The key in the question's own letters: `D`, `A+C` for several right options, `?` when
    /// none is marked, `-` for a question without options.
    public var answerLetters: String {
        if options.isEmpty { return "-" }
        let letters = correctIndices.map { options[$0].letter }
        return letters.isEmpty ? "?" : letters.joined(separator: "+")
    }

    /// Whether more than one option is correct: the learner picks every right one.
    public var isMultipleAnswer: Bool {
        correctIndices.count > 1
    }

    /// Whether the question can be scored: two or more options and a key.
    public var isScored: Bool {
        options.count >= 2 && options.contains(where: \.isCorrect)
    }

    /// What a self-check item reveals: its answer, else its explanation.
    public var revealed: [MarkdownNode] {
        answer.isEmpty ? explanation : answer
    }

    /// The prompt as plain text, one paragraph per line.
    public var promptText: String {
        prompt.map { $0.plainText() }.joined(separator: "\n")
    }

    /// The explanation as plain text.
    public var explanationText: String {
        explanation.map { $0.plainText() }.joined(separator: "\n")
    }
}

/// One lettered option of a question.
public struct Choice: Hashable, Sendable {
    /// "A", "B", … as written in the source.
    public var letter: String
    /// The option's inline content, without its letter and without the ✅ mark.
    public var content: [MarkdownNode]
    public var isCorrect: Bool
    public var position: SourcePosition
    /// Feedback for a learner who picks this option (mkdocs-quiz's `> …` under an answer).
    public var feedback: [MarkdownNode]

    public init(letter: String, content: [MarkdownNode], isCorrect: Bool, position: SourcePosition, feedback: [MarkdownNode] = []) {
        self.letter = letter
        self.content = content
        self.isCorrect = isCorrect
        self.position = position
        self.feedback = feedback
    }

    /// The option's text, without markup.
    public var text: String {
        MarkdownNode(.paragraph, children: content).plainText()
    }
}

/// How a multiple-answer question earns credit (a single-answer question is right or wrong
/// under either rule).
public enum ScoringRule: String, Hashable, Sendable, Codable {
    /// Full credit only for exactly the right options (mkdocs-quiz's rule, the default).
    case allOrNothing = "all-or-nothing"
    /// Moodle's partial credit: each right option is worth 1/k of the question (k right
    /// options), each wrong one -1/w (w wrong options), the sum floored at 0.
    case partialCredit = "partial"

    /// `all-or-nothing` or `partial` (also `partial-credit`), as front matter or course.yml write it.
    public init?(setting: String) {
        switch setting.lowercased().trimmingCharacters(in: .whitespaces) {
        case "all-or-nothing", "all_or_nothing", "allornothing": self = .allOrNothing
        case "partial", "partial-credit", "partial_credit": self = .partialCredit
        default: return nil
        }
    }
}

/// A place in another file, for diagnostics and keys that concern two files.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file as diagnostics name it.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// The score bands of a quiz: "8-9 correct: Proficient - Strong understanding …".
public struct ScoringGuide: Hashable, Sendable {
    public var bands: [Band]
    public var position: SourcePosition
    /// The guide's last source line (its last band).
    public var lastLine: Int

    public init(bands: [Band], position: SourcePosition, lastLine: Int? = nil) {
        self.bands = bands
        self.position = position
        self.lastLine = max(lastLine ?? 0, position.line)
    }

    /// The band a score falls in, if the guide covers it.
    public func band(forScore score: Int) -> Band? {
        bands.first { $0.contains(score) }
    }
}

/// One band of a scoring guide, an inclusive range of scores with a label and advice.
public struct Band: Hashable, Sendable {
    public var lowerBound: Int
    public var upperBound: Int
    /// "Expert level", the text before ` - `.
    public var label: String
    /// "Ready for enterprise production deployments", the text after ` - ` (may be empty).
    public var advice: String
    /// The band as written, e.g. "8-9 correct" or "Below 4".
    public var rangeText: String
    public var position: SourcePosition

    public init(lowerBound: Int, upperBound: Int, label: String, advice: String, rangeText: String, position: SourcePosition) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.label = label
        self.advice = advice
        self.rangeText = rangeText
        self.position = position
    }

    public func contains(_ score: Int) -> Bool {
        lowerBound <= score && score <= upperBound
    }
}

/// A small, stable 64-bit FNV-1a hash, so content hashes agree across runs and machines.
public struct FNV1a64 {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
