import Course
import Foundation
import Testing
@testable import Exchange
@testable import ExchangeImport

@Suite("GIFT")
struct GIFTTests {
    @Test("the special characters ~ = # { } : and the backslash are escaped; newlines become \\n")
    func escaping() {
        #expect(GIFTWriter.escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni")
    }

    @Test("escaped text reads back as written", arguments: ["{~=#:}", "C:\\path\\to", "x = {a: 1}", "# not a comment", "one\ntwo"])
    func escapeRoundTrip(text: String) {
        let gift = "::N::[plain]\(GIFTWriter.escape(text)){=\(GIFTWriter.escape(text)) ~other}"
        let result = GIFTReader.read(gift, path: "t.gift", defaultCategory: "c")
        let question = result.banks.first?.questions.first
        #expect(question?.text == .plain(text))
        #expect(question?.options.first?.text == .plain(text))
    }

    @Test("Moodle's constructs: names, missing word, feedback, true/false, categories, formats, weights")
    func constructs() throws {
        let text = try String(contentsOf: ExchangeFixtures.folder.appendingPathComponent("moodle-constructs.gift"), encoding: .utf8)
        let result = GIFTReader.read(text, path: "bank.gift", defaultCategory: "bank")
        #expect(result.banks.map(\.category) == ["Geography", "Arithmetic"])
        let geography = result.banks[0].questions
        #expect(geography.map(\.title) == ["Capital of France", nil, "Rivers", nil, nil])
        #expect(geography[1].text == .plain("The river that flows through Vienna is the _____."))
        #expect(geography[2].options.map(\.feedback) == [.plain("Close, but most measurements put it second."),
                                                          .plain("Yes, at about 6,650 km."), .plain("It is the longest in Asia.")])
        #expect(geography[2].generalFeedback == .plain("Lengths depend on where a river is said to start."))
        #expect(geography[3].options.map(\.text) == [.plain("True"), .plain("False")])
        #expect(geography[3].options.map(\.isCorrect) == [true, false])
        // {F#wrong#right}: the first feedback goes with the wrong answer (True), the second with the right one.
        #expect(geography[4].options.map(\.feedback) == [.plain("It is in the Himalayas."), .plain("Right: the Himalayas.")])
        let arithmetic = result.banks[1].questions
        #expect(arithmetic[0].options.map(\.fraction) == [0, 0, 100])
        #expect(arithmetic[1].text == .markdown("Which expression is **true**?"))
        #expect(arithmetic[1].options.map(\.text) == [.markdown("2 = 2"), .markdown("2 = 3")])
        #expect(arithmetic[2].options[0].text == .plain("A literal backslash then braces: \\{}"))
    }

    @Test("every kind Lectern does not hold is reported with its line, none silently dropped")
    func unsupportedKindsReported() throws {
        let text = try String(contentsOf: ExchangeFixtures.folder.appendingPathComponent("moodle-constructs.gift"), encoding: .utf8)
        let result = GIFTReader.read(text, path: "bank.gift", defaultCategory: "bank")
        let expected: [(Int, String)] = [
            (23, "a short-answer question"), (25, "a numerical question"), (27, "a matching question"),
            (29, "an essay question"), (31, "is a multiple-answer question"), (33, "answer 2 is worth 50%"),
            (39, "a description (text with no answers)"),
        ]
        #expect(result.diagnostics.count == expected.count)
        for (diagnostic, (line, phrase)) in zip(result.diagnostics, expected) {
            #expect(diagnostic.line == line && diagnostic.message.contains(phrase) && diagnostic.severity == .warning, "\(diagnostic)")
        }
        #expect(result.questionCount == 8)
    }

    @Test("a question with a missing brace is an error naming its line; the rest is read")
    func missingBrace() {
        let result = GIFTReader.read("Q1?{=a ~b}\n\nBroken? {=a ~b\n\nQ3?{~a =b}\n", path: "b.gift", defaultCategory: "c")
        #expect(result.questionCount == 2)
        #expect(result.diagnostics.map(\.description) == ["b.gift:3:1: error: a '{' or '}' is missing around the answers; the question is left out"])
    }

    @Test("CRLF line ends and a byte-order mark are read like plain newlines")
    func crlfAndBOM() {
        let result = GIFTReader.read("\u{FEFF}// c\r\n::A::Q?{=x ~y}\r\n\r\n::B::R?{~x =y}\r\n", path: "b.gift", defaultCategory: "c")
        #expect(result.banks.first?.questions.map(\.title) == ["A", "B"])
        #expect(result.diagnostics.isEmpty)
    }
}
