import Testing
import Quiz
@testable import QuizTerminal

@Suite("Interactive quiz conversation")
struct InteractiveQuizTests {
    @Test("answers typed in either case with spaces complete the attempt")
    func answersComplete() {
        let (attempt, screen) = TerminalFixtures.interactive([.line(" b "), .line("d")])
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.score == 2)
        #expect(screen.contains("Question 1 of 2  [------------------------------]  0 answered\nArithmetic\n"))
        #expect(screen.contains("Question 2 of 2  [###############---------------]  1 answered\nColours\n"))
    }

    @Test("a wrong line re-prompts with a hint and loses nothing", arguments: ["", "x", "maybe", "D", "4"])
    func wrongKeyReprompts(line: String) {
        let (attempt, screen) = TerminalFixtures.interactive([.line(line), .line("B"), .line("D")])
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.choices == [1, 3])
        #expect(screen.components(separatedBy: "Your answer (A-C): ").count == 3)
        #expect(screen.contains("is not an option here") || screen.contains("is not an answer") || screen.contains("Type a letter"))
        #expect(screen.lowercased().contains("type a letter") || screen.contains("type one letter"))
    }

    @Test("a number answers by position, as a letter does")
    func numbersAnswer() {
        let (attempt, _) = TerminalFixtures.interactive([.line("2"), .line("4")])
        #expect(attempt.choices == [1, 3])
    }

    @Test("a letter beyond a three-option question names the range A-C")
    func hintNamesRange() {
        let (_, screen) = TerminalFixtures.interactive([.line("D"), .endOfInput])
        #expect(screen.contains("D is not an option here: type a letter A-C"))
    }

    @Test("? shows the help and asks again")
    func help() {
        let (attempt, screen) = TerminalFixtures.interactive([.line("?"), .line("B"), .line("D")])
        #expect(screen.contains("How to answer"))
        #expect(attempt.score == 2)
    }

    @Test("q then anything but yes carries on with the same question")
    func quitDeclined() {
        let (attempt, screen) = TerminalFixtures.interactive([.line("q"), .line(""), .line("B"), .line("D")])
        #expect(screen.contains("Carrying on."))
        #expect(attempt.state == .ended(.completed))
    }

    @Test("q then y ends the attempt as quit, keeping the answers")
    func quitConfirmed() {
        let (attempt, _) = TerminalFixtures.interactive([.line("B"), .line("q"), .line("yes")])
        #expect(attempt.state == .ended(.quit))
        #expect(attempt.choices == [1, nil])
    }

    @Test("Ctrl-C at the prompt or at the quit question ends the attempt as interrupted",
          arguments: [[LineEvent.stopped(.interrupt)], [.line("q"), .stopped(.interrupt)]])
    func interrupted(events: [LineEvent]) {
        let (attempt, _) = TerminalFixtures.interactive(events)
        #expect(attempt.state == .ended(.interrupted))
    }

    @Test("the end of input ends the attempt as such")
    func endOfInput() {
        let (attempt, _) = TerminalFixtures.interactive([.line("B"), .endOfInput])
        #expect(attempt.state == .ended(.endOfInput))
        #expect(attempt.answeredCount == 1)
    }

    @Test("with feedback at the end, no answer is marked right or wrong while answering")
    func noMarksBeforeTheEnd() {
        let (_, screen) = TerminalFixtures.interactive([.line("A"), .line("D")])
        #expect(!screen.contains("✅"))
        #expect(!screen.contains("❌"))
        #expect(screen.contains("Answer recorded: A."))
    }

    @Test("immediate feedback names the right option and explains, right or wrong")
    func immediateFeedback() {
        let (_, screen) = TerminalFixtures.interactive([.line("A"), .line("D")], feedback: .immediate)
        #expect(screen.contains("❌ Not quite. You chose A) 3"))
        #expect(screen.contains("The answer is B) 4"))
        #expect(screen.contains("Two and two make four."))
        #expect(screen.contains("✅ Correct."))
        #expect(screen.contains("Rayleigh scattering"))
    }
}
