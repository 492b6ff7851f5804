@testable import Site
import Testing

/// Whether a page's HTML holds a code block decides whether the page loads the highlighter.
@Suite struct HoldsCodeTests {
    @Test(arguments: ["<pre><code>x</code></pre>", "<p>a</p>\n<pre class=\"x\">", "text<pre", "é<pre>é"])
    func htmlWithAPreElementHoldsCode(html: String) {
        #expect(PageRenderer.holdsCode(html))
    }

    @Test(arguments: ["", "<pr", "<p>re</p>", "<PRE>", "<code>inline</code>", "pre<p re>"])
    func htmlWithoutOneDoesNot(html: String) {
        #expect(!PageRenderer.holdsCode(html))
    }

    /// The tag, or a near miss, at every place in a longer page.
    @Test func findsTheTagWhereverItStands() {
        let page = String(repeating: "<p>prose é</p>\n", count: 40)
        for cut in stride(from: 0, through: page.utf8.count, by: 7) {
            let index = page.utf8.index(page.utf8.startIndex, offsetBy: cut)
            guard index.samePosition(in: page.unicodeScalars) != nil else { continue }
            let html = String(page[..<index]) + "<pre>" + String(page[index...])
            #expect(PageRenderer.holdsCode(html))
            #expect(!PageRenderer.holdsCode(String(page[..<index]) + "<prx" + String(page[index...])))
        }
    }
}
