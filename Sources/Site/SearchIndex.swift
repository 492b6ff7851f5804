import Foundation

/// The site's search index: one entry per heading section of every page.
///
/// Written as `search-index.js`: `window.lecternSearchIndex = ` followed by the JSON and `;`,
/// because a page opened from file:// can load a script but browsers refuse to fetch JSON
/// there. Tools read the JSON after that fixed prefix. Entries hold the tokenized text (`SearchTokenizer.termString`), so the
/// browser only matches query terms against it; no external service is involved.
public struct SearchIndex: Sendable {
    /// One searchable section.
    public struct Entry: Sendable, Equatable {
        /// The page's title.
        public var page: String
        /// The section's heading, empty for the text before a page's first heading.
        public var heading: String
        /// The link from the site root, with the heading's anchor: `04-deploy/lesson.html#metrics`.
        public var url: String
        /// The terms of the title, heading and text, space-separated.
        public var terms: String
        /// The first words of the section, shown under a result.
        public var excerpt: String
    }

    public var entries: [Entry] = []

    /// The index's file in the site.
    public static let fileName = "search-index.js"

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The entries of one page, from its outline.
    static func entries(pageTitle: String, url: String, outline: PageOutline) -> [Entry] {
        outline.sections.map { section in
            let heading = section.heading?.text ?? ""
            let anchor = section.heading.map { "#" + $0.id } ?? ""
            return Entry(page: pageTitle, heading: heading, url: url + anchor,
                         terms: SearchTokenizer.termString(section.heading == nil ? pageTitle + " " + section.text : heading + " " + section.text),
                         excerpt: excerpt(section.text))
        }
    }

    static func excerpt(_ text: String, limit: Int = 160) -> String {
        // Counts at most `limit` characters, not the whole (often long) section.
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else { return text }
        var cut = text[..<end]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The index as JSON: `{"version":1,"entries":[{"page","heading","url","terms","excerpt"}]}`.
    public var json: [UInt8] {
        var out: [UInt8] = []
        Self.appendJSON(fragments: [Self.jsonFragment(entries)], to: &out)
        return out
    }

    /// The index as a script that sets `window.lecternSearchIndex` to the JSON above.
    public var script: [UInt8] {
        [UInt8](Self.script(fragments: [Self.jsonFragment(entries)]))
    }

    /// The script of an index whose entries come as fragments (`jsonFragment` of each page,
    /// in page order), so pages can serialize their entries on the threads that render them.
    static func script(fragments: [[UInt8]]) -> Data {
        var out = Data()
        out.reserveCapacity(fragments.reduce(64) { $0 + $1.count + 2 })
        out.append(contentsOf: "window.lecternSearchIndex = ".utf8)
        appendJSON(fragments: fragments, to: &out)
        out.append(contentsOf: ";\n".utf8)
        return out
    }

    /// The entries' JSON objects, separated by `,` and a newline, without the enclosing array.
    static func jsonFragment(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + $1.terms.utf8.count + $1.excerpt.utf8.count + 128 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            out.append(contentsOf: "{\"page\":".utf8); JSONText.append(entry.page, to: &out)
            out.append(contentsOf: ",\"heading\":".utf8); JSONText.append(entry.heading, to: &out)
            out.append(contentsOf: ",\"url\":".utf8); JSONText.append(entry.url, to: &out)
            out.append(contentsOf: ",\"terms\":".utf8); JSONText.append(entry.terms, to: &out)
            out.append(contentsOf: ",\"excerpt\":".utf8); JSONText.append(entry.excerpt, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        return out
    }

    private static func appendJSON(fragments: [[UInt8]], to out: inout some RangeReplaceableCollection<UInt8>) {
        out.append(contentsOf: "{\"version\":1,\"entries\":[".utf8)
        var first = true
        for fragment in fragments where !fragment.isEmpty {
            if !first { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            out.append(contentsOf: fragment)
            first = false
        }
        out.append(contentsOf: "]}".utf8)
    }
}

/// JSON string literals, written by hand for speed on multi-megabyte indexes. Also escapes
/// `<`, `>` and `&` so the text can sit inside an HTML script element.
enum JSONText {
    static func append(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0  // the start of the bytes not yet copied
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[runStart..<index])
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        out.append(contentsOf: (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                        index += 3
                        runStart = index
                        continue
                    }
                    out.append(byte)
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                index += 1
                runStart = index
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
