import Course
import Foundation
import Mustache
import Testing
@testable import Site

/// `{{% CONTENT_TYPE: HTML}}` selects lectern's byte-wise escaping, which must print exactly
/// what swift-mustache's own escaping prints.
@Suite struct TemplateEscapingTests {
    @Test func escapesTheFiveCharactersAsEntities() {
        #expect(TemplateEscaping().escapeText(#"<a href="x">Tom & Jerry's</a> é ✅"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; é ✅")
    }

    @Test func aTemplateSelectingItPrintsWhatTheLibraryDefaultPrints() throws {
        _ = TemplateEscaping.registered
        let text = #"Quotes " and ' , tags <b>, & ampersands; ünïcode ✅ and "mixed" <'&'>"#
        let selected = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}\n[{{value}}]")
        let plain = try MustacheTemplate(string: "[{{value}}]")
        #expect(selected.render(["value": text]) == plain.render(["value": text]))
    }

    /// A template the build renders on its own escapes with lectern's escaper only when it
    /// selects it; a page template inherits the layout's.
    @Test func everyDefaultTemplateRenderedOnItsOwnSelectsIt() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../site/templates").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: HTML}}\n") || text.hasPrefix("{{<layout}}"), "\(name)")
        }
    }

    @Test func escapesABracketThatACombiningMarkFollows() throws {
        // The library compares whole characters, so it leaves "<" + U+0338 raw; bytes do not.
        _ = TemplateEscaping.registered
        let selected = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}\n[{{value}}]")
        #expect(selected.render(["value": "a<\u{338}b"]) == "[a&lt;\u{338}b]")
    }
}
