/// What raw HTML and author-given attributes may carry into a page: the elements course pages
/// use for structure and inline markup, and attributes that cannot run code or load from
/// elsewhere unasked. One list serves the sanitizer, attribute lists (`{.class}`) and HTML
/// elements marked `markdown`, so the three cannot disagree.
public enum HTMLAllowlist {
    /// Elements kept, with their allowed attributes.
    public static let elements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "center",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li",
        "main", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
        "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ]

    /// Elements removed with everything inside them (their content is code, or a document of its own).
    public static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "template", "textarea", "title", "xmp", "plaintext", "math", "svg", "select", "option",
        "head", "meta", "link", "base",
    ]

    /// Elements without an end tag.
    public static let voidElements: Set<String> = ["br", "col", "hr", "img", "source", "wbr", "area", "input", "meta", "link", "base", "embed", "param", "track"]

    /// Attributes allowed on every kept element.
    private static let global: Set<String> = ["id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"]

    /// Attributes allowed on particular elements.
    private static let perElement: [String: Set<String>] = [
        "a": ["href", "name", "target", "rel", "hreflang"],
        "img": ["src", "alt", "width", "height", "loading", "srcset", "sizes"],
        "source": ["src", "srcset", "type", "media", "sizes"],
        "details": ["open"],
        "ol": ["start", "reversed", "type"],
        "li": ["value"],
        "td": ["colspan", "rowspan", "align", "valign", "headers"],
        "th": ["colspan", "rowspan", "align", "valign", "scope", "headers", "abbr"],
        "col": ["span", "width", "align"], "colgroup": ["span", "width", "align"],
        "table": ["align", "width", "summary"], "tr": ["align", "valign"],
        "div": ["align"], "p": ["align"], "h1": ["align"], "h2": ["align"], "h3": ["align"],
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "time": ["datetime"], "abbr": ["title"],
    ]

    /// Attributes whose value is a URL, checked with `isSafeURL`.
    private static let urlAttributes: Set<String> = ["href", "src", "cite", "srcset"]

    /// Why an attribute is not kept, nil when it is: event handlers, `style`, unsafe URLs
    /// (`javascript:`, `data:` other than images on `img`) and names not on the list.
    public static func rejection(of attribute: HTMLAttribute, on element: String) -> String? {
        let name = attribute.name
        if name.hasPrefix("on") { return "the event handler \(name)" }
        if name == "style" { return "the style attribute" }
        let allowed = global.contains(name) || perElement[element]?.contains(name) == true
            || name.hasPrefix("data-") && isPlainName(name) || name.hasPrefix("aria-") && isPlainName(name)
        guard allowed else { return "the attribute \(name)" }
        if urlAttributes.contains(name) {
            let urls = name == "srcset" ? attribute.value.split(separator: ",").map { String($0.trimmingBlanks().prefix { $0 != " " }) } : [attribute.value]
            for url in urls where !isSafeURL(url, image: element == "img" || element == "source") {
                return "the unsafe URL in \(name) (\(url.prefix(40)))"
            }
        }
        return nil
    }

    /// Whether a URL may be followed or loaded: no `javascript:`, `vbscript:`, `file:`, and
    /// `data:` only for images (png, gif, jpeg, webp) where an image is loaded. The scheme is read
    /// as a browser reads it: control characters and blanks are ignored, case too.
    public static func isSafeURL(_ url: String, image: Bool) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            if scalar == ":" { break }
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            scheme.unicodeScalars.append(scalar)
            if scheme.unicodeScalars.count > 32 { return true }
        }
        let lower = scheme.lowercased()
        guard url.contains(":") else { return true }
        switch lower {
        case "javascript", "vbscript", "file", "livescript", "mocha": return false
        case "data":
            guard image else { return false }
            let compact = String(url.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { compact.hasPrefix($0) }
        default:
            return true
        }
    }

    private static func isPlainName(_ name: String) -> Bool {
        name.utf8.allSatisfy { Bytes.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\n" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\n" { text = text.dropLast() }
        return text
    }
}
