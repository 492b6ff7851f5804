import Quiz

/// What choosing from a list came to.
public enum ChoiceOutcome: Equatable, Sendable {
    case chosen(Int)
    /// Several items (the options of a multiple-answer question).
    case chosenSeveral(Set<Int>)
    /// Enter at a self-check item: its answer is to be shown.
    case reveal
    /// `?`: the caller shows its help and asks again.
    case help
    /// `q` or Escape: the caller decides (the quiz asks first; the session list just ends).
    case quit
    /// The process was continued after Ctrl-Z: the caller shows its heading again and asks again.
    case resumed
    case endOfInput
    case stopped(StopReason)
}

/// The answer to a yes/no question such as "Quit now?".
public enum ConfirmOutcome: Equatable, Sendable {
    case yes
    case no
    case endOfInput
    case stopped(StopReason)
}

/// How the learner picks from a list at the terminal: one key (`KeyChoiceReader`) or a
/// line and Enter (`LineChoiceReader`). The quiz's questions and the session list share it.
public protocol ChoiceReader {
    var input: InputStyle { get }
    /// Shows the list and its prompt and reads until an item is chosen or the caller must act.
    mutating func choose(_ list: ChoiceList, screen: QuizScreen, output: any TextOutput) -> ChoiceOutcome
    /// Shows `question` and reads y (yes) or anything else (no).
    mutating func confirm(_ question: String, output: any TextOutput) -> ConfirmOutcome
}

/// A line and Enter: the list, then "Your answer (A-D): " until a line means something.
public struct LineChoiceReader<Source: LineSource>: ChoiceReader {
    public var source: Source
    public var input: InputStyle { .lines }

    public init(source: Source) {
        self.source = source
    }

    public mutating func choose(_ list: ChoiceList, screen: QuizScreen, output: any TextOutput) -> ChoiceOutcome {
        if list.count > 0 { output.write(screen.items(list, highlighted: nil) + "\n") }
        while true {
            output.write("\n" + screen.prompt(list))
            switch source.nextLine() {
            case .stopped(let reason):
                output.write("\n")
                return .stopped(reason)
            case .endOfInput:
                output.write("\n")
                return .endOfInput
            case .line(let line):
                switch LearnerInput.interpret(line, optionCount: list.count, shortcuts: list.shortcuts,
                                              multiple: list.mode == .multiple, selfCheck: list.mode == .reveal) {
                case .answer(let index): return .chosen(index)
                case .answers(let indices): return .chosenSeveral(indices)
                case .reveal: return .reveal
                case .help: return .help
                case .quit: return .quit
                case .invalid(let hint): output.write(screen.hint(hint))
                }
            }
        }
    }

    public mutating func confirm(_ question: String, output: any TextOutput) -> ConfirmOutcome {
        output.write(question)
        switch source.nextLine() {
        case .stopped(let reason):
            output.write("\n")
            return .stopped(reason)
        case .endOfInput:
            output.write("\n")
            return .endOfInput
        case .line(let answer):
            let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
            return word == "y" || word == "yes" ? .yes : .no
        }
    }
}

/// One key: a letter or number picks (or, with `confirm`, selects until Enter), the arrows
/// move a highlight, Enter picks it. The list is drawn again in place as it changes, or, in
/// plain mode, each change is said in one line and nothing on screen moves.
public struct KeyChoiceReader<Source: KeySource>: ChoiceReader {
    public var source: Source
    public let confirm: Bool
    /// The terminal's width now, so a redraw follows a resized window.
    public let currentWidth: () -> Int

    /// The ticks of a multiple-answer question left for the help, a quit not confirmed or
    /// Ctrl-Z: the same question, asked again next, starts from them.
    private var keptTicks: Set<Int> = []

    public var input: InputStyle { .keys(confirm: confirm) }

