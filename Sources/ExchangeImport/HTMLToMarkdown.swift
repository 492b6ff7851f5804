import Exchange
import Foundation

/// Turns question HTML back into markdown in Lectern's language, so an imported bank
/// becomes an ordinary quiz page.
///
/// It reads what Lectern's HTML renderer writes (paragraphs, emphasis, code, links, images,
/// lists, quotes, code blocks, line breaks) such that rendering the markdown again gives the
/// same HTML: export → import → export is stable. Other HTML is read as far as it maps
/// (headings become bold paragraphs; unknown elements keep their text), and HTML that is not
/// well-formed is reduced to its text, with a note.
struct HTMLToMarkdown {
    /// Rewrites link and image destinations (Moodle's `@@PLUGINFILE@@/x.png` → `images/x.png`).
    var rewriteURL: (String) -> String = { $0 }

    /// The markdown of a fragment of block HTML (a question text, an explanation); `lossy`
    /// when something could not be carried over exactly.
    func blocks(_ html: String) -> (markdown: String, lossy: Bool) {
        guard let root = parse(html) else { return (Self.escapeText(Self.strippingTags(html)), true) }
        var state = State()
        let markdown = blockList(root.children, state: &state).joined(separator: "\n\n")
        return (markdown, state.lossy)
    }

