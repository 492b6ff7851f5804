import Testing
@testable import Support

@Suite struct TerminalStyleTests {
    @Test("with colour off, text comes back untouched")
    func colourOff() {
        let style = TerminalStyle(color: false)
        #expect(style.paint("ok", [.bold, .green]) == "ok")
        #expect(style.reset == "")
    }

    @Test("attributes are one SGR sequence in the order given, then a reset")
    func oneSequence() {
        #expect(TerminalStyle(color: true).paint("ok", [.bold, .green]) == "\u{1B}[1;32mok\u{1B}[0m")
        #expect(TerminalStyle(color: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }

    @Test("empty text and no attributes write no escape codes")
    func nothingToPaint() {
        let style = TerminalStyle(color: true)
        #expect(style.paint("", [.bold]) == "")
        #expect(style.paint("text", []) == "text")
    }
}
