/// Choosing from a list with single keys, as a pure state machine: a letter or a number
/// picks an item (at once, or after Enter when `confirm` is on), the arrows move a highlight
/// and Enter picks the highlighted item, `?` asks for help and `q` (or Escape) to quit. The
/// terminal front end feeds it keys and draws its state; it does no I/O.
///
/// Numbers may take more than one key: with twelve items, `1` could still become 10, 11 or
/// 12, so it only highlights item 1 and waits for another digit or Enter; `2` cannot grow
/// and picks at once.
///
/// A question with several right answers (`Mode.multiple`) cannot be answered by one key:
/// a letter or number ticks or unticks its item, the space bar the highlighted one, and
/// Enter submits the ticked set (refusing an empty one with a hint). A self-check item
/// (`Mode.reveal`) takes no answer: Enter or space reveals it.
public struct ChoicePicker: Equatable, Sendable {
    /// Which keys name an item directly.
    public enum Shortcuts: Equatable, Sendable {
        /// A, B, C… and 1, 2, 3… (the options of a question).
        case lettersAndNumbers
        /// 1, 2, 3… only (a list of sessions).
        case numbers
    }

    /// What the list is for.
    public enum Mode: Equatable, Sendable {
        /// Pick one item.
        case single
        /// Tick every right item, then submit them with Enter (a multiple-answer question).
        case multiple
        /// Pick nothing: the items, if any, are only shown, and Enter or space reveals the
        /// answer (a self-check item).
        case reveal
    }

    /// What a key press came to.
    public enum Action: Equatable, Sendable {
        /// The highlight or the number being typed changed: draw the list again.
        case redraw
        /// The item at this index is picked.
        case choose(Int)
        /// The item at this index was ticked or unticked (see `ticked`): draw the list again.
        case toggled(Int)
        /// The ticked items are submitted (`Mode.multiple`; never empty).
        case submit(Set<Int>)
        /// Show the answer (`Mode.reveal`).
        case reveal
        case help
        case quit
        /// The key means nothing here; the one-line hint says what to press instead.
        case hint(String)
        /// Nothing to do (a key with no meaning, such as left or right).
        case ignore
    }

    public let count: Int
    public let shortcuts: Shortcuts
    /// Whether a letter or number only highlights its item, and Enter picks it (`.single`;
    /// the other modes wait for Enter anyway).
    public let confirm: Bool
    public let mode: Mode
    /// The highlighted item; nil until an arrow, a letter or number in confirm mode, or a
    /// tick sets it.
    public private(set) var highlighted: Int?
    /// The digits of a number that could still grow, e.g. "1" with twelve items.
    public private(set) var typedNumber: String = ""
    /// The items ticked so far (`.multiple`).
    public private(set) var ticked: Set<Int> = []

    /// `ticked` starts a multiple-answer question from options ticked before (the learner
    /// left it for the help, or a quit they did not confirm).
    public init(count: Int, shortcuts: Shortcuts, confirm: Bool, highlighted: Int? = nil, mode: Mode = .single,
                ticked: Set<Int> = []) {
        precondition(count > 0 || mode == .reveal, "a picker needs at least one item")
        self.count = count
        self.shortcuts = shortcuts
        self.confirm = confirm
        self.highlighted = highlighted
        self.mode = mode
        self.ticked = mode == .multiple ? ticked.filter { (0..<count).contains($0) } : []
    }

    /// The keys that name items, for prompts and hints: "A-D or 1-4", or "1-3".
    public var keysText: String {
        let numbers = count == 1 ? "1" : "1-\(count)"
        switch shortcuts {
        case .lettersAndNumbers: return "\(Letters.range(count: count)) or \(numbers)"
        case .numbers: return numbers
        }
    }

    /// What to do instead, for the end of a hint: "press A-D or 1-4, or ↑/↓ and Enter".
    var howToAnswer: String {
        mode == .multiple
            ? "tick options with \(keysText), or ↑/↓ and space; Enter submits them"
            : "press \(keysText), or ↑/↓ and Enter"
    }

