import Markdown

/// One question as the parser collects it, line by line, before validation.
struct QuestionBuilder {
    enum Phase { case prompt, options, afterOptions, explanation }

    let number: Int
    let position: SourcePosition
    /// The text after `Question N:`: a title, or the question itself when no prompt follows.
    let lead: [MarkdownNode]
    var phase: Phase = .prompt
    var prompt: [MarkdownNode] = []
    var options: [Choice] = []
    /// The letters a `Correct Answer:` line names (or an `Answer:` line in a `<details>` block).
    var correctAnswer: (letters: [String], position: SourcePosition)?
    var explanation: [MarkdownNode] = []
    /// A `<details>` block's content: the answer a self-check item reveals.
    var answer: [MarkdownNode] = []
    /// Whether the options came from a task list (`- [x]`), where several may be right.
    private(set) var fromTaskList = false
    /// The last source line that belongs to the question.
    private(set) var lastLine: Int
    private var lastParagraph: Int?
    private var answerParagraph: Int?
    private var pendingWarning: String?
    /// Text after the options, with the warning it earns if the question goes on after it.
    private var strays: [(String, SourcePosition)] = []
    /// Where a second paragraph began after a complete prompt: if no options, answer or
    /// explanation follow, the question ends there and the rest is the page's prose.
    private var promptCut: (index: Int, lastLine: Int)?

    init(number: Int, position: SourcePosition, lead: [MarkdownNode]) {
        self.number = number
        self.position = position
        self.lead = lead
        self.lastLine = position.line
    }

    /// Options may appear until a Correct Answer line or the explanation.
    var acceptsOptions: Bool { phase == .prompt || phase == .options }

    /// Whether the key comes from the `Correct Answer:` line because no option is marked.
    var markedByLine: Bool {
        !options.contains(where: \.isCorrect) && correctAnswer.map { !$0.letters.isEmpty } == true
    }

    /// A warning the last call produced, taken once.
    mutating func takeWarning() -> String? {
        defer { pendingWarning = nil }
        return pendingWarning
    }

    /// The text kept aside after the options, now known to be inside the question.
    mutating func takeStrays() -> [(String, SourcePosition)] {
        defer { strays = [] }
        if let last = strays.last { lastLine = max(lastLine, last.1.line) }
        return strays
    }

    /// The question reaches at least to `line`.
    mutating func extend(to line: Int) {
        lastLine = max(lastLine, line)
    }

    mutating func addOption(_ option: Choice, paragraph: Int, fromTaskList: Bool = false) {
        phase = .options
        options.append(option)
        lastParagraph = paragraph
        self.fromTaskList = self.fromTaskList || fromTaskList
        extend(to: option.position.line)
    }

    /// A block quote right after a task-list answer is that answer's feedback (mkdocs-quiz).
    mutating func addFeedback(_ quote: MarkdownNode) -> Bool {
        guard phase == .options, fromTaskList, strays.isEmpty, !options.isEmpty else { return false }
        options[options.count - 1].feedback += quote.children
        extend(to: quote.end.line)
        return true
    }

    mutating func startExplanation(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        phase = .explanation
        lastParagraph = nil
        extend(to: position.line)
        if !inlines.isEmpty {
            explanation.append(MarkdownNode(.paragraph, children: inlines, start: position, end: position))
            lastParagraph = paragraph
        }
    }

    /// A line of text that is not a marker: prompt, option continuation or explanation.
    mutating func addLine(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        switch phase {
        case .prompt:
            let asked = !prompt.isEmpty || InlineEditing.plainText(lead).trimmingWhitespace().hasSuffix("?")
            if promptCut == nil, asked, lastParagraph != paragraph {
                promptCut = (prompt.count, lastLine)
            }
            Self.appendLine(inlines, to: &prompt, at: position, continuing: lastParagraph == paragraph)
            lastParagraph = paragraph
            extend(to: position.line)
        case .explanation:
            Self.appendLine(inlines, to: &explanation, at: position, continuing: lastParagraph == paragraph)
            lastParagraph = paragraph
            extend(to: position.line)
        case .options where paragraph == lastParagraph && !options.isEmpty && strays.isEmpty:
            // A wrapped option: the line continues the option above it.
            let (content, marks) = InlineEditing.removeCorrectMark(from: inlines)
            options[options.count - 1].content += [MarkdownNode(.softBreak)] + content
            if marks > 0 { options[options.count - 1].isCorrect = true }
            extend(to: position.line)
        case .options, .afterOptions:
            strays.append(("text after the options of question \(number) is neither a 'Correct Answer:' line nor an 'Explanation:'; it is ignored", position))
        }
    }

    /// A block other than a paragraph (code block, list, quote).
    mutating func addBlock(_ block: MarkdownNode) {
        lastParagraph = nil
        switch phase {
        case .prompt:
            prompt.append(block)
            extend(to: block.end.line)
        case .explanation:
            explanation.append(block)
            extend(to: block.end.line)
        case .options, .afterOptions:
            strays.append(("a block after the options of question \(number) that is not part of an 'Explanation:' is ignored", block.start))
        }
    }

    /// A line of a `<details>` answer.
    mutating func addAnswerLine(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        Self.appendLine(inlines, to: &answer, at: position, continuing: answerParagraph == paragraph)
        answerParagraph = paragraph
        extend(to: position.line)
    }

    /// A block of a `<details>` answer.
    mutating func addAnswerBlock(_ block: MarkdownNode) {
        answer.append(block)
        answerParagraph = nil
        extend(to: block.end.line)
    }

    /// Adds a line to the last paragraph when it continues it, else as a new paragraph.
    private static func appendLine(_ inlines: [MarkdownNode], to blocks: inout [MarkdownNode], at position: SourcePosition, continuing: Bool) {
        if continuing, let last = blocks.indices.last, blocks[last].kind == .paragraph {
            blocks[last].children += [MarkdownNode(.softBreak)] + inlines
            blocks[last].end = position
        } else {
            blocks.append(MarkdownNode(.paragraph, children: inlines, start: position, end: position))
        }
    }

    /// The question: the lead becomes the title when a prompt follows it, else the prompt.
    /// Options no ✅ marks take their key from a `Correct Answer:` line naming them.
    func build() -> Question {
        var title: String? = nil
        var promptBlocks = prompt
        var lastLine = lastLine
        if options.isEmpty, answer.isEmpty, explanation.isEmpty, let cut = promptCut {
            // A self-check item without an answer of its own: its question is what it asked
            // first; the paragraphs after it are the page's.
            promptBlocks = Array(prompt.prefix(cut.index))
            lastLine = cut.lastLine
        }
        let leadText = InlineEditing.plainText(lead).trimmingWhitespace()
        if !leadText.isEmpty {
            if promptBlocks.isEmpty || leadText.hasSuffix("?") {
                promptBlocks.insert(MarkdownNode(.paragraph, children: lead, start: position, end: position), at: 0)
            } else {
                title = leadText
            }
        }
        var options = options
        if markedByLine, let letters = correctAnswer?.letters,
           letters.allSatisfy({ letter in options.contains { $0.letter == letter } }) {
            for index in options.indices where letters.contains(options[index].letter) { options[index].isCorrect = true }
        }
        return Question(number: number, title: title, prompt: promptBlocks, options: options, explanation: explanation,
                        position: position, answer: answer, lastLine: lastLine)
    }
}
