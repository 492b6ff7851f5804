import Markdown
import Testing

/// `HTMLEscaping.escape`, which every text node of a rendered course goes through, held to
/// the rule written plainly: each mark replaced by its entity, every other character kept.
@Suite struct HTMLEscapingTests {
    static func plainEscape(_ text: String, apostrophes: Bool) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophes: out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test(arguments: ["", "plain", "a < b && c > d", "\"quoted\" and 'single'", "é<ü>€", "NUL\u{0}<after", "\u{0}", "short<", String(repeating: "long text ", count: 50) + "&"])
    func escapesEachMarkAndKeepsTheRest(text: String) {
        #expect(HTMLEscaping.escape(text) == Self.plainEscape(text, apostrophes: false))
        #expect(HTMLEscaping.escape(text, apostrophes: true) == Self.plainEscape(text, apostrophes: true))
    }

    /// Random texts over the marks, NUL, ASCII and multi-byte characters, short (stored in
    /// the string itself) and long.
    @Test func matchesThePlainRuleOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["&", "<", ">", "\"", "'", "\u{0}", "a", " ", "é", "→", "😀"]
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(HTMLEscaping.escape(text) == Self.plainEscape(text, apostrophes: false))
            #expect(HTMLEscaping.escape(text, apostrophes: true) == Self.plainEscape(text, apostrophes: true))
        }
    }
}
