import Course
import Foundation
import TestSupport
import Testing
@testable import Site

/// The site never reads or copies through a symbolic link that leads outside the course (or,
/// for a starter, outside its exercise): the fixture course, copied to a temporary folder,
/// gets real links to a secret file beside it, and the secret must appear in no output file.
@Suite struct LinkedFilesTests {
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    /// The fixture course and its exercises in `folder`, with `outside/secret.txt` beside them.
    static func scratch(_ folder: TemporaryFolder) throws -> (course: URL, outside: URL) {
        let course = try folder.copy(Fixture.course, as: "course")
        _ = try folder.copy(Fixture.directory.appendingPathComponent("exercises").path, as: "exercises")
        let outside = folder.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try (secret + "\n").write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        return (course, outside)
    }

    static func link(_ path: URL, to target: String) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target)
    }

    /// Appends lines to the fixture's lesson; gives the line number of the first one.
    static func appendToLesson(_ course: URL, _ lines: [String]) throws -> Int {
        let lesson = course.appendingPathComponent("01-basics/lesson.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try (text + "\n" + lines.joined(separator: "\n") + "\n").write(to: lesson, atomically: true, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
    }

    /// Whether any file of the built site holds the secret.
    static func leaks(_ site: BuiltSite) -> [String] {
        site.files.compactMap { path, url in
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return String(decoding: data, as: UTF8.self).contains(secret) ? path : nil
        }.sorted()
    }

    @Test func anImageThatLinksToAFileOutsideIsNotCopiedAndItsLineIsWarned() throws {
        let folder = TemporaryFolder()
        let (course, outside) = try Self.scratch(folder)
        try Self.link(course.appendingPathComponent("01-basics/shadow.png"), to: outside.appendingPathComponent("secret.txt").path)
        let line = try Self.appendToLesson(course, ["![shadow](shadow.png)"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(Self.leaks(site) == [])
        #expect(site.files["01-basics/shadow.png"] == nil)
        let warning = site.report.diagnostics.first { $0.message.contains("'shadow.png'") }
        #expect(warning?.severity == .warning)
        #expect(warning?.path == course.path + "/01-basics/lesson.md")
        #expect(warning?.line == line)
        #expect(warning?.message.contains("symbolic link") == true)
    }

    @Test func aLinkThroughAFolderLinkedFromOutsideIsNotCopied() throws {
        let folder = TemporaryFolder()
        let (course, _) = try Self.scratch(folder)
        try Self.link(course.appendingPathComponent("01-basics/etc"), to: "../../outside")
        let line = try Self.appendToLesson(course, ["See [the file](etc/secret.txt)."])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(Self.leaks(site) == [])
        #expect(site.report.diagnostics.contains { $0.line == line && $0.message.contains("'etc/secret.txt'") && $0.message.contains("outside the course folder") })
        #expect(site.report.diagnostics.contains { $0.path == course.path + "/01-basics/etc" && $0.message.hasPrefix("not read: a symbolic link to") })
    }

    @Test func anImageLinkedFromInsideTheCourseIsCopied() throws {
        let folder = TemporaryFolder()
        let (course, _) = try Self.scratch(folder)
        try Self.link(course.appendingPathComponent("01-basics/alias.svg"), to: "diagram.svg")
        _ = try Self.appendToLesson(course, ["![again](alias.svg)"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        let copy = try #require(site.files["01-basics/alias.svg"])
        #expect(FileManager.default.contents(atPath: copy.path) == FileManager.default.contents(atPath: course.appendingPathComponent("01-basics/diagram.svg").path))
        #expect(!site.report.diagnostics.contains { $0.message.contains("alias.svg") })
    }

    @Test func aThemeAssetLinkedFromOutsideIsNotCopied() throws {
        let folder = TemporaryFolder()
        let (course, outside) = try Self.scratch(folder)
        try Self.link(course.appendingPathComponent("theme/assets/leak.css"), to: outside.appendingPathComponent("secret.txt").path)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(Self.leaks(site) == [])
        #expect(site.files["assets/leak.css"] == nil)
        #expect(site.report.diagnostics.contains { $0.path == course.path + "/theme/assets/leak.css" && $0.severity == .warning })
    }

    @Test func aThemeFolderLinkedFromOutsideIsNotRead() throws {
        let folder = TemporaryFolder()
        let (course, outside) = try Self.scratch(folder)
        try Self.link(outside.appendingPathComponent("assets/leak.css"), to: "../secret.txt")
        try Self.link(course.appendingPathComponent("theme"), to: outside.path)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(Self.leaks(site) == [])
        #expect(site.report.diagnostics.contains { $0.path == course.path + "/theme" && $0.message.hasPrefix("not read: a symbolic link to") })
    }

    @Test func aStarterLinkedFromOutsideItsExerciseIsNotPublished() throws {
        let folder = TemporaryFolder()
        let (course, outside) = try Self.scratch(folder)
        let starter = folder.url.appendingPathComponent("exercises/greeter/python/starter/greeter.py")
        try FileManager.default.removeItem(at: starter)
        try Self.link(starter, to: outside.appendingPathComponent("secret.txt").path)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(Self.leaks(site) == [])
        #expect(site.files["exercises/greeter/python/greeter.py"] == nil)
        #expect(site.report.diagnostics.contains { $0.path.hasSuffix("exercises/greeter/python/starter/greeter.py") && $0.message.contains("outside the exercise folder") })
    }

    @Test func linkCyclesInTheCourseEndTheBuild() throws {
        let folder = TemporaryFolder()
        let (course, _) = try Self.scratch(folder)
        try Self.link(course.appendingPathComponent("a"), to: ".")
        try Self.link(course.appendingPathComponent("b"), to: ".")
        try Self.link(course.appendingPathComponent("01-basics/back"), to: "..")
        try Self.link(course.appendingPathComponent("loop-1"), to: "loop-2")
        try Self.link(course.appendingPathComponent("loop-2"), to: "loop-1")
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(site.files["01-basics/lesson.html"] != nil)
        #expect(site.report.diagnostics.filter { $0.message.contains("cycle") }.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["back"])
    }
}
