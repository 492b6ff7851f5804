import Foundation
import TestSupport
import Testing
@testable import Site

/// An exercise page: its README, each track's starter to download or copy, and the command.
@Suite struct ExercisePageTests {
    let folder = TemporaryFolder()
    let site: BuiltSite

    init() {
        site = BuiltSite(course: Fixture.course, into: folder)
    }

    var page: String { site.text("exercises/greeter/index.html") }

    @Test func showsTheReadmeUnderOneHeading() {
        #expect(page.components(separatedBy: "<h1").count - 1 == 1)
        #expect(page.contains(#"<h2 id="behaviour">Behaviour</h2>"#))
    }

    @Test func offersTheStarterFileToDownloadAndCopy() {
        #expect(page.contains(#"<a class="button" href="python/greeter.py" download>Download greeter.py</a>"#))
        #expect(page.contains("raise NotImplementedError"))
        #expect(site.text("exercises/greeter/python/greeter.py").contains("raise NotImplementedError"))
    }

    @Test func givesTheExactGradeCommand() {
        #expect(page.contains("<code>lectern grade greeter greeter.py --track python</code>"))
    }
}
