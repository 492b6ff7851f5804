import Support
import Testing

/// Paths as diagnostics show them: joined with `/`, the course folder as the user typed it.
@Suite struct DisplayPathTests {
    @Test(arguments: [
        ("content", "lesson.md", "content/lesson.md"),
        ("content/", "lesson.md", "content/lesson.md"),
        (".", "lesson.md", "lesson.md"),
        ("", "lesson.md", "lesson.md"),
        ("/abs", "a/b.md", "/abs/a/b.md"),
    ])
    func joinsWithOneSlashAndDropsTheCurrentFolder(_ base: String, _ component: String, _ joined: String) {
        #expect(DisplayPath.join(base, component) == joined)
    }

    @Test(arguments: [
        ("content/../exercises", "exercises"),
        ("./a/./b/", "a/b"),
        ("a/..", "."),
        ("../up/x/..", "../up"),
        ("../../a", "../../a"),
        ("/abs/x/../y", "/abs/y"),
    ])
    func normalizingDropsDotsAndFoldsNameDotDotPairs(_ path: String, _ normal: String) {
        #expect(DisplayPath.normalized(path) == normal)
    }
}
