import Foundation
import TestSupport
import Testing
@testable import Site

/// Any folder of markdown builds: folders become sections, links between .md files follow.
@Suite struct FolderModeTests {
    @Test func pagesKeepTheirFolderLayoutAndReadmesBecomeFolderPages() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.folder, into: folder)
        #expect(site.report.succeeded)
        #expect(site.htmlPages == ["404.html", "guide/index.html", "guide/setup.html", "index.html", "zz-quiz/check.html"])
    }

    @Test func aFolderWithBothIndexAndReadmePublishesIndexAndWarnsAboutReadme() throws {
        let folder = TemporaryFolder()
        let course = folder.url.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("guide"), withIntermediateDirectories: true)
        try "# Home\n\nSee [the readme](README.md) and [the guide](guide/README.md).\n".write(to: course.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try "# Old home\n\nThe readme.\n".write(to: course.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "# Guide index\n\nThe index.\n".write(to: course.appendingPathComponent("guide/index.md"), atomically: true, encoding: .utf8)
        try "# Guide readme\n\nThe readme.\n".write(to: course.appendingPathComponent("guide/README.md"), atomically: true, encoding: .utf8)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        #expect(site.htmlPages == ["404.html", "guide/index.html", "index.html"])
        #expect(site.text("index.html").contains(">Home</h1>"))
        #expect(!site.text("index.html").contains("Old home"))
        #expect(site.text("guide/index.html").contains("The index."))
        #expect(!site.text("guide/index.html").contains("The readme."))
        #expect(site.text("index.html").contains(#"<a href="guide/index.html">the guide</a>"#))
        let warnings = site.report.diagnostics.filter { $0.severity == .warning }.map(\.path).sorted()
        #expect(warnings == [course.appendingPathComponent("README.md").path, course.appendingPathComponent("guide/README.md").path])
    }

    @Test func linksBetweenMarkdownFilesPointAtTheGeneratedPages() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.folder, into: folder)
        #expect(site.text("index.html").contains(#"<a href="guide/index.html">guide</a>"#))
        #expect(site.text("guide/index.html").contains(#"<a href="setup.html">setup</a>"#))
        #expect(site.text("guide/setup.html").contains(#"<a href="../zz-quiz/check.html">check</a>"#))
    }

    @Test func theSidebarHasAGroupPerFolderTitledByItsReadme() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.folder, into: folder)
        let page = site.text("guide/setup.html")
        #expect(page.contains("<details open>\n        <summary class=\"nav-group-title\">The Guide</summary>"))
        #expect(page.contains(#"<li><a href="index.html">The Guide</a></li>"#))
        #expect(page.contains(#"<a href="setup.html" aria-current="page">Setup</a>"#))
        // Another folder's group is folded, its pages listed inside.
        #expect(page.contains("<details>\n        <summary class=\"nav-group-title\">zz quiz</summary>"))
        #expect(page.contains(#"<li><a href="../zz-quiz/check.html">Self check</a></li>"#))
    }

    @Test func aPageHoldingAQuizShowsItAsAFormWhereItIsWrittenNeverAsASecondCopy() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.folder, into: folder)
        let page = site.text("zz-quiz/check.html")
        let intro = try #require(page.range(of: "Read this first."))
        let form = try #require(page.range(of: #"<form id="quiz" class="quiz""#))
        let after = try #require(page.range(of: "Well done."))
        #expect(intro.lowerBound < form.lowerBound && form.lowerBound < after.lowerBound)
        #expect(page.contains(#"<input type="radio" name="q1" id="q1-b" value="1">"#))
        #expect(page.components(separatedBy: "Read this first.").count == 2)
        #expect(page.contains(#"<script src="../assets/quiz.js"></script>"#))
        #expect(!page.contains("✅"))
        #expect(!page.contains("introduces a folder"))
        #expect(!site.htmlPages.contains("zz-quiz/check-quiz.html"))
    }
}
