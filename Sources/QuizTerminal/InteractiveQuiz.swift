import Foundation
import Quiz

/// The quiz as a conversation at the terminal: the progress line and a question, its
/// options, an answer by key or by line. A bad key or line gets a hint and loses nothing;
/// `?` shows help; `q` asks first; Ctrl-C, SIGTERM, SIGHUP and the end of input end the
/// attempt early, keeping every answer given. Each answer is timed.
public struct InteractiveQuiz {
    public let screen: QuizScreen
    public let feedback: FeedbackMode
    /// The terminal's width now; read before each question, so a resized window is followed.
    public let currentWidth: () -> Int
    /// Seconds on a monotonic clock, to time each question.
    public let now: () -> Double

    public init(screen: QuizScreen, feedback: FeedbackMode, currentWidth: (() -> Int)? = nil,
                now: @escaping () -> Double = MonotonicClock.seconds) {
        self.screen = screen
        self.feedback = feedback
        self.currentWidth = currentWidth ?? { [width = screen.width] in width }
        self.now = now
    }

    /// Runs the attempt until it ends; the caller prints the result. `intro` follows the
    /// header (an attempt taken up again says so). Returns why it stopped when a signal or
    /// the terminal's hangup ended it.
    @discardableResult
    public func run<Reader: ChoiceReader>(_ attempt: inout Attempt, title: String, intro: String? = nil,
                                          reader: inout Reader, output: any TextOutput) -> StopReason? {
        let total = attempt.plan.questions.count
        let first = screen.resized(to: currentWidth())
        output.write(first.header(title: title, questionCount: total, feedback: feedback, seed: attempt.plan.seed,
                                  input: reader.input)
            + first.unscoredNote(attempt.plan))
        if let intro { output.write(first.note(intro)) }
        while let question = attempt.current, let position = attempt.currentPosition {
            let screen = self.screen.resized(to: currentWidth())
            DebugFault.crashIfRequested(renderingQuestion: position)
            let asking = screen.asking(question, position: position, total: total, answered: attempt.settledCount,
                                       input: reader.input)
            output.write(asking)
            let shownAt = now()
            switch ask(question, asking: asking, screen: screen, reader: &reader, output: output) {
            case .answer(let shown):
                guard let outcome = try? attempt.answer(shownIndices: shown, seconds: max(0, now() - shownAt)) else { continue }
                output.write(feedback == .immediate
                    ? screen.immediate(question, outcome: outcome)
                    : screen.recorded(question, shownIndices: shown))
            case .reveal:
                guard (try? attempt.reveal(seconds: max(0, now() - shownAt))) != nil else { continue }
                output.write(screen.revealed(question.question))
            case .ended(let ending, let reason):
                attempt.end(ending)
                return reason
            }
        }
        return nil
    }

    private enum Asked {
        case answer(Set<Int>)
        case reveal
        case ended(Attempt.Ending, StopReason?)
    }

    private func ask<Reader: ChoiceReader>(_ question: PresentedQuestion, asking: String, screen: QuizScreen,
                                           reader: inout Reader, output: any TextOutput) -> Asked {
        let list = ChoiceList(question: question, input: reader.input)
        while true {
            switch reader.choose(list, screen: screen, output: output) {
            case .chosen(let index):
                return .answer([index])
            case .chosenSeveral(let indices):
                return .answer(indices)
            case .reveal:
                return .reveal
            case .help:
                output.write(screen.help(list, input: reader.input))
            case .quit:
                switch reader.confirm(screen.quitConfirmation, output: output) {
                case .yes: return .ended(.quit, nil)
                case .no: output.write(screen.quitCancelled)
                case .endOfInput: return .ended(.endOfInput, nil)
                case .stopped(let reason): return .ended(.interrupted, reason)
                }
            case .resumed:
                output.write(asking)
            case .endOfInput:
                return .ended(.endOfInput, nil)
            case .stopped(let reason):
                return .ended(.interrupted, reason)
            }
        }
    }
}

/// Seconds on the system's monotonic clock, which no clock change moves.
public enum MonotonicClock {
    @Sendable public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
