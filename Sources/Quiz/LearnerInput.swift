import Foundation

/// What a line typed at the quiz prompt means.
public enum LearnerInput: Equatable, Sendable {
    /// An option, by its shown index (0 for A).
    case answer(Int)
    /// `?`: show the help.
    case help
    /// `q`: quit (after a confirmation).
    case quit
    /// Anything else; the one-line hint says what to type instead.
    case invalid(hint: String)

    /// Reads one line: a letter in either case with spaces around it fine, `?`, or `q`.
    public static func interpret(_ line: String, optionCount: Int) -> LearnerInput {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let letters = Letters.range(count: optionCount)
        if text.isEmpty {
            return .invalid(hint: "Type a letter (\(letters)) and press Enter; ? for help, q to quit.")
        }
        if text == "?" || text.lowercased() == "help" { return .help }
        if let index = Letters.index(of: Substring(text)) {
            if index < optionCount { return .answer(index) }
            if text.lowercased() == "q" { return .quit }
            return .invalid(hint: "\(text.uppercased()) is not an option here: type a letter \(letters); ? for help, q to quit.")
        }
        if text.lowercased() == "quit" { return .quit }
        return .invalid(hint: "\"\(text.prefix(20))\" is not an answer: type one letter \(letters); ? for help, q to quit.")
    }
}
