import Foundation
import Markdown
import Testing

/// One vector of the OWASP XSS Filter Evasion Cheat Sheet (Fixtures/owasp).
struct XSSCase: CustomTestStringConvertible, Sendable {
    var title: String
    var vector: String
    var testDescription: String { title }

    static let all: [XSSCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/owasp/xss-filter-evasion.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("\t") }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let vector = String(parts[1]).replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
                .replacingOccurrences(of: "\\r", with: "\r").replacingOccurrences(of: "\\0", with: "\0")
            return XSSCase(title: String(parts[0]), vector: vector)
        }
    }()
}

/// What in published HTML could run code or load a document: a tag outside a short list of
/// harmless ones, an event handler, a style, or a script URL in any tag. Written apart from
/// the sanitizer's own allowlist, as the oracle it is checked against.
func unsafeMarkup(in html: String) -> [String] {
    let harmless: Set<String> = ["p", "a", "img", "div", "span", "ul", "ol", "li", "b", "i", "em", "strong", "br", "table", "tbody",
                                 "thead", "tr", "td", "th", "details", "summary", "code", "pre", "blockquote", "h1", "h2", "h3", "del", "sup", "sub", "kbd"]
    var problems: [String] = []
    let scalars = Array(html.unicodeScalars)
    var index = 0
    while index < scalars.count {
        defer { index += 1 }
        guard scalars[index] == "<", index + 1 < scalars.count else { continue }
        let next = scalars[index + 1]
        guard next == "/" || next == "!" || next == "?" || next.properties.isAlphabetic else { continue }
        var end = index
        while end < scalars.count, scalars[end] != ">" { end += 1 }
        let tag = String(String.UnicodeScalarView(scalars[index..<min(end + 1, scalars.count)]))
        let lower = tag.lowercased()
        let name = String(lower.dropFirst(next == "/" ? 2 : 1).prefix { $0.isLetter || $0.isNumber })
        if !harmless.contains(name) { problems.append("element: \(tag)") }
        // Attributes as a browser reads them: a name, `=`, a value in double quotes.
        let attributes = lower.matches(of: /([^\s"'=<>\/]+)\s*=\s*"([^"]*)"/)
        for attribute in attributes {
            let attributeName = String(attribute.output.1)
            let value = String(attribute.output.2).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            let compact = String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init))
            if attributeName.hasPrefix("on") { problems.append("handler: \(tag)") }
            if attributeName == "style" { problems.append("style: \(tag)") }
            for scheme in ["javascript:", "vbscript:", "livescript:", "data:text", "data:image/svg"] where compact.hasPrefix(scheme) {
                problems.append("url: \(tag)")
            }
        }
        // Anything else in the tag than its name and such attributes is suspect.
        let rest = lower.replacing(/([^\s"'=<>\/]+)\s*=\s*"([^"]*)"/, with: "")
        if rest.contains("=") { problems.append("unquoted attribute: \(tag)") }
    }
    return problems
}

@Suite struct SanitizerTests {
    private func render(_ markdown: String) -> (html: String, warnings: [MarkdownDiagnostic]) {
        let document = MarkdownParser().parse(markdown)
        return (HTMLRenderer(sanitizesRawHTML: true).render(document), HTMLSanitizer.removals(in: document))
    }

    @Test func theCheatSheetHasItsCases() {
        #expect(XSSCase.all.count >= 75)
    }

    @Test(arguments: XSSCase.all)
    func anOWASPVectorLeavesNothingThatRunsAndIsReported(_ vector: XSSCase) {
        let (html, warnings) = render(vector.vector + "\n")
        #expect(unsafeMarkup(in: html).isEmpty, "\(html)")
        // Vectors CommonMark does not read as HTML (a tag name followed by `/`, an empty
        // unquoted value, a NUL, no closing `>`) are paragraphs of text: nothing to remove, so
        // nothing to report. `<javascript:alert>` is a markdown autolink, written without its
        // unsafe address.
        let text: Set<String> = ["empty src", "embedded null",
                                 "double open angle brackets", "svg onload", "half open"]
        if text.contains(vector.title) {
            #expect(warnings.isEmpty)
            #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("<svg"))
        } else {
            #expect(!warnings.isEmpty, "no warning for \(vector.vector)")
        }
    }

    @Test(arguments: XSSCase.all)
    func anOWASPVectorInsideAnHTMLBlockIsHarmlessToo(_ vector: XSSCase) {
        let (html, _) = render("<div>\n" + vector.vector + "\n</div>\n")
        #expect(unsafeMarkup(in: html).isEmpty, "\(html)")
    }

    @Test func structureAndSafeAttributesAreKept() {
        let (html, warnings) = render("<details open>\n<summary>More</summary>\n\nText with <kbd>Ctrl</kbd> and <sup>2</sup>.\n\n</details>\n\n<img src=\"a.png\" alt=\"A\" width=\"20\">\n")
        #expect(html == "<details open=\"\">\n<summary>More</summary>\n<p>Text with <kbd>Ctrl</kbd> and <sup>2</sup>.</p>\n</details>\n<img src=\"a.png\" alt=\"A\" width=\"20\" />\n")
        #expect(warnings.isEmpty)
    }

    @Test func eachRemovalIsAWarningWithItsLine() {
        let (_, warnings) = render("Intro.\n\n<div>\n<p onclick=\"x()\">a</p>\n<script>alert(1)</script>\n</div>\n\nA <a href=\"javascript:x\">link</a>.\n")
        #expect(warnings.map(\.description) == [
            "4:1: warning: raw HTML: removed the event handler onclick from <p>",
            "5:1: warning: raw HTML: removed <script> and its content",
            "8:3: warning: raw HTML: removed the unsafe URL in href (javascript:x) from <a>",
        ])
    }

    @Test func elementsLeftOpenAreClosedWhereTheirContainerEnds() {
        let (html, _) = render("> <div><span>quoted\n\nAfter.\n")
        #expect(html == "<blockquote>\n<div><span>quoted\n</span></div>\n</blockquote>\n<p>After.</p>\n")
    }

    @Test func endTagsOfElementsNeverOpenedAreDropped() {
        #expect(render("</div></blockquote>\n\nText.\n").html == "\n<p>Text.</p>\n")
    }

    @Test func escapeModeShowsRawHTMLAsText() {
        #expect(HTMLRenderer().render(MarkdownParser().parse("<b>bold</b>\n")) == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n")
    }
}
