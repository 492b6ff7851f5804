import Foundation
import SiteServer
import Testing

/// `site serve` maps request paths to files the way a static host does.
@Suite struct SiteFileResolverTests {
    let folder = TemporaryFolder()
    let site: BuiltSite

    init() {
        site = BuiltSite(course: Fixture.course, into: folder)
    }

    var resolver: SiteFileResolver { SiteFileResolver(root: site.root) }

    @Test func theRootAndFoldersServeTheirIndex() {
        #expect(resolver.resolve("/") == .file(site.root.appendingPathComponent("index.html").standardizedFileURL))
        #expect(resolver.resolve("/exercises/greeter/") == .file(site.root.appendingPathComponent("exercises/greeter/index.html").standardizedFileURL))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(resolver.resolve("/exercises/greeter") == .redirect("/exercises/greeter/"))
    }

    @Test func escapesAndQueriesAreHandled() {
        #expect(resolver.resolve("/01-basics/lesson%2Ehtml?x=1") == .file(site.root.appendingPathComponent("01-basics/lesson.html").standardizedFileURL))
    }

    @Test func nothingOutsideTheSiteOrHiddenIsServed() {
        #expect(resolver.resolve("/../course.yml") == .notFound)
        #expect(resolver.resolve("/%2E%2E/course.yml") == .notFound)
        #expect(resolver.resolve("/.lectern-site") == .notFound)
        #expect(resolver.resolve("/missing.html") == .notFound)
    }
}
