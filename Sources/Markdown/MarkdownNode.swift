/// A position in a markdown source: 1-based line and column (column counts bytes, as cmark does).
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How a list is numbered and spaced.
public struct ListInfo: Hashable, Sendable {
    public enum Delimiter: Hashable, Sendable { case none, period, paren }

    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var delimiter: Delimiter

    public init(ordered: Bool, start: Int = 1, tight: Bool = true, delimiter: Delimiter = .none) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.delimiter = delimiter
    }
}

/// How a table column is aligned, from the colons of its delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: Hashable, Sendable {
    case none, left, center, right
}

/// An admonition's data: `!!! warning "Mind the gap"` is type `warning`, that title.
public struct Admonition: Hashable, Sendable {
    /// The type, lowercased (`note`, `warning`, `tip`…): the box's class and colour.
    public var type: String
    /// The title shown; the type capitalised when none was written, empty for `""` (no title bar).
    public var title: String
    /// Written `???` (closed) or `???+` (open): a `<details>` the reader opens.
    public var collapsible: Bool
    /// Shown open: `???+`, or any `!!!` admonition.
    public var open: Bool

    public init(type: String, title: String, collapsible: Bool = false, open: Bool = true) {
        self.type = type
        self.title = title
        self.collapsible = collapsible
        self.open = open
    }
}

/// One HTML attribute, as an author wrote it on a node (`{.class}`, `<div id="x" markdown>`).
public struct HTMLAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One node of a parsed markdown document: an immutable Swift value copied out of cmark's
/// tree (and rewritten by the extension layer), so no C pointer outlives the parse.
public struct MarkdownNode: Hashable, Sendable {
    /// What a node is, with the data only that kind carries.
    public enum Kind: Hashable, Sendable {
        // CommonMark, as cmark builds it.
        case document
        case blockQuote
        case list(ListInfo)
        case item
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
        // GitHub Flavored Markdown, built by the extension layer (`MarkdownExtensions.gfm`).
        /// A list item that starts with `[ ]` or `[x]`; the marker is not part of its content.
        case taskListItem(checked: Bool)
        /// A table: its header row, then its body rows; one alignment per column.
        case table(alignments: [TableAlignment])
        /// The first row of a table.
        case tableHeader
        /// A body row of a table, with exactly as many cells as the table has columns.
        case tableRow
        /// One cell, holding inline content.
        case tableCell(alignment: TableAlignment)
        /// `~text~` or `~~text~~`.
        case strikethrough
        /// `[^label]` where a footnote of that label is defined; `number` is the footnote's
        /// place in the order of first references, `occurrence` counts references to it (1, 2, …).
        case footnoteReference(label: String, number: Int, occurrence: Int)
        /// The blocks of `[^label]: …`; `references` is how many references point at it.
        case footnoteDefinition(label: String, number: Int, references: Int)
        /// The referenced footnote definitions, in number order, at the end of the document.
        case footnotes
        // The MkDocs Material dialect, built by `MarkdownExtensions.mkdocsMaterial`.
        /// `!!! type "Title"` (or `???`/`???+`, collapsible) and its indented blocks.
        case admonition(Admonition)
        /// Consecutive `=== "Label"` blocks: one `tab` child per label.
        case tabSet
        /// One labelled tab of a tab set, holding its indented blocks.
        case tab(label: String, selected: Bool)
        /// An HTML element marked `markdown` (`<div class="grid" markdown>`), its content
        /// parsed as markdown; its attributes are the node's `attributes`.
        case htmlElement(tag: String)
        /// `++ctrl+alt+del++`: keys pressed together, as written between the pluses.
        case keys([String])
        /// `:material-check:`: an icon or emoji shortcode; the literal is its glyph, empty when
        /// Lectern has none (the name is then shown as text).
        case icon(name: String)

