import Foundation
import TestSupport
import Testing
@testable import Site

/// The fixture course's pages, byte for byte, against Snapshots/course/. Set RECORD_SNAPSHOTS=1
/// to rewrite them; a recording run fails so that it is never mistaken for a pass.
@Suite struct GoldenHTMLTests {
    static let pages = [
        "index.html", "01-basics/lesson.html", "01-basics/quiz.html", "01-basics/notes.html",
        "exercises/greeter/index.html", "404.html", "sitemap.xml",
    ]

    @Test(arguments: pages)
    func pageMatchesItsSnapshot(_ page: String) throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.course, into: folder)
        #expect(site.report.succeeded)
        let snapshot = Fixture.snapshots.appendingPathComponent("course").appendingPathComponent(page)
        Snapshot.expect(site.text(page), matches: snapshot)
    }

    @Test func theSiteHoldsExactlyThePlannedFiles() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.course, into: folder)
        #expect(site.files.keys.sorted() == [
            ".lectern-site", "01-basics/diagram.svg", "01-basics/lesson.html", "01-basics/notes.html",
            "01-basics/quiz.html", "404.html", "assets/quiz.js", "assets/site.css", "assets/site.js",
            "exercises/greeter/index.html", "exercises/greeter/python/greeter.py", "index.html",
            "search/index.js", "search/terms-0.js", "search/text-0.js", "sitemap.xml",
        ])
    }
}
