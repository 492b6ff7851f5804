import Foundation
import Quiz

/// The quiz as a conversation at the terminal: a question, a prompt, a line typed back.
/// A bad line re-prompts with a hint and loses nothing; `?` shows help; `q` asks first;
/// Ctrl-C and the end of input end the attempt early, keeping every answer given.
public struct InteractiveQuiz {
    public let screen: QuizScreen
    public let feedback: FeedbackMode
    /// The terminal's width now; read before each question, so a resized window is followed.
    public let currentWidth: () -> Int

    public init(screen: QuizScreen, feedback: FeedbackMode, currentWidth: (() -> Int)? = nil) {
        self.screen = screen
        self.feedback = feedback
        self.currentWidth = currentWidth ?? { [width = screen.width] in width }
    }

    /// Runs the attempt until it ends; the caller prints the result.
    public func run<Source: LineSource>(_ attempt: inout Attempt, title: String, input: inout Source, output: any TextOutput) {
        let total = attempt.plan.questions.count
        output.write(screen.resized(to: currentWidth())
            .header(title: title, questionCount: total, feedback: feedback, seed: attempt.plan.seed)
            + screen.unscoredNote(attempt.plan))
        while let question = attempt.current, let position = attempt.currentPosition {
            let screen = self.screen.resized(to: currentWidth())
            output.write(screen.question(question, position: position, total: total))
            askUntilAnswered(&attempt, question: question, screen: screen, input: &input, output: output)
        }
    }

    private func askUntilAnswered<Source: LineSource>(
        _ attempt: inout Attempt, question: PresentedQuestion, screen: QuizScreen, input: inout Source, output: any TextOutput
    ) {
        while !attempt.isEnded {
            output.write(screen.prompt(for: question))
            switch input.nextLine() {
            case .interrupted:
                output.write("\n")
                attempt.end(.interrupted)
            case .endOfInput:
                output.write("\n")
                attempt.end(.endOfInput)
            case .line(let line):
                let meaning = LearnerInput.interpret(line, optionCount: question.optionCount,
                                                     multiple: question.isMultipleAnswer, selfCheck: question.isSelfCheck)
                switch meaning {
                case .answer, .answers:
                    let shown: Set<Int>
                    if case .answer(let one) = meaning { shown = [one] } else if case .answers(let many) = meaning { shown = many } else { continue }
                    guard let outcome = try? attempt.answer(shownIndices: shown) else { continue }
                    output.write(feedback == .immediate
                        ? screen.immediate(question, outcome: outcome)
                        : screen.recorded(question, shownIndices: shown))
                    return
                case .reveal:
                    guard (try? attempt.reveal()) != nil else { continue }
                    output.write(screen.revealed(question.question))
                    return
                case .help:
                    output.write(screen.help(optionCount: question.optionCount))
                case .invalid(let hint):
                    output.write(screen.hint(hint))
                case .quit:
                    confirmQuit(&attempt, screen: screen, input: &input, output: output)
                }
            }
        }
    }

    private func confirmQuit<Source: LineSource>(
        _ attempt: inout Attempt, screen: QuizScreen, input: inout Source, output: any TextOutput
    ) {
        output.write(screen.quitConfirmation)
        switch input.nextLine() {
        case .interrupted:
            output.write("\n")
            attempt.end(.interrupted)
        case .endOfInput:
            output.write("\n")
            attempt.end(.endOfInput)
        case .line(let answer):
            let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
            if word == "y" || word == "yes" {
                attempt.end(.quit)
            } else {
                output.write(screen.quitCancelled)
            }
        }
    }
}
