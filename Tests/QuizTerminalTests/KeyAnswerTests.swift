import Quiz
import Testing
@testable import QuizTerminal

@Suite("Answering with single keys")
struct KeyAnswerTests {
    let down = "\u{1B}[B", up = "\u{1B}[A"

    @Test("a letter or number answers at once and moves on")
    func oneKey() {
        let (attempt, screen, stop) = TerminalFixtures.keys("b4")
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.choices == [1, 3])
        #expect(stop == nil)
        #expect(screen.contains("Your answer (A-C): B\nAnswer recorded: B."))
        #expect(screen.contains("Your answer (A-D): D\nAnswer recorded: D."))
    }

    @Test("the arrows move the marker, drawn again in place, and Enter answers with the highlighted option")
    func arrowsAndEnter() {
        let (attempt, screen, _) = TerminalFixtures.keys(down + down + "\r" + up + "\r")
        #expect(attempt.choices == [1, 3])
        #expect(screen.contains("> B) 4"))
        #expect(screen.contains("\r\u{1B}[4A\u{1B}[J"))  // up from the prompt: a blank line and three options
        #expect(screen.contains("Your answer (A-C): B · Enter to choose"))
    }

    @Test("with confirm a letter selects and waits; Enter answers")
    func confirm() {
        let (attempt, screen, _) = TerminalFixtures.keys("ab\rd\r", confirm: true)
        #expect(attempt.choices == [1, 3])
        #expect(screen.contains("Your answer (A-C): A · Enter to confirm"))
        #expect(screen.contains("Your answer (A-C): B · Enter to confirm"))
    }

    @Test("a wrong key shows a hint in place above the prompt and loses nothing")
    func hintInPlace() {
        let (attempt, screen, _) = TerminalFixtures.keys("xbd")
        #expect(attempt.choices == [1, 3])
        #expect(screen.contains("X is not an option here: press A-C or 1-3, or ↑/↓ and Enter; ? for help, q to\nquit.\nYour answer (A-C): "))
    }

    @Test("? shows the keys' help, then the options again")
    func help() {
        let (attempt, screen, _) = TerminalFixtures.keys("?bd")
        #expect(attempt.score == 2)
        #expect(screen.contains("How to answer"))
        #expect(screen.contains("move the highlight"))
        #expect(screen.components(separatedBy: "  A) 3").count == 3)
    }

    @Test("q asks first: n carries on, y ends the attempt as quit; Escape asks too")
    func quit() {
        let (carried, screen, _) = TerminalFixtures.keys("qnbd")
        #expect(carried.state == .ended(.completed))
        #expect(screen.contains("Carrying on."))
        let (quit, _, _) = TerminalFixtures.keys("bqy")
        #expect(quit.state == .ended(.quit))
        #expect(quit.choices == [1, nil])
        let (escaped, _, _) = TerminalFixtures.keys(ScriptedKeySource([.key(.escape), .key(.character("y"))]))
        #expect(escaped.state == .ended(.quit))
    }

    @Test("Ctrl-D ends the input; a stop signal ends the attempt as interrupted and says which")
    func endings() {
        let (ended, _, none) = TerminalFixtures.keys("b\u{4}")
        #expect(ended.state == .ended(.endOfInput))
        #expect(none == nil)
        let (stopped, _, reason) = TerminalFixtures.keys(ScriptedKeySource([.key(.character("b")), .stopped(.terminate)]))
        #expect(stopped.state == .ended(.interrupted))
        #expect(stopped.answeredCount == 1)
        #expect(reason == .terminate)
        let (atQuit, _, hangup) = TerminalFixtures.keys(ScriptedKeySource([.key(.character("q")), .stopped(.hangup)]))
        #expect(atQuit.state == .ended(.interrupted))
        #expect(hangup == .hangup)
    }

    @Test("continued after Ctrl-Z, the question is drawn again")
    func resumedRedraws() {
        let (attempt, screen, _) = TerminalFixtures.keys(ScriptedKeySource([.resumed, .key(.character("b")), .key(.character("d"))]))
        #expect(attempt.score == 2)
        #expect(screen.components(separatedBy: "What is 2 + 2?").count == 3)
    }

    @Test("each answer is timed from when its question was shown")
    func timing() {
        let (attempt, _, _) = TerminalFixtures.keys("bd", step: 1.5)
        #expect(attempt.seconds == [1.5, 1.5])
    }

    @Test("plain mode says each move in a line of words and never moves the cursor or colours")
    func plain() {
        let (attempt, screen, _) = TerminalFixtures.keys(down + down + "z\r" + "d", plain: true, color: true, feedback: .immediate)
        #expect(attempt.choices == [1, 3])
        #expect(!screen.contains("\u{1B}"))
        #expect(screen.contains("\nA) 3. Press Enter to choose it."))
        #expect(screen.contains("\nB) 4. Press Enter to choose it."))
        #expect(screen.contains("\nZ is not an option here"))
        #expect(screen.contains("Question 1 of 2, 0 answered."))
        #expect(screen.contains("\nCorrect.\n"))
        #expect(!screen.contains("✅") && !screen.contains("─"))
    }

    @Test("with colour the highlighted option is marked by ❯ as well as by colour")
    func markerNotColourOnly() {
        let (_, screen, _) = TerminalFixtures.keys(down + "\r" + "d", color: true)
        #expect(screen.contains("❯ A)"))
    }
}
