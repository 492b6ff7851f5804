import Foundation

/// The preview server's answer to one request, decided without a socket so the rules are
/// tested alone: a site file (200), a folder's slash form (301), the site's 404 page, or 405
/// for methods other than GET and HEAD. A HEAD answer has the GET answer's headers and no body.
public struct SiteResponse: Equatable, Sendable {
    public var status: Int
    /// Header fields by name; `Content-Length` is always set.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, target: String, resolver: SiteFileResolver) {
        switch method {
        case "GET", "HEAD":
            self = Self.get(target, resolver: resolver)
            if method == "HEAD" { body = Data() }
        default:
            self.init(status: 405, headers: ["Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"],
                      body: Data("Only GET and HEAD are served\n".utf8))
        }
    }

    init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers.merging(["Content-Length": String(body.count)]) { _, length in length }
        self.body = body
    }

    private static func get(_ target: String, resolver: SiteFileResolver) -> SiteResponse {
        switch resolver.resolve(target) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                // Resolved a moment ago: gone in a rebuild's swap, or no descriptor left.
                return SiteResponse(status: 503, headers: ["Content-Type": "text/plain; charset=utf-8", "Retry-After": "1"],
                                    body: Data("The file could not be read; try again\n".utf8))
            }
            return SiteResponse(status: 200, headers: ["Content-Type": SiteFileResolver.contentType(of: url),
                                                       "Cache-Control": "no-cache"], body: data)
        case .redirect(let location):
            return SiteResponse(status: 301, headers: ["Location": location, "Cache-Control": "no-cache"], body: Data())
        case .notFound:
            let page = FileManager.default.contents(atPath: resolver.root.appendingPathComponent("404.html").path)
            return SiteResponse(status: 404, headers: ["Content-Type": page == nil ? "text/plain; charset=utf-8" : "text/html; charset=utf-8"],
                                body: page ?? Data("Not found\n".utf8))
        }
    }
}
