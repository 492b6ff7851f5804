import Testing
@testable import Markdown

/// Heading ids: stable, unique within a page, the same from the ASCII fast path and the
/// character-by-character path.
@Suite struct HeadingSluggerTests {
    @Test func lowercasesAndJoinsWordsWithHyphens() {
        #expect(HeadingSlugger.slug("Circuit Breaker: the Open State") == "circuit-breaker-the-open-state")
        #expect(HeadingSlugger.slug("  snake_case and -- dashes ") == "snake-case-and-dashes")
        #expect(HeadingSlugger.slug("Größe über Ärger") == "größe-über-ärger")
        #expect(HeadingSlugger.slug("???") == "section")
    }

    @Test func repeatedHeadingsGetNumberedIDs() {
        var slugger = HeadingSlugger()
        #expect(["Setup", "Setup", "Setup 1", "Setup"].map { slugger.uniqueSlug($0) } == ["setup", "setup-1", "setup-1-1", "setup-2"])
    }

    @Test func theASCIIPathAgreesWithTheCharacterPathOnEveryShortText() {
        // Every text of up to four characters over letters, digits, separators and punctuation.
        let alphabet = ["a", "Z", "0", " ", "-", "_", "\t", "\n", ".", "!", "`", "#"]
        var texts = [""]
        for _ in 0..<4 { texts += texts.filter { $0.count == texts.last!.count }.flatMap { text in alphabet.map { text + $0 } } }
        for text in texts {
            #expect(HeadingSlugger.slug(text) == HeadingSlugger.characterSlug(text), "\(text.debugDescription)")
        }
    }
}
