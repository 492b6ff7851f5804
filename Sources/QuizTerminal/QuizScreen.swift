import Course
import Markdown
import Quiz
import Support

/// Everything the quiz prints, as strings: header, progress, questions, the choice list and
/// its prompt, feedback, help, the result and its review. Pure, so tests can read exactly
/// what a learner would see.
///
/// Content (prompts, options, explanations) is rendered from its markdown tree by
/// `TerminalRenderer`; the ✅ marks are not part of an option's content, and the quiz names
/// the correct option only after the learner has answered.
///
/// `plain` is for screen readers and braille displays: no colour, no progress bar, no
/// decoration, right and wrong always in words, and (in `KeyChoiceReader`) no cursor
/// movement, one line per event.
///
/// `unicode` says the terminal's character set can show symbols such as the ☐/☑ of an
/// option to tick; without it (or in plain mode) they are `[ ]`/`[x]`.
public struct QuizScreen: Sendable {
    public let width: Int
    public let plain: Bool
    public let unicode: Bool
    let style: TerminalStyle
    let renderer: TerminalRenderer
    /// Renders text indented under an option or a label.
    let indentedRenderer: TerminalRenderer

    public static let indent = "    "

    public init(color: Bool, width: Int, plain: Bool = false, unicode: Bool = true) {
        self.width = max(width, 20)
        self.plain = plain
        self.unicode = unicode
        let color = color && !plain
        self.style = TerminalStyle(color: color)
        self.renderer = TerminalRenderer(color: color, width: self.width)
        self.indentedRenderer = TerminalRenderer(color: color, width: self.width - Self.indent.count)
    }

    /// The same screen for another width (the terminal was resized).
    public func resized(to newWidth: Int) -> QuizScreen {
        max(newWidth, 20) == width ? self : QuizScreen(color: style.color, width: newWidth, plain: plain, unicode: unicode)
    }

    /// Ends colour: printed on every way out.
    public var reset: String { style.reset }

    // MARK: Before and during the quiz

    public func header(title: String, questionCount: Int, feedback: FeedbackMode, seed: UInt64?,
                       input: InputStyle = .lines) -> String {
        let titleLines = wrapPlain(title)
        var lines = titleLines.map(style.bold)
        if !plain {
            lines.append(style.dim(String(repeating: "─", count: min(titleLines.map(DisplayWidth.of).max() ?? 0, width))))
        }
        var about = "\(questionCount) question\(questionCount == 1 ? "" : "s"). "
        switch input {
        case .lines: about += "Type a letter and press Enter; ? for help, q to quit."
        case .keys(confirm: false): about += "Press a letter or number to answer, or move with ↑/↓ and press Enter; ? for help, q to quit."
        case .keys(confirm: true): about += "Press a letter or number, or move with ↑/↓, then Enter to confirm; ? for help, q to quit."
        }
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
        if let note = answeringNote(question) {
            text += (question.optionCount > 0 ? "\n" : "") + self.note(note)
        }
        return text
    }

    public func options(_ question: PresentedQuestion, contentLetters: Bool = false) -> String {
        let contents = question.shownOptions.map { _, choice in
            var content = choice.content
            if contentLetters, question.isReordered { content.append(MarkdownNode(.text, literal: " [\(choice.letter)]")) }
            return content
        }
        return items(ChoiceList(question: question, contents: contents), highlighted: nil)
    }

    /// The question being asked: the progress line, its title, its prompt; the options follow
    /// from the reader (`items`), which may draw them again as the highlight moves.
    public func asking(_ question: PresentedQuestion, position: Int, total: Int, answered: Int,
                       input: InputStyle = .lines) -> String {
        var text = "\n" + progressLine(position: position, total: total, answered: answered) + "\n"
        if let title = question.question.title, !title.isEmpty {
            text += wrapPlain(title).map(style.bold).joined(separator: "\n") + "\n"
        }
        text += "\n"
        if !question.question.prompt.isEmpty {
            text += renderer.render(question.question.prompt) + "\n\n"
        }
        if let note = answeringNote(question, input: input) { text += self.note(note) + "\n" }
        return text
    }

    /// What a question not answered with one option asks of the learner, and, with keys, how.
    func answeringNote(_ question: PresentedQuestion, input: InputStyle = .lines) -> String? {
        if question.isSelfCheck {
            return "Self-check: not scored. Think of your answer, then see it"
                + (input == .lines ? "." : " with Enter or space.")
        }
        if question.isMultipleAnswer {
            return "Choose every right answer."
                + (input == .lines ? "" : " A letter, a number or space (on the highlighted option) ticks or unticks it; Enter submits the ticked ones.")
        }
        return nil
    }

