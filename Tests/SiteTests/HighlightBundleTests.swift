import Foundation
import Testing
@testable import Site

/// The highlighter a site ships: highlight.js's core and only the languages its code uses.
@Suite struct HighlightBundleTests {
    static let core = "var hljs=function(){return{registerLanguage:function(){}}}();"
    static let file = core
        + #"hljs.registerLanguage("python",function(e){return{aliases:["py","gyp"],k:1}});"#
        + #"hljs.registerLanguage("xml",function(e){return{aliases:["html"],c:[{subLanguage:["css","javascript"]}]}});"#
        + #"hljs.registerLanguage("css",function(e){return{c:2}});"#
        + #"hljs.registerLanguage("javascript",function(e){return{aliases:["js"],c:3}});"#
        + #"hljs.registerLanguage("arduino",function(e){var c=e.getLanguage("cpp");return c});"#
        + #"hljs.registerLanguage("cpp",function(e){return{aliases:["c","h"]}});"#

    @Test func aLanguageIsFoundByItsNameOrAlias() throws {
        let bundle = try #require(HighlightBundle.trim(Self.file, to: ["py"]))
        #expect(bundle == Self.core + #"hljs.registerLanguage("python",function(e){return{aliases:["py","gyp"],k:1}});"#)
    }

    @Test func languagesALanguageEmbedsComeWithIt() throws {
        let bundle = try #require(HighlightBundle.trim(Self.file, to: ["html", "arduino"]))
        for name in ["xml", "css", "javascript", "arduino", "cpp"] {
            #expect(bundle.contains("registerLanguage(\"\(name)\""), "\(name)")
        }
        #expect(!bundle.contains("\"python\""))
        #expect(bundle.hasPrefix(Self.core))
    }

    @Test func noKnownLanguageGivesNoScript() {
        #expect(HighlightBundle.trim(Self.file, to: ["klingon"]) == "")
    }

    @Test func aFileOfAnotherLayoutIsNotCut() {
        #expect(HighlightBundle.trim("var hljs = {};", to: ["python"]) == nil)
    }

    /// Debian's own file (libjs-highlight.js), when installed: a course of Python, Swift,
    /// YAML and shell gets a small script that still defines every one of them.
    @Test func debiansHighlightJSIsCutToTheCoursesLanguages() throws {
        let path = "/usr/share/javascript/highlight.js/highlight.min.js"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let full = String(decoding: data, as: UTF8.self)
        let bundle = try #require(HighlightBundle.trim(full, to: ["python", "swift", "yaml", "bash"]))
        #expect(bundle.utf8.count < 60_000, "\(bundle.utf8.count) bytes")
        #expect(bundle.utf8.count < full.utf8.count / 10)
        for name in ["python", "swift", "yaml", "bash"] { #expect(bundle.contains("hljs.registerLanguage(\"\(name)\"")) }
    }

    /// The byte search finds what Foundation's range(of:) finds, in slices and after
    /// multi-byte characters.
    @Test(arguments: ["aliases:[", "é", "x", "hljs.registerLanguage(\"", "absent"])
    func theByteSearchAgreesWithFoundation(needle: String) {
        let text = "café hljs.registerLanguage(\"py\", aliases:[\"x\"]) é hljs.registerLanguage(\"js\")x"
        for start in [0, 3, 6, 30] {
            let slice = text[text.index(text.startIndex, offsetBy: start)...]
            #expect(HighlightBundle.firstRange(of: needle, in: slice) == slice.range(of: needle), "\(needle) from \(start)")
        }
    }
}