    /// The markdown of inline HTML (an option); block wrappers such as one `<p>` are unwrapped.
    func inline(_ html: String) -> (markdown: String, lossy: Bool) {
        guard let root = parse(html) else { return (Self.escapeText(Self.strippingTags(html), atLineStart: false), true) }
        var state = State()
        state.atLineStart = false
        let paragraphs = root.elementChildren.filter { ["p", "div"].contains($0.name) }
        let onlyParagraphs = !paragraphs.isEmpty && root.children.allSatisfy { child in
            switch child {
            case .text(let text): return text.allSatisfy(\.isWhitespace)
            case .element(let element): return ["p", "div"].contains(element.name)
            }
        }
        if onlyParagraphs {
            if paragraphs.count > 1 { state.lossy = true }
            let joined = paragraphs.map { paragraph -> String in
                state.atLineStart = false
                return inlineList(paragraph.children, state: &state).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return (joined.joined(separator: " "), state.lossy)
        }
        return (inlineList(root.children, state: &state).trimmingCharacters(in: .whitespacesAndNewlines), state.lossy)
    }

    private struct State {
        var lossy = false
        /// Set after a `<br />`: the renderer's newline that follows it is part of the break.
        var afterBreak = false
        /// Whether the next text starts a line of the markdown (where `#`, `-`, `1.` … would
        /// be read as markup and leading spaces are dropped).
        var atLineStart = true
    }

    private func parse(_ html: String) -> ParsedElement? {
        var text = html
        for (entity, number) in Self.namedEntities { text = text.replacingOccurrences(of: "&\(entity);", with: "&#\(number);") }
        guard case .success(let root) = XMLTree.parse(Data(("<root>" + text + "</root>").utf8)) else { return nil }
        return root
    }

    /// HTML's named entities beyond XML's five that question banks commonly hold.
    static let namedEntities: [(String, Int)] = [
        ("nbsp", 160), ("ndash", 8211), ("mdash", 8212), ("hellip", 8230), ("lsquo", 8216), ("rsquo", 8217),
        ("ldquo", 8220), ("rdquo", 8221), ("copy", 169), ("reg", 174), ("times", 215), ("divide", 247),
        ("deg", 176), ("plusmn", 177), ("middot", 183), ("laquo", 171), ("raquo", 187), ("eacute", 233),
    ]

    // MARK: Blocks

    private static let blockNames: Set<String> = [
        "p", "pre", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div", "table", "section", "figure",
    ]

    private func blockList(_ children: [XMLNodeItem], state: inout State) -> [String] {
        var blocks: [String] = []
        var run: [XMLNodeItem] = []
        var previousList: (ordered: Bool, alternate: Bool)?

        func flushRun() {
            state.atLineStart = true
            let text = inlineList(run, state: &state).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                blocks.append(text)
                previousList = nil
            }
            run = []
        }

        for child in children {
            guard case .element(let element) = child, Self.blockNames.contains(element.name) else {
                run.append(child)
                continue
            }
            flushRun()
            switch element.name {
            case "p":
                state.atLineStart = true
                let text = inlineList(element.children, state: &state).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { blocks.append(text) }
                previousList = nil
            case "pre":
                blocks.append(codeBlock(element))
                previousList = nil
            case "ul", "ol":
                let ordered = element.name == "ol"
                // Two lists in a row would merge: the second takes the other marker.
                let alternate = previousList.map { $0.ordered == ordered && !$0.alternate } ?? false
                blocks.append(list(element, ordered: ordered, alternate: alternate, state: &state))
                previousList = (ordered, alternate)
            case "blockquote":
                let inner = blockList(element.children, state: &state).joined(separator: "\n\n")
                blocks.append(inner.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
                previousList = nil
            case "h1", "h2", "h3", "h4", "h5", "h6":
                // A heading would end the question in a quiz page: it becomes a bold paragraph.
                state.lossy = true
                state.atLineStart = false
                let text = inlineList(element.children, state: &state).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { blocks.append("**" + text + "**") }
                previousList = nil
            case "hr":
                // `---` would end the question; a rule is left out.
                state.lossy = true
            default:
                blocks += blockList(element.children, state: &state)
                previousList = nil
            }
        }
        flushRun()
        return blocks
    }

    private func codeBlock(_ pre: ParsedElement) -> String {
        let code = pre.element("code")
        var language = ""
        if let classes = code?.attributes["class"] {
            for name in classes.split(separator: " ") where name.hasPrefix("language-") {
                language = String(name.dropFirst("language-".count))
            }
        }
        var text = (code ?? pre).text
        if !text.hasSuffix("\n") { text += "\n" }
        let fence = String(repeating: "`", count: max(3, Self.longestRun(of: "`", in: text) + 1))
        return fence + language + "\n" + text + fence
    }

    private func list(_ element: ParsedElement, ordered: Bool, alternate: Bool, state: inout State) -> String {
        let items = element.elements("li")
        let loose = items.contains { item in item.elementChildren.contains { $0.name == "p" } }
        var number = Int(element.attributes["start"] ?? "1") ?? 1
        var out: [String] = []
        for item in items {
            let marker = ordered ? "\(number)\(alternate ? ")" : ".") " : (alternate ? "* " : "- ")
            number += 1
            let indent = String(repeating: " ", count: marker.count)
            let blocks = blockList(item.children, state: &state)
            let body = blocks.joined(separator: loose ? "\n\n" : "\n")
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            var text = marker + (lines.first.map(String.init) ?? "")
            for line in lines.dropFirst() { text += "\n" + (line.isEmpty ? "" : indent + line) }
            out.append(text)
        }
        return out.joined(separator: loose ? "\n\n" : "\n")
    }

    // MARK: Inlines

    private func inlineList(_ children: [XMLNodeItem], state: inout State) -> String {
        var out = ""
        for child in children {
            switch child {
            case .text(var text):
                if state.afterBreak, text.hasPrefix("\n") { text.removeFirst() }
                state.afterBreak = false
                let escaped = Self.escapeText(text, atLineStart: state.atLineStart)
                if !escaped.isEmpty { state.atLineStart = escaped.hasSuffix("\n") }
                out += escaped
            case .element(let element):
                out += inlineElement(element, state: &state)
            }
        }
        return out
    }

