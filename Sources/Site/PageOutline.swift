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
        var slugger = HeadingSlugger()
        var current = Section(heading: nil, text: "")
        for block in blocks {
            if let level = block.headingLevel {
                let heading = Heading(level: level, text: block.plainText(), id: slugger.id(of: block))
                headings.append(heading)
                if !current.text.isEmpty || current.heading != nil { sections.append(current) }
                current = Section(heading: heading, text: "")
                continue
            }
            collectNested(block, into: &slugger)
            let text = block.plainText()
            if !text.isEmpty {
                if !current.text.isEmpty { current.text += " " }
                current.text += text
            }
        }
        if !current.text.isEmpty || current.heading != nil { sections.append(current) }
    }

    /// Headings inside block quotes and list items take ids too; keep the slugger in step.
    private mutating func collectNested(_ node: MarkdownNode, into slugger: inout HeadingSlugger) {
        for child in node.children where child.kind.isBlock {
            if let level = child.headingLevel {
                headings.append(Heading(level: level, text: child.plainText(), id: slugger.id(of: child)))
            } else {
                collectNested(child, into: &slugger)
            }
        }
    }

    /// The heading ids alone, without collecting section text (for link checks).
    static func headingIDs(_ blocks: [MarkdownNode]) -> [String] {
        var slugger = HeadingSlugger()
        var ids: [String] = []
        func visit(_ node: MarkdownNode) {
            if node.headingLevel != nil {
                ids.append(slugger.id(of: node))
                return
            }
            for child in node.children where child.kind.isBlock { visit(child) }
        }
        blocks.forEach(visit)
        return ids
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
        var result = blocks
        if let first = result.first, first.headingLevel == 1 { result.removeFirst() }
        return result.map { block in
            guard block.headingLevel == 1 else { return block }
            var demoted = block
            demoted.kind = .heading(level: 2)
            return demoted
        }
    }
}
