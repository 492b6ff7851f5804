import Testing
import TestSupport
import TextEscaping

/// The XML escaping of the reports and question banks lectern writes, checked against a
/// parser lectern did not write (Python's xml.etree over expat): what is written parses, and
/// parses back to the text given, but for what XML 1.0 cannot hold, shown as visible escapes.
@Suite("XML text and attributes read back as written")
struct XMLTextTests {
    /// A document holding `text` as an attribute in double quotes, one in single quotes,
    /// content, and a CDATA section.
    static func document(_ text: String) -> String {
        "<r double=\"\(XMLText.attribute(text))\" single='\(XMLText.attribute(text))'>"
            + "<content>\(XMLText.content(text))</content><cdata>\(XMLText.cdata(text))</cdata></r>"
    }

    @Test(arguments: [
        "plain text, naïve 日本語 👩‍💻",
        "markup <b>&amp;</b> & < > and entities &lt; written out",
        #"quotes "double" and 'single', a backslash \ and ]]> twice ]]>"#,
        "line\nbreaks\n\nand\ttabs",
        "a carriage return\r, a CR LF pair\r\n, and a lone \r at the end\r",
        "bidirectional \u{202E}controls\u{202C} and C1 \u{85}\u{9B} are characters XML holds",
    ])
    func textXMLCanHoldReadsBackExactly(_ text: String) throws {
        let root = try PythonXML.parse(Self.document(text))
        #expect(root.attributes["double"] == text)
        #expect(root.attributes["single"] == text)
        #expect(root.all("content").first?.text == text)
    }

    @Test func cdataKeepsMarkupRawAndSplitsAroundItsEnd() throws {
        let html = #"<p class="x">a ]]> b &amp; </p>"#
        #expect(XMLText.cdata(html) == #"<![CDATA[<p class="x">a ]]]]><![CDATA[> b &amp; </p>]]>"#)
        #expect(try PythonXML.parse("<r>\(XMLText.cdata(html))</r>").text == html)
    }

    @Test func aCarriageReturnInCDATAIsReadAsALineFeedAsXMLRequires() throws {
        #expect(try PythonXML.parse("<r>\(XMLText.cdata("a\r\nb\rc"))</r>").text == "a\nb\nc")
    }

    @Test(arguments: [
        ("bell\u{07} escape\u{1B}[2J nul\u{0}", "bell\\x07 escape\\x1b[2J nul\\x00"),
        ("form feed\u{0C} vertical tab\u{0B}", "form feed\\x0c vertical tab\\x0b"),
        ("noncharacters \u{FFFE} \u{FFFF}", "noncharacters \\ufffe \\uffff"),
    ])
    func charactersXMLCannotHoldAreShownAsVisibleEscapes(_ text: String, _ shown: String) throws {
        #expect(XMLText.content(text) == shown)
        #expect(XMLText.attribute(text) == shown)
        #expect(XMLText.cdata(text) == "<![CDATA[\(shown)]]>")
        let root = try PythonXML.parse(Self.document(text))
        #expect(root.attributes["double"] == shown)
        #expect(root.all("content").first?.text == shown)
        #expect(root.all("cdata").first?.text == shown)
    }

    @Test func contentKeepsLineFeedsTabsAndQuotesReadable() {
        #expect(XMLText.content("a \"b\" 'c'\n\td") == "a \"b\" 'c'\n\td")
        #expect(XMLText.attribute("a \"b\" 'c'\n\td") == "a &quot;b&quot; &apos;c&apos;&#10;&#9;d")
    }

    @Test func theOracleRefusesWhatXMLForbids() {
        // The parser the tests above trust does refuse a raw control character and a reference to one.
        #expect(throws: PythonXML.ParseError.self) { try PythonXML.parse("<r>\u{1B}</r>") }
        #expect(throws: PythonXML.ParseError.self) { try PythonXML.parse("<r>&#27;</r>") }
    }
}
