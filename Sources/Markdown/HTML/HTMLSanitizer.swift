/// Raw HTML made safe to publish: every tag read as a browser reads it (`HTMLTokenizer`), only
/// the elements and attributes of `HTMLAllowlist` written back, re-serialised from the tokens
/// (so no malformed markup passes through as the browser might read it).
///
/// `script`, `style`, `iframe` and the other elements whose content is code are removed with
/// their content; other unknown elements lose their tags and keep their text; event handlers,
/// `style` and `javascript:`/`data:` URLs are removed from the tags kept. Comments and
/// declarations are dropped. Each removal is reported, so `lectern check` can warn about it
/// (but a plain comment, `<!-- a note -->`, and the end tag of an element never opened go
/// silently).
///
/// The sanitizer is stateful across the raw HTML pieces of one page (cmark splits
/// `<details>` … `</details>` into separate blocks, `<span>x</span>` into separate inlines):
/// it remembers which elements the raw HTML opened, closes an end tag's inner elements with
/// it, drops end tags of elements it never opened, and `close(to:)` ends what is still open
/// when the markdown container around it ends, so raw HTML cannot unbalance the page.
public struct HTMLSanitizer: Sendable {
    /// One thing removed: what, and the byte offset in the piece where it was.
    public struct Removal: Hashable, Sendable {
        public var message: String
        public var offset: Int
    }

    private var open: [String] = []
    /// The element whose content is being dropped (`script` until `</script>`).
    private var dropping: String?

    public init() {}

    /// How many raw elements are open: a mark to `close(to:)` when a container ends.
    public var depth: Int { open.count }

    /// The safe HTML of one raw piece, and what was removed from it.
    public mutating func sanitize(_ html: String, removals: inout [Removal]) -> String {
        var tokenizer = HTMLTokenizer(html)
        var out = ""
        out.reserveCapacity(html.utf8.count)
        while true {
            let offset = tokenizer.offset
            guard let token = tokenizer.next() else { break }
            switch token {
            case .text(let text):
                if dropping == nil { out += Self.escapeText(text) }
            case .comment(let body):
                // A note to other authors goes silently; markup hidden in a comment (an IE
                // conditional comment, a server-side include) is worth a word.
                if dropping == nil, body.contains("<") {
                    removals.append(Removal(message: "a comment holding markup", offset: offset))
                }
            case .declaration(let body):
                if dropping == nil { removals.append(Removal(message: "<\(body.prefix(20))…> (a declaration or processing instruction)", offset: offset)) }
            case .startTag(let name, let attributes, let selfClosing):
                if dropping != nil { continue }
                if HTMLAllowlist.droppedWithContent.contains(name) {
                    removals.append(Removal(message: "<\(name)> and its content", offset: offset))
                    if !selfClosing, !HTMLAllowlist.voidElements.contains(name) { dropping = name }
                    continue
                }
                guard HTMLAllowlist.elements.contains(name) else {
                    removals.append(Removal(message: "the <\(name)> tag (its text is kept)", offset: offset))
                    continue
                }
                out += "<" + name
                var kept: [HTMLAttribute] = []
                // `markdown` marks an element whose content is markdown (`MarkdownInHTML`); on one
                // left as HTML it means nothing, and is dropped without a word.
                for attribute in attributes where attribute.name != "markdown" {
                    if let reason = HTMLAllowlist.rejection(of: attribute, on: name) {
                        removals.append(Removal(message: "\(reason) from <\(name)>", offset: offset))
                    } else {
                        kept.append(attribute)
                    }
                }
                if name == "a", kept.contains(where: { $0.name == "target" }) {
                    kept.removeAll { $0.name == "rel" }
                    kept.append(HTMLAttribute("rel", "noopener noreferrer"))
                }
                for attribute in kept {
                    out += " " + attribute.name + "=\"" + HTMLEscaping.escape(attribute.value) + "\""
                }
                if HTMLAllowlist.voidElements.contains(name) {
                    out += " />"
                } else {
                    out += ">"
                    open.append(name)
                }
            case .endTag(let name):
                if let dropped = dropping {
                    if dropped == name { dropping = nil }
                    continue
                }
                guard let index = open.lastIndex(of: name) else {
                    if HTMLAllowlist.droppedWithContent.contains(name) { removals.append(Removal(message: "a stray </\(name)>", offset: offset)) }
                    continue
                }
                while open.count > index { out += "</" + open.removeLast() + ">" }
            }
        }
        return out
    }

    /// End tags for the raw elements opened since `depth` was `mark`, innermost first.
    public mutating func close(to mark: Int) -> String {
        var out = ""
        while open.count > mark { out += "</" + open.removeLast() + ">" }
        if mark == 0 { dropping = nil }
        return out
    }

    /// Text as the browser will show it: `<` and `>` escaped (a `<` that opens no tag), `&`
    /// left as written so character references still read.
    private static func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return text }
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// What sanitizing a document's raw HTML removes, each with the line where it was: the
    /// warnings `lectern check` prints.
    public static func removals(in document: MarkdownNode) -> [MarkdownDiagnostic] {
        var walker = RemovalWalker()
        walker.visit(document)
        return walker.diagnostics
    }
}

/// Feeds a document's raw HTML through one sanitizer, as the renderer does, noting removals.
private struct RemovalWalker: MarkdownWalker {
    var sanitizer = HTMLSanitizer()
    var diagnostics: [MarkdownDiagnostic] = []

    mutating func visitHTMLBlock(_ node: borrowing MarkdownNode) { check(node) }
    mutating func visitHTMLInline(_ node: borrowing MarkdownNode) { check(node) }

    private mutating func check(_ node: borrowing MarkdownNode) {
        var removals: [HTMLSanitizer.Removal] = []
        _ = sanitizer.sanitize(node.literal, removals: &removals)
        guard !removals.isEmpty else { return }
        let bytes = Array(node.literal.utf8)
        for removal in removals {
            var line = node.start.line
            var lineStart = 0
            for index in 0..<min(removal.offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column = line == node.start.line ? node.start.column + removal.offset : removal.offset - lineStart + 1
            diagnostics.append(MarkdownDiagnostic(.warning, at: SourcePosition(line: line, column: column), "raw HTML: removed \(removal.message)"))
        }
    }
}
