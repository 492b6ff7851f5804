import Foundation
import Testing
import Support

/// JSON string literals for the search index and the quiz key, safe inside a script element.
@Suite struct JSONStringTests {
    private func literal(_ text: String) -> String {
        var out: [UInt8] = []
        JSONString.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(literal("say \"hi\"\\ \n\r\t\u{01}") == #""say \"hi\"\\ \n\r\t\u0001""#)
    }

    @Test func escapesMarkupCharactersSoTheTextCanSitInAScriptElement() {
        #expect(literal("</script><b>&") == #""\u003c/script\u003e\u003cb\u003e\u0026""#)
    }

    @Test func escapesLineAndParagraphSeparatorsButNoOtherText() {
        #expect(literal("a\u{2028}b\u{2029}c — é ✅") == "\"a\\u2028b\\u2029c — é ✅\"")
    }

    @Test func forReadingMarkupCharactersStayAsTheyAre() {
        #expect(JSONString.quoted("a<b & c>d \n", forScript: false) == #""a<b & c>d \n""#)
    }

    @Test func theLiteralParsesBackToTheText() throws {
        let text = "mixed \"quotes\", \\ back, \n lines, <tags> & \u{2028}, emoji ✅, 日本語"
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + literal(text) + "]").utf8)) as? [String]
        #expect(parsed == [text])
    }
}
