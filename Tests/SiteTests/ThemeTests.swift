import Course
import Foundation
import TestSupport
import Testing
@testable import Site

/// A course's theme/ folder overrides the default theme file by file.
@Suite struct ThemeTests {
    private func course(with files: [String: String]) throws -> (TemporaryFolder, URL) {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.course, as: "course")
        try FileManager.default.copyItem(at: Fixture.directory.appendingPathComponent("exercises"), to: folder.url.appendingPathComponent("exercises"))
        for (path, text) in files {
            let url = course.appendingPathComponent("theme").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return (folder, course)
    }

    @Test func aSameNamedTemplateReplacesTheDefault() throws {
        let (folder, course) = try course(with: ["templates/notfound.mustache": "{{<layout}}{{$main}}<h1>Lost? {{site.title}}</h1>{{/main}}{{/layout}}"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(site.text("404.html").contains("<h1>Lost? Fixture Course</h1>"))
        #expect(site.text("index.html").contains("<h1>Fixture Course</h1>"))
    }

    @Test func aSameNamedAssetReplacesTheDefault() throws {
        let (folder, course) = try course(with: ["assets/site.css": "body { color: black; }\n", "assets/extra.css": "p {}\n"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.text("assets/site.css") == "body { color: black; }\n")
        #expect(site.files["assets/extra.css"] != nil)
        #expect(site.files["assets/quiz.js"] != nil)
    }

    @Test func aTemplateThatDoesNotParseFailsTheBuildNamingItsLine() throws {
        let (folder, course) = try course(with: ["templates/page.mustache": "<main>\n{{#content}}\n{{/contents}}\n"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(!site.report.succeeded)
        let diagnostic = try #require(site.report.diagnostics.first { $0.path.hasSuffix("theme/templates/page.mustache") })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.contains("closing tag does not match"))
        #expect(site.files.isEmpty)
    }

    /// The default theme is read (its templates parsed) on a thread of its own before the
    /// course loads; its `{{% CONTENT_TYPE: HTML}}` must still select lectern's escaping, which
    /// escapes a `<` that a combining mark follows (the library's leaves it raw). Run alone,
    /// this is the first use of the escaping in the process.
    @Test func theShippedThemeEscapesWithLecternsEscaping() throws {
        var diagnostics: [Diagnostic] = []
        let theme = try #require(Theme.load(shipped: Theme.Shipped.read(directory: nil), courseTheme: nil, displayCourseTheme: "theme",
                                            diagnostics: &diagnostics))
        let html = theme.library.render(["title": "a<\u{301}b", "href": "x.html"], withTemplate: "nav-item") ?? ""
        #expect(html.contains("a&lt;\u{301}b"))
    }

    @Test func aStrayFileInTheThemeFolderIsReported() throws {
        let (folder, course) = try course(with: ["page.mustache": "misplaced"])
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(site.report.diagnostics.contains { $0.severity == .warning && $0.path.hasSuffix("theme/page.mustache") })
    }
}
