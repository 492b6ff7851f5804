import Markdown

/// The headings of a rendered body, with the ids `HTMLRenderer(headingIDs: true)` gives them,
/// and the body split into heading sections (for the table of contents and the search index).
public struct PageOutline: Sendable {
    /// One heading: its level, text and anchor id.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// The text under one top-level heading, up to the next one (the first has no heading).
    public struct Section: Sendable, Equatable {
        public var heading: Heading?
        public var text: String
    }

    public private(set) var headings: [Heading] = []
    public private(set) var sections: [Section] = []

    /// Walks `blocks` in the renderer's order, so each id matches the rendered HTML.
    public init(_ blocks: [MarkdownNode]) {
        var collector = HeadingCollector(keepsText: true)
        var current = Section(heading: nil, text: "")
        for block in blocks {
            collector.collect(block)
            if block.headingLevel != nil, let heading = collector.headings.last {
                if !current.text.isEmpty || current.heading != nil { sections.append(current) }
                current = Section(heading: heading, text: "")
                continue
            }
            let text = block.plainText()
            if !text.isEmpty {
                if !current.text.isEmpty { current.text += " " }
                current.text += text
            }
        }
        if !current.text.isEmpty || current.heading != nil { sections.append(current) }
        headings = collector.headings
    }

    /// The heading ids alone, without collecting section text (for link checks).
    static func headingIDs(_ blocks: [MarkdownNode]) -> [String] {
        var collector = HeadingCollector(keepsText: false)
        for block in blocks { collector.collect(block) }
        return collector.headings.map(\.id)
    }

    /// The headings of a tree in document order, each with the id the renderer gives it: block
    /// containers (block quotes, list items, admonitions, tabs) are entered, headings' inlines
    /// and other inline content are not, so the slugger numbers repeated titles as the renderer
    /// does. Walked through pointers (`MarkdownNode.walk`): every page is walked twice a build.
    private struct HeadingCollector {
        /// Whether to keep each heading's text (the link check needs the ids alone).
        let keepsText: Bool
        var slugger = HeadingSlugger()
        var headings: [Heading] = []

        init(keepsText: Bool) { self.keepsText = keepsText }

        mutating func collect(_ block: MarkdownNode) {
            block.walk { node in
                switch node.pointee.kind {
                case .heading(let level):
                    headings.append(Heading(level: level, text: keepsText ? node.pointee.plainText() : "", id: slugger.id(of: node.pointee)))
                    return false
                // Headings stand in block containers only: never in a paragraph's or a table's
                // content, whose many inline nodes a walk would otherwise visit one by one.
                case .table: return false
                case let kind: return kind.isBlock && !kind.holdsInlines
                }
            }
        }
    }

    /// The table of contents: level 2 and 3 headings.
    public var tableOfContents: [Heading] {
        headings.filter { $0.level == 2 || $0.level == 3 }
    }
}

/// Block-level edits the site makes before rendering a page body.
enum BodyBlocks {
    /// The id of the leading level-1 heading that `withoutTitle` drops: the template gives it to
    /// the page's h1, so `page.md#title` links keep working.
    static func titleAnchor(_ blocks: [MarkdownNode]) -> String? {
        guard let first = blocks.first, first.headingLevel == 1 else { return nil }
        return HeadingSlugger.slug(first.plainText())
    }

    /// The page's blocks without a leading level-1 heading (the template prints the page
    /// title as the one h1) and with any later h1 shown as h2.
    static func withoutTitle(_ blocks: [MarkdownNode]) -> [MarkdownNode] {
        // Copies nodes only when something changes: copying a page's blocks (a retain of each
        // field of each) showed in profiles.
        func isTitle(_ index: Int) -> Bool {
            if case .heading(level: 1) = blocks[index].kind { return true }
            return false
        }
        let start = !blocks.isEmpty && isTitle(0) ? 1 : 0
        guard (start..<blocks.count).contains(where: isTitle) else { return start == 0 ? blocks : Array(blocks[start...]) }
        return blocks[start...].map { block in
            guard block.headingLevel == 1 else { return block }
            var demoted = block
            demoted.kind = .heading(level: 2)
            return demoted
        }
    }
}
