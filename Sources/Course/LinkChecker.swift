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
        if let colon = destination.firstIndex(of: ":"),
           destination[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return nil  // a scheme: http:, mailto:, …
        }
        var path = destination
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty { return nil }
        return path.removingPercentEncoding ?? path
    }
}
