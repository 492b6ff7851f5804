import Foundation
import Testing
@testable import Course

/// The one rule for an exercise's own files (its README, a starter): read, shown and
/// published only when they resolve inside the exercise folder. The loader reads by it and
/// the site builder publishes by it.
@Suite struct ExerciseFilesTests {
    @Test(arguments: [
        ("README.md", true),        // a file in the folder
        ("alias.md", true),         // a link to a file in the folder
        ("secret.md", false),       // a link to a file outside
        ("missing.md", false),      // nothing there
        ("dangling.md", false),     // a link to nothing
    ])
    func aFileIsReadOnlyWhenItResolvesInsideTheExerciseFolder(_ name: String, _ mayRead: Bool) throws {
        let scratch = try ScratchCourse()
        try scratch.file("greeter/README.md")
        try scratch.link("greeter/alias.md", to: "README.md")
        try scratch.link("greeter/secret.md", to: scratch.outside.appendingPathComponent("secret.md").path)
        try scratch.link("greeter/dangling.md", to: "nowhere.md")
        let folder = scratch.course.appendingPathComponent("greeter")
        let exercise = Exercise(slug: "greeter", title: "Greeter", session: nil, summary: "", groups: [], tracks: [],
                                limits: ExerciseLimits(), directory: folder, displayDirectory: "greeter")
        #expect(exercise.mayRead(folder.appendingPathComponent(name)) == mayRead)
    }
}
