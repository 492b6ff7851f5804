import Foundation
import TestSupport
import Testing

/// `lectern check`, `lectern quiz PATH` and `lectern site build`, run as a user runs them, on
/// a course folder holding one kind of symbolic link each: every command ends in time, reads
/// nothing through a link out of the course, and names the link in a warning.
@Suite struct LinkedCourseCommandTests {
    /// A kind of link planted in an otherwise valid one-session course.
    enum Hazard: String, CaseIterable, Sendable, CustomStringConvertible {
        case fileInside, fileOutside, imageOutside, imageInside, folderOutside, selfLinks, mutualLinks, linkToParent, dangling

        var description: String { rawValue }

        /// Plants the links in `course`; `outside` is a folder beside it holding `secret.md`.
        func plant(in course: URL, outside: URL) throws {
            func link(_ name: String, _ target: String) throws {
                try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent(name).path, withDestinationPath: target)
            }
            switch self {
            case .fileInside: try link("alias.md", "notes/target.md")
            case .fileOutside: try link("secret.md", outside.appendingPathComponent("secret.md").path)
            case .imageOutside: try link("shadow.png", outside.appendingPathComponent("secret.md").path)
            case .imageInside: try link("picture.png", "notes/picture.png")
            case .folderOutside: try link("elsewhere", "../outside")
            case .selfLinks: try link("a", "."); try link("b", ".")
            case .mutualLinks: try link("a", "b"); try link("b", "a")
            case .linkToParent: try link("notes/up", "..")
            case .dangling: try link("gone.md", "moved.md")
            }
        }

        /// What the warning of `check` and `site build` says, after the course's path; nil
        /// when the course is fine as it is.
        var warning: String? {
            switch self {
            case .fileInside, .imageInside: return nil
            case .fileOutside: return "/secret.md:1:1: warning: not read: a symbolic link to "
            case .imageOutside: return nil  // only the site reads linked images
            case .folderOutside: return "/elsewhere:1:1: warning: not read: a symbolic link to "
            case .selfLinks: return "/a:1:1: warning: not read: a symbolic link cycle"
            case .mutualLinks: return "/a:1:1: warning: not read: a loop of symbolic links"
            case .linkToParent: return "/notes/up:1:1: warning: not read: a symbolic link cycle"
            case .dangling: return "/gone.md:1:1: error: not read: a dangling symbolic link (to 'moved.md', which does not exist)"
            }
        }
    }

    static let secret = "SECRET-\(UUID().uuidString)"
    static let page = """
        # Session 1: Links

        A picture: ![picture](picture.png) and ![shadow](shadow.png).

        ### Question 1: One
        **Pick A.**

        A) Yes ✅
        B) No

        **Explanation:** A is right.

        """

    /// A fresh folder holding `course/` (one quiz page, notes/target.md, notes/picture.png,
    /// with the hazard planted) and `outside/secret.md`.
    final class Scratch {
        let folder = TemporaryFolder(prefix: "lectern-linked")
        var base: URL { folder.url }
        var course: URL { base.appendingPathComponent("course") }
        var outside: URL { base.appendingPathComponent("outside") }

        init(_ hazard: Hazard) throws {
            try FileManager.default.createDirectory(at: course.appendingPathComponent("notes"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try "# Outside\n\n\(secret)\n".write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
            try page.write(to: course.appendingPathComponent("01-links.md"), atomically: true, encoding: .utf8)
            try "# Target\n\nNotes.\n".write(to: course.appendingPathComponent("notes/target.md"), atomically: true, encoding: .utf8)
            try Data("PNG".utf8).write(to: course.appendingPathComponent("notes/picture.png"))
            if hazard != .imageInside {
                try FileManager.default.copyItem(at: course.appendingPathComponent("notes/picture.png"), to: course.appendingPathComponent("picture.png"))
            }
            if hazard != .imageOutside {
                try Data("PNG".utf8).write(to: course.appendingPathComponent("shadow.png"))
            }
            try hazard.plant(in: course, outside: outside)
        }
    }

    /// Each of these takes well under a second alone (a few on a loaded machine); before the
    /// fix, the cycles never ended.
    static let timeout = 60.0

    @Test(arguments: Hazard.allCases)
    func checkEndsAndNamesTheLink(_ hazard: Hazard) throws {
        let scratch = try Scratch(hazard)
        let result = try LecternProcess.run(["check", scratch.course.path, "--no-exercises"], timeout: Self.timeout)
        #expect(!result.timedOut)
        #expect(result.status == (hazard == .dangling ? 1 : 0), "\(result.stdout)")  // a page that cannot be read is an error
        #expect(!result.stdout.contains(Self.secret))
        #expect(result.stdout.contains("1 question"), "\(result.stdout)")
        if let warning = hazard.warning {
            #expect(result.stdout.contains(scratch.course.path + warning), "\(result.stdout)")
        } else {
            #expect(result.stdout.contains("0 warnings"), "\(result.stdout)")
        }
    }

    @Test(arguments: Hazard.allCases)
    func quizOnTheCourseFolderEnds(_ hazard: Hazard) throws {
        let scratch = try Scratch(hazard)
        let data = scratch.base.appendingPathComponent("data")
        let result = try LecternProcess.run(["quiz", scratch.course.path, "--answers", "A", "--format", "json", "--data-dir", data.path],
                                            timeout: Self.timeout)
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["score"] as? Int == 1)
    }

    @Test(arguments: Hazard.allCases)
    func siteBuildEndsCopiesNothingFromOutsideAndNamesTheLink(_ hazard: Hazard) throws {
        let scratch = try Scratch(hazard)
        let output = scratch.base.appendingPathComponent("site")
        let result = try LecternProcess.run(["site", "build", scratch.course.path, "--output", output.path], timeout: Self.timeout)
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("01-links.html"))
        let leaked = files.filter { name in
            FileManager.default.contents(atPath: output.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self).contains(Self.secret) } ?? false
        }
        #expect(leaked == [])
        let report = result.stdout + result.stderr
        switch hazard {
        case .imageOutside:
            #expect(report.contains(scratch.course.path + "/01-links.md:3:40: warning: 'shadow.png' leads through a symbolic link to "), "\(report)")
            #expect(!files.contains("shadow.png"))
        case .imageInside:
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent("picture.png").path) == Data("PNG".utf8))
        case .fileInside:
            #expect(files.contains("alias.html"))
        default:
            if let warning = hazard.warning { #expect(report.contains(scratch.course.path + warning), "\(report)") }
        }
    }
}
