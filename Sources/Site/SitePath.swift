/// Paths inside the built site and the relative links between them.
///
/// Every link the site writes is relative (`../assets/site.css`), so the output works opened
/// from disk (file://) and from any sub-path of a static host. Folder links always name
/// `index.html`, because file:// has no directory index.
public enum SitePath {
    /// The output path of a markdown source: `a/b.md` → `a/b.html`, `a/README.md` and
    /// `a/index.md` → `a/index.html`.
    public static func html(forSource source: String) -> String {
        var parts = source.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.popLast() else { return "index.html" }
        let lower = name.lowercased()
        let stem: String
        if lower == "readme.md" || lower == "index.md" || lower == "readme.markdown" || lower == "index.markdown" {
            stem = "index"
        } else if lower.hasSuffix(".markdown") {
            stem = String(name.dropLast(9))
        } else if lower.hasSuffix(".md") {
            stem = String(name.dropLast(3))
        } else if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])  // a single page given as `notes.txt`
        } else {
            stem = name
        }
        parts.append(stem + ".html")
        return parts.joined(separator: "/")
    }

    /// The prefix that leads from the folder of `page` back to the site root: "" or "../../".
    public static func root(from page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: true).count - 1
        return String(repeating: "../", count: max(depth, 0))
    }

    /// A relative link from the page at `from` to the site path `to` (both relative to the root),
    /// as an `href`: see `reference`.
    public static func relative(from: String, to: String) -> String {
        reference(isClean(from) && isClean(to) ? cleanRelative(from: from, to: to) : componentwiseRelative(from: from, to: to))
    }

    /// A relative path as a link that can only be read as that path: each part percent-encoded
    /// where it must be (`%`, `#`, `?`, `:`, quotes, `<`, spaces, non-ASCII…), and `./` before a
    /// first part that held a colon (RFC 3986 §4.2), so a page named `javascript:alert(1).md`
    /// is linked as `./javascript%3Aalert(1).html`, never as a `javascript:` URL.
    public static func reference(_ path: String) -> String {
        guard path.utf8.contains(where: { !isPlain($0) }) else { return path }
        let firstPart = path.utf8.prefix { $0 != UInt8(ascii: "/") }
        return (firstPart.contains(UInt8(ascii: ":")) ? "./" : "") + encoded(path)
    }

    /// A site path percent-encoded for a URL (`/` kept), as the search index and sitemap
    /// give pages: `a b/c#d.html` → `a%20b/c%23d.html`.
    public static func encoded(_ path: String) -> String {
        guard path.utf8.contains(where: { !isPlain($0) }) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 16)
        for byte in path.utf8 {
            if isPlain(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes a link's path keeps as they are: RFC 3986's unreserved characters, `/`, and
    /// the sub-delimiters that need no escaping in HTML (not `:`, `&` or `'`).
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
             UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// Whether a path has no empty parts (no leading, trailing or doubled `/`): every site path.
    private static func isClean(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasSuffix("/") && !hasPart(startingWith: UInt8(ascii: "/"), in: path)
    }

    /// Whether some `/` in `path` is followed by `byte`: `/` finds empty parts, `.` finds `.`
    /// and `..` parts (and hidden names). On bytes: `String.contains` with a string argument
    /// goes through Foundation's search, which showed in profiles.
    static func hasPart(startingWith byte: UInt8, in path: String) -> Bool {
        var previous: UInt8 = 0
        for next in path.utf8 {
            if previous == UInt8(ascii: "/") && next == byte { return true }
            previous = next
        }
        return false
    }

    /// `relative` on the bytes of two clean paths: a page's links are worked out by the
    /// thousand on a large course, and splitting both paths each time showed in profiles.
    private static func cleanRelative(from: String, to: String) -> String {
        let source = Array(from.utf8), target = Array(to.utf8)
        let slash = UInt8(ascii: "/")
        // The shared leading folders: both paths agree up to and including a slash.
        var shared = 0
        var index = 0
        while index < source.count, index < target.count, source[index] == target[index] {
            if source[index] == slash { shared = index + 1 }
            index += 1
        }
        var ups = 0
        for byte in source[shared...] where byte == slash { ups += 1 }
        var result: [UInt8] = []
        result.reserveCapacity(ups * 3 + target.count - shared)
        for _ in 0..<ups { result.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), slash]) }
        result.append(contentsOf: target[shared...])
        return result.isEmpty ? "index.html" : String(decoding: result, as: UTF8.self)
    }

    /// `relative` part by part, for any paths.
    static func componentwiseRelative(from: String, to: String) -> String {
        let fromDirectory = Array(from.split(separator: "/", omittingEmptySubsequences: true).dropLast())
        let target = to.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirectory.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "index.html" : joined
    }

    /// Resolves a relative reference against the folder of `page`, folding `.` and `..`;
    /// nil when it climbs above the root.
    public static func resolve(_ reference: String, against page: String) -> String? {
        var parts = Array(page.split(separator: "/", omittingEmptySubsequences: true).dropLast()).map(String.init)
        if reference.hasPrefix("/") { parts = [] }
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
