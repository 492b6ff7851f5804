import Course
import Markdown
import Quiz

/// Everything the quiz prints, as strings: header, questions, prompts, feedback, help, the
/// result and its review. Pure, so tests can read exactly what a learner would see.
///
/// Content (prompts, options, explanations) is rendered from its markdown tree by
/// `TerminalRenderer`; the ✅ marks are not part of an option's content, and the quiz names
/// the correct option only after the learner has answered.
public struct QuizScreen: Sendable {
    public let width: Int
    let style: Style
    let renderer: TerminalRenderer
    /// Renders text indented under an option or a label.
    let indentedRenderer: TerminalRenderer

    public static let indent = "    "

    public init(color: Bool, width: Int) {
        self.width = max(width, 20)
        self.style = Style(color: color)
        self.renderer = TerminalRenderer(color: color, width: self.width)
        self.indentedRenderer = TerminalRenderer(color: color, width: self.width - Self.indent.count)
    }

    /// The same screen for another width (the terminal was resized).
    public func resized(to newWidth: Int) -> QuizScreen {
        max(newWidth, 20) == width ? self : QuizScreen(color: style.color, width: newWidth)
    }

    /// Ends colour: printed on every way out.
    public var reset: String { style.reset }

    // MARK: Before and during the quiz

    public func header(title: String, questionCount: Int, feedback: FeedbackMode, seed: UInt64?) -> String {
        let titleLines = wrapPlain(title)
        var lines = titleLines.map(style.bold)
        lines.append(style.dim(String(repeating: "─", count: min(titleLines.map(DisplayWidth.of).max() ?? 0, width))))
        var about = "\(questionCount) question\(questionCount == 1 ? "" : "s"). Type a letter and press Enter; ? for help, q to quit."
        about += feedback == .immediate ? " You will see the answer after each question." : " Your score and a review come at the end."
        if let seed {
            about += " Shuffled with seed \(seed); after you answer, [brackets] give an option's letter"
                + " in the content, which explanations use."
        }
        lines.append(contentsOf: wrapPlain(about))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Which questions are not scored (self-check items), when some are; empty otherwise.
    public func unscoredNote(_ plan: QuizPlan) -> String {
        let positions = plan.questions.indices.filter { plan.questions[$0].isSelfCheck }.map { String($0 + 1) }
        guard !positions.isEmpty else { return "" }
        let which = positions.count == 1 ? "Question \(positions[0]) is a self-check item"
            : "Questions \(positions.dropLast().joined(separator: ", ")) and \(positions.last!) are self-check items"
        return note("\(which): not scored; press Enter there to see the answer. "
            + "The score counts the \(plan.questions.count - positions.count) scored questions.")
    }

    /// The quiz's title alone, above a scripted run's result.
    public func title(_ title: String) -> String {
        style.bold(title) + "\n"
    }

    /// "Question 3 of 10 · Title", the prompt, and the options, re-lettered as shown. After
    /// answering (`contentLetters`), a shuffled option also shows its letter in the content,
    /// "[D]", since explanations name options by those letters.
    public func question(_ question: PresentedQuestion, position: Int, total: Int, contentLetters: Bool = false) -> String {
        var heading = "Question \(position) of \(total)"
        if let title = question.question.title, !title.isEmpty { heading += " · " + title }
        var text = "\n" + wrapPlain(heading).map { style.bold(style.cyan($0)) }.joined(separator: "\n") + "\n\n"
        if !question.question.prompt.isEmpty {
            text += renderer.render(question.question.prompt) + "\n\n"
        }
        if question.optionCount > 0 {
            text += options(question, contentLetters: contentLetters) + "\n"
        }
        if question.isSelfCheck {
            text += (question.optionCount > 0 ? "\n" : "") + note("Self-check: not scored. Think of your answer, then see it.")
        } else if question.isMultipleAnswer {
            text += "\n" + note("Choose every right answer.")
        }
        return text
    }

    public func options(_ question: PresentedQuestion, contentLetters: Bool = false) -> String {
        question.shownOptions.map { letter, choice in
            let prefix = "  \(letter)) "
            var content = choice.content
            if contentLetters, question.isReordered { content.append(MarkdownNode(.text, literal: " [\(choice.letter)]")) }
            return renderer.renderInline(content, firstPrefix: prefix, indent: String(repeating: " ", count: prefix.count))
        }.joined(separator: "\n")
    }

    public func prompt(optionCount: Int) -> String {
        "\n" + style.bold("Your answer (\(Letters.range(count: optionCount))): ")
    }

    /// The prompt for a question: one letter, several letters, or Enter to reveal.
    public func prompt(for question: PresentedQuestion) -> String {
        if question.isSelfCheck { return "\n" + style.bold("Press Enter to see the answer: ") }
        if question.isMultipleAnswer {
            return "\n" + style.bold("Your answers (\(Letters.range(count: question.optionCount)), e.g. A+C): ")
        }
        return prompt(optionCount: question.optionCount)
    }

    public func hint(_ text: String) -> String {
        style.yellow(text) + "\n"
    }

    public func help(optionCount: Int) -> String {
        let entries = [
            (Letters.range(count: optionCount), "choose that option (either case), then press Enter"),
            ("?", "show this help"),
            ("q", "quit, after you confirm; answers so far are saved as an incomplete attempt"),
            ("Ctrl-C", "stop at once; answers so far are saved as an incomplete attempt"),
            ("Ctrl-D", "end of input: the same, the quiz cut short"),
        ]
        var text = "\n" + style.bold("How to answer") + "\n"
        for (key, meaning) in entries {
            let prefix = "  " + key.padding(8)
            text += renderer.renderInline([MarkdownNode(.text, literal: meaning)], firstPrefix: prefix,
                                          indent: String(repeating: " ", count: prefix.count)) + "\n"
        }
        return text
    }

    public var quitConfirmation: String {
        "\n" + style.bold("Quit now? Your answers so far are saved as an incomplete attempt. [y/N] ")
    }

    public var quitCancelled: String {
        style.dim("Carrying on.") + "\n"
    }

    /// After an answer in `--feedback end`: a neutral confirmation, no right or wrong.
    public func recorded(_ question: PresentedQuestion, shownIndex: Int) -> String {
        recorded(question, shownIndices: [shownIndex])
    }

    public func recorded(_ question: PresentedQuestion, shownIndices: Set<Int>) -> String {
        style.dim("Answer recorded: \(shownIndices.sorted().map(Letters.letter(at:)).joined(separator: "+")).") + "\n"
    }

    /// A self-check item's answer, once asked for.
    public func revealed(_ question: Question) -> String {
        let body = question.revealed
        guard !body.isEmpty else { return "\n" + note("This question gives no answer to compare with.") }
        let text = indentedRenderer.render(body)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : Self.indent + $0 }
            .joined(separator: "\n")
        return "\n" + style.bold("Answer:") + "\n" + text + "\n"
    }

