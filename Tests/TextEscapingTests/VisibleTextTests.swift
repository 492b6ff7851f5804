import Testing
import TextEscaping

@Suite("Text from outside lectern shows its control characters as escapes")
struct VisibleTextTests {
    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[H", "\\x1b[2J\\x1b[H"),
        ("\u{1B}]0;title\u{07}", "\\x1b]0;title\\x07"),
        ("\u{1B}]52;c;cHduZWQ=\u{1B}\\", "\\x1b]52;c;cHduZWQ=\\x1b\\"),
        ("a\u{0}b\u{7F}c", "a\\x00b\\x7fc"),
        ("\u{9B}2J", "\\x9b2J"),
        ("evil\u{202E}yp.exe", "evil\\u202eyp.exe"),
        ("one\u{2028}two", "one\\u2028two"),
    ])
    func controlCharactersBecomeVisibleEscapes(_ input: String, _ shown: String) {
        #expect(VisibleText.line(input) == shown)
        #expect(VisibleText.lines(input) == shown)
    }

    @Test func oneLineEscapesLineBreaksTabsAndCarriageReturns() {
        #expect(VisibleText.line("a\nTotal: 100/100\r\tb") == "a\\nTotal: 100/100\\r\\tb")
    }

    @Test func severalLinesKeepLineFeedsAndTabsButNotCarriageReturns() {
        #expect(VisibleText.lines("a\n\tb\rTotal: 100/100") == "a\n\tb\\rTotal: 100/100")
    }

    @Test func printableTextIsUnchanged() {
        let text = "Circuit breaker (python): 85.33/100 ✓ ✗ — naïve 日本語 \\x1b C:\\path 👩‍💻"
        #expect(VisibleText.line(text) == text)
        #expect(VisibleText.lines(text + "\nnext") == text + "\nnext")
    }
}
