/// The site's search index: one entry per heading section of every page.
///
/// Written twice with the same JSON: `search-index.json` for tools, and `search-index.js`
/// (`window.lecternSearchIndex = …;`) which a page can load from file://, where browsers
/// refuse to fetch JSON. Entries hold the tokenized text (`SearchTokenizer.termString`), so the
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
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The index as JSON: `{"version":1,"entries":[{"page","heading","url","terms","excerpt"}]}`.
    public var json: String {
        var out = "{\"version\":1,\"entries\":["
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += ",\n" }
            out += "{\"page\":"; JSONText.append(entry.page, to: &out)
            out += ",\"heading\":"; JSONText.append(entry.heading, to: &out)
            out += ",\"url\":"; JSONText.append(entry.url, to: &out)
            out += ",\"terms\":"; JSONText.append(entry.terms, to: &out)
            out += ",\"excerpt\":"; JSONText.append(entry.excerpt, to: &out)
            out += "}"
        }
        out += "]}\n"
        return out
    }

    /// The index as a script that sets `window.lecternSearchIndex`.
    public var script: String {
        "window.lecternSearchIndex = " + json.dropLast() + ";\n"
    }
}

/// JSON string literals, written by hand for speed on multi-megabyte indexes. Also escapes
/// `<`, `>` and `&` so the text can sit inside an HTML script element.
enum JSONText {
    static func append(_ text: String, to out: inout String) {
        out.unicodeScalars.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.unicodeScalars.append("\"")
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
