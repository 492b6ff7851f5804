import Markdown
import Quiz

/// The progress line, and the choice list as the key reader draws it: again in place as the
/// highlight moves (cursor movement), or, in plain mode, one line per event.
extension QuizScreen {
    /// "Question 3 of 10  ━━━━━━──────────  2 answered", fitted to the width: the bar
    /// shrinks, then goes, then the count goes. Without colour the bar is `[###-------]`;
    /// in plain mode there is no bar: "Question 3 of 10, 2 answered."
    public func progressLine(position: Int, total: Int, answered: Int) -> String {
        let label = "Question \(position) of \(total)"
        let count = "\(answered) answered"
        if plain { return "\(label), \(count)." }
        let brackets = style.color ? 0 : 2
        let room = width - DisplayWidth.of(label) - DisplayWidth.of(count) - 4 - brackets
        let barWidth = min(30, room)
        let heading = style.bold(style.cyan(label))
        guard barWidth >= 5 else {
            return DisplayWidth.of(label + " · " + count) <= width ? heading + " · " + style.dim(count) : heading
        }
        let filled = total == 0 ? 0 : min(barWidth, barWidth * answered / total)
        let bar = style.color
            ? style.cyan(String(repeating: "━", count: filled)) + style.dim(String(repeating: "─", count: barWidth - filled))
            : "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        return heading + "  " + bar + "  " + style.dim(count)
    }

    /// The list, a blank line, a hint if there is one, and the prompt with what the picker
    /// holds (a number being typed, the highlighted item, or the ticked ones): what the key
    /// reader draws and draws again in place. The cursor ends on the prompt line. A
    /// multiple-answer question's items have boxes; a self-check item's are only shown.
    public func choiceBlock(_ list: ChoiceList, picker: ChoicePicker, hint: String?) -> String {
        var text = ""
        if list.count > 0 {
            text += items(list, highlighted: list.mode == .reveal ? nil : picker.highlighted,
                          ticked: list.mode == .multiple ? picker.ticked : nil) + "\n\n"
        }
        if let hint { text += wrapPlain(hint).map(style.yellow).joined(separator: "\n") + "\n" }
        text += prompt(list)
        if !picker.typedNumber.isEmpty {
            text += picker.typedNumber
            return text
        }
        switch list.mode {
        case .single:
            if let highlighted = picker.highlighted {
                text += fitted(list.labels[highlighted], then: picker.confirm ? " · Enter to confirm" : " · Enter to choose",
                               after: list.prompt)
            }
        case .multiple:
            if !picker.ticked.isEmpty {
                text += fitted(picker.ticked.sorted().map { list.labels[$0] }.joined(separator: "+"), then: " · Enter to submit",
                               after: list.prompt)
            }
        case .reveal:
            break
        }
        return text
    }

    /// What the picker holds, after the prompt, as much as fits on its line: `value` and the
    /// dim `suffix`, else `value` alone, else nothing (the list shows it). A prompt line the
    /// terminal wrapped would throw the next redraw's count of lines out.
    func fitted(_ value: String, then suffix: String, after prompt: String) -> String {
        let room = width - DisplayWidth.of(prompt) - 1
        if DisplayWidth.of(value + suffix) <= room { return value + style.dim(suffix) }
        return DisplayWidth.of(value) <= room ? value : ""
    }

    /// Replaces a block drawn before (the cursor on its last line) by another: back to the
    /// block's first line, clear to the end of the screen, draw.
    public func redraw(_ previous: String, with next: String) -> String {
        let up = previous.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return "\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J" + next
    }

    /// Plain mode: what the picker now holds, as one line of words.
    public func announce(_ list: ChoiceList, picker: ChoicePicker) -> String {
        let several = list.mode == .multiple
        if !picker.typedNumber.isEmpty, let highlighted = picker.highlighted {
            return "\(picker.typedNumber): type another digit, or press Enter \(several ? "to tick or untick" : "for") "
                + "\(list.labels[highlighted]) \(list.text(at: highlighted))."
        }
        guard let highlighted = picker.highlighted else { return "Nothing selected." }
        let item = "\(list.labels[highlighted])) \(list.text(at: highlighted))"
        if several {
            return picker.ticked.contains(highlighted) ? "\(item), ticked. Space unticks it." : "\(item), not ticked. Space ticks it."
        }
        return picker.confirm ? "Selected \(item). Press Enter to confirm." : "\(item). Press Enter to choose it."
    }

    /// Plain mode: an option ticked or unticked, and what is ticked now, as one line of words.
    public func announceToggle(_ list: ChoiceList, picker: ChoicePicker, index: Int) -> String {
        let item = "\(list.labels[index])) \(list.text(at: index))"
        let now = picker.ticked.isEmpty
            ? "Nothing is ticked."
            : "Ticked now: \(picker.ticked.sorted().map { list.labels[$0] }.joined(separator: ", ")). Press Enter to submit."
        return "\(picker.ticked.contains(index) ? "Ticked" : "Unticked") \(item). \(now)"
    }
}
