import Course
import Foundation
import Markdown

/// Reports links whose `#fragment` names no heading of the page they point to
/// (`lesson.md#metrics` when the lesson has no "Metrics" heading). `LinkChecker` checks that
/// the file exists; this checks the part after `#`, against the ids the site gives headings.
public enum AnchorChecker {
    public static func check(_ course: Course, diagnostics: inout [Diagnostic]) {
        var ids: [String: Set<String>] = [:]
        for page in course.pages {
            var known = Set(PageOutline.headingIDs(BodyBlocks.withoutTitle(page.document.children)))
            if let title = BodyBlocks.titleAnchor(page.document.children) { known.insert(title) }
            ids[page.relativePath] = known
        }
        for page in course.pages {
            LinkRewriter.visitLinks(page.document) { destination, position in
                guard let hash = destination.firstIndex(of: "#"), LinkChecker.localTarget(destination) != nil || destination.hasPrefix("#") else { return }
                let fragment = String(destination[destination.index(after: hash)...])
                guard !fragment.isEmpty else { return }
                let path = String(destination[..<hash])
                let target = path.isEmpty ? page.relativePath : SitePath.resolve(path.removingPercentEncoding ?? path, against: page.relativePath)
                guard let target, let known = ids[target] else { return }
                let wanted = fragment.removingPercentEncoding ?? fragment
                if !known.contains(wanted) {
                    diagnostics.append(.error(page.displayPath, (position.line, position.column),
                        "broken link: '\(destination)' names no heading of \(path.isEmpty ? "this page" : path) (ids: \(known.sorted().prefix(5).joined(separator: ", "))\(known.count > 5 ? ", …" : ""))"))
                }
            }
        }
    }
}
