@testable import Markdown
import Testing

/// `SourceText.contains`, which the extensions ask before they walk a page, held to a plain
/// search of the bytes.
@Suite struct SourceTextSearchTests {
    static func plainContains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= text.count else { return false }
        return (0...(text.count - needle.count)).contains { Array(text[$0..<($0 + needle.count)]) == needle }
    }

    /// The markers the extensions look for, at the start, in the middle and at the end of a
    /// text, and cut short at its end.
    @Test(arguments: ["!!!", "???", "===", "[^", "markdown", "++", "~", "{"])
    func findsAMarkerWhereverItStands(marker: String) {
        let bytes = Array(marker.utf8)
        for text in [marker, "a " + marker, marker + " z", "mark [ ! ? = + \n" + marker + "\n"] {
            #expect(SourceText(Array(text.utf8)).contains(marker.staticMarker))
        }
        #expect(!SourceText(Array(bytes.dropLast())).contains(marker.staticMarker))
        #expect(!SourceText(Array(("x" + String(decoding: bytes.dropFirst(), as: UTF8.self)).utf8)).contains(marker.staticMarker))
    }

    /// Random texts over the markers' own bytes, so near misses come at every place.
    @Test func matchesAPlainSearchOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("[^!m=ark".utf8)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let text = SourceText(bytes)
            #expect(text.contains("[^") == Self.plainContains(bytes, Array("[^".utf8)))
            #expect(text.contains("!!!") == Self.plainContains(bytes, Array("!!!".utf8)))
            #expect(text.contains("mark") == Self.plainContains(bytes, Array("mark".utf8)))
            #expect(text.contains("===") == Self.plainContains(bytes, Array("===".utf8)))
        }
    }
}

private extension String {
    /// The marker as the `StaticString` `contains` takes: one of the extensions' markers.
    var staticMarker: StaticString {
        switch self {
        case "!!!": "!!!"
        case "???": "???"
        case "===": "==="
        case "[^": "[^"
        case "markdown": "markdown"
        case "++": "++"
        case "~": "~"
        default: "{"
        }
    }
}
