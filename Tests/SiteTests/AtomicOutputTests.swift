import Foundation
import TestSupport
import Testing
@testable import Site

/// The output folder changes all at once or not at all, and only where bytes changed.
@Suite struct AtomicOutputTests {
    private func inode(_ url: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    @Test func aSecondBuildWithNoChangeRewritesNothing() throws {
        let folder = TemporaryFolder()
        let first = BuiltSite(course: Fixture.course, into: folder)
        let before = first.files.mapValues { inode($0) }
        let dates = try first.files.mapValues { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        let second = BuiltSite(course: Fixture.course, into: folder)
        #expect(second.report.summary == SiteWriter.Summary(written: 0, unchanged: first.files.count, removed: 0))
        #expect(second.files.mapValues { inode($0) } == before)
        #expect(try second.files.mapValues { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date } == dates)
    }

    @Test func aChangedPageIsWrittenAndUnchangedFilesKeepTheirInodes() throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.course, as: "course")
        try FileManager.default.copyItem(at: Fixture.directory.appendingPathComponent("exercises"), to: folder.url.appendingPathComponent("exercises"))
        let first = BuiltSite(course: course.path, into: folder)
        let cssBefore = inode(first.files["assets/site.css"]!)
        let notesBefore = inode(first.files["01-basics/notes.html"]!)
        let notes = course.appendingPathComponent("01-basics/notes.md")
        try (String(contentsOf: notes, encoding: .utf8) + "\nOne more line.\n").write(to: notes, atomically: true, encoding: .utf8)
        let second = BuiltSite(course: course.path, into: folder)
        #expect(second.text("01-basics/notes.html").contains("One more line."))
        #expect(second.report.summary?.removed == 0)
        #expect((second.report.summary?.written ?? 0) >= 1)
        #expect(inode(second.files["assets/site.css"]!) == cssBefore)
        #expect(inode(second.files["01-basics/notes.html"]!) != notesBefore)
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.course, as: "course")
        let first = BuiltSite(course: course.path, into: folder)
        let before = first.files.mapValues { inode($0) }
        let templates = course.appendingPathComponent("theme/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#page}}unclosed".write(to: templates.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let second = BuiltSite(course: course.path, into: folder)
        #expect(!second.report.succeeded)
        #expect(second.files.mapValues { inode($0) } == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers == [])
    }

    @Test func refusesToReplaceAFolderLecternDidNotBuild() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "precious".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let site = BuiltSite(course: Fixture.course, into: folder)
        #expect(!site.report.succeeded)
        #expect(site.report.diagnostics.contains { $0.message.contains("refusing to replace") })
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
    }

    @Test func filesNoLongerBuiltAreRemoved() throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.course, as: "course")
        try FileManager.default.copyItem(at: Fixture.directory.appendingPathComponent("exercises"), to: folder.url.appendingPathComponent("exercises"))
        _ = BuiltSite(course: course.path, into: folder)
        let lesson = course.appendingPathComponent("01-basics/lesson.md")
        let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "![a small diagram](diagram.svg)", with: "")
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        let second = BuiltSite(course: course.path, into: folder)
        #expect(second.files["01-basics/diagram.svg"] == nil)
        #expect(second.report.summary?.removed == 1)
    }
}
