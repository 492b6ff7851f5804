/// A readable, stable dump of a tree, one node per line with its kind, data, position and
/// literal: the parser's test oracle (`Tests/MarkdownTests/Fixtures/everything.dump`).
extension MarkdownNode {
    public func treeDump() -> String {
        var dumper = TreeDumper()
        dumper.visit(self)
        return dumper.lines.joined(separator: "\n") + "\n"
    }
}

struct TreeDumper: MarkdownWalker {
    var lines: [String] = []
    private var depth = 0

    mutating func defaultVisit(_ node: borrowing MarkdownNode) {
        var line = String(repeating: "  ", count: depth) + Self.name(node.kind) + " [\(node.start)-\(node.end)]"
        switch node.kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline, .icon:
            line += " " + String(reflecting: node.literal)
        default:
            break
        }
        if !node.attributes.isEmpty {
            line += " {" + node.attributes.map { "\($0.name)=\(String(reflecting: $0.value))" }.joined(separator: " ") + "}"
        }
        lines.append(line)
        depth += 1
        descendInto(node)
        depth -= 1
    }

    static func name(_ kind: MarkdownNode.Kind) -> String {
        switch kind {
        case .document: return "document"
        case .blockQuote: return "blockQuote"
        case .list(let info):
            return "list(\(info.ordered ? "ordered start=\(info.start)" : "bullet") \(info.tight ? "tight" : "loose"))"
        case .item: return "item"
        case .taskListItem(let checked): return "taskListItem(\(checked ? "checked" : "unchecked"))"
        case .codeBlock(let info): return "codeBlock(info: \(String(reflecting: info)))"
        case .htmlBlock: return "htmlBlock"
        case .paragraph: return "paragraph"
        case .heading(let level): return "heading(\(level))"
        case .thematicBreak: return "thematicBreak"
        case .table(let alignments): return "table(\(alignments.map { "\($0)" }.joined(separator: ", ")))"
        case .tableHeader: return "tableHeader"
        case .tableRow: return "tableRow"
        case .tableCell(let alignment): return "tableCell(\(alignment))"
        case .footnoteDefinition(let label, let number, let references):
            return "footnoteDefinition(\(String(reflecting: label)) number=\(number) references=\(references))"
        case .footnotes: return "footnotes"
        case .text: return "text"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .code: return "code"
        case .htmlInline: return "htmlInline"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .strikethrough: return "strikethrough"
        case .link(let destination, let title): return "link(\(String(reflecting: destination)), title: \(String(reflecting: title)))"
        case .image(let source, let title): return "image(\(String(reflecting: source)), title: \(String(reflecting: title)))"
        case .footnoteReference(let label, let number, let occurrence):
            return "footnoteReference(\(String(reflecting: label)) number=\(number) occurrence=\(occurrence))"
        case .admonition(let admonition):
            return "admonition(\(admonition.type), title: \(String(reflecting: admonition.title))\(admonition.collapsible ? admonition.open ? " collapsible open" : " collapsible" : ""))"
        case .tabSet: return "tabSet"
        case .tab(let label, let selected): return "tab(\(String(reflecting: label))\(selected ? " selected" : ""))"
        case .htmlElement(let tag): return "htmlElement(\(tag))"
        case .keys(let keys): return "keys(\(keys.joined(separator: "+")))"
        case .icon(let name): return "icon(\(name))"
        }
    }
}
