import Course
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Grading

@Suite("Each report format follows its consumer's schema")
struct ReportFormatTests {
    static func reports() async throws -> [GradingReport] {
        [
            try await Fixture.grade(Fixture.reference("python", "adder.py"), track: "python"),
            try await Fixture.grade(Fixture.submission("crash.py"), track: "python"),
            try await Fixture.grade(Fixture.submission("wrong.py"), track: "python"),
            try await Fixture.grade(Fixture.submission("syntax_error.py"), track: "python"),
        ]
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func junitParsesAndCountsTestsFailuresAndErrors() async throws {
        for report in try await Self.reports() {
            let xml = ReportFormat.junit.render(report)
            let document = try XMLDocument(data: Data(xml.utf8))
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            let cases = try root.nodes(forXPath: "//testcase")
            let failures = try root.nodes(forXPath: "//testcase/failure")
            let errors = try root.nodes(forXPath: "//testcase/error")
            let extra = report.status == .graded ? 0 : 1
            #expect(cases.count == report.tests.count + extra)
            #expect(failures.count == report.failedCount)
            #expect(errors.count == report.erroredCount + extra)
            #expect(root.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(root.attribute(forName: "failures")?.stringValue == String(failures.count))
            #expect(root.attribute(forName: "errors")?.stringValue == String(errors.count))
            let suites = try root.nodes(forXPath: "testsuite")
            #expect(suites.count == report.groups.count + extra)
        }
    }

    @Test func junitEscapesMarkupInMessages() throws {
        var report = GradingReport(exercise: "x", exerciseTitle: "A <b> & \"c\"", track: "python", submission: "s", status: .graded,
                                   message: nil, groups: [], tests: [], output: "\u{1}<script>", warnings: [], sandbox: "t", duration: 0)
        report.tests = [TestResult(id: "t", name: "x < y", group: "g", status: .fail, message: "expected \"<\", got ']]>'", points: 0, maxPoints: 1)]
        let document = try XMLDocument(data: Data(ReportFormat.junit.render(report).utf8))
        #expect(document.rootElement()?.attribute(forName: "name")?.stringValue == "A <b> & \"c\"")
    }

    /// A report whose test a random sequence failed: the scenario's lines and the seeds.
    static func differing() -> GradingReport {
        let scenario = "A sequence of operations on which your code differs from the reference (seed 42):\n  1. breaker.state\n       state: expected \"half_open\", got \"open\""
        let tests = [TestResult(id: "recovery_boundary", name: "Recovery", group: "g", status: .fail,
                                message: "differs from the reference at step 1 of a random sequence (seed 42): state: expected \"half_open\", got \"open\"",
                                scenario: scenario, points: 0, maxPoints: 1)]
        return GradingReport(exercise: "x", exerciseTitle: "X", track: "python", submission: "s", status: .graded, message: nil,
                             groups: Judge.groups(tests, groups: [TestGroup(id: "g", title: "G", points: 1)]), tests: tests,
                             output: "", warnings: [], sandbox: "t", duration: 0,
                             differential: DifferentialRecord(version: "1", fixedSeeds: 32, freshSeeds: [42], compared: 33, diverged: 1))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatCarriesAFailingSequenceStepByStep(_ format: ReportFormat) throws {
        let text = ReportFormat.differing(format)
        #expect(text.contains("1. breaker.state"), "\(format): \(text)")
        #expect(text.contains("half_open"), "\(format)")
    }

    @Test func theTextReportIndentsTheScenarioAndNamesTheSeeds() {
        let text = ReportFormat.text.render(Self.differing())
        #expect(text.contains("\n        1. breaker.state\n"))
        #expect(text.contains("Random sequences: 32 fixed seeds (version 1) and 1 fresh (42); 33 compared with the reference, 1 differ"))
    }

    @Test func theJSONReportHoldsTheScenarioAndTheSeeds() throws {
        let json = try object(ReportFormat.json.render(Self.differing()))
        let test = try #require((json["tests"] as? [[String: Any]])?.first)
        #expect((test["scenario"] as? String)?.hasPrefix("A sequence of operations") == true)
        let differential = try #require(json["differential"] as? [String: Any])
        #expect(differential["freshSeeds"] as? [Int] == [42])
        #expect(differential["fixedSeeds"] as? Int == 32)
    }

    @Test func gradescopeHasItsRequiredFieldsAndStatuses() async throws {
        for report in try await Self.reports() {
            let json = try object(ReportFormat.gradescope.render(report))
            #expect(json["score"] as? Double == report.score)
            #expect(json["max_score"] as? Double == report.maxScore)
            #expect(json["output"] is String)
            #expect(json["visibility"] as? String == "visible")
            let tests = try #require(json["tests"] as? [[String: Any]])
            #expect(tests.count == report.tests.count)
            for (test, result) in zip(tests, report.tests) {
                #expect(test["name"] as? String == result.name)
                #expect(test["score"] is Double && test["max_score"] is Double)
                #expect(test["status"] as? String == (result.status == .pass ? "passed" : "failed"))
                #expect(test["output"] is String)
            }
            let sum = tests.reduce(0.0) { $0 + (($1["score"] as? Double) ?? 0) }
            #expect(abs(sum - report.score) < 0.05)
        }
    }

    @Test func exercismIsVersion3WithStatusesAndNoTestCode() async throws {
        let reports = try await Self.reports()
        let expected = ["pass", "fail", "fail", "error"]
        for (report, status) in zip(reports, expected) {
            let json = try object(ReportFormat.exercism.render(report))
            #expect(json["version"] as? Int == 3)
            #expect(json["status"] as? String == status)
            if status == "error" { #expect((json["message"] as? String)?.isEmpty == false) }
            let tests = try #require(json["tests"] as? [[String: Any]])
            for (test, result) in zip(tests, report.tests) {
                #expect(test["name"] as? String == result.name)
                #expect(["pass", "fail", "error"].contains(test["status"] as? String ?? ""))
                #expect(test["test_code"] as? String == "")
            }
        }
    }

    @Test func lecternJSONRoundTripsToTheReport() async throws {
        let report = try await Fixture.grade(Fixture.submission("wrong.py"), track: "python")
        let decoded = try JSONDecoder().decode(GradingReport.self, from: Data(ReportFormat.json.render(report).utf8))
        #expect(decoded.schema == "lectern-grade/1")
        #expect(decoded.tests.map(\.status) == report.tests.map(\.status))
        #expect(decoded.score == report.score)
    }

    @Test func textIsColouredOnlyWhenAsked() async throws {
        let report = try await Fixture.grade(Fixture.submission("wrong.py"), track: "python")
        #expect(!ReportFormat.text.render(report, color: false).contains("\u{1B}["))
        #expect(ReportFormat.text.render(report, color: true).contains("\u{1B}[31m"))
    }
}

extension ReportFormat {
    /// The differing report rendered in this format, JSON strings decoded so lines show as lines.
    static func differing(_ format: ReportFormat) -> String {
        let text = format.render(ReportFormatTests.differing())
        guard format != .text, format != .junit else { return text.replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&quot;", with: "\"") }
        return text.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\"", with: "\"")
    }
}
