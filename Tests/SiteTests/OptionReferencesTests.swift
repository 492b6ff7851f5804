import Testing
import TestSupport
@testable import Site

/// Explanations cite options by letter; the citations the renderer recognises are marked so
/// the quiz script can show the letter the learner sees.
@Suite struct OptionReferencesTests {
    static let letters = ["A": 0, "B": 1, "C": 2, "D": 3]
    static let shown = ["A", "B", "C", "D"]

    static func ref(_ index: Int, _ letter: String) -> String {
        "<span class=\"option-ref\" data-option=\"\(index)\">\(letter)</span>"
    }

    struct Case: Sendable, CustomStringConvertible {
        var html: String
        var expected: String
        var description: String { html }
    }

    @Test(arguments: [
        Case(html: "<p>Histograms (B) record distributions.</p>",
             expected: "<p>Histograms (\(ref(1, "B"))) record distributions.</p>"),
        Case(html: "<p>B) is wrong: a counter only goes up.</p>", expected: "<p>\(ref(1, "B"))) is wrong: a counter only goes up.</p>"),
        Case(html: "<p>Option C keeps state; options A and D do not.</p>",
             expected: "<p>Option \(ref(2, "C")) keeps state; options \(ref(0, "A")) and \(ref(3, "D")) do not.</p>"),
        Case(html: "<p>The answers A, C or D all fit.</p>",
             expected: "<p>The answers \(ref(0, "A")), \(ref(2, "C")) or \(ref(3, "D")) all fit.</p>"),
        Case(html: "<p>(A) and C describe it.</p>", expected: "<p>(\(ref(0, "A"))) and \(ref(2, "C")) describe it.</p>"),
        Case(html: "<p>Wrong. B describes a gauge. D is right.</p>",
             expected: "<p>Wrong. \(ref(1, "B")) describes a gauge. \(ref(3, "D")) is right.</p>"),
        Case(html: "<p><strong>Answer: D</strong></p>", expected: "<p><strong>Answer: \(ref(3, "D"))</strong></p>"),
        Case(html: "<p>Option B's text is longer.</p>", expected: "<p>Option \(ref(1, "B"))'s text is longer.</p>"),
    ])
    func aCitationIsMarked(_ example: Case) {
        #expect(OptionReferences.mark(example.html, letters: Self.letters, shown: Self.shown) == example.expected)
    }

    @Test(arguments: [
        "<p>A counter only goes up, as I said.</p>",          // A and I are words
        "<p>Call <code>f(B)</code> or read <code>B)</code>.</p>",  // code is left alone
        "<pre><code>case (B): break\n</code></pre>",
        "<p>Option E is not an option of this question.</p>",  // no such letter
        "<p>Plan B works; vitamin D helps; the U.S. team agrees.</p>",
        "<p>See <a href=\"b.html\" title=\"(B)\">the notes</a>.</p>",  // inside a tag
        "<p>Options matter. Choices too.</p>",
    ])
    func textThatCitesNoOptionIsLeftAlone(_ html: String) {
        #expect(OptionReferences.mark(html, letters: Self.letters, shown: Self.shown) == html)
    }

    @Test func aSolutionsPagesLetterShowsTheLessonsLetter() {
        // The solutions page lists the options in another order: its (B) is the lesson's D.
        let marked = OptionReferences.mark("<p>Histograms (B) record distributions.</p>", letters: ["A": 2, "B": 3, "C": 0, "D": 1],
                                           shown: Self.shown)
        #expect(marked == "<p>Histograms (\(Self.ref(3, "D"))) record distributions.</p>")
    }

    /// The byte filter that spares most text the regular expressions never drops a citation:
    /// on every text of up to four pieces that citations are made of (and near misses), the
    /// marking is the same with and without it.
    @Test func theByteFilterNeverChangesWhatIsMarked() {
        let pieces = ["B", "A", "I", ")", "(", " ", "\u{00A0}", ". ", "oPtIoN", "Answers", "x", "describes"]
        var texts = [""]
        var filtered = 0
        for _ in 1...4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            for text in texts {
                let marked = OptionReferences.markCitations(text, letters: Self.letters, shown: Self.shown)
                if !OptionReferences.mayCite(text) {
                    filtered += 1
                    #expect(marked == text, "the filter passed over a citation in \(text.debugDescription)")
                }
            }
        }
        #expect(filtered > 1000, "the texts should exercise the filter's no")
    }

    /// What citations are made of, near misses, and the characters ICU's classes treat
    /// specially: separators that are spaces and ones that are not, a combining accent, a
    /// joiner and a format character (looked through at a word boundary), an underscore,
    /// digits, accented capitals and `&amp;`.
    static let pieces = ["B", "A", "I", "C", "E", ")", "(", " ", "\u{A0}", "\t", "\n", "\u{0B}", ". ", ".", ":", "!", "?", ",", "/", "+",
                         "&amp;", "and", "or", "Option", "answers", "CHOICES", "OPTIONs", "x", "\u{E9}", "\u{C9}", "_", "1", "\u{301}",
                         "\u{200D}", "\u{200B}", "\u{2028}", "Band", "U.S", "describes", "\u{2163}"]

    /// Property: the scanner marks what the regular expressions it replaced mark, on every
    /// text of up to three of the pieces, on 20,000 random texts of up to twelve, and on 20,000
    /// more made of pieces that often form citations.
    @Test func theScannerMarksWhatTheRegularExpressionsMark() {
        var texts = [""]
        var last = [""]
        for _ in 1...3 {
            last = last.flatMap { text in Self.pieces.map { text + $0 } }
            texts += last
        }
        var generator = SeededGenerator(seed: 39)
        texts += (0..<20_000).map { _ in generator.text(of: Self.pieces, upTo: 12) }
        // Texts dense in citations, so that lists, continuations and their near misses come often.
        let dense = ["B", "C", "D", "A", ")", "(", " ", " ", ". ", ":", "Option ", "answers ", " and ", " or ", ", ", "/", "&amp; ",
                     "x", " describes", "\u{A0}", "\u{301}", "_", "U.S", "\u{0B}"]
        texts += (0..<20_000).map { _ in generator.text(of: dense, upTo: 12) }
        var marked = 0
        for text in texts {
            let expected = OptionReferences.Patterns.markCitations(text, letters: Self.letters, shown: Self.shown)
            #expect(OptionReferences.markCitations(text, letters: Self.letters, shown: Self.shown) == expected, "\(text.debugDescription)")
            if expected != text { marked += 1 }
        }
        #expect(marked > 2_000, "the texts should hold many citations")
    }
}
