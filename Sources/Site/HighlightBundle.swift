import Course
import Foundation
import Markdown
import Support

/// The code highlighter a site ships: Debian's highlight.js (libjs-highlight.js) cut down to
/// the languages the course's code blocks name, as one script, `assets/highlight.js`. Pages
/// without code never load it.
///
/// Debian ships one minified file of every language (846 KB). It is highlight.js's core
/// followed by one `hljs.registerLanguage("name",function(hljs){…});` call per language; the
/// bundle keeps the core and the calls of the languages in use (by name or alias), with any
/// language those embed (`subLanguage`, `getLanguage`). A course of Python, Swift, YAML and
/// shell gets about 30 KB. Without the package, or when the file is not laid out so, code
/// stays plain (or, for an unexpected layout, the whole file is shipped).
///
/// Highlighting at build time was measured against this (the site benchmark, Benchmarks/site):
/// on the benchmark course's 1.35 MB of code, Chroma (Hugo with and without it) costs about
/// 1.2 s of CPU and Pygments 1.8 s, as much as lectern's whole build of the course; the
/// trimmed script costs the reader's browser milliseconds per page (the browser tests print it).
struct HighlightBundle: Sendable {
    /// The script, or nil when no language is in use or the package is missing.
    let script: Data?

    static let fileName = "highlight.js"

    /// The bundle for `languages` (code-block info words, lowercased) cut from a catalog read
    /// before (none: no highlighter).
    init(catalog: Catalog?, languages: Set<String>) {
        guard !languages.isEmpty, let catalog else {
            script = nil
            return
        }
        guard let split = catalog.split else {
            script = catalog.data  // an unknown layout: the whole file rather than none
            return
        }
        let bundle = split.bundle(for: languages)
        script = bundle.isEmpty ? nil : Data(bundle.utf8)
    }

    /// Debian's file, read and split into its core and its languages: what does not depend on
    /// the course, so a build reads it while it checks the pages.
    struct Catalog: Sendable {
        let data: Data
        /// The file split, nil when it is not one core followed by registration calls.
        let split: Split?

        /// Nil when the package is missing.
        init?(directory: String) {
            guard let data = FileManager.default.contents(atPath: directory + "/highlight.min.js") else { return nil }
            self.data = data
            split = Split(String(decoding: data, as: UTF8.self))
        }
    }

    private static let marker = "hljs.registerLanguage(\""

    /// The core and the calls registering `languages` and what they embed; "" when none of
    /// them is known; nil when `text` is not one core followed by registration calls.
    static func trim(_ text: String, to languages: Set<String>) -> String? {
        Split(text)?.bundle(for: languages)
    }

    /// A highlight.js file as its core and one chunk per registered language, with the names
    /// and aliases each answers to.
    struct Split: Sendable {
        let core: Substring
        let chunks: [(name: String, text: Substring)]
        let byName: [String: Int]

        init?(_ text: String) {
            var starts: [String.Index] = []
            var search = text.startIndex
            while let found = HighlightBundle.firstRange(of: marker, in: text[search...]) {
                starts.append(found.lowerBound)
                search = found.upperBound
            }
            guard let first = starts.first else { return nil }
            var chunks: [(name: String, text: Substring)] = []
            for (offset, start) in starts.enumerated() {
                let end = offset + 1 < starts.count ? starts[offset + 1] : text.endIndex
                let chunk = text[start..<end]
                let nameStart = chunk.index(start, offsetBy: marker.count)
                guard let quote = chunk[nameStart...].firstIndex(of: "\"") else { return nil }
                chunks.append((String(chunk[nameStart..<quote]), chunk))
            }
            var byName: [String: Int] = [:]
            for (index, chunk) in chunks.enumerated() {
                byName[chunk.name.lowercased()] = index
                for alias in HighlightBundle.aliases(in: chunk.text) where byName[alias] == nil { byName[alias] = index }
            }
            core = text[..<first]
            self.chunks = chunks
            self.byName = byName
        }

