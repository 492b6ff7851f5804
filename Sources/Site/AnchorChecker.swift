import Course
import Foundation
import Markdown
import Support

/// Reports links whose `#fragment` names no heading of the page they point to
/// (`lesson.md#metrics` when the lesson has no "Metrics" heading). `LinkChecker` checks that
/// the file exists; this checks the part after `#`, against the ids the site gives headings.
public enum AnchorChecker {
    public static func check(_ course: Course, diagnostics: inout [Diagnostic]) {
        let pages = course.pages
        // Both passes look at one page at a time, so each runs on every core; the
        // diagnostics are joined in page order, as a sequential walk gives them.
        let known = Parallel.map(pages.count) { index -> Set<String> in
            let blocks = pages[index].document.children
            var known = Set(PageOutline.headingIDs(BodyBlocks.withoutTitle(blocks)))
            if let title = BodyBlocks.titleAnchor(blocks) { known.insert(title) }
            return known
        }
        var byPath: [String: Set<String>] = [:]
        for (page, headings) in zip(pages, known) { byPath[page.relativePath] = headings }
        let ids = byPath
        let found = Parallel.map(pages.count) { index -> [Diagnostic] in
            let page = pages[index]
            var found: [Diagnostic] = []
            for link in page.links {
                let (destination, position) = (link.destination, link.start)
                guard let hash = destination.firstIndex(of: "#"), LinkChecker.localTarget(destination) != nil || destination.hasPrefix("#") else { continue }
                let fragment = String(destination[destination.index(after: hash)...])
                guard !fragment.isEmpty else { continue }
                let path = String(destination[..<hash])
                let target = path.isEmpty ? page.relativePath : SitePath.resolve(path.removingPercentEncoding ?? path, against: page.relativePath)
                guard let target, let known = ids[target] else { continue }
                let wanted = fragment.removingPercentEncoding ?? fragment
                if !known.contains(wanted) {
                    found.append(.error(page.displayPath, (position.line, position.column),
                        "broken link: '\(destination)' names no heading of \(path.isEmpty ? "this page" : path) (ids: \(known.sorted().prefix(5).joined(separator: ", "))\(known.count > 5 ? ", …" : ""))"))
                }
            }
            return found
        }
        diagnostics += found.joined()
    }
}
