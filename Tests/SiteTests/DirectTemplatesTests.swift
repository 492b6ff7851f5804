import Course
import Foundation
import TestSupport
import Testing
@testable import Site

/// The default templates a build writes without the template library (`DirectTemplates`):
/// the two write the same bytes, and anything else than the shipped text goes through the
/// library.
@Suite struct DirectTemplatesTests {
    /// Courses whose quiz forms, sidebars and pages hold, between them, every branch of the
    /// templates written out: scored and self-check items (with and without an answer),
    /// checkboxes, titles that need escaping, several forms on one page, the whole quiz and its
    /// downloads; sidebar links current and not, in folders and at the root; the layout's
    /// optional parts (`theCoursesHoldEveryBranchOfTheTemplates`).
    static let courses = [
        "Tests/SiteTests/Fixtures/quiz-forms", "Tests/SiteTests/Fixtures/mkdocs", "Tests/SiteTests/Fixtures/course",
        "Tests/SiteTests/Fixtures/mdbook", "Tests/EndToEndTests/QuizFixtures/two-sessions", "content",
    ]

    static var shippedTheme: URL { Fixture.repository.appendingPathComponent("site") }

    /// The default theme with each template written out made different in text only: a
    /// comment on a line of its own renders nothing, so the library renders what it did before.
    static func themeWithRetextedTemplates(in folder: TemporaryFolder) throws -> URL {
        let theme = folder.url.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: shippedTheme, to: theme)
        for name in DirectTemplates.fingerprints.keys {
            let template = theme.appendingPathComponent("templates/\(name).mustache")
            let text = try String(contentsOf: template, encoding: .utf8)
            try (text + "{{! the same template, in other words }}\n").write(to: template, atomically: true, encoding: .utf8)
        }
        return theme
    }

    static func build(_ course: String, theme: URL?, into output: URL) -> SiteBuildReport {
        var options = Fixture.options(output: output)
        options.themeDirectory = theme
        options.highlightDirectory = SiteBuildOptions(output: "").highlightDirectory  // Debian's highlight.js: pages with code load it
        return SiteBuilder.build(coursePath: Fixture.repository.appendingPathComponent(course).path, options: options)
    }

    @Test(arguments: DirectTemplates.fingerprints.keys.sorted())
    func theShippedTemplateIsTheOneWrittenOut(_ name: String) throws {
        let text = try String(contentsOf: Self.shippedTheme.appendingPathComponent("templates/\(name).mustache"), encoding: .utf8)
        #expect(DirectTemplates.fingerprint(text) == DirectTemplates.fingerprints[name],
                "site/templates/\(name).mustache changed: change its Swift rendering to match, then its fingerprint")
    }

    @Test func onlyTheShippedTemplatesAreRenderedWithoutTheLibrary() throws {
        let folder = TemporaryFolder()
        var diagnostics: [Diagnostic] = []
        let shipped = try #require(Theme.load(defaultDirectory: Self.shippedTheme, courseTheme: nil, displayCourseTheme: "theme",
                                              diagnostics: &diagnostics))
        let retexted = try #require(Theme.load(defaultDirectory: try Self.themeWithRetextedTemplates(in: folder), courseTheme: nil,
                                               displayCourseTheme: "theme", diagnostics: &diagnostics))
        #expect(shipped.direct == Set(DirectTemplates.fingerprints.keys))
        #expect(retexted.direct.isEmpty)
    }

    @Test(arguments: courses)
    func everyFileIsTheSameAsTheTemplateRendersIt(_ course: String) throws {
        let folder = TemporaryFolder()
        let theme = try Self.themeWithRetextedTemplates(in: folder)
        let direct = folder.url.appendingPathComponent("direct")
        let templated = folder.url.appendingPathComponent("templated")
        #expect(Self.build(course, theme: nil, into: direct).succeeded)
        #expect(Self.build(course, theme: theme, into: templated).succeeded)
        let directFiles = existingFiles(in: direct)
        let templatedFiles = existingFiles(in: templated)
        #expect(directFiles.keys.sorted() == templatedFiles.keys.sorted())
        var forms = 0
        for (path, url) in directFiles.sorted(by: { $0.key < $1.key }) {
            let bytes = try Data(contentsOf: url)
            let expected = try templatedFiles[path].map { try Data(contentsOf: $0) }
            #expect(bytes == expected, "\(course): \(path) differs from the template's rendering")
            forms += String(decoding: bytes, as: UTF8.self).components(separatedBy: "<form id=\"quiz").count - 1
        }
        #expect(forms > 0, "\(course) has no quiz form to compare")
    }

    @Test func theCoursesHoldEveryBranchOfTheTemplates() throws {
        let folder = TemporaryFolder()
        var html = ""
        for (index, course) in Self.courses.enumerated() {
            let output = folder.url.appendingPathComponent("site-\(index)")
            _ = Self.build(course, theme: nil, into: output)
            for (path, url) in existingFiles(in: output) where path.hasSuffix(".html") {
                html += try String(contentsOf: url, encoding: .utf8)
            }
        }
        for branch in [#"<li class="question self-check""#, "No answer is given for this question.", #"<details class="reveal">"#,
                       #"type="checkbox""#, #"type="radio""#, "Choose every right answer.", #"<form id="quiz-2""#, " data-whole ",
                       #"class="quiz-downloads""#, "Self-check items are not counted.", "Self-check: think of your answer",
                       "&amp; “probes” &lt;b&gt;", "1 question to answer",
                       #"<li><a href="quiz.html" aria-current="page">Quiz</a></li>"#, #"<li><a href="01-titles/lesson.html">"#,
                       // The page layout: breadcrumbs with and without a link, a table of contents or none, a title
                       // with and without an anchor, a summary, the callouts, a quiz page's lesson link, a pager
                       // without a next page, highlighting, the quiz script, a course's own language.
                       #"<meta name="description""#, "\n    <li><a href=\"", #"<div class="page-grid has-toc">"#,
                       #"<div class="page-grid">"#, "<article class=\"content\">\n<h1 id=", "<article class=\"content\">\n<h1>",
                       #"<p class="lead">"#, #"aria-label="Quiz">"#, #"aria-label="Exercise">"#, "Study first?",
                       "</a>\n\n</nav>\n", #"assets/highlight.js"></script>"#, #"assets/quiz.js"></script>"#, #"<html lang="fr-CA">"#,
                       // Sidebar groups: open and closed with their links, a one-page group current and not, open
                       // without links. (A group with neither links nor a page of its own is never planned.)
                       "<li class=\"nav-group is-open\">\n      <details open>", "<li class=\"nav-group\">\n      <details>",
                       "\" aria-current=\"page\">", "<li class=\"nav-group\">\n      <a class=\"nav-group-title\" href=",
                       "<li class=\"nav-group is-open\">\n      <a class=\"nav-group-title\""] {
            #expect(html.contains(branch), "no course holds \(branch)")
        }
    }
}
