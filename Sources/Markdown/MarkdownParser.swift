import CCmark

/// Parses CommonMark through libcmark and returns the document as Swift values.
///
/// The cmark parser, iterator and tree are created and freed inside `parse`; nothing of C
/// survives the call. Containers nested deeper than `maximumDepth` are flattened into their
/// ancestor at that depth, so hostile input cannot exhaust the stack of recursive walkers.
public struct MarkdownParser: Sendable {
    /// Curly quotes, dashes and ellipses from straight punctuation.
    public var smartPunctuation: Bool
    /// The deepest container nesting kept as structure.
    public var maximumDepth: Int

    public init(smartPunctuation: Bool = true, maximumDepth: Int = 96) {
        self.smartPunctuation = smartPunctuation
        self.maximumDepth = maximumDepth
    }

    /// Parses `source` into a document node.
    public func parse(_ source: String) -> MarkdownNode {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        var text = source
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        return convert(root)
    }

    private struct Frame {
        var node: MarkdownNode
        /// False for a container past `maximumDepth`: its children go to the parent.
        var kept: Bool
    }

    private func convert(_ root: OpaquePointer) -> MarkdownNode {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var keptDepth = 0
        var result = MarkdownNode(.document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let pointer = cmark_iter_get_node(iterator)!
            if event == CMARK_EVENT_ENTER {
                let node = makeNode(pointer, inheriting: stack.last?.node.start)
                if isLeaf(pointer) {
                    append(node, to: &stack)
                } else {
                    let keep = keptDepth < maximumDepth || stack.isEmpty
                    if keep { keptDepth += 1 }
                    stack.append(Frame(node: node, kept: keep))
                }
            } else if event == CMARK_EVENT_EXIT {
                let frame = stack.removeLast()
                if frame.kept {
                    keptDepth -= 1
                    if stack.isEmpty {
                        result = frame.node
                    } else {
                        append(frame.node, to: &stack)
                    }
                } else {
                    for child in frame.node.children { append(child, to: &stack) }
                }
            }
        }
        return result
    }

    private func append(_ node: MarkdownNode, to stack: inout [Frame]) {
        stack[stack.count - 1].node.children.append(node)
    }

    private func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK,
             CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private func makeNode(_ node: OpaquePointer, inheriting parentStart: SourcePosition?) -> MarkdownNode {
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            let delimiter: ListInfo.Delimiter
            switch cmark_node_get_list_delim(node) {
            case CMARK_PERIOD_DELIM: delimiter = .period
            case CMARK_PAREN_DELIM: delimiter = .paren
            default: delimiter = .none
            }
            kind = .list(ListInfo(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                delimiter: delimiter))
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: kind = .text  // CMARK_NODE_TEXT, and custom nodes (never produced by the parser)
        }
        var start = SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        var end = SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        if start.line == 0, let parentStart {
            start = parentStart
            end = parentStart
        }
        let literal: String
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            literal = string(cmark_node_get_literal(node))
        default:
            literal = ""
        }
        return MarkdownNode(kind, literal: literal, start: start, end: end)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
