import Foundation
import SiteServer
import TestSupport
import Testing

/// `site serve` maps request paths to files the way a static host does.
@Suite struct SiteFileResolverTests {
    let folder = TemporaryFolder()
    let site: BuiltSite

    init() {
        site = BuiltSite(course: Fixture.course, into: folder)
    }

    var resolver: SiteFileResolver { SiteFileResolver(root: site.root) }

    private func file(_ path: String) -> SiteFileResolver.Resolution {
        .file(site.root.appendingPathComponent(path).standardizedFileURL)
    }

    @Test func theRootAndFoldersServeTheirIndex() {
        #expect(resolver.resolve("/") == file("index.html"))
        #expect(resolver.resolve("/exercises/greeter/") == file("exercises/greeter/index.html"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(resolver.resolve("/exercises/greeter") == .redirect("/exercises/greeter/"))
    }

    @Test func aFolderRedirectIsNeverProtocolRelative() {
        // `//exercises` would send a browser to the host "exercises".
        #expect(resolver.resolve("//exercises") == .redirect("/exercises/"))
        #expect(resolver.resolve("//exercises//greeter") == .redirect("/exercises/greeter/"))
    }

    @Test func aFolderRedirectKeepsTheRequestsEscapes() throws {
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("a b"), withIntermediateDirectories: true)
        #expect(resolver.resolve("/a%20b") == .redirect("/a%20b/"))
    }

    /// Every folder of the site redirects once, to a location that does not redirect again.
    @Test func noFolderRedirectLoops() throws {
        let walker = try #require(FileManager.default.enumerator(at: site.root, includingPropertiesForKeys: [.isDirectoryKey]))
        var folders = ["/"]
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            folders.append(String(url.standardizedFileURL.path.dropFirst(site.root.standardizedFileURL.path.count)))
        }
        #expect(folders.count > 3)
        for folder in folders {
            let slash = folder.hasSuffix("/") ? folder : folder + "/"
            if case .redirect = resolver.resolve(slash) { Issue.record("\(slash) redirects") }
            if folder != "/" { #expect(resolver.resolve(folder) == .redirect(slash)) }
        }
    }

    @Test func escapesAndQueriesAreHandled() {
        #expect(resolver.resolve("/01-basics/lesson%2Ehtml?x=1") == file("01-basics/lesson.html"))
        #expect(resolver.resolve("/01-basics/lesson.html#top") == file("01-basics/lesson.html"))
    }

    @Test(arguments: ["/%ff", "/%", "/%zz", "/index%ff.html", "/%c0%ae%c0%ae/course.yml", "/index.html%00", "%2Findex.html"])
    func anUndecodablePathIsNotFound(path: String) {
        #expect(resolver.resolve(path) == .notFound)
    }

    @Test func anEncodedSlashIsPartOfANameNotALevel() {
        #expect(resolver.resolve("/01-basics%2Flesson.html") == .notFound)
        #expect(resolver.resolve("/01-basics/lesson.html") == file("01-basics/lesson.html"))
    }

    @Test func aFileAskedForAsAFolderIsNotFound() {
        #expect(resolver.resolve("/index.html/") == .notFound)
    }

    @Test(arguments: ["/../course.yml", "/%2E%2E/course.yml", "/%2e%2e%2fcourse.yml", "/..%2F..%2Fcourse.yml",
                      "/assets/../../course.yml", "/.lectern-site", "/missing.html", "*", "course.yml"])
    func nothingOutsideTheSiteOrHiddenIsServed(path: String) {
        #expect(resolver.resolve(path) == .notFound)
    }

    @Test func aSymbolicLinkOutOfTheSiteIsNotFollowed() throws {
        let secret = folder.url.appendingPathComponent("secret.txt")
        try "secret".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("leak.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("up"), withDestinationURL: folder.url)
        #expect(resolver.resolve("/leak.txt") == .notFound)
        #expect(resolver.resolve("/up/secret.txt") == .notFound)
        #expect(resolver.resolve("/up/") == .notFound)
    }
}
