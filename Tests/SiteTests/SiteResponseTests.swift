import Foundation
import SiteServer
import TestSupport
import Testing

/// What the preview server answers, request by request.
@Suite struct SiteResponseTests {
    let folder = TemporaryFolder()
    let site: BuiltSite

    init() {
        site = BuiltSite(course: Fixture.course, into: folder)
    }

    private func response(_ method: String, _ target: String) -> SiteResponse {
        SiteResponse(method: method, target: target, resolver: SiteFileResolver(root: site.root))
    }

    @Test func aPageIsServedWithItsTypeAndLength() throws {
        let page = response("GET", "/01-basics/lesson.html")
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.headers["Content-Length"] == String(page.body.count))
        #expect(String(decoding: page.body, as: UTF8.self) == site.text("01-basics/lesson.html"))
        #expect(response("GET", "/01-basics/diagram.svg").headers["Content-Type"] == "image/svg+xml")
    }

    @Test func headHasTheHeadersOfGetAndNoBody() {
        let get = response("GET", "/"), head = response("HEAD", "/")
        #expect(head.status == 200)
        #expect(head.headers == get.headers)
        #expect(head.body.isEmpty)
    }

    @Test func aMissingPageGetsTheSites404Page() {
        let missing = response("GET", "/no-such-page.html")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self) == site.text("404.html"))
        #expect(response("GET", "/%ff").status == 404)
    }

    @Test func aFolderWithoutItsSlashIsRedirected() {
        let redirect = response("GET", "/exercises")
        #expect(redirect.status == 301)
        #expect(redirect.headers["Location"] == "/exercises/")
        #expect(redirect.headers["Content-Length"] == "0")
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS"])
    func onlyGetAndHeadAreServed(method: String) {
        let refused = response(method, "/")
        #expect(refused.status == 405)
        #expect(refused.headers["Allow"] == "GET, HEAD")
    }
}
