import Foundation
import TestSupport
import Testing
@testable import Site

/// A link checker over the whole output: every relative link and image resolves to a file
/// of the site, and every fragment to an id on its page; nothing loads from another host.
@Suite struct SiteLinkTests {
    static let courses = [Fixture.course, Fixture.folder, Fixture.repository.appendingPathComponent("content").path]

    @Test(arguments: courses)
    func everyRelativeLinkAndFragmentResolves(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        #expect(site.report.succeeded)
        var broken: [String] = []
        for page in site.htmlPages {
            for link in site.links(in: page) where !link.contains("://") && !link.hasPrefix("mailto:") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? page : SitePath.resolve(parts[0], against: page) ?? "<above the root>"
                guard site.files[target] != nil else {
                    broken.append("\(page): \(link) (no file \(target))")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, target.hasSuffix(".html"), !site.ids(in: target).contains(parts[1]) {
                    broken.append("\(page): \(link) (no id '\(parts[1])' in \(target))")
                }
            }
        }
        #expect(broken == [])
    }

    @Test(arguments: courses)
    func nothingLoadsFromAnotherHost(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        var external: [String] = []
        for page in site.htmlPages {
            let html = site.text(page)
            let resource = try! NSRegularExpression(pattern: #"<(?:script|link|img|iframe|source|video|audio)\b[^>]*(?:src|href)="([^"]*)""#)
            for match in resource.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let url = String(html[Range(match.range(at: 1), in: html)!])
                if url.contains("//") { external.append("\(page): \(url)") }
            }
        }
        for (path, _) in site.files where path.hasSuffix(".css") {
            let css = site.text(path)
            if css.contains("@import") || css.range(of: #"url\(\s*['"]?(https?:)?//"#, options: .regularExpression) != nil {
                external.append(path)
            }
        }
        #expect(external == [])
    }

    @Test func onlyTheAuthorsOwnLinksPointElsewhere() {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: Fixture.course, into: folder)
        let absolute = site.htmlPages.flatMap { page in site.links(in: page).filter { $0.contains("://") } }
        #expect(absolute == ["https://example.org/docs"])
    }
}
