import Course
import Foundation
import Quiz
import QuizTerminal

/// The two-question quiz beside these tests, and helpers to run it.
enum TerminalFixtures {
    static let quizPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/two-questions.md").path

    static var plan: QuizPlan {
        guard case .success(let selected) = QuizSelection.select(reference: quizPath, course: nil) else {
            fatalError("fixture quiz did not load")
        }
        return QuizPlan(quiz: selected.quiz)
    }

    /// Runs the interactive quiz on typed lines; returns the attempt and the screen.
    static func interactive(_ events: [LineEvent], feedback: FeedbackMode = .end) -> (Attempt, String) {
        var attempt = Attempt(plan: plan)
        var source = ScriptedLineSource(events)
        let output = CapturedOutput()
        InteractiveQuiz(screen: QuizScreen(color: false, width: 80), feedback: feedback)
            .run(&attempt, title: "Tiny quiz", input: &source, output: output)
        return (attempt, output.standard)
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lectern-quiz-terminal-\(UUID().uuidString)")
    }
}