    public init(source: Source, confirm: Bool, currentWidth: @escaping () -> Int) {
        self.source = source
        self.confirm = confirm
        self.currentWidth = currentWidth
    }

    public mutating func choose(_ list: ChoiceList, screen: QuizScreen, output: any TextOutput) -> ChoiceOutcome {
        var picker = ChoicePicker(count: list.count, shortcuts: list.shortcuts, confirm: confirm, mode: list.mode,
                                  ticked: keptTicks)
        keptTicks = []
        var screen = screen
        var drawn = screen.choiceBlock(list, picker: picker, hint: nil)
        output.write(drawn)
        var redrawn = false

        /// Draws the block again for the picker's state: in place, unless the window's width
        /// changed (then the old lines may have been re-wrapped: draw below instead).
        func draw(hint: String?) {
            let width = currentWidth()
            let next: String
            if screen.resized(to: width).width == screen.width {
                next = screen.choiceBlock(list, picker: picker, hint: hint)
                output.write(screen.redraw(drawn, with: next))
            } else {
                screen = screen.resized(to: width)
                next = screen.choiceBlock(list, picker: picker, hint: hint)
                output.write("\n\n" + next)
            }
            drawn = next
            redrawn = true
        }

        while true {
            switch source.nextKey() {
            case .stopped(let reason):
                output.write("\n")
                return .stopped(reason)
            case .endOfInput:
                output.write("\n")
                return .endOfInput
            case .resumed:
                output.write("\n")
                keptTicks = picker.ticked
                return .resumed
            case .key(let key):
                switch picker.press(key) {
                case .ignore:
                    continue
                case .help:
                    output.write("\n")
                    keptTicks = picker.ticked
                    return .help
                case .quit:
                    output.write("\n")
                    keptTicks = picker.ticked
                    return .quit
                case .choose(let index):
                    if redrawn, screen.plain {
                        output.write("\n")  // after the last line said, not after the prompt
                    } else if redrawn {
                        output.write(screen.redraw(drawn, with: screen.items(list, highlighted: index) + "\n\n" + screen.prompt(list)))
                    }
                    output.write(list.labels[index] + "\n")
                    return .chosen(index)
                case .submit(let indices):
                    // The list is drawn again with its ticks and no highlight; in plain mode
                    // the answer goes on a line of its own, after the last one said.
                    if screen.plain {
                        output.write("\n")
                    } else {
                        output.write(screen.redraw(drawn, with: screen.items(list, highlighted: nil, ticked: indices)
                            + "\n\n" + screen.prompt(list)))
                    }
                    output.write(indices.sorted().map { list.labels[$0] }.joined(separator: "+") + "\n")
                    return .chosenSeveral(indices)
                case .reveal:
                    output.write("\n")
                    return .reveal
                case .toggled(let index):
                    if screen.plain {
                        output.write("\n" + screen.announceToggle(list, picker: picker, index: index))
                        redrawn = true
                    } else {
                        draw(hint: nil)
                    }
                case .redraw:
                    if screen.plain {
                        output.write("\n" + screen.announce(list, picker: picker))
                        redrawn = true
                    } else {
                        draw(hint: nil)
                    }
                case .hint(let hint):
                    if screen.plain {
                        output.write("\n" + hint)
                        redrawn = true
                    } else {
                        draw(hint: hint)
                    }
                }
            }
        }
    }

    public mutating func confirm(_ question: String, output: any TextOutput) -> ConfirmOutcome {
        output.write(question)
        while true {
            switch source.nextKey() {
            case .stopped(let reason):
                output.write("\n")
                return .stopped(reason)
            case .endOfInput:
                output.write("\n")
                return .endOfInput
            case .resumed:
                output.write("\n" + question)
            case .key(.character(let character)) where character == "y" || character == "Y":
                output.write("y\n")
                return .yes
            case .key(let key):
                output.write((key == .character("n") || key == .character("N") ? "n" : "") + "\n")
                return .no
            }
        }
    }
}
