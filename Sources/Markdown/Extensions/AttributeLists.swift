/// Python-Markdown's attr_list: `{#id .class key="value"}` gives the element before it HTML
/// attributes.
///
/// - at the end of a heading: `## Setup {#setup .wide}`;
/// - at the end of a paragraph's last line: `Text.` then `{: .lead }`;
/// - right after a link or image, no space between: `[Start](a.md){ .md-button }`.
///
/// Only safe attributes are kept (`HTMLAllowlist`); one left out is a `lectern check` warning,
/// as is a brace group in those places that starts like a list (`{:`, `{#`, `{.`) but does
/// not read as one. The list's text is removed from the content.
public struct AttributeLists: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.source.contains("{"), context.source.contains("}") else { return }
        var rewriter = AttributeListRewriter(context: context)
        document = rewriter.visit(document) ?? document
        for (message, position) in rewriter.warnings { context.warn(message, at: position) }
    }

    /// What a brace group holds: the attributes, or nil when it is no attribute list.
    enum Parsed {
        case attributes([HTMLAttribute])
        /// It starts like one (`{:`, `{#`, `{.`) but a part of it does not read.
        case malformed
        case notAList
    }

    /// Reads `{…}` (the braces included): `#id`, `.class`, `key=value`, `key="value"`, `key='value'`
    /// (curly quotes too: smart punctuation may have turned them), separated by blanks, after an
    /// optional `:`.
    static func parse(_ text: Substring) -> Parsed {
        guard text.first == "{", text.last == "}" else { return .notAList }
        // Smart punctuation turned `--` in a class name into a dash: the list wants it back.
        let unsmart = text.contains(where: { $0 == "–" || $0 == "—" || $0 == "…" })
            ? Substring(text.replacingOccurrences("—", "---").replacingOccurrences("–", "--").replacingOccurrences("…", "..."))
            : text
        var body = unsmart.dropFirst().dropLast()
        let colon = body.first == ":"
        if colon { body = body.dropFirst() }
        let trimmed = body.trimmingBlanks()
        let looksLikeOne = colon || trimmed.first == "#" || trimmed.first == "."
        var attributes: [HTMLAttribute] = []
        var classes: [String] = []
        var rest = trimmed
        while !rest.isEmpty {
            let token: Substring
            if let equals = rest.firstIndex(of: "="), !rest[..<equals].contains(where: { $0 == " " || $0 == "\t" }) {
                let key = rest[..<equals]
                var valueStart = rest.index(after: equals)
                guard valueStart < rest.endIndex else { return looksLikeOne ? .malformed : .notAList }
                let open = rest[valueStart]
                let closing: Character? = open == "\"" ? "\"" : open == "'" ? "'" : open == "“" ? "”" : open == "‘" ? "’" : nil
                var value: Substring
                if let closing {
                    valueStart = rest.index(after: valueStart)
                    guard let end = rest[valueStart...].firstIndex(where: { $0 == closing || (closing == "”" && $0 == "“") }) else {
                        return looksLikeOne ? .malformed : .notAList
                    }
                    value = rest[valueStart..<end]
                    token = rest[..<rest.index(after: end)]
                } else {
                    let end = rest[valueStart...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
                    value = rest[valueStart..<end]
                    token = rest[..<end]
                }
                guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }) else {
                    return looksLikeOne ? .malformed : .notAList
                }
                if key.lowercased() == "class" {
                    classes += value.split(separator: " ").map(String.init)
                } else {
                    attributes.append(HTMLAttribute(key.lowercased(), String(value)))
                }
            } else {
                token = rest.prefix { $0 != " " && $0 != "\t" }
                let name = token.dropFirst()
                guard let first = token.first, first == "#" || first == ".", !name.isEmpty,
                      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }) else {
                    return looksLikeOne ? .malformed : .notAList
                }
                if first == "#" { attributes.append(HTMLAttribute("id", String(name))) } else { classes.append(String(name)) }
            }
            rest = rest[token.endIndex...].trimmingBlanks()
        }
        guard !attributes.isEmpty || !classes.isEmpty else { return looksLikeOne ? .malformed : .notAList }
        if !classes.isEmpty { attributes.append(HTMLAttribute("class", classes.joined(separator: " "))) }
        return .attributes(attributes)
    }
}

