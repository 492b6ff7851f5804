import Course
import Foundation
import TestSupport
import Testing
@testable import Site

/// The sidebar follows the course's own configuration: an MkDocs site's mkdocs.yml
/// (Fixtures/mkdocs, shaped like a real nano-degree course: docs_dir, `!!python/name` tags,
/// exclude_docs, not_in_nav, a lesson keyed by its solutions page, mkdocs-quiz blocks) or an
/// mdBook's SUMMARY.md (Fixtures/mdbook); else folders, where only folders holding a page
/// are groups.
@Suite struct CourseNavigationTests {
    static var mkdocs: String { Fixture.directory.appendingPathComponent("mkdocs").path }
    static var mdbook: String { Fixture.directory.appendingPathComponent("mdbook").path }

    /// The sidebar's groups of a page: each group's title and the titles of its listed pages.
    func sidebar(_ site: BuiltSite, _ page: String) -> [String] {
        let html = site.text(page)
        guard let start = html.range(of: #"<nav id="sidebar""#), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return [] }
        let nav = String(html[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"class="nav-group-title"[^>]*>([^<]*)<|<li(?: class="nav-home")?><a href="[^"]*"[^>]*>([^<]*)</a></li>"#)
        return pattern.matches(in: nav, range: NSRange(nav.startIndex..., in: nav)).map { match in
            if let group = Range(match.range(at: 1), in: nav) { return "# " + nav[group] }
            return String(nav[Range(match.range(at: 2), in: nav)!])
        }
    }

    @Test func mkdocsTitleAndPagesComeFromMkdocsYml() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mkdocs, into: folder)
        #expect(site.report.succeeded)
        #expect(site.text("index.html").contains("<title>Agentic AI Nano-Degree</title>"))
        #expect(site.htmlPages == ["01_frameworks/Session4_Production_MCP_Deployment.html", "01_frameworks/Session4_Test_Solutions.html",
                                   "01_frameworks/index.html", "404.html", "extras/notes.html", "index.html", "orphan.html",
                                   "quizzes/practice.html"])
    }

    @Test func theSidebarIsTheNavInItsOrderWithItsTitles() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mkdocs, into: folder)
        #expect(sidebar(site, "01_frameworks/index.html") == [
            "Home", "# Agent Frameworks", "Agent Frameworks", "Session 4: Production Deployment", "Session 4 Solutions", "# Practice",
            "Checks",
        ])
    }

    @Test func excludedDocsAreNeitherPublishedNorCopiedAndTheNavsMentionIsReported() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mkdocs, into: folder)
        #expect(!site.files.keys.contains { $0.hasPrefix("drafts/") || $0.hasSuffix(".py") })
        let messages = site.report.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("mkdocs.yml:34:25: warning: the navigation names drafts/wip.md, which is excluded (exclude_docs) in \(Self.mkdocs)/docs-content") })
        // extras/ is in not_in_nav; orphan.md is not, so it is named.
        #expect(messages.contains { $0.contains("1 page not in the navigation") && $0.hasSuffix(": orphan.md") })
    }

    @Test func aLessonKeyedByItsSolutionsPageHoldsItsQuizInPlaceAndTheSolutionsPageStaysAsWritten() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mkdocs, into: folder)
        let lesson = site.text("01_frameworks/Session4_Production_MCP_Deployment.html")
        #expect(lesson.contains(#"<form id="quiz" class="quiz""#))
        #expect(lesson.components(separatedBy: "An image bundles the server with its runtime.").count == 2)
        #expect(lesson.contains("View Test Solutions"))
        #expect(!lesson.contains("✅"))
        let solutions = site.text("01_frameworks/Session4_Test_Solutions.html")
        #expect(!solutions.contains("<form"))
        #expect(solutions.contains("✅"))
    }

    @Test func mkdocsQuizBlocksSpreadOverAPageAreFormsWhereTheyStand() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mkdocs, into: folder)
        let page = site.text("quizzes/practice.html")
        let first = try #require(page.range(of: #"<form id="quiz" class="quiz""#))
        let between = try #require(page.range(of: "Between the checks, a reminder"))
        let second = try #require(page.range(of: #"<form id="quiz-2" class="quiz""#))
        #expect(first.lowerBound < between.lowerBound && between.lowerBound < second.lowerBound)
        #expect(page.contains(#"<input type="checkbox" name="q1" id="q1-a" value="0">"#))
        #expect(page.contains(#"<input type="radio" name="q2" id="q2-b" value="1">"#))
        #expect(page.contains(#"<details class="reveal">"#))
        #expect(page.contains("A server that answers 200 while its database is down is not healthy"))
        // The self-check item right after the second block joins its form; no third form.
        let selfCheck = try #require(page.range(of: #"<li class="question self-check" id="q3">"#))
        #expect(second.lowerBound < selfCheck.lowerBound)
        #expect(!page.contains(#"id="quiz-3""#))
        #expect(page.contains("Further reading"))
    }

    @Test func anMdBookFollowsItsSummaryPartsAndChaptersAndBuildsNothingElse() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mdbook, into: folder)
        #expect(site.report.succeeded)
        #expect(site.text("index.html").contains("<title>Observability in Practice</title>"))
        #expect(site.htmlPages == ["404.html", "appendix.html", "basics/histograms.html", "basics/metrics.html", "checks/quiz.html", "index.html"])
        #expect(sidebar(site, "basics/histograms.html") == ["Home", "# Basics", "Metrics", "Histograms", "# Checks", "Self check", "# Appendix"])
    }

    @Test func anMdBookQuizWithSeveralRightAnswersScoresWithPartialCreditWhenItSaysSo() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Self.mdbook, into: folder)
        let page = site.text("checks/quiz.html")
        let pattern = try #require(page.range(of: #"data-quiz="[^"]*""#, options: .regularExpression))
        let json = try #require(QuizPayload.decode(String(page[pattern].dropFirst(11).dropLast())))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["scoring"] as? String == "partial")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.map { $0["correct"] as? [Int] } == [[0, 2], [1]])
    }

    @Test func aFolderOfCodeOrImagesIsNoSidebarGroupAndAGroupTakesItsIndexPagesTitle() throws {
        let folder = TemporaryFolder()
        let course = folder.url.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("01_intro/src/session1"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: course.appendingPathComponent("images"), withIntermediateDirectories: true)
        try "# Home\n".write(to: course.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try "# Introduction to Agents\n".write(to: course.appendingPathComponent("01_intro/index.md"), atomically: true, encoding: .utf8)
        try "# Patterns\n".write(to: course.appendingPathComponent("01_intro/patterns.md"), atomically: true, encoding: .utf8)
        try "print('hi')\n".write(to: course.appendingPathComponent("01_intro/src/session1/agent.py"), atomically: true, encoding: .utf8)
        try Data([0x89, 0x50]).write(to: course.appendingPathComponent("images/logo.png"))
        let site = BuiltSite(course: course.path, into: folder)
        #expect(sidebar(site, "01_intro/patterns.html") == ["Home", "# Introduction to Agents", "Introduction to Agents", "Patterns"])
    }
}
