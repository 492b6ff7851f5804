import Foundation

/// What a line typed at the quiz prompt means (a terminal that sends whole lines).
public enum LearnerInput: Equatable, Sendable {
    /// An item, by its shown index (0 for A, or for 1).
    case answer(Int)
    /// Several options of a multiple-answer question, by shown index.
    case answers(Set<Int>)
    /// Enter at a self-check item: show its answer.
    case reveal
    /// `?`: show the help.
    case help
    /// `q`: quit (after a confirmation).
    case quit
    /// Anything else; the one-line hint says what to type instead.
    case invalid(hint: String)

    /// Reads one line: a letter in either case or a number (numbers only for `.numbers`),
    /// spaces around it fine, `?`, or `q`. A multiple-answer question takes several options
    /// (`A+C`, `A,C`, `A C`, `AC` or `1+3`); a self-check item takes an empty line.
    public static func interpret(_ line: String, optionCount: Int,
                                 shortcuts: ChoicePicker.Shortcuts = .lettersAndNumbers,
                                 multiple: Bool = false, selfCheck: Bool = false) -> LearnerInput {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if selfCheck {
            if text.isEmpty { return .reveal }
            if text == "?" || text.lowercased() == "help" { return .help }
            if text.lowercased() == "q" || text.lowercased() == "quit" { return .quit }
            return .invalid(hint: "This question is for you to think about: press Enter to see the answer; ? for help, q to quit.")
        }
        let keys = shortcuts == .numbers ? (optionCount == 1 ? "1" : "1-\(optionCount)") : Letters.range(count: optionCount)
        let what = shortcuts == .numbers ? "a number" : "a letter"
        let one: (Int) -> LearnerInput = { multiple ? .answers([$0]) : .answer($0) }
        if text.isEmpty {
            return .invalid(hint: multiple
                ? "Type the letters of every right option (e.g. A+C) and press Enter; ? for help, q to quit."
                : "Type \(what) (\(keys)) and press Enter; ? for help, q to quit.")
        }
        if text == "?" || text.lowercased() == "help" { return .help }
        if let number = Int(text), text.allSatisfy(\.isASCII) {
            if (1...max(optionCount, 1)).contains(number) { return one(number - 1) }
            return .invalid(hint: "\(text.prefix(20)) is not an option here: type \(what) \(keys); ? for help, q to quit.")
        }
        if shortcuts == .lettersAndNumbers, let index = Letters.index(of: Substring(text)) {
            if index < optionCount { return one(index) }
            if text.lowercased() == "q" { return .quit }
            return .invalid(hint: "\(text.uppercased()) is not an option here: type \(what) \(keys); ? for help, q to quit.")
        }
        if text.lowercased() == "q" || text.lowercased() == "quit" { return .quit }
        if multiple, shortcuts == .lettersAndNumbers {
            guard let chosen = several(text, optionCount: optionCount) else {
                return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type letters \(keys), e.g. A+C; ? for help, q to quit.")
            }
            return .answers(chosen)
        }
        return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type \(what) \(keys); ? for help, q to quit.")
    }

    /// Several options: parts joined by `+`, `,` or spaces, each a number (`1+3`) or letters
    /// (`A+C`, or together, `AC`); nil when a part names no option here.
    static func several(_ text: String, optionCount: Int) -> Set<Int>? {
        var chosen: Set<Int> = []
        for part in text.split(whereSeparator: { "+, ".contains($0) }) {
            if part.allSatisfy(\.isASCII), let number = Int(part) {
                guard (1...max(optionCount, 1)).contains(number) else { return nil }
                chosen.insert(number - 1)
                continue
            }
            for character in part {
                guard let index = Letters.index(of: Substring(String(character))), index < optionCount else { return nil }
                chosen.insert(index)
            }
        }
        return chosen.isEmpty ? nil : chosen
    }
}
