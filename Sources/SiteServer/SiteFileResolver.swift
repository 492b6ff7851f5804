import Foundation

/// Maps a request path to a file of the built site, the way a static host would: `/` and
/// `/a/` to their `index.html`, a folder without its slash to one redirect to the slash form,
/// and anything else (an escape that is not UTF-8, a hidden or `..` segment, an encoded `/`,
/// a link out of the folder) to not found.
public struct SiteFileResolver: Sendable {
    /// What a request resolves to.
    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        /// The location always ends in `/`, and a path ending in `/` never redirects.
        case redirect(String)
        case notFound
    }

    public let root: URL
    /// The root with symbolic links resolved: every file served lies inside it.
    private let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        realRoot = self.root.resolvingSymlinksInPath().path
    }

    /// `requestTarget` is the request line's target as sent (percent-escapes and query included).
    public func resolve(_ requestTarget: String) -> Resolution {
        let path = requestTarget.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/") else { return .notFound }
        let escaped = path.split(separator: "/")  // empty segments (`//`) dropped
        var url = root
        for segment in escaped {
            // Decoded one segment at a time, so `%2F` cannot add a level; nil for a bad escape.
            guard let name = segment.removingPercentEncoding, !name.hasPrefix("."),
                  !name.contains("/"), !name.contains("\0") else { return .notFound }
            url.appendPathComponent(name)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isInside(url) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else {
                return .redirect("/" + escaped.map { $0 + "/" }.joined())
            }
            url.appendPathComponent("index.html")
            return FileManager.default.fileExists(atPath: url.path) && isInside(url) ? .file(url) : .notFound
        }
        return path.hasSuffix("/") ? .notFound : .file(url)
    }

    /// Whether `url`, symbolic links resolved, lies in the site folder.
    private func isInside(_ url: URL) -> Bool {
        let real = url.resolvingSymlinksInPath().path
        return real == realRoot || real.hasPrefix(realRoot + "/")
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
