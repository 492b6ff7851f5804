@testable import Course
import Foundation
import Testing
import TestSupport

/// Lessons whose quiz keys live on a solutions page, drifted as real courses drift:
/// reordered options, reworded prompts, five of ten questions, a page for another lesson,
/// options reworded, a question with no counterpart, two marks, a self-check item, a
/// solutions page that takes its own key from another.
/// `expected.txt` beside each holds the `lectern check` report ([ROOT] for the fixture).
/// `RECORD_SNAPSHOTS=1` rewrites the expectations (see `Snapshot`).
@Suite struct PairingGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pairing")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func load(_ fixture: String) -> (Course?, [Diagnostic], URL) {
        let root = fixtures.appendingPathComponent(fixture)
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(root.path, diagnostics: &diagnostics)
        return (course, diagnostics, root)
    }

    @Test(arguments: cases)
    func checkReportMatchesExpectation(fixture: String) throws {
        let (course, diagnostics, root) = Self.load(fixture)
        let report = CheckReport(course: course, diagnostics: diagnostics).text
            .replacingOccurrences(of: root.path, with: "[ROOT]")
        let expectedURL = root.appendingPathComponent("expected.txt")
        Snapshot.expect(report, matches: expectedURL)
    }

    @Test func reorderedOptionsTakeTheKeyInTheLessonsOwnLetters() throws {
        let (course, _, _) = Self.load("reordered-options")
        let quiz = try #require(course?.sessions.first?.quiz)
        // The seed keys D, D, A, A, C, C, D, B, A, C; the lesson lists every question's options backwards.
        #expect(quiz.answerKey == ["A", "A", "D", "D", "B", "B", "A", "C", "D", "B"])
        #expect(quiz.questions[0].correctOption?.text == "Production servers require observability, scalability, and reliability")
        #expect(quiz.solutionsPage == "Session4_Test_Solutions.md")
    }

    /// Pairing runs on every core only when no page it keys is another's solutions page; here
    /// one is, and the lesson (paired after it, by name) must read it keyed.
    @Test func aSolutionsPageKeyedFromAnotherKeysTheLessonThatLinksIt() throws {
        let (course, _, _) = Self.load("chained-solutions")
        let quiz = try #require(course?.sessions.first { $0.id == "Z_Review_Lesson" }?.quiz)
        #expect(quiz.answerKey == ["C", "A"])
        #expect(quiz.solutionsPage == "B_Test_Solutions.md")
    }

    @Test func explanationsComeFromTheSolutionsPage() throws {
        let (course, _, _) = Self.load("reworded-prompt")
        let quiz = try #require(course?.sessions.first?.quiz)
        #expect(quiz.questions[2].explanationText.hasPrefix("Histogram metrics are ideal for tracking response times"))
        #expect(quiz.questions[2].keySource?.line == 33)
    }

    /// The solutions page letters question 1's options in the other order: its D (the right
    /// one) is the lesson's A, so an explanation citing "(D)" must show the lesson's letter.
    @Test func anExplanationFromTheSolutionsPageKnowsWhichOptionEachOfItsLettersIs() throws {
        let (course, _, _) = Self.load("reordered-options")
        let question = try #require(course?.sessions.first?.quiz?.questions.first)
        let letters = try #require(question.explanationLetters)
        #expect(letters == ["A": 3, "B": 2, "C": 1, "D": 0])
        #expect(question.options[letters["D"]!].isCorrect)
    }

    @Test func theSolutionsPageIsNoSessionOfItsOwn() throws {
        let (course, _, _) = Self.load("five-of-ten")
        #expect(course?.sessions.map(\.id) == ["Session4_Production_MCP_Deployment"])
        #expect(course?.pages.count == 2)
    }

    @Test func aLessonAskingFiveOfTenDoesNotBorrowTheTenQuestionBands() throws {
        let (course, _, _) = Self.load("five-of-ten")
        let quiz = try #require(course?.sessions.first?.quiz)
        #expect(quiz.answerKey == ["D", "D", "A", "A", "C"])
        #expect(quiz.scoringGuide == nil)
    }

    @Test func aSelfCheckItemRevealsItsDetailsAnswerOrTheSolutionsPagesExplanation() throws {
        let (course, _, _) = Self.load("self-check-details")
        let quiz = try #require(course?.sessions.first?.quiz)
        #expect(quiz.questions.map(\.isScored) == [true, true, false, false])
        #expect(quiz.questions[2].answer.map { $0.plainText() }.joined().hasPrefix("A gauge holds only the latest value"))
        #expect(quiz.questions[3].revealed.map { $0.plainText() }.joined().hasPrefix("Health checks should verify all critical dependencies"))
    }

    @Test func pairingProblemsCarryTheSolutionsPagesPositionInJSON() throws {
        let (course, diagnostics, _) = Self.load("options-differ")
        let json = CheckReport(course: course, diagnostics: diagnostics).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        let unkeyed = try #require(entries.first { ($0["code"] as? String) == "unkeyed" })
        #expect(unkeyed["line"] as? Int == 43)
        let related = try #require((unkeyed["related"] as? [[String: Any]])?.first)
        #expect((related["path"] as? String)?.hasSuffix("options-differ/Session4_Test_Solutions.md") == true)
        #expect(related["line"] as? Int == 72)
    }
}

/// How options are matched between a lesson and its solutions page.
@Suite struct OptionTextMatchingTests {
    @Test(arguments: [
        ("Redis distributed caching, with TTL!", "redis  distributed caching with ttl"),
        ("“Open” state", "\"open\" state"),
        ("Blue-green deployment", "blue green deployment"),
    ])
    func textsMatchIgnoringCaseSpacingAndPunctuation(lesson: String, solutions: String) {
        #expect(KeyPairing.normalized(lesson) == KeyPairing.normalized(solutions))
    }

    @Test func differentWordsDoNotMatch() {
        #expect(KeyPairing.normalized("Redis caching") != KeyPairing.normalized("Redis distributed caching"))
    }

    /// The byte path for ASCII agrees with the plain rule on random ASCII texts of letters,
    /// digits, punctuation, spaces and line breaks.
    @Test func asciiPathAgreesWithThePlainRule() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZq09 -_.,!?\t\r\n()[]`*'\"/Bx")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(KeyPairing.asciiNormalized(text) == KeyPairing.plainNormalized(text), "\(text.debugDescription)")
        }
    }

    @Test func textBeyondASCIITakesThePlainRule() {
        #expect(KeyPairing.asciiNormalized("Café au lait") == nil)
        #expect(KeyPairing.normalized("Café  AU lait!") == "café au lait")
    }
}
