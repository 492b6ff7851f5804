import Course
import Foundation
import Quiz

/// Quizzes loaded from `Fixtures/` beside these tests, through the real course loader.
enum QuizFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The seed page itself: ten questions and the five-band guide.
    static var seed: Quiz { load("seed.txt") }
    /// Two questions (three and four options) and a three-band guide.
    static var twoQuestions: Quiz { load("two-questions.md") }

    static func load(_ name: String) -> Quiz {
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(folder.appendingPathComponent(name).path, diagnostics: &diagnostics)
        guard let quiz = course?.sessions.first?.quiz else {
            fatalError("fixture \(name) has no quiz: \(diagnostics)")
        }
        return quiz
    }

    /// A completed attempt with the first `correct` presented questions right and the rest wrong.
    static func attempt(_ plan: QuizPlan, correct: Int) -> Attempt {
        var attempt = Attempt(plan: plan)
        for (index, question) in plan.questions.enumerated() {
            let right = question.correctShownIndex!
            let wrong = (right + 1) % question.optionCount
            _ = try? attempt.answer(shownIndex: index < correct ? right : wrong)
        }
        return attempt
    }
}
