import Foundation

/// Marks the places where an explanation names an option by its letter, so the quiz script
/// can show the letter the learner sees: after "Try again" shuffles the options, and when the
/// explanation was written on a solutions page that letters the options in its own order.
///
/// Explanations are the author's markdown, so only unambiguous citations are marked:
/// - a letter in parentheses, `(B)`, or before a parenthesis, `B)`;
/// - a letter after *option*, *answer* or *choice* (singular or plural, any case):
///   `option B`, `Answers A and C`;
/// - a letter continuing such a list: `(B) and C`, `options A, C or D`;
/// - a capital letter other than A and I opening a sentence before a lowercase word:
///   `B describes…` (A and I open English sentences as words).
/// Only letters of the question's own options are marked, never inside code or a tag. Each
/// becomes `<span class="option-ref" data-option="N">L</span>`: N is the option's index in
/// the question, L its letter as the page shows it.
enum OptionReferences {
    /// `html` with every recognised citation marked. `letters` maps a letter as the
    /// explanation writes it to the option's index; `shown` gives each option's letter on the page.
    static func mark(_ html: String, letters: [String: Int], shown: [String]) -> String {
        guard !letters.isEmpty, html.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var skipDepth = 0  // inside <code> or <pre>
        func add(text: Substring) {
            guard !text.isEmpty else { return }
            out += skipDepth > 0 ? String(text) : markText(String(text), letters: letters, shown: shown)
        }
        // Tags found by their bytes: walking the HTML by Characters showed in profiles.
        let utf8 = html.utf8
        var textStart = utf8.startIndex
        while let open = utf8[textStart...].firstIndex(of: UInt8(ascii: "<")),
              let close = utf8[open...].firstIndex(of: UInt8(ascii: ">")) {
            add(text: html[textStart..<open])
            let tag = html[open...close]
            let name = tag.dropFirst().prefix { $0.isLetter || $0 == "/" }.lowercased()
            if name == "code" || name == "pre" { skipDepth += 1 }
            if name == "/code" || name == "/pre" { skipDepth = max(0, skipDepth - 1) }
            out += tag
            textStart = utf8.index(after: close)
        }
        add(text: html[textStart...])
        return out
    }