    private func inlineElement(_ element: ParsedElement, state: inout State) -> String {
        switch element.name {
        case "br":
            state.afterBreak = true
            state.atLineStart = true
            return "\\\n"
        case "strong", "b":
            state.afterBreak = false
            state.atLineStart = false
            return wrap(inlineList(element.children, state: &state), in: "**")
        case "em", "i":
            state.afterBreak = false
            state.atLineStart = false
            return wrap(inlineList(element.children, state: &state), in: "*")
        case "code":
            state.afterBreak = false
            state.atLineStart = false
            return Self.codeSpan(element.text)
        case "a":
            state.afterBreak = false
            state.atLineStart = false
            let inner = inlineList(element.children, state: &state)
            return "[" + inner + "](" + destination(element.attributes["href"] ?? "", title: element.attributes["title"]) + ")"
        case "img":
            state.afterBreak = false
            state.atLineStart = false
            let alt = Self.escapeText(element.attributes["alt"] ?? "")
            return "![" + alt + "](" + destination(element.attributes["src"] ?? "", title: element.attributes["title"]) + ")"
        default:
            if Self.blockNames.contains(element.name) { state.lossy = true }
            return inlineList(element.children, state: &state)
        }
    }

    /// `**text**` with any spaces at the edges moved outside the delimiters.
    private func wrap(_ text: String, in delimiter: String) -> String {
        let leading = text.prefix { $0 == " " }
        let trailing = text.reversed().prefix { $0 == " " }
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        return leading + delimiter + core + delimiter + String(trailing)
    }

    private func destination(_ url: String, title: String?) -> String {
        let target = rewriteURL(url)
        var out = target.contains(where: { " ()<>".contains($0) }) || target.isEmpty
            ? "<" + target.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
            : target
        if let title, !title.isEmpty {
            out += " \"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return out
    }

    // MARK: Text

    /// Text with every character that markdown would read as markup escaped. Spaces at the
    /// start of a line are dropped, as HTML collapses them (Lectern's own HTML has none).
    static func escapeText(_ text: String, atLineStart startsLine: Bool = true) -> String {
        let characters = Array(text)
        var out = ""
        var atLineStart = startsLine
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            index += 1
            if character == "\n" {
                out += "\n"
                atLineStart = true
                continue
            }
            if atLineStart, character == " " || character == "\t" { continue }
            defer { atLineStart = false }
            switch character {
            case "\\", "`", "*", "[", "]", "<":
                out += "\\" + String(character)
            case "_":
                // A run of underscores is emphasis only when it touches text on one side
                // and not on the other: inside a word or between spaces it is literal.
                var runStart = index - 1
                while runStart > 0, characters[runStart - 1] == "_" { runStart -= 1 }
                var runEnd = index - 1
                while runEnd + 1 < characters.count, characters[runEnd + 1] == "_" { runEnd += 1 }
                let before = runStart > 0 ? characters[runStart - 1] : nil
                let after = runEnd + 1 < characters.count ? characters[runEnd + 1] : nil
                let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
                let isSpace = { (c: Character?) in c.map(\.isWhitespace) ?? true }
                let literal = (isWord(before) && isWord(after)) || (isSpace(before) && isSpace(after))
                out += literal ? "_" : "\\_"
            case "&":
                out += next.map { $0.isLetter || $0 == "#" } == true ? "\\&" : "&"
            case "#", ">", "+", "=", "|":
                out += (atLineStart ? "\\" : "") + String(character)
            case "-":
                out += atLineStart || next == "-" ? "\\-" : "-"
            default:
                if atLineStart, character.isNumber {
                    // `1.` or `1)` at the start of a line would start a list.
                    var end = index
                    while end < characters.count, characters[end].isNumber { end += 1 }
                    if end < characters.count, characters[end] == "." || characters[end] == ")" {
                        out += String(characters[(index - 1)..<end]) + "\\" + String(characters[end])
                        index = end + 1
                        continue
                    }
                }
                out.append(character)
            }
        }
        return out
    }

    /// A code span whose backtick fence is longer than any run of backticks inside it.
    static func codeSpan(_ code: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let pad = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" ") && !code.allSatisfy { $0 == " " })
        return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// The text of HTML that cannot be parsed: tags dropped, the five XML entities decoded.
    static func strippingTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }
}
