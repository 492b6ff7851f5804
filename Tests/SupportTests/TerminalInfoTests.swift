import Foundation
import Testing
@testable import Support

@Suite struct TerminalInfoTests {
    @Test("colour follows the terminal, --no-color and a non-empty NO_COLOR",
          arguments: [
            (false, [String: String](), true, true),
            (false, [:], false, false),
            (true, [:], true, false),
            (false, ["NO_COLOR": "1"], true, false),
            (false, ["NO_COLOR": ""], true, true),
          ])
    func colourDecision(flag: Bool, environment: [String: String], terminal: Bool, expected: Bool) {
        #expect(TerminalInfo.useColor(noColorFlag: flag, environment: environment, outputIsTerminal: terminal) == expected)
    }

    @Test("TERM=dumb turns colour off, as NO_COLOR does")
    func dumbTerminal() {
        #expect(!TerminalInfo.useColor(noColorFlag: false, environment: ["TERM": "dumb"], outputIsTerminal: true))
        #expect(TerminalInfo.useColor(noColorFlag: false, environment: ["TERM": "xterm-256color"], outputIsTerminal: true))
    }

    @Test("the locale is UTF-8 when the first of LC_ALL, LC_CTYPE and LANG that is set says so",
          arguments: [
            ([String: String](), false),
            (["LANG": "en_US.UTF-8"], true),
            (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
            (["LC_ALL": "", "LC_CTYPE": "de_DE.utf8"], true),
          ])
    func unicodeLocale(environment: [String: String], expected: Bool) {
        #expect(TerminalInfo.isUnicode(environment) == expected)
    }

    @Test("a file that is not a terminal has the fallback width")
    func widthOfAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(!TerminalInfo.isTerminal(ends[1]))
        #expect(TerminalInfo.columns(of: ends[1], fallback: 77) == 77)
    }
}
