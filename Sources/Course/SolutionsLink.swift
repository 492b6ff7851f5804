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
        var linked = linkedCandidates(in: page)
        func distance(_ candidate: Candidate) -> Int {
            let line = candidate.position.line
            return lines.contains(line) ? 0 : min(abs(line - lines.lowerBound), abs(line - lines.upperBound))
        }
        linked.sort { (distance($0), $0.position) < (distance($1), $1.position) }
        for candidate in linked where !found.contains(where: { $0.target == candidate.target }) { found.append(candidate) }
        return found
    }

    /// Links and code spans naming a solutions page, in document order; code blocks, HTML and
    /// text hold none. Walked through pointers: the lessons that hold quizzes are walked whole.
    private static func linkedCandidates(in page: Page) -> [Candidate] {
        var found: [Candidate] = []
        page.document.walk { node in
            switch node.pointee.kind {
            case .link(let destination, _):
                if let target = LinkChecker.localTarget(destination), CourseLoader.isMarkdown(target),
                   saysSolutions(node.pointee.plainText()) || saysSolutions(fileName(target)),
                   let resolved = resolve(target, from: page.relativePath) {
                    found.append(Candidate(target: resolved, position: node.pointee.start, explicit: false))
                }
                return false
            case .code:
                // A markdown file's name holds a dot; most code spans do not, and are passed over.
                let literal = node.pointee.literal
                guard literal.utf8.contains(UInt8(ascii: ".")) else { return false }
                let name = literal.trimmingWhitespace()
                if CourseLoader.isMarkdown(name), !name.contains(" "), saysSolutions(fileName(name)),
                   let resolved = resolve(name, from: page.relativePath) {
                    found.append(Candidate(target: resolved, position: node.pointee.start, explicit: false))
                }
                return false
            case .codeBlock, .htmlBlock, .text:
                return false
            default:
                return true
            }
        }
        return found
    }

    /// Whether `text` says "solution" or "answer", in any case. Searched in its bytes: every
    /// link of every quiz page is asked, and Foundation's `contains` bridged each to NSString.
    static func saysSolutions(_ text: String) -> Bool {
        text.utf8.containsASCIICaseInsensitive("solution", or: "answer")
    }

    /// The last component of a path that does not end in `/`.
    private static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
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
