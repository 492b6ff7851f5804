import Foundation
import Markdown
import Testing
@testable import Exchange
@testable import ExchangeImport

/// The importer turns Lectern's HTML back into markdown that renders to the same HTML.
@Suite("HTML back to markdown")
struct HTMLToMarkdownTests {
    static let samples = [
        "Plain text with a `code span`, *emphasis*, **strong** and ***both***.",
        "A [link](https://example.org/a_b \"title\") and an image ![alt text](img/x.png).",
        "Special characters: \\* \\_ \\[ \\] \\< > & # \\\\ \\` and 1. 2) - + in a line\n\\# starting a line\n\\- a dash\n3\\. a number\n\\+ a plus",
        "Snake_case, __init__, a_b_c and _emphasis_ and 5 * 3 = 15.",
        "Line one\\\nline two after a hard break\nand a soft one.",
        "A code span with backticks: `` a`b `` and ``` `` ```.",
        "- one\n- two\n  - nested\n- three",
        "1. first\n2. second\n\n   with a second paragraph\n3. third",
        "> a quote\n> with two lines\n\n> and another",
        "```swift\nlet x = \"<b>\" // 1 < 2\n```",
        "````\n```\nnested fence\n```\n````",
        "Text &amp; entities &lt;tag&gt; stay text: &copy; and AT&T.",
        "- a list\n\n* another list right after",
    ]

    @Test("HTML → markdown → HTML gives the same HTML", arguments: samples)
    func stable(markdown: String) {
        let renderer = HTMLRenderer()
        let html = renderer.render(MarkdownParser().parse(markdown))
        let (back, lossy) = HTMLToMarkdown().blocks(html)
        #expect(!lossy)
        #expect(renderer.render(MarkdownParser().parse(back)) == html, "markdown: \(back)")
    }

    @Test("headings and rules, which would end a question, become a bold paragraph and nothing; noted as lossy")
    func headingsAndRules() {
        let (markdown, lossy) = HTMLToMarkdown().blocks("<h2>Title</h2><p>Text</p><hr /><p>More</p>")
        #expect(markdown == "**Title**\n\nText\n\nMore")
        #expect(lossy)
    }

    @Test("HTML with unclosed tags is read as libxml2 recovers it")
    func unclosed() {
        let (markdown, _) = HTMLToMarkdown().blocks("<p>Unclosed <b>bold &amp; text")
        #expect(markdown == "Unclosed **bold & text**")
    }

    @Test("text that cannot be parsed at all is reduced to its text, and noted as lossy")
    func unparsable() {
        #expect(HTMLToMarkdown.strippingTags("<p>a &lt;b&gt; &amp; <i>c</i></p>") == "a <b> & c")
    }

    @Test("an option wrapped in one paragraph (as Moodle writes answers) is unwrapped")
    func optionParagraph() {
        #expect(HTMLToMarkdown().inline("<p>443</p>").markdown == "443")
        #expect(HTMLToMarkdown().inline("<p>3.14 and <em>more</em></p>").markdown == "3.14 and *more*")
    }
}