    /// The items of a choice list, one per line (wrapped under their label), the highlighted
    /// one marked in the gutter with `❯` (`>` without colour or Unicode), never by colour
    /// alone. With `ticked` (a multiple-answer question) each item has a box, ☐ or ☑
    /// (`[ ]` or `[x]`).
    public func items(_ list: ChoiceList, highlighted: Int?, ticked: Set<Int>? = nil) -> String {
        zip(list.labels, list.contents).enumerated().map { index, item in
            let (label, content) = item
            let symbol = ticked.map { self.box(ticked: $0.contains(index)) }
            let box = symbol.map { $0 + " " } ?? ""
            let prefix = "  " + box + label + ") "
            let rest = String(repeating: " ", count: DisplayWidth.of(prefix))
            let line = renderer.renderInline(content, firstPrefix: prefix, indent: rest)
            // A ticked box is green too, but its shape alone tells it from an empty one.
            let styledBox = symbol.map { (ticked?.contains(index) == true ? style.green($0) : $0) + " " } ?? ""
            guard index == highlighted else {
                return box.isEmpty ? line : "  " + styledBox + line.dropFirst(2 + box.count)
            }
            let pointer = unicode ? "❯ " : "> "
            let marker = !style.color ? "> " + box + label + ")"
                : box.isEmpty ? style.bold(style.cyan(pointer + label + ")"))
                : style.bold(style.cyan(pointer)) + styledBox + style.bold(style.cyan(label + ")"))
            return marker + line.dropFirst(prefix.count - 1)
        }.joined(separator: "\n")
    }

    /// An option's box: ☑ ticked, ☐ not; `[x]` and `[ ]` in plain mode or without Unicode.
    func box(ticked: Bool) -> String {
        plain || !unicode ? (ticked ? "[x]" : "[ ]") : (ticked ? "☑" : "☐")
    }

    /// A choice list's prompt, "Your answer (A-D): ".
    public func prompt(_ list: ChoiceList) -> String {
        style.bold(list.prompt)
    }

    public func hint(_ text: String) -> String {
        style.yellow(text) + "\n"
    }

    /// The keys for answering `list`, the question's options.
    public func help(_ list: ChoiceList, input: InputStyle = .lines) -> String {
        let optionCount = list.count
        let keys = Letters.range(count: optionCount) + ", " + (optionCount == 1 ? "1" : "1-\(optionCount)")
        var entries: [(String, String)]
        switch (input, list.mode) {
        case (_, .reveal):
            entries = [(input == .lines ? "Enter" : "Enter, Space", "show the answer; this item is not scored")]
        case (.lines, .single):
            entries = [(keys, "choose that option (either case), then press Enter")]
        case (.lines, .multiple):
            entries = [(keys, "choose every right option, joined by + (A+C or 1+3), then press Enter")]
        case (.keys, .multiple):
            entries = [
                (keys, "tick or untick that option (either case)"),
                ("Space", "tick or untick the highlighted option"),
                ("↑ ↓", "move the highlight (Home and End too)"),
                ("Enter", "submit the ticked options"),
            ]
        case (.keys(let confirm), .single):
            entries = [
                (keys, confirm ? "select that option (either case); Enter confirms it" : "choose that option at once (either case)"),
                ("↑ ↓", "move the highlight (Home and End too); Enter chooses the highlighted option"),
            ]
        }
        entries += [
            ("?", "show this help"),
            (input == .lines ? "q" : "q, Esc", "quit, after you confirm; answers so far are saved as an incomplete attempt"),
            ("Ctrl-C", "stop at once; answers so far are saved as an incomplete attempt"),
            ("Ctrl-D", "end of input: the same, the quiz cut short"),
        ]
        var text = "\n" + style.bold("How to answer") + "\n"
        let keyWidth = (entries.map { $0.0.count }.max() ?? 6) + 2
        for (key, meaning) in entries {
            let prefix = "  " + key.padding(keyWidth)
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
            text += style.green(plain ? "Correct." : "✅ Correct.") + "\n"
        } else {
            let wrong = plain ? "Wrong." : "❌ Not quite."
            let partly = outcome.credit > 0 ? " Partly right (\(format(outcome.credit * 100))% of the question)." : ""
            let lead = DisplayWidth.of(wrong + partly + " You chose ")
            for (offset, chosen) in outcome.chosenShownIndices.sorted().enumerated() {
                let label = offset == 0 ? style.red(wrong) + partly + " You chose " : String(repeating: " ", count: lead)
                text += labelledOption(label, visibleWidth: lead, question, chosen, mark: nil)
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