        /// The core and the chunks of `languages` and of what they embed; "" when none is known.
        func bundle(for languages: Set<String>) -> String {
            var wanted = Set<Int>()
            var queue = languages.compactMap { byName[$0.lowercased()] }
            while let next = queue.popLast() {
                guard wanted.insert(next).inserted else { continue }
                queue += HighlightBundle.embedded(in: chunks[next].text).compactMap { byName[$0] }
            }
            guard !wanted.isEmpty else { return "" }
            return String(core) + wanted.sorted().map { String(chunks[$0].text) }.joined()
        }
    }

    /// Where `needle` (not empty) first occurs in `text`, found on bytes: Foundation's
    /// `range(of:)` on the 846 KB bundle cost 15 ms of every build, on one thread, and the
    /// standard library's generic `firstRange(of:)` ten times that.
    static func firstRange(of needle: String, in text: Substring) -> Range<String.Index>? {
        let offset = text.utf8.withContiguousStorageIfAvailable { haystack -> Int? in
            var needle = needle
            return needle.withUTF8 { pattern -> Int? in
                guard let base = haystack.baseAddress, let first = pattern.first else { return nil }
                var start = 0
                while start + pattern.count <= haystack.count {  // memchr to each candidate, memcmp to confirm
                    guard let hit = memchr(base + start, Int32(first), haystack.count - start - pattern.count + 1) else { return nil }
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 { return index }
                    start = index + 1
                }
                return nil
            }
        }
        guard let offset else {  // not contiguous UTF-8 (a bridged string): the plain search
            return text.range(of: needle)
        }
        guard let offset else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The aliases a registration call declares first: `aliases:["py","gyp"]`.
    fileprivate static func aliases(in chunk: Substring) -> [String] {
        guard let open = firstRange(of: "aliases:[", in: chunk), let close = chunk[open.upperBound...].firstIndex(of: "]") else { return [] }
        return chunk[open.upperBound..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased()
        }
    }

    /// The languages a registration call embeds: `subLanguage:"xml"`, `subLanguage:["css","xml"]`,
    /// `getLanguage("cpp")`.
    fileprivate static func embedded(in chunk: Substring) -> [String] {
        var names: [String] = []
        for key in ["subLanguage:", "getLanguage("] {
            var search = chunk.startIndex
            while let found = firstRange(of: key, in: chunk[search...]) {
                search = found.upperBound
                let rest = chunk[found.upperBound...]
                let list: Substring
                if rest.first == "[", let close = rest.firstIndex(of: "]") {
                    list = rest[rest.index(after: rest.startIndex)..<close]
                } else if rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") {
                    list = rest[rest.startIndex...close]
                } else {
                    continue
                }
                names += list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased() }
            }
        }
        return names
    }

    /// The languages of a course's code: each fenced block's first info word, and each
    /// exercise track's language.
    static func languages(of course: Course) -> Set<String> {
        // Each page's on its own core: this walk of every page runs before the pages render.
        // Through pointers (`MarkdownNode.walk`): a copy of each node visited showed in profiles.
        let pages = course.pages
        let perPage = Parallel.map(pages.count) { index -> Set<String> in
            var found = Set<String>()
            pages[index].document.walk { node in
                if case .codeBlock(let info) = node.pointee.kind {
                    // The word the renderer puts in `class="language-…"`.
                    let word = info.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                    if !word.isEmpty { found.insert(word) }
                    return false
                }
                // Code blocks stand in block containers only, not in a paragraph's or a table's content.
                switch node.pointee.kind {
                case .document: return true
                case .table: return false
                case let kind: return kind.isBlock && !kind.holdsInlines
                }
            }
            return found
        }
        var found = perPage.reduce(into: Set<String>()) { $0.formUnion($1) }
        for exercise in course.exercises {
            for track in exercise.tracks { found.insert(track.name.lowercased()) }
        }
        return found
    }
}
