import Foundation

/// Maps a request path to a file of the built site, the way a static host would:
/// `/` and `/a/` to their `index.html`, percent-escapes decoded, nothing outside the folder.
public struct SiteFileResolver: Sendable {
    /// What a request resolves to.
    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(String)
        case notFound
    }

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func resolve(_ requestPath: String) -> Resolution {
        let pathOnly = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard let decoded = pathOnly.removingPercentEncoding else { return .notFound }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) { return .notFound }
        var url = root
        for part in parts { url.appendPathComponent(String(part)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard pathOnly.hasSuffix("/") else { return .redirect(pathOnly + "/") }
            url.appendPathComponent("index.html")
            return FileManager.default.fileExists(atPath: url.path) ? .file(url) : .notFound
        }
        return .file(url)
    }

    /// The Content-Type of a site file, by extension.
    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "txt", "md", "py", "swift": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
