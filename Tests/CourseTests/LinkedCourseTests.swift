import Foundation
import Testing
@testable import Course

/// Loading a course whose folder holds symbolic links: pages linked from inside load, nothing
/// is read through a link out of the course, and cycles end (the load returns at all).
@Suite struct LinkedCourseTests {
    static let quiz = ScratchCourse.quizPage

    static func load(_ scratch: ScratchCourse) -> (course: Course?, diagnostics: [String]) {
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(scratch.course.path, diagnostics: &diagnostics)
        return (course, diagnostics.sorted().map { $0.description.replacingOccurrences(of: scratch.course.path, with: "[ROOT]") })
    }

    @Test func twoLinksToTheCourseFolderItselfLoadItOnceWithAWarningEach() throws {
        let scratch = try ScratchCourse()
        try scratch.file("01-links.md", Self.quiz)
        try scratch.link("a", to: ".")
        try scratch.link("b", to: ".")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["01-links.md"])
        #expect(course?.sessions.count == 1)
        #expect(diagnostics == [
            "[ROOT]/a:1:1: warning: not read: a symbolic link cycle: it leads back to the course folder, which holds it",
            "[ROOT]/b:1:1: warning: not read: a symbolic link cycle: it leads back to the course folder, which holds it",
        ])
    }

    @Test func twoLinksToEachOtherAreWarnedAboutAndSkipped() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("a", to: "b")
        try scratch.link("b", to: "a")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md"])
        #expect(diagnostics == [
            "[ROOT]/a:1:1: warning: not read: a loop of symbolic links",
            "[ROOT]/b:1:1: warning: not read: a loop of symbolic links",
        ])
    }

    @Test func aPageLinkedFromInsideTheCourseIsLoaded() throws {
        let scratch = try ScratchCourse()
        try scratch.file("notes/lesson.md", "# Lesson\n")
        try scratch.link("lesson.md", to: "notes/lesson.md")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["lesson.md", "notes/lesson.md"])
        #expect(diagnostics.isEmpty)
    }

    @Test func aPageLinkedFromOutsideIsNotReadAndTheLinkIsNamed() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("secret.md", to: scratch.outside.appendingPathComponent("secret.md").path)
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("[ROOT]/secret.md:1:1: warning: not read: a symbolic link to /") == true)
        #expect(diagnostics.first?.hasSuffix("/outside/secret.md, outside the course folder") == true)
    }

    @Test func aFolderLinkedFromOutsideIsNotWalked() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("elsewhere", to: "../outside")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("[ROOT]/elsewhere:1:1: warning: not read: a symbolic link to /") == true)
    }

    @Test func aDanglingPageIsAnErrorNamingWhereItPoints() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("gone.md", to: "moved.md")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md"])
        #expect(diagnostics == ["[ROOT]/gone.md:1:1: error: not read: a dangling symbolic link (to 'moved.md', which does not exist)"])
    }

    @Test func aDanglingLinkWithoutAnExtensionMayHaveBeenAFolderAndIsAWarning() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("shared", to: "../moved")
        let (_, diagnostics) = Self.load(scratch)
        #expect(diagnostics == ["[ROOT]/shared:1:1: warning: not read: a dangling symbolic link (to '../moved', which does not exist)"])
    }

    @Test func aSessionListedInCourseYmlThatLeadsOutsideIsAnErrorAtItsLine() throws {
        let scratch = try ScratchCourse()
        try scratch.file("course.yml", "title: Links\nsessions:\n  - 01-inside\n  - 02-outside\n")
        try scratch.file("01-inside/lesson.md", Self.quiz)
        try scratch.link("02-outside", to: "../outside")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.sessions.map(\.id) == ["01-inside"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("[ROOT]/course.yml:4:5: error: session '02-outside' is not read: it leads to /") == true)
    }

    @Test func aSessionFolderThatLinksBackToTheCourseEnds() throws {
        let scratch = try ScratchCourse()
        try scratch.file("course.yml", "title: Links\nsessions:\n  - 01-inside\n")
        try scratch.file("01-inside/lesson.md", Self.quiz)
        try scratch.link("01-inside/up", to: "..")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.sessions.map(\.id) == ["01-inside"])
        #expect(diagnostics == ["[ROOT]/01-inside/up:1:1: warning: not read: a symbolic link cycle: it leads back to the course folder, which holds it"])
    }

    @Test func anMkDocsPagesFolderIsWalkedAsACourseFolderIs() throws {
        let scratch = try ScratchCourse()
        try scratch.file("mkdocs.yml", "site_name: Links\ndocs_dir: docs\nnav:\n  - index.md\n")
        try scratch.file("docs/index.md", Self.quiz)
        try scratch.link("docs/secret.md", to: scratch.outside.appendingPathComponent("secret.md").path)
        try scratch.link("docs/a", to: ".")
        try scratch.link("docs/b", to: ".")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md"])
        #expect(diagnostics.count == 3)
        #expect(diagnostics.filter { $0.hasPrefix("[ROOT]/docs/a:1:1: warning: not read: a symbolic link cycle") }.count == 1)
        #expect(diagnostics.filter { $0.hasPrefix("[ROOT]/docs/b:1:1: warning: not read: a symbolic link cycle") }.count == 1)
        #expect(diagnostics.filter { $0.hasPrefix("[ROOT]/docs/secret.md:1:1: warning: not read: a symbolic link to /") }.count == 1)
    }
}
