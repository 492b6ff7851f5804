import Markdown

/// A multiple-choice test, as parsed from a page in the quiz syntax of design.md.
public struct Quiz: Hashable, Sendable {
    public var title: String
    public var questions: [Question]
    /// Nil when the page has no Scoring Guide.
    public var scoringGuide: ScoringGuide?
    /// The page the quiz came from (for diagnostics and links).
    public var displayPath: String

    public init(title: String, questions: [Question], scoringGuide: ScoringGuide?, displayPath: String) {
        self.title = title
        self.questions = questions
        self.scoringGuide = scoringGuide
        self.displayPath = displayPath
    }

    /// The letters of the correct answers, in question order ("?" where none is marked).
    public var answerKey: [String] {
        questions.map { $0.correctOption?.letter ?? "?" }
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
        for band in scoringGuide?.bands ?? [] {
            hasher.add("B\(band.lowerBound)-\(band.upperBound)\u{1}\(band.label)\u{1}\(band.advice)\u{1}")
        }
        return hasher.hex
    }
}

/// One question: its prompt, lettered options, the correct one and an explanation.
public struct Question: Hashable, Sendable {
    public var number: Int
    /// The short title of `### Question 3: Prometheus Metrics`, when there is one.
    public var title: String?
    /// The question itself, as markdown blocks (paragraphs, code blocks, lists).
    public var prompt: [MarkdownNode]
    public var options: [Choice]
    /// The explanation shown after answering, as markdown blocks; empty when missing.
    public var explanation: [MarkdownNode]
    public var position: SourcePosition

    public init(number: Int, title: String?, prompt: [MarkdownNode], options: [Choice], explanation: [MarkdownNode], position: SourcePosition) {
        self.number = number
        self.title = title
        self.prompt = prompt
        self.options = options
        self.explanation = explanation
        self.position = position
    }

    /// The one option marked ✅; nil when none or several are.
    public var correctOption: Choice? {
        let marked = options.filter(\.isCorrect)
        return marked.count == 1 ? marked[0] : nil
    }

    /// The index in `options` of the correct option.
    public var correctIndex: Int? {
        let marked = options.indices.filter { options[$0].isCorrect }
        return marked.count == 1 ? marked[0] : nil
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

    public init(letter: String, content: [MarkdownNode], isCorrect: Bool, position: SourcePosition) {
        self.letter = letter
        self.content = content
        self.isCorrect = isCorrect
        self.position = position
    }

    /// The option's text, without markup.
    public var text: String {
        MarkdownNode(.paragraph, children: content).plainText()
    }
}

/// The score bands of a quiz: "8-9 correct: Proficient - Strong understanding …".
public struct ScoringGuide: Hashable, Sendable {
    public var bands: [Band]
    public var position: SourcePosition

    public init(bands: [Band], position: SourcePosition) {
        self.bands = bands
        self.position = position
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
struct FNV1a64 {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
