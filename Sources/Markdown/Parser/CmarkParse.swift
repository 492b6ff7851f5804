import CCmark

/// One run of libcmark over a text, and the conversion of its tree into Swift values.
///
/// The cmark parser, iterator and tree are created and freed inside `parse`; nothing of C
/// survives the call. Containers nested deeper than `maximumDepth` are flattened into their
/// ancestor at that depth, so hostile input cannot exhaust the stack of recursive walkers.
struct CmarkParse {
    var smartPunctuation: Bool
    var maximumDepth: Int
    /// Whether the text holds `EscapeMarkers`, to be turned back in code and HTML literals.
    var restoresMarkers: Bool

    /// The converted document, and how many nodes were appended to a parent while building it.
    struct Result {
        var document: MarkdownNode
        /// Each node is appended exactly once, so this is the node count less one: the
        /// conversion's work, which a test holds linear in the input (it was quadratic in the
        /// nesting depth past `maximumDepth`).
        var appends: Int
    }

    func parse(_ bytes: [UInt8]) -> Result {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        return convert(root, source: SourceText(bytes))
    }

    private func convert(_ root: OpaquePointer, source: SourceText) -> Result {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        var builder = TreeBuilder(maximumDepth: maximumDepth, source: source)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let pointer = cmark_iter_get_node(iterator)!
            if event == CMARK_EVENT_ENTER {
                let node = makeNode(pointer, inheriting: builder.innermostStart)
                if isLeaf(pointer) {
                    builder.appendLeaf(node)
                } else {
                    builder.open(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                builder.close()
            }
        }
        return Result(document: builder.result, appends: builder.appends)
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
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock(info: unmarked(string(cmark_node_get_fence_info(node)), code: false))
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
        case .text:
            literal = string(cmark_node_get_literal(node))  // markers stay until the layer's last step
        case .code, .codeBlock, .htmlBlock, .htmlInline:
            literal = unmarked(string(cmark_node_get_literal(node)), code: true)
        default:
            literal = ""
        }
        return MarkdownNode(kind, literal: literal, start: start, end: end)
    }

    private func unmarked(_ text: String, code: Bool) -> String {
        restoresMarkers ? EscapeMarkers.restore(text, keepingBackslash: code) : text
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Builds the Swift tree from cmark's enter and exit events. Containers past the depth limit
/// get no frame of their own: what they hold goes straight to the deepest kept container, so
/// every node is appended once, however deep the input nests.
struct TreeBuilder {
    private struct Frame {
        var node: MarkdownNode
    }

    let maximumDepth: Int
    /// The text parsed, to find the underline of a setext heading (see `close`).
    let source: SourceText?
    private var stack: [Frame] = []
    /// How many containers are open past the depth limit (they have no frame).
    private var dropped = 0
    private var blockQuotes = 0
    private(set) var result = MarkdownNode(.document)
    private(set) var appends = 0

    init(maximumDepth: Int, source: SourceText? = nil) {
        self.maximumDepth = maximumDepth
        self.source = source
    }

    /// The start of the innermost kept container, for nodes cmark gives no position.
    var innermostStart: SourcePosition? { stack.last?.node.start }

    mutating func open(_ node: MarkdownNode) {
        if dropped > 0 || (stack.count >= maximumDepth && !stack.isEmpty) {
            dropped += 1
        } else {
            stack.append(Frame(node: node))
            if node.kind == .blockQuote { blockQuotes += 1 }
        }
    }

    mutating func appendLeaf(_ node: MarkdownNode) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].node.children.append(node)
        appends += 1
    }

    mutating func close() {
        if dropped > 0 {
            dropped -= 1
            return
        }
        var frame = stack.removeLast()
        if frame.node.kind == .blockQuote { blockQuotes -= 1 }
        if frame.node.headingLevel != nil, frame.node.end.line > frame.node.start.line, let source {
            frame.node.end = Self.setextEnd(of: frame.node, in: source, blockQuotes: blockQuotes)
        }
        if stack.isEmpty {
            result = frame.node
        } else {
            stack[stack.count - 1].node.children.append(frame.node)
            appends += 1
        }
    }

    /// The end of a setext heading: its underline. cmark sometimes reports a later end (the
    /// end of the paragraph after it), which would put that paragraph inside the heading.
    static func setextEnd(of heading: MarkdownNode, in source: SourceText, blockQuotes: Int) -> SourcePosition {
        guard heading.start.line + 1 <= heading.end.line else { return heading.end }
        for number in (heading.start.line + 1)...min(heading.end.line, source.lineCount) {
            let line = source.line(number)
            var index = line.startIndex
            var quotes = blockQuotes
            while index < line.endIndex, Bytes.isBlank(line[index]) || (quotes > 0 && line[index] == UInt8(ascii: ">")) {
                if line[index] == UInt8(ascii: ">") { quotes -= 1 }
                index += 1
            }
            guard index < line.endIndex, line[index] == UInt8(ascii: "=") || line[index] == UInt8(ascii: "-") else { continue }
            let marker = line[index]
            var end = index
            while end < line.endIndex, line[end] == marker { end += 1 }
            while end < line.endIndex, Bytes.isBlank(line[end]) { end += 1 }
            if end == line.endIndex { return SourcePosition(line: number, column: line.count) }
        }
        return heading.end
    }
}
