import Foundation

/// What a line typed at the quiz prompt means.
public enum LearnerInput: Equatable, Sendable {
    /// An option, by its shown index (0 for A).
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

    /// Reads one line: a letter in either case with spaces around it fine, `?`, or `q`. A
    /// multiple-answer question takes several letters (`A+C`, `A,C`, `A C` or `AC`); a
    /// self-check item takes an empty line.
    public static func interpret(_ line: String, optionCount: Int, multiple: Bool = false, selfCheck: Bool = false) -> LearnerInput {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if selfCheck {
            if text.isEmpty { return .reveal }
            if text == "?" || text.lowercased() == "help" { return .help }
            if text.lowercased() == "q" || text.lowercased() == "quit" { return .quit }
            return .invalid(hint: "This question is for you to think about: press Enter to see the answer; ? for help, q to quit.")
        }
        let letters = Letters.range(count: optionCount)
        if text.isEmpty {
            return .invalid(hint: multiple
                ? "Type the letters of every right option (e.g. A+C) and press Enter; ? for help, q to quit."
                : "Type a letter (\(letters)) and press Enter; ? for help, q to quit.")
        }
        if text == "?" || text.lowercased() == "help" { return .help }
        if let index = Letters.index(of: Substring(text)) {
            if index < optionCount { return multiple ? .answers([index]) : .answer(index) }
            if text.lowercased() == "q" { return .quit }
            return .invalid(hint: "\(text.uppercased()) is not an option here: type a letter \(letters); ? for help, q to quit.")
        }
        if text.lowercased() == "quit" { return .quit }
        if multiple {
            var chosen: Set<Int> = []
            for character in text where !"+, ".contains(character) {
                guard let index = Letters.index(of: Substring(String(character))), index < optionCount else {
                    return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type letters \(letters), e.g. A+C; ? for help, q to quit.")
                }
                chosen.insert(index)
            }
            if !chosen.isEmpty { return .answers(chosen) }
        }
        return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type one letter \(letters); ? for help, q to quit.")
    }
}
