import Course
import Foundation
import Quiz
import QuizTerminal

/// The two-question quiz beside these tests, and helpers to run it.
enum TerminalFixtures {
    static let quizPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/two-questions.md").path

    /// One answer, three of five, a self-check item, two of four (the real-course shapes).
    static let mixedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mixed.md").path

    /// A course of two sessions (the end-to-end tests' fixture).
    static let twoSessionsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/QuizFixtures/two-sessions").path

    static var plan: QuizPlan { plan(of: quizPath) }

    static func plan(of path: String) -> QuizPlan {
        guard case .success(let selected) = QuizSelection.select(reference: path, course: nil) else {
            fatalError("fixture quiz \(path) did not load")
        }
        return QuizPlan(quiz: selected.quiz)
    }

    /// Runs the interactive quiz on typed lines; returns the attempt and the screen.
    static func interactive(_ events: [LineEvent], feedback: FeedbackMode = .end) -> (Attempt, String) {
        var attempt = Attempt(plan: plan)
        var reader = LineChoiceReader(source: ScriptedLineSource(events))
        let output = CapturedOutput()
        InteractiveQuiz(screen: QuizScreen(color: false, width: 80), feedback: feedback)
            .run(&attempt, title: "Tiny quiz", reader: &reader, output: output)
        return (attempt, output.standard)
    }

    /// Runs the interactive quiz on keys, typed as a terminal sends them ("\u{1B}[B" is ↓,
    /// "\r" Enter); a clock that moves `step` seconds at each reading. Returns the attempt,
    /// the screen and why it stopped.
    static func keys(_ typed: String, quiz: String = quizPath, confirm: Bool = false, plain: Bool = false, color: Bool = false,
                     unicode: Bool = true, feedback: FeedbackMode = .end, step: Double = 0) -> (Attempt, String, StopReason?) {
        keys(ScriptedKeySource(typing: typed), quiz: quiz, confirm: confirm, plain: plain, color: color, unicode: unicode,
             feedback: feedback, step: step)
    }

    static func keys(_ source: ScriptedKeySource, quiz: String = quizPath, confirm: Bool = false, plain: Bool = false,
                     color: Bool = false, unicode: Bool = true, feedback: FeedbackMode = .end,
                     step: Double = 0) -> (Attempt, String, StopReason?) {
        var attempt = Attempt(plan: plan(of: quiz))
        var reader = KeyChoiceReader(source: source, confirm: confirm, currentWidth: { 80 })
        let output = CapturedOutput()
        let clock = TickingClock(step: step)
        let stop = InteractiveQuiz(screen: QuizScreen(color: color, width: 80, plain: plain, unicode: unicode),
                                   feedback: feedback, now: clock.read)
            .run(&attempt, title: "Tiny quiz", reader: &reader, output: output)
        return (attempt, output.standard, stop)
    }

    /// A monotonic clock for tests: each reading is `step` seconds after the one before.
    final class TickingClock: @unchecked Sendable {
        private var now = 100.0
        private let step: Double
        init(step: Double) { self.step = step }
        func read() -> Double {
            defer { now += step }
            return now
        }
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lectern-quiz-terminal-\(UUID().uuidString)")
    }
}
