import Foundation
import TestSupport
import Testing
@testable import Site

/// Every page of the fixture courses and of the bundled course has one h1, the landmarks
/// and a language, and every form control and image has its text alternative.
@Suite struct AccessibilityTests {
    static let courses = [Fixture.course, Fixture.folder, Fixture.repository.appendingPathComponent("content").path]

    private func count(_ pattern: String, in text: String) -> Int {
        (try! NSRegularExpression(pattern: pattern)).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    @Test(arguments: courses)
    func everyPageHasOneH1AndTheLandmarks(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        #expect(!site.htmlPages.isEmpty)
        for page in site.htmlPages {
            let html = site.text(page)
            #expect(count(#"<h1[\s>]"#, in: html) == 1, "\(page)")
            #expect(html.contains(#"<html lang="en">"#), "\(page)")
            for landmark in [#"<header class="site-header">"#, #"<nav id="sidebar" class="sidebar" aria-label="Course">"#,
                             #"<main id="main""#, #"<footer class="site-footer">"#, #"role="search""#] {
                #expect(html.contains(landmark), "\(page) lacks \(landmark)")
            }
        }
    }

    @Test(arguments: courses)
    func everyRadioHasALabelAndEveryImageAnAlt(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        for page in site.htmlPages {
            let html = site.text(page)
            let radios = try! NSRegularExpression(pattern: #"<input type="radio"[^>]* id="([^"]+)""#)
            for match in radios.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let id = String(html[Range(match.range(at: 1), in: html)!])
                #expect(html.contains(#"<label for="\#(id)">"#), "\(page): radio \(id) has no label")
            }
            #expect(count(#"<img(?![^>]*\salt=)[^>]*>"#, in: html) == 0, "\(page): an image without alt")
        }
    }

    /// The course's language reaches every page's `<html lang>`, so screen readers speak it
    /// in the right voice: course.yml `language`, mkdocs.yml `theme.language`, book.toml.
    @Test(arguments: [
        ("course.yml", "title: Kurs\nlanguage: de-CH\nsessions: []\n", "de-CH"),
        ("mkdocs.yml", "site_name: Cours\ntheme:\n  name: material\n  language: fr\n", "fr"),
        ("book.toml", "[book]\ntitle = \"Livro\"\nlanguage = \"pt-BR\"\n", "pt-BR"),
        ("course.yml", "title: Course\nsessions: []\n", "en"),
    ])
    func everyPageSpeaksTheCoursesLanguage(configuration: String, text: String, language: String) throws {
        let folder = TemporaryFolder()
        let course = folder.url.appendingPathComponent("course")
        let pages = configuration == "mkdocs.yml" ? "docs" : configuration == "book.toml" ? "src" : "."
        try FileManager.default.createDirectory(at: course.appendingPathComponent(pages), withIntermediateDirectories: true)
        try text.write(to: course.appendingPathComponent(configuration), atomically: true, encoding: .utf8)
        try "# Welcome\n\nHello.\n".write(to: course.appendingPathComponent(pages).appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        if configuration == "book.toml" {
            try "# Summary\n\n[Welcome](index.md)\n".write(to: course.appendingPathComponent("src/SUMMARY.md"), atomically: true, encoding: .utf8)
        }
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded, "\(site.report.text)")
        #expect(!site.htmlPages.isEmpty)
        for page in site.htmlPages {
            #expect(site.text(page).contains("<html lang=\"\(language)\">"), "\(page)")
        }
    }

    @Test func aLanguageThatIsNoTagIsReportedAndEnglishUsed() throws {
        let folder = TemporaryFolder()
        let course = folder.url.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try "title: Course\nlanguage: \"english please\"\nsessions: []\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.diagnostics.map(\.description).contains { $0.hasSuffix("course.yml:2:11: warning: language 'english please' is not a language tag such as en, de or pt-BR; the site says en") },
                "\(site.report.text)")
        #expect(site.text("index.html").contains("<html lang=\"en\">"))
    }
}
