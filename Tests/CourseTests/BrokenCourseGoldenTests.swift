import Course
import Foundation
import Testing
import TestSupport

/// Every fixture course under Fixtures/broken is broken in one way; `expected.txt` beside it
/// holds the `lectern check` report it must produce, with the fixture path shown as [ROOT].
/// `RECORD_SNAPSHOTS=1` rewrites the expectations (see `Snapshot`).
@Suite struct BrokenCourseGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/broken")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
    }

    @Test(arguments: cases)
    func checkReportMatchesExpectation(fixture: String) throws {
        let root = Self.fixtures.appendingPathComponent(fixture)
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(root.path, diagnostics: &diagnostics)
        let report = CheckReport(course: course, diagnostics: diagnostics).text
            .replacingOccurrences(of: root.path, with: "[ROOT]")
        let expectedURL = root.appendingPathComponent("expected.txt")
        Snapshot.expect(report, matches: expectedURL)
    }

    @Test func everyFixtureButTheValidOneReportsAProblem() throws {
        for fixture in Self.cases where fixture != "valid" {
            let expected = try String(contentsOf: Self.fixtures.appendingPathComponent(fixture).appendingPathComponent("expected.txt"), encoding: .utf8)
            #expect(expected.contains(": error: ") || expected.contains(": warning: "), "\(fixture) reports nothing")
        }
    }
}
