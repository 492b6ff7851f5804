import Foundation
import Testing
import TestSupport

@Suite struct CheckCommandTests {
    static let broken = LecternProcess.repository.appendingPathComponent("Tests/CourseTests/Fixtures/broken")

    @Test func helpListsTheCommands() throws {
        let result = try LecternProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("check"))
        #expect(result.stdout.contains("SUBCOMMANDS"))
    }

    @Test func theBundledCourseChecksClean() throws {
        let result = try LecternProcess.run(["check", "content", "--no-exercises"])
        #expect(result.stdout.contains("Session 4 (04-production-mcp-deployment): 10 questions, 5 bands, answers D, D, A, A, C, C, D, B, A, C"))
        #expect(result.status == 0, "\(result.stdout)")
    }

    /// The author's first command, exercises included: it grades each track's reference and
    /// mutants in the sandbox from several tasks at once. The release build once trapped here
    /// (an optimizer miscompile lost each task's index) while the debug build passed.
    @Test(GradeSupport.needsSandbox) func theBundledCourseChecksCleanWithItsExercises() throws {
        let result = try LecternProcess.run(["check", "content"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for track in ["python", "swift"] {
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("circuit-breaker/\(track): reference passes ") }
            let note = try #require(line.map(String.init), "no note for the \(track) track in \(result.stdout)")
            let scores = note.matches(of: /(\d+)\/(\d+)/).map { (Int($0.1)!, Int($0.2)!) }
            #expect(scores.count >= 2 && scores.allSatisfy { $0.0 == $0.1 && $0.1 > 0 }, "\(note)")
        }
        #expect(result.stdout.contains("1 session, 1 exercise: 0 errors"))
    }

    @Test func theSeedPageChecksAsItIs() throws {
        let result = try LecternProcess.run(["check", "Tests/CourseTests/Fixtures/seed/session4-test-solutions.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("10 questions, 5 bands, answers D, D, A, A, C, C, D, B, A, C"))
    }

    @Test func anErrorExitsOneAndNamesFileLineAndColumn() throws {
        let result = try LecternProcess.run(["check", Self.broken.appendingPathComponent("several-marks").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("01-basics/quiz.md:20:1: error: question 2 has 2 options marked ✅ (B, C); mark exactly one"))
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonFormatPrintsDiagnosticsAsJSON() throws {
        let result = try LecternProcess.run(["check", Self.broken.appendingPathComponent("missing-explanation").path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["severity"] as? String == "warning")
        #expect(diagnostics.first?["line"] as? Int == 14)
        #expect(object["errors"] as? Int == 0)
        #expect(result.status == 0)
    }

    /// `check` and `site build` read links alike: a `#fragment` naming no heading fails both.
    @Test func aLinkToAMissingHeadingIsAnErrorAtItsLine() throws {
        let course = TemporaryFolder(prefix: "lectern-check-anchors")
        try Data("# Lesson\n\n## Metrics\n\nSee [metrics](#metrics) and [nothing](#nope).\n\nAlso [other](other.md#gone).\n".utf8)
            .write(to: course.url.appendingPathComponent("lesson.md"))
        try Data("# Other\n\nText.\n".utf8).write(to: course.url.appendingPathComponent("other.md"))
        let result = try LecternProcess.run(["check", course.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("lesson.md:5:29: error: broken link: '#nope' names no heading of this page"))
        #expect(result.stdout.contains("lesson.md:7:6: error: broken link: 'other.md#gone' names no heading of other.md"))
        #expect(!result.stdout.contains("'#metrics'"))
    }

    /// A file name is text lectern did not write: its control characters show as escapes.
    @Test func aFileNamedWithEscapeSequencesIsShownNotObeyed() throws {
        let course = TemporaryFolder(prefix: "lectern-check-names")
        let name = "lesson\u{1B}]0;owned\u{7}\u{1B}[2J.md"
        try Data("# Lesson\n\nA [broken](missing.md) link.\n".utf8).write(to: course.url.appendingPathComponent(name))
        let result = try LecternProcess.run(["check", course.path])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains(#"lesson\x1b]0;owned\x07\x1b[2J.md:3:3: error: broken link"#), "\(result.stdout)")
    }

    @Test func aMissingPathIsAnErrorNotACrash() throws {
        let result = try LecternProcess.run(["check", "no/such/course"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no/such/course:1:1: error: no such file or directory"))
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try LecternProcess.run(["check", "--bogus"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--bogus"))
    }
}
