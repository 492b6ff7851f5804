import Testing
@testable import Grading

@Suite("Compiler and interpreter messages name the learner's files, never the harness")
struct CompilerMessagesTests {
    let names = ["submission/CircuitBreaker.swift": "MyBreaker.swift"]

    @Test func swiftDiagnosticsInTheSubmissionKeepTheirLinesUnderTheLearnersName() {
        let stderr = """
            submission/CircuitBreaker.swift:10:16: error: consecutive declarations on a line must be separated by ';'
                case closed let x
                           ^
            """
        let message = CompilerMessages.swift(stderr, names: names)
        #expect(message.hasPrefix("MyBreaker.swift:10:16: error: consecutive declarations"))
        #expect(message.contains("case closed let x"))
        #expect(!message.contains("submission/"))
    }

    @Test func swiftDiagnosticsInHarnessFilesLoseTheirPathAndCode() {
        let stderr = """
            harness/ScenariosClosed.swift:12:9: error: cannot find 'CircuitBreakerConfig' in scope
                    let config = CircuitBreakerConfig(failureThreshold: 3)
                                 ^~~~~~~~~~~~~~~~~~~~
            harness/ScenariosOpen.swift:40:2: note: secret note
            """
        let message = CompilerMessages.swift(stderr, names: names)
        #expect(message.contains("cannot find 'CircuitBreakerConfig' in scope"))
        #expect(!message.contains("harness"))
        #expect(!message.contains("failureThreshold: 3"))
        #expect(!message.contains("secret note"))
    }

    @Test func swiftWarningsAreLeftOut() {
        let stderr = "submission/CircuitBreaker.swift:3:9: warning: variable 'x' was never mutated\n    var x = 1\n        ^"
        #expect(CompilerMessages.swift(stderr, names: names) == "the submission did not compile")
    }

    @Test func pythonImportFailuresReadAsADiagnostic() {
        let error = ScenarioError(type: "SyntaxError", message: "expected ':'", line: 1, column: 15, phase: "import")
        #expect(CompilerMessages.python(error, learnerFile: "mine.py") == "mine.py:1:15: error: SyntaxError: expected ':'")
    }

    @Test func pythonTracebacksInOutputLoseHarnessFrames() {
        let output = """
            Traceback (most recent call last):
              File "/sandbox/work/harness/run.py", line 12, in <module>
                secret_scenario()
              File "/sandbox/work/submission/circuit_breaker.py", line 3, in add
                return a +
            TypeError: boom
            """
        let cleaned = CompilerMessages.sanitizeOutput(output, names: ["submission/circuit_breaker.py": "mine.py"])
        #expect(!cleaned.contains("harness"))
        #expect(!cleaned.contains("secret_scenario"))
        #expect(cleaned.contains(#"File "mine.py", line 3, in add"#))
        #expect(cleaned.contains("TypeError: boom"))
    }
}

@Suite("Messages from hidden files are few")
struct HiddenMessageLimitTests {
    @Test func atMostFiveDistinctHarnessMessagesThenACount() {
        let stderr = (1...8).map { "harness/S\($0).swift:1:1: error: problem \($0)" }.joined(separator: "\n")
        let message = CompilerMessages.swift(stderr, names: [:])
        #expect(message.contains("problem 5"))
        #expect(!message.contains("problem 6"))
        #expect(message.hasSuffix("… and 3 more"))
    }
}
