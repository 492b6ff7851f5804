import Foundation
import Testing
@testable import Course

/// The one walk over a course folder: links inside are followed, links out of it are not,
/// and cycles, loops and dangling links end the walk's interest in them, with a reason.
@Suite struct CourseTreeTests {
    /// Every entry the walk gives, entering every folder it may, with its kind.
    static func everything(_ tree: CourseTree) -> [String: CourseTree.Entry.Kind] {
        var seen: [String: CourseTree.Entry.Kind] = [:]
        tree.walk { _, entries in
            for entry in entries { seen[entry.path] = entry.kind }
            return entries
        }
        return seen
    }

    @Test func aLinkToAFileInsideTheCourseIsAFile() throws {
        let scratch = try ScratchCourse()
        try scratch.file("lesson.md")
        try scratch.link("alias.md", to: "lesson.md")
        #expect(Self.everything(scratch.tree)["alias.md"] == .file)
    }

    @Test func aLinkToAFolderInsideTheCourseIsEntered() throws {
        let scratch = try ScratchCourse()
        try scratch.file("shared/notes.md")
        try scratch.link("latest", to: "shared")
        let seen = Self.everything(scratch.tree)
        #expect(seen["latest"] == .folder)
        #expect(seen["latest/notes.md"] == .file)
    }

    @Test func aLinkToAFileOutsideTheCourseIsRefusedWithItsRealPath() throws {
        let scratch = try ScratchCourse()
        try scratch.link("secret.md", to: scratch.outside.appendingPathComponent("secret.md").path)
        let real = try #require(realpath(scratch.outside.appendingPathComponent("secret.md").path, nil))
        defer { free(real) }
        #expect(Self.everything(scratch.tree)["secret.md"] == .refused(.outside(String(cString: real), isFolder: false)))
    }

    @Test func aLinkToAFolderOutsideTheCourseIsNotEntered() throws {
        let scratch = try ScratchCourse()
        try scratch.link("etc", to: "../outside")
        let seen = Self.everything(scratch.tree)
        guard case .refused(.outside(_, isFolder: true)) = seen["etc"] else {
            Issue.record("etc is \(String(describing: seen["etc"]))")
            return
        }
        #expect(seen["etc/secret.md"] == nil)
    }

    @Test func aFolderLinkOnTheWayOutIsCaughtByTheRealPathNotTheName() throws {
        let scratch = try ScratchCourse()
        try scratch.file("inner/page.md")
        try scratch.link("inner/up", to: "../..")  // the course's parent, through a folder that is inside
        #expect(scratch.tree.resolve("inner/up/outside/secret.md") != .missing)
        guard case .outside = scratch.tree.resolve("inner/up/outside/secret.md") else {
            Issue.record("a path through inner/up resolves inside")
            return
        }
    }

    @Test func twoLinksToTheFolderItselfEndTheWalkWithTwoCycles() throws {
        let scratch = try ScratchCourse()
        try scratch.file("index.md")
        try scratch.link("a", to: ".")
        try scratch.link("b", to: ".")
        let seen = Self.everything(scratch.tree)
        #expect(seen == ["index.md": .file, "a": .refused(.cycle("")), "b": .refused(.cycle(""))])
    }

    @Test func aLinkBackToAFolderAboveIsACycleNamingThatFolder() throws {
        let scratch = try ScratchCourse()
        try scratch.file("one/two/page.md")
        try scratch.link("one/two/back", to: "../../one")
        #expect(Self.everything(scratch.tree)["one/two/back"] == .refused(.cycle("one")))
    }

    @Test func twoLinksToEachOtherAreALoop() throws {
        let scratch = try ScratchCourse()
        try scratch.link("a", to: "b")
        try scratch.link("b", to: "a")
        let seen = Self.everything(scratch.tree)
        #expect(seen == ["a": .refused(.loop), "b": .refused(.loop)])
        #expect(scratch.tree.resolve("a") == .loop)
    }

    @Test func aDanglingLinkNamesWhereItPoints() throws {
        let scratch = try ScratchCourse()
        try scratch.link("gone.md", to: "nowhere.md")
        #expect(Self.everything(scratch.tree)["gone.md"] == .refused(.dangling("nowhere.md")))
        #expect(scratch.tree.resolve("gone.md") == .missing)
    }

    @Test func aFIFOIsNeverOpened() throws {
        let scratch = try ScratchCourse()
        #expect(mkfifo(scratch.course.appendingPathComponent("pipe.md").path, 0o600) == 0)
        #expect(Self.everything(scratch.tree)["pipe.md"] == .refused(.special))
    }

    @Test func aStartFolderThatLeadsOutsideIsNotWalked() throws {
        let scratch = try ScratchCourse()
        try scratch.link("theme", to: "../outside")
        var visited: [String] = []
        scratch.tree.walk(from: "theme") { folder, _ in
            visited.append(folder)
            return []
        }
        #expect(visited.isEmpty)
    }

    @Test func warningsNameTheLinkAndWhy() throws {
        let scratch = try ScratchCourse()
        try scratch.link("a", to: ".")
        try scratch.link("gone.md", to: "nowhere.md")
        var warnings: [String] = []
        let tree = scratch.tree
        tree.walk { _, entries in
            warnings += entries.compactMap { tree.diagnostic(.warning, for: $0, displayRoot: "course")?.description }
            return []
        }
        #expect(warnings == [
            "course/a:1:1: warning: not read: a symbolic link cycle: it leads back to the course folder, which holds it",
            "course/gone.md:1:1: warning: not read: a dangling symbolic link (to 'nowhere.md', which does not exist)",
        ])
    }
}
