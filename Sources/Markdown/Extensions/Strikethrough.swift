/// GFM strikethrough: `~text~` and `~~text~~`.
///
/// As in cmark-gfm, a run of one or two tildes is a delimiter when it is left- or
/// right-flanking; a closer matches the nearest opener before it in the same inline
/// container if both runs have the same length; longer runs and escaped tildes are text.
/// cmark has already matched emphasis, so a strikethrough that would cross an emphasis
/// boundary (`~a *b~ c*`) is not made (cmark-gfm, matching both in one pass, makes it).
public struct Strikethrough: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.source.contains("~") else { return }
        var rewriter = StrikethroughRewriter()
        document = rewriter.visit(document) ?? document
    }
}

private struct StrikethroughRewriter: MarkdownRewriter {
    mutating func defaultVisit(_ node: consuming MarkdownNode) -> MarkdownNode? {
        var node = node
        guard !node.kind.isLeaf else { return node }
        rewriteChildren(of: &node)
        if node.kind.holdsInlines || !node.kind.isBlock, node.children.contains(where: { $0.kind == .text && $0.literal.utf8.contains(UInt8(ascii: "~")) }) {
            node.children = Self.strike(node.children, in: node.kind)
        }
        return node
    }

    /// A piece of an inline container's content while runs are matched.
    private enum Piece {
        case node(MarkdownNode)
        case text(Substring, start: SourcePosition)
    }

    private struct Run {
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var text: Substring
        var start: SourcePosition
    }

    private struct Frame {
        var opener: Run
        var content: [Piece] = []
    }

    static func strike(_ inlines: [MarkdownNode], in container: MarkdownNode.Kind) -> [MarkdownNode] {
        var root: [Piece] = []
        var frames: [Frame] = []
        func append(_ piece: Piece) {
            if frames.isEmpty { root.append(piece) } else { frames[frames.count - 1].content.append(piece) }
        }
        for (index, inline) in inlines.enumerated() {
            guard inline.kind == .text, inline.literal.utf8.contains(UInt8(ascii: "~")) else {
                append(.node(inline))
                continue
            }
            let before = index > 0 ? CharacterClass.of(inlines[index - 1], before: true) : CharacterClass.edge(of: container)
            let after = index + 1 < inlines.count ? CharacterClass.of(inlines[index + 1], before: false) : CharacterClass.edge(of: container)
            for segment in segments(inline, before: before, after: after) {
                guard case .run(let run) = segment else {
                    if case .text(let text, let start) = segment { append(.text(text, start: start)) }
                    continue
                }
                if run.canClose, let opener = frames.last?.opener, opener.length == run.length {
                    let frame = frames.removeLast()
                    let end = SourcePosition(line: run.start.line, column: run.start.column + run.length - 1)
                    append(.node(MarkdownNode(.strikethrough, children: nodes(frame.content), start: frame.opener.start, end: end)))
                } else if run.canOpen {
                    frames.append(Frame(opener: run))
                } else {
                    append(.text(run.text, start: run.start))
                }
            }
        }
        // Openers never closed are text again, their content in place after them.
        for frame in frames {
            root.append(.text(frame.opener.text, start: frame.opener.start))
            root += frame.content
        }
        return nodes(root)
    }

    private enum Segment {
        case text(Substring, start: SourcePosition)
        case run(Run)
    }

    /// A text node cut into tilde runs and the text between them.
    private static func segments(_ node: MarkdownNode, before: CharacterClass, after: CharacterClass) -> [Segment] {
        let text = node.literal
        let scalars = text.unicodeScalars
        var segments: [Segment] = []
        var textStart = scalars.startIndex
        var index = scalars.startIndex
        func position(_ at: String.Index) -> SourcePosition {
            SourcePosition(line: node.start.line, column: node.start.column + text.utf8.distance(from: text.startIndex, to: at))
        }
        while index < scalars.endIndex {
            guard scalars[index] == "~" else {
                index = scalars.index(after: index)
                continue
            }
            var runEnd = index
            while runEnd < scalars.endIndex, scalars[runEnd] == "~" { runEnd = scalars.index(after: runEnd) }
            let length = scalars.distance(from: index, to: runEnd)
            if length <= 2 {
                let previous = index > scalars.startIndex ? CharacterClass(scalars[scalars.index(before: index)]) : before
                let next = runEnd < scalars.endIndex ? CharacterClass(scalars[runEnd]) : after
                let flanking = Flanking(before: previous, after: next)
                if flanking.left || flanking.right {
                    if textStart < index { segments.append(.text(text[textStart..<index], start: position(textStart))) }
                    segments.append(.run(Run(length: length, canOpen: flanking.left, canClose: flanking.right,
                                             text: text[index..<runEnd], start: position(index))))
                    textStart = runEnd
                }
            }
            index = runEnd
        }
        if textStart < scalars.endIndex { segments.append(.text(text[textStart...], start: position(textStart))) }
        return segments
    }

    /// Pieces as nodes, adjacent text joined into one text node.
    private static func nodes(_ pieces: [Piece]) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var pendingText = ""
        var pendingStart = SourcePosition(line: 0, column: 0)
        func flush() {
            guard !pendingText.isEmpty else { return }
            var end = pendingStart
            end.column += pendingText.utf8.count - 1
            nodes.append(MarkdownNode(.text, literal: pendingText, start: pendingStart, end: end))
            pendingText = ""
        }
        for piece in pieces {
            switch piece {
            case .text(let text, let start):
                if pendingText.isEmpty { pendingStart = start }
                pendingText += text
            case .node(let node):
                flush()
                nodes.append(node)
            }
        }
        flush()
        return nodes
    }
}