private struct AttributeListRewriter: MarkdownRewriter {
    let context: ExtensionContext
    var warnings: [(String, SourcePosition)] = []

    init(context: ExtensionContext) {
        self.context = context
    }

    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard !node.kind.isLeaf else { return node }
        rewriteChildren(of: &node)
        guard node.kind.holdsInlines || !node.kind.isBlock,
              node.children.contains(where: { $0.kind == .text && $0.literal.utf8.contains(UInt8(ascii: "{")) }) else { return node }
        node.children = InlineTextMatches.joiningText(node.children)
        afterLinks(&node)
        switch node.kind {
        case .heading(let level): trailing(&node, element: "h\(level)")
        case .paragraph: trailing(&node, element: "p")
        default: break
        }
        return node
    }

    /// `{…}` right after a link or image goes to it.
    private mutating func afterLinks(_ node: inout MarkdownNode) {
        var index = 1
        while index < node.children.count {
            let previous = node.children[index - 1]
            let element: String
            switch previous.kind {
            case .link: element = "a"
            case .image: element = "img"
            default: index += 1; continue
            }
            let text = node.children[index]
            guard text.kind == .text, text.literal.hasPrefix("{"), let close = text.literal.firstIndex(of: "}") else {
                index += 1
                continue
            }
            let group = text.literal[...close]
            switch AttributeLists.parse(group) {
            case .attributes(let attributes):
                node.children[index - 1].attributes = allowed(attributes, on: element, at: text.start)
                let rest = String(text.literal[text.literal.index(after: close)...])
                if rest.isEmpty {
                    node.children.remove(at: index)
                } else {
                    node.children[index].literal = rest
                    node.children[index].start.column += group.utf8.count
                }
            case .malformed:
                warnings.append(("unknown attribute syntax '\(group)': write {#id .class key=\"value\"}", text.start))
            case .notAList:
                break
            }
            index += 1
        }
    }

    /// `{…}` ending the content (after a blank or on a line of its own) goes to the block.
    private mutating func trailing(_ node: inout MarkdownNode, element: String) {
        guard let last = node.children.last, last.kind == .text, last.literal.hasSuffix("}"),
              let open = last.literal.lastIndex(of: "{") else { return }
        let before = last.literal[..<open]
        let alone = before.isEmpty && (node.children.count == 1 || [.softBreak, .lineBreak].contains(node.children[node.children.count - 2].kind))
        guard alone || before.last == " " || before.last == "\t" else { return }
        let group = last.literal[open...]
        switch AttributeLists.parse(group) {
        case .attributes(let attributes):
            node.attributes = allowed(attributes, on: element, at: last.start)
            let kept = before.trimmingBlanks()
            if kept.isEmpty {
                node.children.removeLast()
                if let end = node.children.last, end.kind == .softBreak || end.kind == .lineBreak { node.children.removeLast() }
            } else {
                node.children[node.children.count - 1].literal = String(before.prefix(before.countWithoutTrailingBlanks()))
            }
        case .malformed:
            warnings.append(("unknown attribute syntax '\(group)': write {#id .class key=\"value\"}", last.start))
        case .notAList:
            break
        }
    }

    private mutating func allowed(_ attributes: [HTMLAttribute], on element: String, at position: SourcePosition) -> [HTMLAttribute] {
        attributes.filter { attribute in
            guard let reason = HTMLAllowlist.rejection(of: attribute, on: element) else { return true }
            warnings.append(("attribute list: \(reason) was removed", position))
            return false
        }
    }
}

private extension StringProtocol {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}

private extension Substring {
    func countWithoutTrailingBlanks() -> Int {
        var count = self.count
        var text = self
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast(); count -= 1 }
        return count
    }
}
