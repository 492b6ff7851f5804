import Foundation
import TestSupport
import Testing
@testable import Site

/// Broken links and bad quizzes are `lectern check` diagnostics; --strict fails on them.
@Suite struct DiagnosticsTests {
    private func brokenCourse() throws -> (TemporaryFolder, URL) {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.folder, as: "course")
        try "# Broken\n\nSee [nowhere](missing.md).\n".write(to: course.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        return (folder, course)
    }

    @Test func aBrokenLinkIsReportedWithItsPositionAndTheSiteStillBuilds() throws {
        let (folder, course) = try brokenCourse()
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        let diagnostic = try #require(site.report.diagnostics.first { $0.message.contains("broken link") })
        #expect(diagnostic.path.hasSuffix("broken.md"))
        #expect(diagnostic.line == 3)
    }

    @Test func theLastLineSaysWhatWasBuiltWhereAndHowLongItTook() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.course, into: folder)
        let last = try #require(site.report.text.split(separator: "\n").last)
        #expect(last.wholeMatch(of: #/Built \d+ pages into .+/site in \d+ ms \(\d+ files written, 0 unchanged, 0 removed\); 0 errors, \d+ warnings?/#) != nil, "\(last)")
    }

    @Test func aLinkToAMissingHeadingIsReported() throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.folder, as: "course")
        try "# Anchors\n\n## Here\n\nSee [here](#here), [setup](guide/setup.md#setup) and [gone](guide/setup.md#gone).\n"
            .write(to: course.appendingPathComponent("anchors.md"), atomically: true, encoding: .utf8)
        let site = BuiltSite(course: course.path, into: folder)
        let broken = site.report.diagnostics.filter { $0.message.contains("names no heading") }
        #expect(broken.map(\.message) == ["broken link: 'guide/setup.md#gone' names no heading of guide/setup.md (ids: setup)"])
        #expect(broken.first?.line == 5)
    }

    @Test func strictBuildsFailOnCourseErrorsAndWriteNothing() throws {
        let (folder, course) = try brokenCourse()
        let site = BuiltSite(course: course.path, into: folder, strict: true)
        #expect(!site.report.succeeded)
        #expect(site.files.isEmpty)
        #expect(site.report.text.contains("The site was not built"))
    }

    @Test func aMissingCourseIsAnErrorNotACrash() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: folder.url.appendingPathComponent("nope").path, into: folder)
        #expect(!site.report.succeeded)
        #expect(site.report.diagnostics.first?.message == "no such file or directory")
    }
}
