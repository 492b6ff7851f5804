/// Choosing one item of a list with single keys, as a pure state machine: a letter or a
/// number picks an item (at once, or after Enter when `confirm` is on), the arrows move a
/// highlight and Enter picks the highlighted item, `?` asks for help and `q` (or Escape) to
/// quit. The terminal front end feeds it keys and draws its state; it does no I/O.
///
/// Numbers may take more than one key: with twelve items, `1` could still become 10, 11 or
/// 12, so it only highlights item 1 and waits for another digit or Enter; `2` cannot grow
/// and picks at once.
///
/// The space bar acts on the highlighted item in one place (`press(.character(" "))`): it
/// picks it here, and is where a question with several right answers will toggle it instead.
public struct ChoicePicker: Equatable, Sendable {
    /// Which keys name an item directly.
    public enum Shortcuts: Equatable, Sendable {
        /// A, B, C… and 1, 2, 3… (the options of a question).
        case lettersAndNumbers
        /// 1, 2, 3… only (a list of sessions).
        case numbers
    }

    /// What a key press came to.
    public enum Action: Equatable, Sendable {
        /// The highlight or the number being typed changed: draw the list again.
        case redraw
        /// The item at this index is picked.
        case choose(Int)
        case help
        case quit
        /// The key means nothing here; the one-line hint says what to press instead.
        case hint(String)
        /// Nothing to do (a key with no meaning, such as left or right).
        case ignore
    }

    public let count: Int
    public let shortcuts: Shortcuts
    /// Whether a letter or number only highlights its item, and Enter picks it.
    public let confirm: Bool
    /// The highlighted item; nil until an arrow, or a letter or number in confirm mode, sets it.
    public private(set) var highlighted: Int?
    /// The digits of a number that could still grow, e.g. "1" with twelve items.
    public private(set) var typedNumber: String = ""

    public init(count: Int, shortcuts: Shortcuts, confirm: Bool, highlighted: Int? = nil) {
        precondition(count > 0, "a picker needs at least one item")
        self.count = count
        self.shortcuts = shortcuts
        self.confirm = confirm
        self.highlighted = highlighted
    }

    /// The keys that name items, for prompts and hints: "A-D or 1-4", or "1-3".
    public var keysText: String {
        let numbers = count == 1 ? "1" : "1-\(count)"
        switch shortcuts {
        case .lettersAndNumbers: return "\(Letters.range(count: count)) or \(numbers)"
        case .numbers: return numbers
        }
    }

    public mutating func press(_ key: Key) -> Action {
        switch key {
        case .up:
            return move(to: ((highlighted ?? count) - 1 + count) % count)
        case .down:
            return move(to: ((highlighted ?? -1) + 1) % count)
        case .home:
            return move(to: 0)
        case .end:
            return move(to: count - 1)
        case .enter:
            if let highlighted { return .choose(highlighted) }
            return .hint("Press \(keysText), or move with ↑/↓ and press Enter; ? for help, q to quit.")
        case .backspace:
            if !typedNumber.isEmpty {
                typedNumber.removeLast()
                highlighted = Int(typedNumber).map { $0 - 1 }
                return .redraw
            }
            if confirm, highlighted != nil {
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
            // it picks; a multiple-answer question will toggle the highlighted option here.
            if let highlighted { return .choose(highlighted) }
            return .hint("Move with ↑/↓ first, or press \(keysText); ? for help, q to quit.")
        }
        if let digit = character.wholeNumberValue, character.isASCII {
            return typeDigit(digit)
        }
        let text = String(character)
        if shortcuts == .lettersAndNumbers, let index = Letters.index(of: Substring(text)) {
            if index < count { return pick(index) }
            if text.lowercased() == "q" { return .quit }
            typedNumber = ""
            return .hint("\(text.uppercased()) is not an option here: press \(keysText), or ↑/↓ and Enter; ? for help, q to quit.")
        }
        if text.lowercased() == "q" { return .quit }
        typedNumber = ""
        let shown = character.isLetter || character.isNumber || character.isPunctuation || character.isSymbol
            ? "\"\(text)\"" : "That key"
        return .hint("\(shown) is not a choice: press \(keysText), or ↑/↓ and Enter; ? for help, q to quit.")
    }

    private mutating func typeDigit(_ digit: Int) -> Action {
        let typed = typedNumber + String(digit)
        guard let number = Int(typed), number >= 1, number <= count else {
            typedNumber = ""
            return .hint("\(typed) is not a choice here: press \(keysText), or ↑/↓ and Enter; ? for help, q to quit.")
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
        return confirm ? .redraw : .choose(index)
    }

    private mutating func move(to index: Int) -> Action {
        typedNumber = ""
        highlighted = index
        return .redraw
    }
}
