import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The gitignore-style patterns of mkdocs.yml's `exclude_docs` and `not_in_nav`: one per
/// line, `#` comments, `!` to take a path back, `/` at the start to anchor at the docs
/// folder, `/` at the end for a folder (and all below it), `**/` for any depth. Matching
/// is fnmatch(3)'s; the last pattern that matches decides.
struct PathPatterns {
    private struct Pattern {
        var glob: String
        var negated: Bool
        var anchored: Bool
        var folder: Bool
    }

    private let patterns: [Pattern]

    init(_ text: String) {
        patterns = text.split(whereSeparator: \.isNewline).compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let negated = line.hasPrefix("!")
            if negated { line.removeFirst() }
            let folder = line.hasSuffix("/")
            if folder { line.removeLast() }
            var anchored = line.hasPrefix("/") || line.dropFirst().contains("/")
            if line.hasPrefix("/") { line.removeFirst() }
            if line.hasPrefix("**/") {
                line.removeFirst(3)
                anchored = false
            }
            return line.isEmpty ? nil : Pattern(glob: line, negated: negated, anchored: anchored, folder: folder)
        }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// Whether `path` (relative to the docs folder, `/` separated) is matched.
    func matches(_ path: String) -> Bool {
        var matched = false
        for pattern in patterns where Self.matches(pattern, path) {
            matched = !pattern.negated
        }
        return matched
    }

    private static func matches(_ pattern: Pattern, _ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        // Every prefix of the path: a folder pattern matches what lies below the folder.
        let candidates: [String] = (1...max(parts.count, 1)).map { parts.prefix($0).joined(separator: "/") }
        for (index, candidate) in candidates.enumerated() {
            let isFile = index == candidates.count - 1
            if pattern.folder && isFile { continue }
            if pattern.anchored {
                if fnmatch(pattern.glob, candidate, FNM_PATHNAME) == 0 { return true }
            } else if pattern.glob.contains("/") {
                // `**/a/b`: the pattern may start at any folder.
                let parts = candidate.split(separator: "/")
                for start in parts.indices where fnmatch(pattern.glob, parts[start...].joined(separator: "/"), FNM_PATHNAME) == 0 {
                    return true
                }
            } else {
                let name = (candidate as NSString).lastPathComponent
                if fnmatch(pattern.glob, name, 0) == 0 { return true }
            }
        }
        return false
    }
}
