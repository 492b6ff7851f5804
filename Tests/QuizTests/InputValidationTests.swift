import Testing
@testable import Quiz

@Suite("Answer input validation")
struct InputValidationTests {
    struct LineCase: Sendable, CustomTestStringConvertible {
        var line: String
        var expected: LearnerInput
        var testDescription: String { "\"\(line)\"" }
    }

    static let accepted: [LineCase] = [
        .init(line: "B", expected: .answer(1)),
        .init(line: "b", expected: .answer(1)),
        .init(line: "  d  ", expected: .answer(3)),
        .init(line: "A\n", expected: .answer(0)),
        .init(line: "?", expected: .help),
        .init(line: "q", expected: .quit),
        .init(line: "Q", expected: .quit),
        .init(line: " quit ", expected: .quit),
        .init(line: "1", expected: .answer(0)),
        .init(line: " 4 ", expected: .answer(3)),
    ]

    @Test("letters in either case, numbers, spaces around, ? and q are understood", arguments: accepted)
    func understood(_ input: LineCase) {
        #expect(LearnerInput.interpret(input.line, optionCount: 4) == input.expected)
    }

    @Test("empty lines, letters beyond the options and words get a one-line hint",
          arguments: ["", "   ", "E", "z", "AB", "maybe", "5", "0", "-1"])
    func rejectedWithHint(line: String) throws {
        guard case .invalid(let hint) = LearnerInput.interpret(line, optionCount: 4) else {
            Issue.record("\"\(line)\" should be refused")
            return
        }
        #expect(hint.contains("A-D"))
        #expect(!hint.contains("\n"))
    }

    @Test("--answers with the right count and letters reads shown indices")
    func answerList() throws {
        let plan = QuizPlan(quiz: QuizFixtures.twoQuestions)
        #expect(try ScriptedAnswers.parseList(" b , D", plan: plan) == [[1], [3]])
    }

    @Test("--answers with the wrong count is refused, naming both counts")
    func answerListWrongCount() {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        let error = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("D,D,A", plan: plan) }
        #expect(error?.message == "--answers has 3 answers but the quiz has 10 scored questions")
        #expect(error?.position == nil)
    }

    @Test("--answers with a letter beyond a question's options names its position")
    func answerListBadLetter() {
        let plan = QuizPlan(quiz: QuizFixtures.twoQuestions)
        let error = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("D,D", plan: plan) }
        #expect(error?.position == 1)
        #expect(error?.message == "--answers: answer 1 is \"D\", not a letter A-C of question 1")
    }

    @Test("--answers with an empty item names its position")
    func answerListEmptyItem() {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        let error = #expect(throws: ScriptedAnswerError.self) {
            try ScriptedAnswers.parseList("D,,A,A,C,C,D,B,A,C", plan: plan)
        }
        #expect(error?.position == 2)
        #expect(error?.message.contains("answer 2 is empty") == true)
    }

    @Test("stdin answers skip blank lines and may stop early")
    func stdinLines() throws {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        #expect(try ScriptedAnswers.parseLines(["d", "", "  D ", "a"], plan: plan) == [[3], [3], [0]])
    }

    @Test("piped text with CRLF or CR line ends and a byte order mark reads as one answer per line",
          arguments: ["\u{FEFF}d\r\n\r\nD\r\na\r\n", "d\r\rD\ra", "\u{FEFF}d\n\nD\na"])
    func stdinLineEnds(text: String) throws {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        #expect(try ScriptedAnswers.parseText(text, plan: plan) == [[3], [3], [0]])
    }

    @Test("answers given when taking an attempt up again go to the questions still to answer")
    func pendingQuestions() throws {
        let plan = QuizPlan(quiz: QuizFixtures.twoQuestions)
        #expect(try ScriptedAnswers.parseList("d", plan: plan, pending: [1]) == [[3]])
        let error = #expect(throws: ScriptedAnswerError.self) { try ScriptedAnswers.parseList("b,d", plan: plan, pending: [1]) }
        #expect(error?.message == "--answers has 2 answers but 1 question is left to answer")
    }

    @Test("a stdin line that is not a letter names its line and answer position")
    func stdinBadLine() {
        let plan = QuizPlan(quiz: QuizFixtures.seed)
        let error = #expect(throws: ScriptedAnswerError.self) {
            try ScriptedAnswers.parseLines(["D", "", "maybe"], plan: plan)
        }
        #expect(error?.position == 2)
        #expect(error?.message == "stdin line 3: answer 2 is \"maybe\", not a letter A-D of question 2")
    }

    @Test("more stdin answers than questions is refused")
    func stdinTooMany() {
        let plan = QuizPlan(quiz: QuizFixtures.twoQuestions)
        let error = #expect(throws: ScriptedAnswerError.self) {
            try ScriptedAnswers.parseLines(["B", "D", "A"], plan: plan)
        }
        #expect(error?.position == 3)
    }
}
