import Foundation
import Testing
@testable import Grading

/// Golden reports: each scenario in each format, compared with Fixtures/goldens/<scenario>.<format>.
/// Set RECORD_GOLDENS=1 to rewrite them (the run then fails, so a recording is never a pass).
@Suite("Reports match their reviewed golden files")
struct GoldenReportTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var track: String
        var testDescription: String { name }
    }

    static let scenarios = [
        Scenario(name: "python-reference", file: "python/reference/adder.py", track: "python"),
        Scenario(name: "python-wrong", file: "wrong.py", track: "python"),
        Scenario(name: "python-syntax-error", file: "syntax_error.py", track: "python"),
        Scenario(name: "python-crash", file: "crash.py", track: "python"),
        Scenario(name: "swift-syntax-error", file: "SyntaxError.swift", track: "swift"),
    ]

    @Test(arguments: scenarios)
    func matchesGoldens(_ scenario: Scenario) async throws {
        let url = scenario.file.contains("/") ? Fixture.adder.appendingPathComponent(scenario.file) : Fixture.submission(scenario.file)
        var report = try await Fixture.grade(url, track: scenario.track)
        report.duration = 0
        report.submission = scenario.file
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
        for format in ReportFormat.allCases {
            let rendered = format.render(report)
            let golden = Fixture.goldens.appendingPathComponent("\(scenario.name).\(format.rawValue)")
            if record {
                try FileManager.default.createDirectory(at: Fixture.goldens, withIntermediateDirectories: true)
                try Data(rendered.utf8).write(to: golden)
                Issue.record("recorded \(golden.lastPathComponent)")
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(rendered == expected, "\(golden.lastPathComponent) differs")
        }
    }
}
