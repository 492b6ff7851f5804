import Foundation
import Quiz
import Testing
@testable import QuizTerminal

/// The conversation on a quiz with a multiple-answer question and a self-check item
/// (Fixtures/mixed.md: one answer, three of five, a self-check item, two of four).
@Suite("Interactive quiz with multiple answers and a self-check item")
struct MixedQuizConversationTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mixed.md").path

    static func run(_ events: [LineEvent], feedback: FeedbackMode = .end) throws -> (Attempt, String) {
        guard case .success(let selected) = QuizSelection.select(reference: path, course: nil) else {
            Issue.record("mixed.md did not load")
            throw CancellationError()
        }
        var attempt = Attempt(plan: QuizPlan(quiz: selected.quiz))
        var reader = LineChoiceReader(source: ScriptedLineSource(events))
        let output = CapturedOutput()
        InteractiveQuiz(screen: QuizScreen(color: false, width: 80), feedback: feedback)
            .run(&attempt, title: "Mixed", reader: &reader, output: output)
        return (attempt, output.standard)
    }

    @Test("several letters answer a multiple-answer question, Enter reveals the self-check item")
    func completes() throws {
        let (attempt, screen) = try Self.run([.line("a"), .line("A+C+D"), .line(""), .line("c,a")])
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.score == 3)
        #expect(screen.contains("Question 3 is a self-check item: not scored"))
        #expect(screen.contains("Your answers (A-E, e.g. A+C): "))
        #expect(screen.contains("Choose every right answer."))
        #expect(screen.contains("Press Enter to see the answer: "))
        #expect(screen.contains("Answer:\n    A gauge holds only the latest value"))
        #expect(screen.contains("Answer recorded: A+C+D."))
    }

    @Test("a letter typed at a self-check item asks for Enter instead")
    func selfCheckHint() throws {
        let (attempt, screen) = try Self.run([.line("a"), .line("ACD"), .line("b"), .line(""), .line("AC")])
        #expect(attempt.state == .ended(.completed))
        #expect(screen.contains("This question is for you to think about: press Enter to see the answer"))
    }

    @Test("immediate feedback names every right option of a multiple-answer question")
    func immediate() throws {
        let (_, screen) = try Self.run([.line("a"), .line("a+c"), .line(""), .line("ac")], feedback: .immediate)
        #expect(screen.contains("The answers are A) Metrics"))
        #expect(screen.contains("C) Logs"))
        #expect(screen.contains("D) Traces"))
    }
}
