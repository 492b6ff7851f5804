import Quiz
import Testing
@testable import QuizTerminal

/// Key mode on Fixtures/mixed.md (one answer, three of five, a self-check item, two of
/// four): ticking with letters, numbers and space, Enter to submit, Enter or space to reveal.
@Suite("Answering several options and revealing with single keys")
struct KeyMultipleAnswerTests {
    let down = "\u{1B}[B", up = "\u{1B}[A"
    let mixed = TerminalFixtures.mixedPath

    @Test("letters, numbers and space tick the options, Enter submits them; Enter reveals the self-check item")
    func ticksAndSubmits() {
        let typed = "a" + "a3" + down + " " + "\r" + "\r" + down + " " + down + down + " " + "\r"
        let (attempt, screen, stop) = TerminalFixtures.keys(typed, quiz: mixed)
        #expect(stop == nil)
        #expect(attempt.state == .ended(.completed))
        #expect(attempt.selections == [[0], [0, 2, 3], [], [0, 2]])
        #expect(attempt.score == 3)
        #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(
            "Choose every right answer. A letter, a number or space (on the highlighted option) ticks or unticks it; Enter submits the ticked ones."))
        #expect(screen.contains("  ☐ A) Metrics\n  ☐ B) Dashboards"))
        #expect(screen.contains("> ☑ A) Metrics"))
        #expect(screen.contains("> ☐ D) Traces"))
        #expect(screen.contains("  ☑ A) Metrics\n  ☐ B) Dashboards\n  ☑ C) Logs\n  ☑ D) Traces\n  ☐ E) Alerts"))
        #expect(screen.contains("Your answers: A+C · Enter to submit"))
        #expect(screen.contains("Your answers: A+C+D\nAnswer recorded: A+C+D."))
        #expect(screen.contains("Press Enter to see the answer: \n\nAnswer:\n    A gauge holds only the latest value"))
        #expect(screen.contains("Your answers: A+C\nAnswer recorded: A+C."))
    }

    @Test("ticking again unticks; Enter with nothing ticked is refused with a hint and the question waits")
    func emptySetRefused() {
        let (attempt, screen, _) = TerminalFixtures.keys("a" + "\r" + "bb" + "\r" + "e\r", quiz: mixed)
        #expect(attempt.selections[1] == [4])
        #expect(attempt.selections[2] == nil)  // the keys ran out at the self-check item
        #expect(attempt.state == .ended(.endOfInput))
        #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(
            "Nothing is ticked yet: tick every right option with A-E or 1-5 or space, then press Enter; ? for help, q to quit."))
        #expect(screen.contains("Your answers: B · Enter to submit"))
    }

    @Test("a key that is no option at a self-check item asks for Enter; space reveals too")
    func revealWithSpace() {
        let (attempt, screen, _) = TerminalFixtures.keys("a" + "ac\r" + "x" + " ", quiz: mixed)
        #expect(attempt.selections[2] == [])
        #expect(attempt.selections[3] == nil)
        #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(
            "This question is for you to think about: press Enter to see the answer; ? for help, q to quit."))
        #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(
            "Self-check: not scored. Think of your answer, then see it with Enter or space."))
    }

    @Test("each answer and each reveal keeps the seconds it took")
    func timed() {
        let (attempt, _, _) = TerminalFixtures.keys("a" + "ac\r" + "\r" + "ac\r", quiz: mixed, step: 1)
        #expect(attempt.seconds.allSatisfy { $0 != nil && $0! > 0 })
    }

    @Test("help at a multiple-answer question names space to tick and Enter to submit")
    func help() {
        let (_, screen, _) = TerminalFixtures.keys("a" + "?", quiz: mixed)
        #expect(screen.contains("  Space     tick or untick the highlighted option"))
        #expect(screen.contains("  Enter     submit the ticked options"))
        #expect(screen.contains("  A-E, 1-5  tick or untick that option (either case)"))
    }

    @Test("ticks survive the help and a quit not confirmed")
    func ticksKeptAcrossHelpAndQuit() {
        let (attempt, screen, _) = TerminalFixtures.keys("a" + "a?" + "cqn" + "d\r", quiz: mixed)
        #expect(attempt.selections[1] == [0, 2, 3])
        #expect(screen.contains("How to answer\n"))
        #expect(screen.contains("Carrying on."))
        #expect(screen.contains("Your answers: A+C+D\nAnswer recorded: A+C+D."))
    }

    @Test("without a Unicode locale the boxes are [ ] and [x]")
    func asciiBoxes() {
        let (_, screen, _) = TerminalFixtures.keys("a" + "c", quiz: mixed, unicode: false)
        #expect(screen.contains("  [ ] A) Metrics"))
        #expect(screen.contains("> [x] C) Logs"))
        #expect(!screen.contains("☐") && !screen.contains("☑"))
    }

    @Test("with colour a ticked box is green, but its shape tells it apart without colour")
    func colourNotAlone() {
        let (_, screen, _) = TerminalFixtures.keys("a" + "c" + down, quiz: mixed, color: true)
        #expect(screen.contains("\u{1B}[32m☑\u{1B}[0m C) Logs"))
        #expect(screen.contains("☐"))
    }

    @Test("--plain says each tick, untick and move in words, with [ ] and [x], and no cursor movement")
    func plainInWords() {
        let typed = "a" + "a" + "a" + down + " " + up + "\r" + "\r"
        let (attempt, screen, _) = TerminalFixtures.keys(typed, quiz: mixed, plain: true)
        #expect(attempt.selections[1] == [1])
        #expect(screen.contains("  [ ] A) Metrics"))
        #expect(screen.contains("\nTicked A) Metrics. Ticked now: A. Press Enter to submit."))
        #expect(screen.contains("\nUnticked A) Metrics. Nothing is ticked."))
        #expect(screen.contains("\nB) Dashboards, not ticked. Space ticks it."))
        #expect(screen.contains("\nTicked B) Dashboards. Ticked now: B. Press Enter to submit."))
        #expect(screen.contains("\nA) Metrics, not ticked. Space ticks it.\nB\nAnswer recorded: B."))
        #expect(!screen.contains("\u{1B}"))
        #expect(!screen.contains("☐"))
    }
}
