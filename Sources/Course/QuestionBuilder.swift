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
    var correctAnswer: (letter: String, position: SourcePosition)?
    var explanation: [MarkdownNode] = []
    private var lastParagraph: Int?
    private var pendingWarning: String?

    init(number: Int, position: SourcePosition, lead: [MarkdownNode]) {
        self.number = number
        self.position = position
        self.lead = lead
    }

    /// Options may appear until a Correct Answer line or the explanation.
    var acceptsOptions: Bool { phase == .prompt || phase == .options }

    /// A warning the last call produced, taken once.
    mutating func takeWarning() -> String? {
        defer { pendingWarning = nil }
        return pendingWarning
    }

    mutating func addOption(_ option: Choice, paragraph: Int) {
        phase = .options
        options.append(option)
        lastParagraph = paragraph
    }

    mutating func startExplanation(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        phase = .explanation
        lastParagraph = nil
        if !inlines.isEmpty {
            explanation.append(MarkdownNode(.paragraph, children: inlines, start: position, end: position))
            lastParagraph = paragraph
        }
    }

    /// A line of text that is not a marker: prompt, option continuation or explanation.
    mutating func addLine(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        switch phase {
        case .prompt:
            Self.appendLine(inlines, to: &prompt, at: position, continuing: lastParagraph == paragraph)
            lastParagraph = paragraph
        case .explanation:
            Self.appendLine(inlines, to: &explanation, at: position, continuing: lastParagraph == paragraph)
            lastParagraph = paragraph
        case .options where paragraph == lastParagraph && !options.isEmpty:
            // A wrapped option: the line continues the option above it.
            let (content, marks) = InlineEditing.removeCorrectMark(from: inlines)
            options[options.count - 1].content += [MarkdownNode(.softBreak)] + content
            if marks > 0 { options[options.count - 1].isCorrect = true }
        case .options, .afterOptions:
            pendingWarning = "text after the options of question \(number) is neither a 'Correct Answer:' line nor an 'Explanation:'; it is ignored"
        }
    }

    /// A block other than a paragraph (code block, list, quote).
    mutating func addBlock(_ block: MarkdownNode) {
        lastParagraph = nil
        switch phase {
        case .prompt: prompt.append(block)
        case .explanation: explanation.append(block)
        case .options, .afterOptions:
            pendingWarning = "a block after the options of question \(number) that is not part of an 'Explanation:' is ignored"
        }
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
    func build() -> Question {
        var title: String? = nil
        var promptBlocks = prompt
        let leadText = InlineEditing.plainText(lead).trimmingCharacters(in: .whitespaces)
        if !leadText.isEmpty {
            if promptBlocks.isEmpty || leadText.hasSuffix("?") {
                promptBlocks.insert(MarkdownNode(.paragraph, children: lead, start: position, end: position), at: 0)
            } else {
                title = leadText
            }
        }
        return Question(number: number, title: title, prompt: promptBlocks, options: options, explanation: explanation, position: position)
    }
}
