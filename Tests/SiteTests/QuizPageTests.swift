import Foundation
import TestSupport
import Testing
@testable import Site

/// The quiz page is a keyboard-operable form that shows no answer before submitting.
@Suite struct QuizPageTests {
    let folder = TemporaryFolder()
    let site: BuiltSite

    init() {
        site = BuiltSite(course: Fixture.course, into: folder)
    }

    var page: String { site.text("01-basics/quiz.html") }

    @Test func eachQuestionIsAFieldsetOfLabelledRadios() {
        #expect(page.components(separatedBy: "<fieldset>").count - 1 == 2)
        #expect(page.contains(#"<legend><span class="question-number">Question 1</span>: Breakers</legend>"#))
        #expect(page.contains(#"<input type="radio" name="q1" id="q1-a" value="0">"#))
        #expect(page.contains(#"<label for="q1-a"><span class="letter">A)</span>"#))
    }

    @Test func neitherMarksNorExplanationsAppearBeforeSubmitting() {
        #expect(!page.contains("✅"))
        #expect(!page.contains("Fails fast without calling ✅"))
        #expect(!page.contains("protects the dependency"))
        #expect(!page.contains("Expert level"))
        #expect(!page.contains("is-correct"))
    }

    @Test func theMaskedPayloadHoldsTheKeyExplanationsAndBands() throws {
        let pattern = try #require(page.range(of: #"data-quiz="[^"]*""#, options: .regularExpression))
        let encoded = String(page[pattern].dropFirst(11).dropLast())
        let json = try #require(QuizPayload.decode(encoded))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.map { $0["correct"] as? [Int] } == [[1], [0]])
        #expect(questions.map { $0["multiple"] as? Bool } == [false, false])
        #expect(object["scoring"] as? String == "all-or-nothing")
        #expect((questions[0]["explanation"] as? String)?.contains("protects the dependency") == true)
        let bands = try #require(object["bands"] as? [[String: Any]])
        #expect(bands.map { $0["label"] as? String } == ["Expert level", "Learning", "Beginner"])
    }

    @Test func theLessonLinksToTheQuizAndExercise() {
        let lesson = site.text("01-basics/lesson.html")
        #expect(lesson.contains(#"<a href="quiz.html">Take the session quiz</a>"#))
        #expect(lesson.contains(#"<a href="../exercises/greeter/index.html">greeter exercise</a>"#))
    }
}
