import Foundation
import TestSupport
import Testing
@testable import Site

/// `export: true` in course.yml: each quiz page offers its GIFT, Moodle XML and QTI files.
@Suite struct QuizDownloadTests {
    @Test func withoutExportTheSiteHasNoQuestionBanks() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.course, into: folder)
        #expect(!site.files.keys.contains { $0.hasSuffix(".gift.txt") || $0.hasSuffix(".zip") || $0.hasSuffix(".moodle.xml") })
        #expect(!site.text("01-basics/quiz.html").contains("quiz-downloads"))
    }

    @Test func withExportTheQuizPageLinksEachFileBesideIt() throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.course, as: "course")
        let manifest = course.appendingPathComponent("course.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "export: true\n").write(to: manifest, atomically: true, encoding: .utf8)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded)
        let page = site.text("01-basics/quiz.html")
        for (name, label) in [("quiz.gift.txt", "GIFT"), ("quiz.moodle.xml", "Moodle XML"), ("quiz.qti21.zip", "QTI 2.1 package"),
                              ("quiz.qti12.zip", "QTI 1.2 package (Canvas)")] {
            #expect(page.contains(#"<li><a href="\#(name)" download>\#(label)</a></li>"#), "\(name)")
            #expect(site.files.keys.contains("01-basics/" + name), "\(name)")
        }
        let gift = site.text("01-basics/quiz.gift.txt")
        #expect(gift.hasPrefix("// Exported by Lectern: "))
        #expect(gift.contains("$CATEGORY: $course$/top/"))
        let zip = try Data(contentsOf: try #require(site.files["01-basics/quiz.qti21.zip"]))
        #expect(zip.prefix(2) == Data("PK".utf8))
    }
}
