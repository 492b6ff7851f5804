@testable import Course
import Testing

/// mkdocs.yml's `exclude_docs` and `not_in_nav` patterns, gitignore-style.
@Suite struct PathPatternsTests {
    @Test(arguments: [
        ("*.py", "src/session4/server.py", true),
        ("*.py", "lesson.md", false),
        ("/drafts/", "drafts/wip.md", true),
        ("/drafts/", "module/drafts/wip.md", false),
        ("drafts/", "module/drafts/wip.md", true),
        ("/extras/*", "extras/notes.md", true),
        ("**/private/*", "a/b/private/x.md", true),
        ("*.md\n!keep.md", "keep.md", false),
        ("# a comment\n\n*.tmp", "x.tmp", true),
    ])
    func patterns(text: String, path: String, matched: Bool) {
        #expect(PathPatterns(text).matches(path) == matched)
    }
}
