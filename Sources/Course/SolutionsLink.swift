import Foundation
import Markdown

/// Where a lesson says its quiz's answers are: a solutions page.
///
/// Front matter `solutions: Session4_Test_Solutions.md` names it outright. Otherwise a link
/// to a markdown page whose text or file name says "solution" or "answer" ("View Test
/// Solutions →"), or such a file name written as code ("answers in `Session1_Test_Solutions.md`").
enum SolutionsLink {
    struct Candidate: Equatable {
        /// The page's path relative to the course root, normalized.
        var target: String
        var position: SourcePosition
        /// Named in front matter rather than found in the text.
        var explicit: Bool
    }

    /// The page's candidates, the front matter's first, then the links nearest to `lines`
    /// (the quiz's span) first.
    static func candidates(in page: Page, near lines: ClosedRange<Int>) -> [Candidate] {
        var found: [Candidate] = []
        if let named = page.frontMatter.values["solutions"], let target = resolve(named, from: page.relativePath) {
            found.append(Candidate(target: target, position: SourcePosition(line: 1, column: 1), explicit: true))
        }
        var collector = CandidateCollector(page: page)
        collector.visit(page.document)
        var linked = collector.found
        func distance(_ candidate: Candidate) -> Int {
            let line = candidate.position.line
            return lines.contains(line) ? 0 : min(abs(line - lines.lowerBound), abs(line - lines.upperBound))
        }
        linked.sort { (distance($0), $0.position) < (distance($1), $1.position) }
        for candidate in linked where !found.contains(where: { $0.target == candidate.target }) { found.append(candidate) }
        return found
    }

    /// Links and code spans naming a solutions page; code blocks, HTML and text hold none.
    private struct CandidateCollector: MarkdownWalker {
        let page: Page
        var found: [Candidate] = []

        mutating func visitLink(_ node: borrowing MarkdownNode) {
            guard case .link(let destination, _) = node.kind, let target = LinkChecker.localTarget(destination), isMarkdown(target),
                  saysSolutions(node.plainText()) || saysSolutions((target as NSString).lastPathComponent),
                  let resolved = resolve(target, from: page.relativePath) else { return }
            found.append(Candidate(target: resolved, position: node.start, explicit: false))
        }

        mutating func visitCode(_ node: borrowing MarkdownNode) {
            // A markdown file's name holds a dot; most code spans do not, and are passed over.
            guard node.literal.utf8.contains(UInt8(ascii: ".")) else { return }
            let name = node.literal.trimmingWhitespace()
            guard isMarkdown(name), !name.contains(" "), saysSolutions((name as NSString).lastPathComponent),
                  let resolved = resolve(name, from: page.relativePath) else { return }
            found.append(Candidate(target: resolved, position: node.start, explicit: false))
        }

        mutating func visitCodeBlock(_ node: borrowing MarkdownNode) {}
        mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) {}
        mutating func visitText(_ node: borrowing MarkdownNode) {}
    }

    static func saysSolutions(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("solution") || lower.contains("answer")
    }

    private static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// `target` (relative to the page's folder, or to the root when it starts with `/`) as a
    /// path relative to the course root; nil when it leaves the root.
    static func resolve(_ target: String, from relativePath: String) -> String? {
        let folder = (relativePath as NSString).deletingLastPathComponent
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
