import Foundation
import Testing
@testable import Quiz

@Suite("Scoring and bands")
struct ScoringTests {
    struct BandCase: Sendable, CustomTestStringConvertible {
        var correct: Int
        var label: String
        var testDescription: String { "\(correct) correct → \(label)" }
    }

    static let seedBands: [BandCase] = [
        .init(correct: 10, label: "Expert level"),
        .init(correct: 9, label: "Proficient"),
        .init(correct: 8, label: "Proficient"),
        .init(correct: 7, label: "Competent"),
        .init(correct: 6, label: "Competent"),
        .init(correct: 5, label: "Developing"),
        .init(correct: 4, label: "Developing"),
        .init(correct: 3, label: "Beginner"),
        .init(correct: 0, label: "Beginner"),
    ]

    func result(_ attempt: Attempt) -> QuizResult {
        QuizResult(attempt: attempt, sessionID: "seed", sessionTitle: "Seed",
                   startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 60))
    }

    @Test("every boundary of the seed's scoring guide gives its band", arguments: seedBands)
    func seedBandBoundaries(_ band: BandCase) {
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: QuizFixtures.seed), correct: band.correct))
        #expect(outcome.score == band.correct)
        #expect(outcome.band?.label == band.label)
    }

    @Test("the band carries the content's advice and range text")
    func bandAdvice() {
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: QuizFixtures.seed), correct: 8))
        #expect(outcome.band == QuizResult.BandInfo(
            label: "Proficient", advice: "Strong understanding of production operations", range: "8-9 correct"))
    }

    @Test("score, total and percentage of a complete attempt")
    func percentage() {
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: QuizFixtures.seed), correct: 7))
        #expect(outcome.score == 7)
        #expect(outcome.total == 10)
        #expect(outcome.percentage == 70)
        #expect(outcome.isComplete)
        #expect(outcome.status == .completed)
    }

    @Test("percentage rounds to one decimal")
    func percentageRounding() {
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: QuizFixtures.twoQuestions), correct: 1))
        #expect(outcome.percentage == 50)
        var quiz = QuizFixtures.seed
        quiz.questions = Array(quiz.questions.prefix(3))
        quiz.scoringGuide = nil
        #expect(result(QuizFixtures.attempt(QuizPlan(quiz: quiz), correct: 1)).percentage == 33.3)
    }

    @Test("an incomplete attempt has no band and lists unanswered questions as nil")
    func incompleteHasNoBand() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: QuizFixtures.seed))
        try attempt.answer(shownIndex: 3)
        attempt.end(.interrupted)
        let outcome = result(attempt)
        #expect(outcome.band == nil)
        #expect(outcome.isComplete == false)
        #expect(outcome.status == .interrupted)
        #expect(outcome.answered == 1)
        #expect(outcome.score == 1)
        #expect(outcome.answers[0].isCorrect == true)
        #expect(outcome.answers[1].chosen == nil)
        #expect(outcome.answers[1].isCorrect == nil)
    }

    @Test("a quiz without a scoring guide scores without a band")
    func noGuide() {
        var quiz = QuizFixtures.twoQuestions
        quiz.scoringGuide = nil
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: quiz), correct: 2))
        #expect(outcome.score == 2)
        #expect(outcome.band == nil)
    }

    @Test("an incomplete result's JSON writes its band and unanswered choices as null")
    func jsonNulls() throws {
        var attempt = Attempt(plan: QuizPlan(quiz: QuizFixtures.twoQuestions))
        try attempt.answer(shownIndex: 1)
        attempt.end(.quit)
        let data = try JSONEncoder().encode(result(attempt))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["band"] is NSNull)
        #expect(json["shuffleSeed"] is NSNull)
        let answers = try #require(json["answers"] as? [[String: Any]])
        #expect(answers[1]["chosen"] is NSNull)
        #expect(answers[1]["isCorrect"] is NSNull)
    }

    @Test("the result JSON names status as the content does and round-trips")
    func jsonRoundTrip() throws {
        let outcome = result(QuizFixtures.attempt(QuizPlan(quiz: QuizFixtures.twoQuestions), correct: 2))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(outcome)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(QuizResult.self, from: data) == outcome)
        #expect(String(decoding: data, as: UTF8.self).contains(#""status":"completed""#))
    }
}
