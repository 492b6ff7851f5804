/// What a character is to CommonMark's flanking rules: whitespace (a line start or end
/// counts as whitespace), punctuation, or anything else.
enum CharacterClass {
    case whitespace, punctuation, other

    init(_ scalar: Unicode.Scalar?) {
        guard let scalar else {
            self = .whitespace
            return
        }
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20:
            self = .whitespace
            return
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            self = .punctuation
            return
        case 0..<0x80:
            self = .other
            return
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator:
            self = .whitespace
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            self = .punctuation
        default:
            self = .other
        }
    }

    /// What stands next to a run of inlines where the neighbour is `node` (the last character
    /// of the node before, or the first of the node after), as the source had it.
    static func of(_ node: borrowing MarkdownNode, before: Bool) -> CharacterClass {
        switch node.kind {
        case .text:
            return CharacterClass(before ? node.literal.unicodeScalars.last : node.literal.unicodeScalars.first)
        case .softBreak, .lineBreak:
            return .whitespace
        default:
            // Code spans, emphasis, links, HTML and the rest start and end with punctuation
            // (`` ` ``, `*`, `_`, `[`, `)`, `<`, `>`, `~`).
            return .punctuation
        }
    }

    /// What stands before the first (or after the last) inline of a container: a line
    /// boundary for blocks, the container's own delimiter for inline containers.
    static func edge(of kind: MarkdownNode.Kind) -> CharacterClass {
        kind.isBlock ? .whitespace : .punctuation
    }
}

/// The flanking of a delimiter run, from the characters on either side of it.
struct Flanking {
    var left: Bool
    var right: Bool

    init(before: CharacterClass, after: CharacterClass) {
        left = after != .whitespace && (after != .punctuation || before != .other)
        right = before != .whitespace && (before != .punctuation || after != .other)
    }
}
