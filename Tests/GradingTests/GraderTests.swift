import Foundation
import Testing
@testable import Grading

@Suite("The grading pipeline runs the harness in the sandbox and judges outside")
struct GraderTests {
    @Test func thePythonReferenceScoresFullMarks() async throws {
        let report = try await Fixture.grade(Fixture.reference("python", "adder.py"), track: "python")
        #expect(report.status == .graded)
        #expect(report.isFullMarks)
        #expect(report.score == 100 && report.maxScore == 100)
    }

    @Test func aWrongSubmissionFailsTheTestWithExpectedAndGot() async throws {
        let report = try await Fixture.grade(Fixture.submission("wrong.py"), track: "python")
        let negative = try #require(report.tests.first { $0.id == "negative" })
        #expect(negative.status == .fail)
        #expect(negative.message == "add(-2, -3): expected -5, got 1")
        #expect(report.score == 60)
    }

    @Test func aPythonSyntaxErrorIsStatusErrorAtTheLearnersLine() async throws {
        let report = try await Fixture.grade(Fixture.submission("syntax_error.py"), track: "python")
        #expect(report.status == .error)
        let message = try #require(report.message)
        #expect(message.hasPrefix("syntax_error.py:1:"))
        #expect(message.contains("SyntaxError"))
        #expect(!message.contains("harness"))
        #expect(report.score == 0)
        #expect(report.tests.allSatisfy { $0.status == .error })
    }

    @Test func anExceptionInAScenarioIsThatTestsErrorWithTheLearnersLine() async throws {
        let report = try await Fixture.grade(Fixture.submission("crash.py"), track: "python")
        #expect(report.status == .graded)
        let floats = try #require(report.tests.first { $0.id == "floats" })
        #expect(floats.status == .error)
        #expect(floats.message == "RuntimeError: no floats here (crash.py, line 3)")
        #expect(report.tests.filter { $0.status == .pass }.count == 4)
    }

    @Test func aSubmissionThatExitsBeforeReportingGetsErrorsNotPasses() async throws {
        let report = try await Fixture.grade(Fixture.submission("silent.py"), track: "python")
        #expect(report.tests.allSatisfy { $0.status == .error })
        #expect(report.score == 0)
        #expect(report.tests[0].message?.contains("exit status 3") == true)
    }

    @Test func aSwiftSyntaxErrorIsStatusErrorAtTheLearnersLine() async throws {
        let report = try await Fixture.grade(Fixture.submission("SyntaxError.swift"), track: "swift")
        #expect(report.status == .error)
        let message = try #require(report.message)
        #expect(message.hasPrefix("SyntaxError.swift:3:1: error:"))
        #expect(!message.contains("harness"))
        #expect(!message.contains("submission/"))
    }

    @Test func aSwiftSubmissionMissingANameTheTestsUseShowsNoHarnessCode() async throws {
        let report = try await Fixture.grade(Fixture.submission("WrongName.swift"), track: "swift")
        #expect(report.status == .error)
        let message = try #require(report.message)
        #expect(message.contains("cannot find 'add' in scope"))
        #expect(!message.contains("harness/"))
        #expect(!message.contains("scenarios"))
    }

    @Test func theSwiftReferenceScoresFullMarks() async throws {
        let report = try await Fixture.grade(Fixture.reference("swift", "Adder.swift"), track: "swift")
        #expect(report.status == .graded)
        #expect(report.isFullMarks)
    }

    @Test func aFolderSubmissionWithoutTheEntryIsAnError() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x = 1\n".utf8).write(to: folder.appendingPathComponent("other.py"))
        let report = try await Fixture.grader("python").grade(try Submission(folder))
        #expect(report.status == .error)
        #expect(report.message?.contains("has no adder.py") == true)
    }

    @Test func aFolderSubmissionBringsTheLearnersOwnFiles() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("def plus(a, b):\n    return a + b\n".utf8).write(to: folder.appendingPathComponent("helpers.py"))
        try Data("import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\nfrom helpers import plus\n\ndef add(a, b):\n    return plus(a, b)\n".utf8)
            .write(to: folder.appendingPathComponent("adder.py"))
        let report = try await Fixture.grader("python").grade(try Submission(folder))
        #expect(report.isFullMarks)
    }

    @Test func theLearnersOutputIsShownBoundedAndIsNoEvidence() async throws {
        let report = try await Fixture.grade(Fixture.submission("chatty.py"), track: "python")
        #expect(report.isFullMarks)
        #expect(report.output.hasPrefix(String(repeating: "x", count: 300) + " … (line cut)"))
        #expect(report.output.count <= 4000 + 30)
        #expect(report.output.hasSuffix("… (output truncated)"))
    }

    @Test func withoutASandboxEveryReportSaysSo() async throws {
        let report = try await Fixture.grade(Fixture.reference("python", "adder.py"), track: "python")
        #expect(report.warnings.contains { $0.contains("--no-sandbox") })
    }
}
