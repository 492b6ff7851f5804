/// A readable, stable dump of a tree, one node per line with its position: the parser's
/// test oracle.
extension MarkdownNode {
    public func treeDump() -> String {
        var lines: [String] = []
        dump(into: &lines, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    private func dump(into lines: inout [String], depth: Int) {
        var line = String(repeating: "  ", count: depth) + kindName + " [\(start)-\(end)]"
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            line += " " + String(reflecting: literal)
        default:
            break
        }
        lines.append(line)
        for child in children { child.dump(into: &lines, depth: depth + 1) }
    }

    private var kindName: String {
        switch kind {
        case .document: return "document"
        case .blockQuote: return "blockQuote"
        case .list(let info):
            return "list(\(info.ordered ? "ordered start=\(info.start)" : "bullet") \(info.tight ? "tight" : "loose"))"
        case .item: return "item"
        case .codeBlock(let info): return "codeBlock(info: \(String(reflecting: info)))"
        case .htmlBlock: return "htmlBlock"
        case .paragraph: return "paragraph"
        case .heading(let level): return "heading(\(level))"
        case .thematicBreak: return "thematicBreak"
        case .text: return "text"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .code: return "code"
        case .htmlInline: return "htmlInline"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .link(let destination, let title): return "link(\(String(reflecting: destination)), title: \(String(reflecting: title)))"
        case .image(let source, let title): return "image(\(String(reflecting: source)), title: \(String(reflecting: title)))"
        }
    }
}
