import Course
import Foundation
import TestSupport
import Testing
@testable import Site

/// The default `quiz-form` template is rendered by ``QuizFormHTML`` without the template
/// library; these hold that the two write the same bytes, and that anything else than the
/// shipped template goes through the library.
@Suite struct QuizFormHTMLTests {
    /// Courses whose quiz forms hold, between them, every branch of the template: scored and
    /// self-check items (with and without an answer), checkboxes, titles that need escaping,
    /// several forms on one page, the whole quiz and its downloads.
    static let courses = [
        "Tests/SiteTests/Fixtures/quiz-forms", "Tests/SiteTests/Fixtures/mkdocs", "Tests/SiteTests/Fixtures/course",
        "Tests/SiteTests/Fixtures/mdbook", "Tests/EndToEndTests/QuizFixtures/two-sessions", "content",
    ]

    static var shippedTheme: URL { Fixture.repository.appendingPathComponent("site") }

    /// The default theme with its quiz-form template made different in text only: a comment
    /// on a line of its own renders nothing, so the library renders what it did before.
    static func themeWithRetextedQuizForm(in folder: TemporaryFolder) throws -> URL {
        let theme = folder.url.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: shippedTheme, to: theme)
        let template = theme.appendingPathComponent("templates/quiz-form.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try (text + "{{! the same template, in other words }}\n").write(to: template, atomically: true, encoding: .utf8)
        return theme
    }

    static func build(_ course: String, theme: URL?, into output: URL) -> SiteBuildReport {
        var options = Fixture.options(output: output)
        options.themeDirectory = theme
        return SiteBuilder.build(coursePath: Fixture.repository.appendingPathComponent(course).path, options: options)
    }

    @Test func theShippedTemplateIsTheOneWrittenOut() throws {
        let text = try String(contentsOf: Self.shippedTheme.appendingPathComponent("templates/quiz-form.mustache"), encoding: .utf8)
        #expect(QuizFormHTML.fingerprint(text) == QuizFormHTML.templateFingerprint,
                "site/templates/quiz-form.mustache changed: change QuizFormHTML to match, then its fingerprint")
    }

    @Test func onlyTheShippedTemplateIsRenderedWithoutTheLibrary() throws {
        let folder = TemporaryFolder()
        var diagnostics: [Diagnostic] = []
        let shipped = try #require(Theme.load(defaultDirectory: Self.shippedTheme, courseTheme: nil, displayCourseTheme: "theme",
                                              diagnostics: &diagnostics))
        let retexted = try #require(Theme.load(defaultDirectory: try Self.themeWithRetextedQuizForm(in: folder), courseTheme: nil,
                                               displayCourseTheme: "theme", diagnostics: &diagnostics))
        #expect(shipped.quizFormIsDefault)
        #expect(!retexted.quizFormIsDefault)
    }

    @Test(arguments: courses)
    func everyFileIsTheSameAsTheTemplateRendersIt(_ course: String) throws {
        let folder = TemporaryFolder()
        let theme = try Self.themeWithRetextedQuizForm(in: folder)
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

    @Test func theCoursesHoldEveryBranchOfTheTemplate() throws {
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
                       "&amp; “probes” &lt;b&gt;", "1 question to answer"] {
            #expect(html.contains(branch), "no course holds \(branch)")
        }
    }
}