        /// Whether the node is a block (as opposed to inline content).
        public var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph,
                 .heading, .thematicBreak, .taskListItem, .table, .tableHeader, .tableRow,
                 .tableCell, .footnoteDefinition, .footnotes, .admonition, .tabSet, .tab, .htmlElement:
                return true
            default:
                return false
            }
        }

        /// Whether the node's children are inlines (paragraphs, headings, table cells).
        public var holdsInlines: Bool {
            switch self {
            case .paragraph, .heading, .tableCell: return true
            default: return false
            }
        }

        /// Whether the node holds literal text rather than children.
        public var isLeaf: Bool {
            switch self {
            case .text, .code, .codeBlock, .htmlBlock, .htmlInline, .softBreak, .lineBreak,
                 .thematicBreak, .footnoteReference, .keys, .icon:
                return true
            default:
                return false
            }
        }
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// The text of text, code, code block and HTML nodes; empty for the others.
    public var literal: String
    /// Where the node starts in the source. Inline nodes carry their block's start line
    /// when cmark gives them no position of their own.
    public var start: SourcePosition
    /// Where the node ends in the source (inclusive).
    public var end: SourcePosition
    /// HTML attributes an author gave the node (`{#id .class key=value}` after a heading,
    /// paragraph, link or image; those of an HTML element marked `markdown`), already
    /// filtered to the safe ones (`HTMLAttribute.isAllowed`).
    public var attributes: [HTMLAttribute]

    public init(
        _ kind: Kind,
        children: [MarkdownNode] = [],
        literal: String = "",
        start: SourcePosition = SourcePosition(line: 0, column: 0),
        end: SourcePosition = SourcePosition(line: 0, column: 0),
        attributes: [HTMLAttribute] = []
    ) {
        self.kind = kind
        self.children = children
        self.literal = literal
        self.start = start
        self.end = end
        self.attributes = attributes
    }
}

extension MarkdownNode {
    /// Calls `body` with each child and its index. The tree walks (plain text, HTML, links)
    /// all iterate children here, so how a walk reads nodes is decided in one place. (Reading
    /// through an unsafe buffer instead showed no saving in profiles.)
    @inlinable
    public func forEachChild(_ body: (Int, borrowing MarkdownNode) -> Void) {
        for index in children.indices { body(index, children[index]) }
    }

    /// The level of a heading, nil for other nodes.
    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// The list data of a list, nil for other nodes.
    public var listInfo: ListInfo? {
        if case .list(let info) = kind { return info }
        return nil
    }

    /// The info string of a fenced code block, nil for other nodes.
    public var fenceInfo: String? {
        if case .codeBlock(let info) = kind { return info }
        return nil
    }

    /// Whether the node is a list item, a task list item included.
    public var isListItem: Bool {
        switch kind {
        case .item, .taskListItem: return true
        default: return false
        }
    }

    /// The text a reader sees, without markup: text and code literals, with line breaks,
    /// sibling blocks and table cells separated by spaces.
    public func plainText() -> String {
        var text = ""
        withUnsafePointer(to: self) { PlainText.append($0, to: &text) }
        return text
    }
}

/// Collects `plainText`: literals, with a space between sibling blocks. It reads nodes
/// through pointers: passing each child of an array to a visitor's method copies it (a
/// retain of each of its fields), which showed in profiles of every walk.
enum PlainText {
    static func append(_ node: UnsafePointer<MarkdownNode>, to text: inout String) {
        switch node.pointee.kind {
        case .text, .code, .codeBlock, .htmlInline, .htmlBlock:
            text += node.pointee.literal
        case .softBreak, .lineBreak:
            text += " "
        case .footnoteReference:
            break  // a number that belongs to the page, not to this text
        default:
            node.pointee.children.withUnsafeBufferPointer { children in
                guard let first = children.baseAddress else { return }
                for index in 0..<children.count {
                    if index > 0, children[index].kind.isBlock { text += " " }
                    append(first + index, to: &text)
                }
            }
        }
    }
}
