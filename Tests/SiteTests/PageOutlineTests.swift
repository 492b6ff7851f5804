import Markdown
import Testing
@testable import Site

/// Heading ids agree between the outline (TOC, search), the link check and the HTML.
@Suite struct PageOutlineTests {
    @Test func headingIDsMatchTheOutlineAndTheRenderer() {
        let document = Markdown.MarkdownParser().parse("# Title\n\n## Setup\n\n> ## Setup\n\n- item\n\n## Setup\n")
        let outline = PageOutline(document.children)
        #expect(PageOutline.headingIDs(document.children) == ["title", "setup", "setup-1", "setup-2"])
        #expect(outline.headings.map(\.id) == ["title", "setup", "setup-1", "setup-2"])
        let html = Markdown.HTMLRenderer(headingIDs: true).render(document)
        #expect(html.contains(#"<h2 id="setup-1">"#) && html.contains(#"<h2 id="setup-2">"#))
    }
}
