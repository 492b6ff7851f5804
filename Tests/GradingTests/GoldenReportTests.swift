import Foundation
import Testing
import TestSupport
@testable import Grading

/// Golden reports: each scenario in each format, compared with Fixtures/goldens/<scenario>.<format>.
/// `RECORD_SNAPSHOTS=1` rewrites them (see `Snapshot`).
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
        for format in ReportFormat.allCases {
            Snapshot.expect(format.render(report), matches: Fixture.goldens.appendingPathComponent("\(scenario.name).\(format.rawValue)"))
        }
    }
}
