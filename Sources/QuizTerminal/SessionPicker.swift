import Markdown
import Progress
import Quiz

/// `lectern quiz` with no session, at a terminal, on a course of several: the sessions with
/// a quiz, each with the learner's best score and band on its current version, picked by
/// number or with the arrows and Enter.
enum SessionPicker {
    enum Outcome: Equatable {
        case chosen(SessionChoice)
        case quit
        case endOfInput
        case stopped(StopReason)
    }

    static func pick<Reader: ChoiceReader>(_ sessions: [SessionChoice], attempts: [AttemptRecord], screen: QuizScreen,
                                           reader: inout Reader, output: any TextOutput) -> Outcome {
        let list = ChoiceList(
            labels: sessions.indices.map { String($0 + 1) },
            contents: sessions.map { [MarkdownNode(.text, literal: "\($0.title) — \(standing(of: $0, in: attempts))")] },
            shortcuts: .numbers,
            prompt: "Session (\(sessions.count == 1 ? "1" : "1-\(sessions.count)")): ")
        let heading = screen.sessionHeading(count: sessions.count, input: reader.input)
        output.write(heading)
        while true {
            switch reader.choose(list, screen: screen, output: output) {
            case .chosen(let index): return .chosen(sessions[index])
            case .chosenSeveral, .reveal: continue  // a list of sessions is a single choice
            case .help: output.write(screen.sessionHelp(count: sessions.count, input: reader.input))
            case .quit: return .quit
            case .resumed: output.write(heading)
            case .endOfInput: return .endOfInput
            case .stopped(let reason): return .stopped(reason)
            }
        }
    }

    /// "best 8/10 (80%) Proficient", "not finished yet" or "not taken yet", counting only
    /// attempts on the session's current version of the quiz.
    static func standing(of session: SessionChoice, in attempts: [AttemptRecord]) -> String {
        let current = attempts.filter { $0.sessionID == session.id && $0.contentHash == session.contentHash }
        let complete = current.filter(\.isComplete)
        if let best = complete.max(by: { $0.score < $1.score }) {
            let percent = best.total == 0 ? 0 : Int((Double(best.score) * 100 / Double(best.total)).rounded())
            return "best \(best.score)/\(best.total) (\(percent)%)" + (best.bandLabel.map { " \($0)" } ?? "")
        }
        return current.isEmpty ? "not taken yet" : "not finished yet"
    }
}

extension QuizScreen {
    func sessionHeading(count: Int, input: InputStyle) -> String {
        let how: String
        switch input {
        case .lines: how = "Type its number and press Enter; q to leave."
        case .keys: how = "Press its number, or move with ↑/↓ and press Enter; q to leave."
        }
        return "\n" + wrapPlain("Choose a session (\(count) have a quiz). \(how)").map(style.bold).joined(separator: "\n") + "\n\n"
    }

    func sessionHelp(count: Int, input: InputStyle) -> String {
        let numbers = count == 1 ? "1" : "1-\(count)"
        var text = "\n" + style.bold("How to choose") + "\n"
        let entries: [(String, String)] = input == .lines
            ? [(numbers, "take that session's quiz, after Enter"), ("q", "leave without taking a quiz")]
            : [(numbers, "take that session's quiz"), ("↑ ↓", "move the highlight; Enter takes the highlighted session"),
               ("q, Esc", "leave without taking a quiz")]
        for (key, meaning) in entries {
            let prefix = "  " + key.padding(8)
            text += renderer.renderInline([MarkdownNode(.text, literal: meaning)], firstPrefix: prefix,
                                          indent: String(repeating: " ", count: prefix.count)) + "\n"
        }
        return text
    }
}
