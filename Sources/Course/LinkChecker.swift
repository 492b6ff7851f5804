import Foundation
import Markdown

/// Reports relative links and images whose target file does not exist.
public enum LinkChecker {
    /// Checks the links of one page of a course rooted at `root`.
    public static func check(_ page: Page, root: URL, diagnostics: inout [Diagnostic]) {
        let directory = (root.path as NSString).appendingPathComponent((page.relativePath as NSString).deletingLastPathComponent)
        var known: [String: Bool] = [:]
        for link in page.links {
            let (destination, position) = (link.destination, link.start)
            guard let target = localTarget(destination) else { continue }
            let path = target.hasPrefix("/") ? target : (directory as NSString).appendingPathComponent(target)
            let exists = known[path] ?? FileManager.default.fileExists(atPath: path)
            known[path] = exists
            if !exists {
                diagnostics.append(.error(page.displayPath, (position.line, position.column), "broken link: '\(destination)' does not exist"))
            }
        }
    }

    /// The file path a destination points to, or nil for URLs, anchors and e-mail links.
    public static func localTarget(_ destination: String) -> String? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return nil }
        // Searched by bytes (every link of every page comes here; the marks are ASCII).
        let utf8 = destination.utf8
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
           destination[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return nil  // a scheme: http:, mailto:, …
        }
        var path = destination
        if let cut = utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { path = String(destination[..<cut]) }
        if path.isEmpty { return nil }
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        return path.removingPercentEncoding ?? path
    }
}