    /// After an answer in `--feedback immediate`: right or wrong, the correct options, the explanation.
    public func immediate(_ question: PresentedQuestion, outcome: Attempt.Outcome) -> String {
        var text = "\n"
        if outcome.isCorrect {
            text += style.green("✅ Correct.") + "\n"
        } else {
            let partly = outcome.credit > 0 ? " Partly right (\(format(outcome.credit * 100))% of the question)." : ""
            let verdict = style.red("❌ Not quite.") + partly + " You chose "
            for (offset, chosen) in outcome.chosenShownIndices.sorted().enumerated() {
                text += offset == 0 ? labelledOption(verdict, visibleWidth: 22 + partly.count, question, chosen, mark: nil)
                                    : labelledOption(String(repeating: " ", count: 22 + partly.count), visibleWidth: 22 + partly.count, question, chosen, mark: nil)
            }
            let correct = outcome.correctShownIndices.sorted()
            for (offset, index) in correct.enumerated() {
                let label = offset == 0 ? (correct.count > 1 ? "The answers are " : "The answer is ") : String(repeating: " ", count: correct.count > 1 ? 16 : 14)
                text += labelledOption(label, visibleWidth: correct.count > 1 ? 16 : 14, question, index, mark: nil)
            }
        }
        text += explanation(question.question)
        return text
    }

    /// "Your answer:    D) Production servers require …", the option's markdown wrapped under
    /// its label, with an optional mark at the end.
    func labelledOption(_ label: String, visibleWidth: Int, _ question: PresentedQuestion, _ shownIndex: Int,
                        mark: String?) -> String {
        let option = question.shownOptions[shownIndex]
        var content = option.choice.content
        if question.isReordered { content.append(MarkdownNode(.text, literal: " [\(option.choice.letter)]")) }
        if let mark { content.append(MarkdownNode(.text, literal: " " + mark)) }
        let prefix = option.letter + ") "
        // The label may carry colour codes, which take no columns: wrap with a plain prefix
        // of the same width, then put the label in its place.
        let plainPrefix = String(repeating: " ", count: visibleWidth) + prefix
        let wrapped = renderer.renderInline(content, firstPrefix: plainPrefix,
                                            indent: String(repeating: " ", count: visibleWidth + prefix.count))
        return label + style.bold(prefix) + wrapped.dropFirst(plainPrefix.count) + "\n"
    }

    /// Notes after the result: where it was saved, or why it was not.
    public func note(_ text: String) -> String {
        wrapPlain(text).map(style.dim).joined(separator: "\n") + "\n"
    }

    func wrapPlain(_ text: String) -> [String] {
        renderer.renderInline([MarkdownNode(.text, literal: text)]).split(separator: "\n").map(String.init)
    }

    func format(_ percentage: Double) -> String {
        percentage == percentage.rounded() ? String(Int(percentage)) : String(percentage)
    }
}

extension String {
    func padding(_ length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
