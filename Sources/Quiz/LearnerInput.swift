import Foundation

/// What a line typed at the quiz prompt means (a terminal that sends whole lines).
public enum LearnerInput: Equatable, Sendable {
    /// An item, by its shown index (0 for A, or for 1).
    case answer(Int)
    /// `?`: show the help.
    case help
    /// `q`: quit (after a confirmation).
    case quit
    /// Anything else; the one-line hint says what to type instead.
    case invalid(hint: String)

    /// Reads one line: a letter in either case or a number (numbers only for
    /// `.numbers`), spaces around it fine, `?`, or `q`.
    public static func interpret(_ line: String, optionCount: Int,
                                 shortcuts: ChoicePicker.Shortcuts = .lettersAndNumbers) -> LearnerInput {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let keys = shortcuts == .numbers ? (optionCount == 1 ? "1" : "1-\(optionCount)") : Letters.range(count: optionCount)
        let what = shortcuts == .numbers ? "a number" : "a letter"
        if text.isEmpty {
            return .invalid(hint: "Type \(what) (\(keys)) and press Enter; ? for help, q to quit.")
        }
        if text == "?" || text.lowercased() == "help" { return .help }
        if let number = Int(text), text.allSatisfy(\.isASCII) {
            if (1...max(optionCount, 1)).contains(number) { return .answer(number - 1) }
            return .invalid(hint: "\(text.prefix(20)) is not an option here: type \(what) \(keys); ? for help, q to quit.")
        }
        if shortcuts == .lettersAndNumbers, let index = Letters.index(of: Substring(text)) {
            if index < optionCount { return .answer(index) }
            if text.lowercased() == "q" { return .quit }
            return .invalid(hint: "\(text.uppercased()) is not an option here: type \(what) \(keys); ? for help, q to quit.")
        }
        if text.lowercased() == "q" || text.lowercased() == "quit" { return .quit }
        return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type \(what) \(keys); ? for help, q to quit.")
    }
}