    /// Whether `text` holds what every citation needs, looked for on bytes before the regular
    /// expressions run (which showed in the profile of a course's every explanation): a
    /// capital before `)`, a capital other than A and I before a space, or the stem of
    /// *option*, *answer* or *choice* in any case. A superset: when it says no, no pattern matches.
    static func mayCite(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: ")") { return true }
                    // `\s` takes Unicode spaces too: any non-ASCII byte might begin one.
                    if byte != UInt8(ascii: "A"), byte != UInt8(ascii: "I"),
                       next == 0x20 || (next >= 0x09 && next <= 0x0D) || next >= 0x80 { return true }
                    if Self.stemAt(bytes, index + 1) { return true }
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    if Self.stemAt(bytes, index + 1) { return true }
                default:
                    break
                }
            }
            return false
        }
    }

    /// Whether `ption`, `nswer` or `hoice`, in any case, starts at `start`.
    private static func stemAt(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start + 5 <= bytes.count else { return false }
        func folded(_ offset: Int) -> UInt8 { bytes[start + offset] | 0x20 }
        switch folded(0) {
        case UInt8(ascii: "p"): return folded(1) == UInt8(ascii: "t") && folded(2) == UInt8(ascii: "i") && folded(3) == UInt8(ascii: "o") && folded(4) == UInt8(ascii: "n")
        case UInt8(ascii: "n"): return folded(1) == UInt8(ascii: "s") && folded(2) == UInt8(ascii: "w") && folded(3) == UInt8(ascii: "e") && folded(4) == UInt8(ascii: "r")
        case UInt8(ascii: "h"): return folded(1) == UInt8(ascii: "o") && folded(2) == UInt8(ascii: "i") && folded(3) == UInt8(ascii: "c") && folded(4) == UInt8(ascii: "e")
        default: return false
        }
    }

    /// Marks the citations in one run of text (no tags).
    private static func markText(_ text: String, letters: [String: Int], shown: [String]) -> String {
        mayCite(text) ? markCitations(text, letters: letters, shown: shown) : text
    }

    /// ``markText`` without the byte filter: every citation ``CitationScanner`` finds whose
    /// letter is one of the question's, with the letters continuing it.
    static func markCitations(_ text: String, letters: [String: Int], shown: [String]) -> String {
        let scanner = CitationScanner(text)
        var marks: [Int] = []  // scalar offsets of cited letters
        for letter in scanner.citations() where letters[scanner.letter(at: letter)] != nil {
            marks.append(letter)
            var end = letter + 1
            while let next = scanner.continuation(at: end), letters[scanner.letter(at: next)] != nil {
                marks.append(next)
                end = next + 1
            }
        }
        guard !marks.isEmpty else { return text }
        // The text between the marks is copied as it is, by its UTF-8 offsets.
        var utf8Offsets = [0]
        utf8Offsets.reserveCapacity(scanner.scalars.count + 1)
        for scalar in scanner.scalars { utf8Offsets.append(utf8Offsets.last! + UTF8.width(scalar)) }
        let utf8 = text.utf8
        func piece(_ from: Int, _ to: Int) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: utf8Offsets[from])..<utf8.index(utf8.startIndex, offsetBy: utf8Offsets[to])]
        }
        var result = ""
        result.reserveCapacity(utf8.count + marks.count * 48)
        var at = 0
        for mark in Set(marks).sorted() where mark >= at {
            result += piece(at, mark)
            let option = letters[scanner.letter(at: mark)]!
            let letter = option < shown.count ? shown[option] : scanner.letter(at: mark)
            result += "<span class=\"option-ref\" data-option=\"\(option)\">\(letter)</span>"
            at = mark + 1
        }
        result += piece(at, scanner.scalars.count)
        return result
    }

    /// The citations as regular expressions: how ``CitationScanner`` was first written, kept as
    /// the reference it is tested against (ICU's engine was a twentieth of a site build in
    /// profiles).
    enum Patterns {
        // A letter standing alone: not part of a word or an abbreviation (U.S.); `B's` is B.
        private static let alone = #"(?![\p{L}\p{N}_]|\.\p{L})"#
        private static let citation = try! NSRegularExpression(pattern:
            #"(?<![\p{L}\p{N}_])([A-Z])\)"#                                      // (B) and B)
            + #"|\b(?:[Oo]ptions?|[Aa]nswers?|[Cc]hoices?|OPTIONS?|ANSWERS?|CHOICES?)\s*:?\s+\(?([A-Z])"# + alone  // option B
            + #"|(?:^|[.!?:]\s+)([B-HJ-Z])(?=\s+\p{Ll})"#)                         // B describes…
        private static let continuation = try! NSRegularExpression(pattern:
            #"^\)?\s*(?:,|/|\+|&amp;|\band\b|\bor\b)\s*(?:,?\s*(?:and|or)\s+)?\(?([A-Z])"# + alone)

        /// The marking done with the expressions.
        static func markCitations(_ text: String, letters: [String: Int], shown: [String]) -> String {
            let source = text as NSString
            var marks: [NSRange] = []
            for match in citation.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                guard let group = (1...3).map({ match.range(at: $0) }).first(where: { $0.location != NSNotFound }),
                      letters[source.substring(with: group)] != nil else { continue }
                marks.append(group)
                var end = NSMaxRange(group)
                while let next = continuation.firstMatch(in: text, range: NSRange(location: end, length: source.length - end)),
                      letters[source.substring(with: next.range(at: 1))] != nil {
                    marks.append(next.range(at: 1))
                    end = NSMaxRange(next.range(at: 1))
                }
            }
            guard !marks.isEmpty else { return text }
            var seen = Set<Int>()
            var result = ""
            var at = 0
            for mark in marks.sorted(by: { $0.location < $1.location }) where seen.insert(mark.location).inserted && mark.location >= at {
                result += source.substring(with: NSRange(location: at, length: mark.location - at))
                let option = letters[source.substring(with: mark)]!
                let letter = option < shown.count ? shown[option] : source.substring(with: mark)
                result += "<span class=\"option-ref\" data-option=\"\(option)\">\(letter)</span>"
                at = NSMaxRange(mark)
            }
            return result + source.substring(from: at)
        }
    }
}
