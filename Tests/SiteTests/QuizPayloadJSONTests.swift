import Course
import Foundation
import Markdown
import TestSupport
import Testing
@testable import Site

/// The quiz key's JSON is written directly; `JSONEncoder` (sorted keys, slashes unescaped)
/// is the reference it is held to.
@Suite struct QuizPayloadJSONTests {
    static func payloads() throws -> [QuizPayload] {
        var diagnostics: [Diagnostic] = []
        var payloads: [QuizPayload] = []
        for course in ["Tests/SiteTests/Fixtures/quiz-forms", "Tests/SiteTests/Fixtures/mkdocs", "content"] {
            let loaded = try #require(CourseLoader.load(Fixture.repository.appendingPathComponent(course).path, diagnostics: &diagnostics))
            payloads += loaded.sessions.compactMap(\.quiz).map { QuizPayload($0, renderer: HTMLRenderer()) }
        }
        return payloads
    }

    /// On the quizzes of real courses the bytes are the encoder's.
    @Test func theJSONIsTheEncodersOnTheCoursesQuizzes() throws {
        let payloads = try Self.payloads()
        #expect(payloads.count >= 6)
        for payload in payloads {
            #expect(payload.json == payload.encodedJSON)
        }
    }

    /// Property: with texts of every awkward character (quotes, backslashes, slashes, control
    /// characters, line separators, emoji), the JSON parses to the encoder's value.
    @Test func theJSONMeansWhatTheEncodersMeansOnRandomTexts() throws {
        let pieces = ["\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{2028}", "é", "😀", "<b>", "a", " "]
        var generator = SeededGenerator(seed: 0xBEEF)
        func text() -> String { generator.text(of: pieces, upTo: 7) }
        for var payload in try Self.payloads() {
            for _ in 0..<50 {
                payload.scoring = text()
                payload.bands = payload.bands.map { QuizPayload.Range(low: $0.low, high: $0.high, label: text(), advice: text(), range: text()) }
                payload.questions = payload.questions.map { key in
                    key.map { QuizPayload.Key(correct: $0.correct, multiple: $0.multiple, explanation: text(), feedback: $0.feedback.map { _ in text() }) }
                }
                let direct = try JSONSerialization.jsonObject(with: Data(payload.json.utf8)) as? NSDictionary
                let encoded = try JSONSerialization.jsonObject(with: Data(payload.encodedJSON.utf8)) as? NSDictionary
                #expect(direct != nil && direct == encoded, "\(payload.json)")
            }
        }
    }
}
