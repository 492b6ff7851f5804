import Foundation
import TestSupport
@testable import Course

/// A course folder with an `outside` folder beside it (holding `secret.md`), in a fresh
/// temporary folder removed when the value goes away; real files and real symbolic links.
final class ScratchCourse {
    let folder = TemporaryFolder(prefix: "lectern-tree")
    var course: URL { folder.url.appendingPathComponent("course") }
    var outside: URL { folder.url.appendingPathComponent("outside") }

    init() throws {
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "secret\n".write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
    }

    func file(_ path: String, _ text: String = "# Page\n") throws {
        let url = course.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// `ln -s target path`, path inside the course.
    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent(path).path, withDestinationPath: target)
    }

    var tree: CourseTree { CourseTree(root: course) }
}

extension ScratchCourse {
    /// A page holding a one-question quiz keyed on the page itself.
    static let quizPage = """
        # Session 1: Links

        ### Question 1: One
        **Pick A.**

        A) Yes ✅
        B) No

        **Explanation:** A.

        """
}