    public mutating func press(_ key: Key) -> Action {
        if mode == .reveal { return pressRevealing(key) }
        switch key {
        case .up:
            return move(to: ((highlighted ?? count) - 1 + count) % count)
        case .down:
            return move(to: ((highlighted ?? -1) + 1) % count)
        case .home:
            return move(to: 0)
        case .end:
            return move(to: count - 1)
        case .enter where mode == .multiple:
            if !typedNumber.isEmpty, let highlighted {
                // Enter ends a number that could have grown (1 of 12): tick that item.
                typedNumber = ""
                return toggle(highlighted)
            }
            if ticked.isEmpty {
                return .hint("Nothing is ticked yet: tick every right option with \(keysText) or space, then press Enter; ? for help, q to quit.")
            }
            return .submit(ticked)
        case .enter:
            if let highlighted { return .choose(highlighted) }
            return .hint("Press \(keysText), or move with ↑/↓ and press Enter; ? for help, q to quit.")
        case .backspace:
            if !typedNumber.isEmpty {
                typedNumber.removeLast()
                highlighted = Int(typedNumber).map { $0 - 1 }
                return .redraw
            }
            if confirm, mode == .single, highlighted != nil {
                highlighted = nil
                return .redraw
            }
            return .ignore
        case .escape:
            if !typedNumber.isEmpty {
                typedNumber = ""
                return .redraw
            }
            return .quit
        case .other:
            return .ignore
        case .character(let character):
            return press(character)
        }
    }

    private mutating func press(_ character: Character) -> Action {
        if character == "?" { return .help }
        if character == " " {
            // The one place a key acts on the highlight without Enter: with one right answer
            // it picks; with several it ticks or unticks.
            if let highlighted {
                typedNumber = ""
                return mode == .multiple ? toggle(highlighted) : .choose(highlighted)
            }
            return .hint("Move with ↑/↓ first, or press \(keysText)\(mode == .multiple ? " to tick an option" : ""); ? for help, q to quit.")
        }
        if let digit = character.wholeNumberValue, character.isASCII {
            return typeDigit(digit)
        }
        let text = String(character)
        if shortcuts == .lettersAndNumbers, let index = Letters.index(of: Substring(text)) {
            if index < count { return pick(index) }
            if text.lowercased() == "q" { return .quit }
            typedNumber = ""
            return .hint("\(text.uppercased()) is not an option here: \(howToAnswer); ? for help, q to quit.")
        }
        if text.lowercased() == "q" { return .quit }
        typedNumber = ""
        let shown = character.isLetter || character.isNumber || character.isPunctuation || character.isSymbol
            ? "\"\(text)\"" : "That key"
        return .hint("\(shown) is not a choice: \(howToAnswer); ? for help, q to quit.")
    }

    private mutating func typeDigit(_ digit: Int) -> Action {
        let typed = typedNumber + String(digit)
        guard let number = Int(typed), number >= 1, number <= count else {
            typedNumber = ""
            return .hint("\(typed) is not a choice here: \(howToAnswer); ? for help, q to quit.")
        }
        if number * 10 <= count {
            // It could still grow (1 → 12): highlight it and wait for a digit or Enter.
            typedNumber = typed
            highlighted = number - 1
            return .redraw
        }
        typedNumber = ""
        return pick(number - 1)
    }

    private mutating func pick(_ index: Int) -> Action {
        typedNumber = ""
        highlighted = index
        if mode == .multiple { return toggle(index) }
        return confirm ? .redraw : .choose(index)
    }

    /// Ticks an unticked item, unticks a ticked one; the highlight goes to it.
    private mutating func toggle(_ index: Int) -> Action {
        highlighted = index
        if ticked.remove(index) == nil { ticked.insert(index) }
        return .toggled(index)
    }

    /// A self-check item: Enter or space reveals; its options, if shown, are not choices.
    private func pressRevealing(_ key: Key) -> Action {
        let hint = Action.hint("This question is for you to think about: press Enter to see the answer; ? for help, q to quit.")
        switch key {
        case .enter, .character(" "): return .reveal
        case .character("?"): return .help
        case .character("q"), .character("Q"), .escape: return .quit
        case .character: return hint
        case .up, .down, .home, .end, .backspace, .other: return .ignore
        }
    }

    private mutating func move(to index: Int) -> Action {
        typedNumber = ""
        highlighted = index
        return .redraw
    }
}
