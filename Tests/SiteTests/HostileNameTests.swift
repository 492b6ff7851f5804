import Foundation
import TestSupport
import Testing
@testable import Site

/// Pages and folders named like URLs or full of URL syntax still get links that are relative
/// paths to their own file: never a `javascript:` URL, never cut at a `#` or `?`, in the
/// sidebar, previous/next, search index and sitemap alike.
@Suite struct HostileNameTests {
    static let names = ["javascript:alert(1)", #"say "hi""#, "a<b>c", "hash#tag", "what?", "100%", "with space",
                        "ünïcødé", "amp&er'sand", "mailto:x@example.org"]

    /// A folder of markdown: an index, one page per hostile name, and a hostile folder holding
    /// the same pages again.
    static func folderCourse(in folder: TemporaryFolder) throws -> URL {
        let course = folder.url.appendingPathComponent("course")
        let nested = course.appendingPathComponent("javascript:alert(2)")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "# Home\n\nWelcome.\n".write(to: course.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try "# Nested\n\nA folder.\n".write(to: nested.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        for (index, name) in names.enumerated() {
            let text = "# Page \(index)\n\nText of page \(index).\n\n## Section \(index)\n\nMore.\n"
            try text.write(to: course.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
            try text.write(to: nested.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
        }
        return course
    }

    /// Whether a link could be read as a URL with a scheme (`javascript:`, `mailto:`…).
    static func hasScheme(_ link: String) -> Bool {
        link.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
    }

    /// The site file a relative link from `page` opens, as a browser resolves it: the part
    /// before `#` and `?`, percent-decoded, against the page's folder.
    static func target(of link: String, from page: String) -> String? {
        let path = String(link.prefix { $0 != "#" && $0 != "?" })
        if path.isEmpty { return page }
        guard let decoded = path.removingPercentEncoding else { return nil }
        return SitePath.resolve(decoded, against: page)
    }

    @Test func everyLinkOfEveryPageIsARelativePathToAFileOfTheSite() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: try Self.folderCourse(in: folder).path, into: folder)
        #expect(site.report.succeeded)
        #expect(site.htmlPages.count >= 2 * Self.names.count)
        var bad: [String] = []
        for page in site.htmlPages {
            for link in site.links(in: page) {
                if Self.hasScheme(link) { bad.append("\(page): \(link) has a scheme") }
                guard let target = Self.target(of: link, from: page), site.files[target] != nil else {
                    bad.append("\(page): \(link) opens no file of the site")
                    continue
                }
            }
        }
        #expect(bad == [])
    }

    @Test func theSidebarLinksAPageNamedLikeAScriptURLAsADotSlashPath() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: try Self.folderCourse(in: folder).path, into: folder)
        let links = site.links(in: "index.html")
        #expect(links.contains("./javascript%3Aalert(1).html"))
        #expect(links.contains("./javascript%3Aalert(2)/index.html"))
        #expect(!site.text("index.html").contains("href=\"javascript:"))
    }

    @Test func previousAndNextLinksOpenTheirPages() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: try Self.folderCourse(in: folder).path, into: folder)
        let pattern = try NSRegularExpression(pattern: #"href="([^"]*)" rel="(?:prev|next)""#)
        var pagers = 0
        for page in site.htmlPages {
            let html = site.text(page)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                pagers += 1
                #expect(!Self.hasScheme(link), "\(page): \(link)")
                #expect(Self.target(of: link, from: page).flatMap { site.files[$0] } != nil, "\(page): \(link)")
            }
        }
        #expect(pagers >= 2 * Self.names.count)
    }

    @Test func theSearchIndexLinksEveryPageByItsEncodedPath() throws {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: try Self.folderCourse(in: folder).path, into: folder)
        let script = site.text(SearchIndex.folder + "/index.js")
        let prefix = #"lecternSearchLoaded("index","#
        let body = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)
        let json = try #require(script.hasPrefix(prefix) && body.hasSuffix(");") ? String(body.dropLast(2)) : nil, "\(script.suffix(20))")
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let urls = try #require((index["pages"] as? [[Any]])?.compactMap { $0.last as? String })
        #expect(urls.count >= Self.names.count)
        for url in urls {
            // site.js links a result as the page's root prefix followed by this url.
            #expect(!Self.hasScheme(url), "\(url)")
            #expect(Self.target(of: url, from: "index.html").flatMap { site.files[$0] } != nil, "\(url)")
        }
        #expect(urls.contains("javascript%3Aalert(1).html"))
    }

    @Test func theSitemapGivesEveryPageAsAValidURLUnderTheBase() throws {
        let folder = TemporaryFolder()
        let course = folder.url.appendingPathComponent("course")
        var manifest = "title: Hostile\nbase_url: https://courses.example.org/hostile/\nsessions:\n"
        for name in Self.names {
            let session = course.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: session, withIntermediateDirectories: true)
            try "# \(name)\n\nText.\n".write(to: session.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
            manifest += "  - '\(name.replacingOccurrences(of: "'", with: "''"))'\n"
        }
        try manifest.write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        let site = BuiltSite(course: course.path, into: folder)
        #expect(site.report.succeeded, "\(site.report.text)")
        let xml = site.text("sitemap.xml")
        let pattern = try NSRegularExpression(pattern: "<loc>([^<]*)</loc>")
        let locations = pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map {
            String(xml[Range($0.range(at: 1), in: xml)!]).replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(locations.count == Self.names.count + 1)
        let base = "https://courses.example.org/hostile/"
        for location in locations {
            #expect(URL(string: location) != nil, "\(location)")
            #expect(location.hasPrefix(base), "\(location)")
            let path = String(location.dropFirst(base.count))
            #expect(Self.target(of: path, from: "index.html").flatMap { site.files[$0] } != nil, "\(location)")
        }
        // The sidebar of a session page links its siblings as relative paths too.
        for link in site.links(in: "javascript:alert(1)/lesson.html") {
            #expect(!Self.hasScheme(link), "\(link)")
        }
    }
}
