/// Recognisers for the quiz syntax's markers in a line's plain text. Each returns what the
/// marker says and how many characters it spans, so the caller can cut it out of the
/// line's inline nodes and keep the rest of the markup.
enum QuizMarkers {
    /// `Question 3: Title`, `Question 3.`, `Question 3` → (3, characters up to the title).
    static func question(_ text: String) -> (number: Int, markerLength: Int)? {
        guard text.firstNonSpaceByte.map({ $0 | 0x20 == UInt8(ascii: "q") }) == true else { return nil }
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        guard scanner.take(caseInsensitive: "question") else { return nil }
        guard scanner.skipSpaces() > 0, let number = scanner.takeNumber() else { return nil }
        scanner.skipSpaces()
        if !scanner.take(":") { _ = scanner.take(".") || scanner.take(")") || scanner.take("-") }
        if !scanner.isAtEnd, scanner.skipSpaces() == 0, scanner.offset > 0 {
            // "Question 3x" is not a marker.
            if scanner.previous?.isNumber == true { return nil }
        }
        return (number, scanner.offset)
    }

    /// `A) text`, `A. text`, `A: text` → ("A", characters up to the text). With
    /// `continuing`, also the two-letter markers that would follow Z (`AA) text`), so a 27th
    /// option is seen as one (and reported) instead of running into option Z.
    static func option(_ text: String, continuing: Bool = false) -> (letter: String, markerLength: Int)? {
        guard let first = text.firstNonSpaceByte, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return nil }
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        guard let letter = scanner.peek, letter.isASCII, letter.isUppercase else { return nil }
        scanner.advance()
        var marker = String(letter)
        if continuing, let second = scanner.peek, second.isASCII, second.isUppercase {
            scanner.advance()
            marker.append(second)
        }
        guard scanner.take(")") || scanner.take(".") || scanner.take(":") else { return nil }
        guard scanner.isAtEnd || scanner.skipSpaces() > 0 else { return nil }
        return (marker, scanner.offset)
    }

    /// A task-list answer as mkdocs-quiz writes it, `[x] text`, `[X] text`, `[ ] text` or
    /// `[] text` → (checked, characters up to the text).
    static func task(_ text: String) -> (checked: Bool, markerLength: Int)? {
        guard text.firstNonSpaceByte == UInt8(ascii: "[") else { return nil }
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        guard scanner.take("[") else { return nil }
        let checked: Bool
        if scanner.take("x") || scanner.take("X") {
            checked = true
        } else {
            _ = scanner.take(" ")
            checked = false
        }
        guard scanner.take("]") else { return nil }
        guard scanner.isAtEnd || scanner.skipSpaces() > 0 else { return nil }
        return (checked, scanner.offset)
    }

    /// `Correct Answer: D) …`, `Correct answer: **D**` → ["D"]; `Correct Answers: A, C`,
    /// `A and C`, `A+C` → ["A", "C"]; a marker naming no letter → []. With `plain`, also
    /// `Answer: B` (as a `<details>` block writes it).
    static func correctAnswer(_ text: String, plain: Bool = false) -> [String]? {
        guard let first = text.firstNonSpaceByte, first | 0x20 == UInt8(ascii: "c") || (plain && first | 0x20 == UInt8(ascii: "a")) else { return nil }
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        guard scanner.take(caseInsensitive: "correct answer") || (plain && scanner.take(caseInsensitive: "answer")) else { return nil }
        _ = scanner.take("s") || scanner.take("S")
        scanner.skipSpaces()
        _ = scanner.take(":")
        scanner.skipSpaces()
        var letters: [String] = []
        while let letter = scanner.peek, letter.isASCII, letter.isUppercase {
            scanner.advance()
            if let next = scanner.peek, next.isLetter { break }
            letters.append(String(letter))
            scanner.skipSpaces()
            if scanner.take(",") || scanner.take("+") || scanner.take("&") || scanner.take(caseInsensitive: "and ") {
                scanner.skipSpaces()
                continue
            }
            break
        }
        return letters
    }

    /// `Explanation: …` → characters up to the explanation's text.
    static func explanation(_ text: String) -> Int? {
        guard text.firstNonSpaceByte.map({ $0 | 0x20 == UInt8(ascii: "e") }) == true else { return nil }
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        guard scanner.take(caseInsensitive: "explanation") else { return nil }
        scanner.skipSpaces()
        guard scanner.take(":") else { return nil }
        scanner.skipSpaces()
        return scanner.offset
    }

    /// `Scoring Guide`, `Scoring Guide:` (as a heading or a paragraph of its own).
    static func isScoringGuideTitle(_ text: String) -> Bool {
        guard text.utf8.count <= 20 else { return false }
        var trimmed = text.trimmedOfSpaces().lowercased()
        if trimmed.hasSuffix(":") { trimmed.removeLast() }
        return trimmed == "scoring guide" || trimmed == "scoring"
    }

    /// A band line: `10 correct: Expert level - Ready…`, `8-9 correct: …`, `Below 4: …`,
    /// `9+ correct: …`, with an optional leading bullet (`•`, `-`, `*`).
    static func band(_ text: String) -> BandLine? {
        var scanner = LineScanner(text)
        scanner.skipSpaces()
        if scanner.take("•") || scanner.take("·") || scanner.take("*") || scanner.take("-") { scanner.skipSpaces() }
        let rangeStart = scanner.offset
        let range: BandLine.Range
        if scanner.take(caseInsensitive: "below") {
            guard scanner.skipSpaces() > 0, let limit = scanner.takeNumber() else { return nil }
            scanner.skipSpaces()
            _ = scanner.take(caseInsensitive: "correct")
            range = .below(limit)
        } else {
            guard let first = scanner.takeNumber() else { return nil }
            scanner.skipSpaces()
            if scanner.take("+") {
                range = .atLeast(first)
            } else if scanner.take("-") || scanner.take("–") || scanner.take("—") {
                scanner.skipSpaces()
                guard let second = scanner.takeNumber() else { return nil }
                range = .between(first, second)
            } else {
                range = .exactly(first)
            }
            scanner.skipSpaces()
            guard scanner.take(caseInsensitive: "correct") else { return nil }
        }
        let rangeText = scanner.text(from: rangeStart).trimmingWhitespace()
        scanner.skipSpaces()
        guard scanner.take(":") else { return nil }
        let rest = scanner.rest.trimmingWhitespace()
        var label = rest
        var advice = ""
        for separator in [" - ", " – ", " — "] {
            if let split = rest.range(of: separator) {
                label = String(rest[..<split.lowerBound]).trimmingWhitespace()
                advice = String(rest[split.upperBound...]).trimmingWhitespace()
                break
            }
        }
        return BandLine(range: range, rangeText: rangeText, label: label, advice: advice)
    }

    struct BandLine: Equatable {
        enum Range: Equatable {
            case exactly(Int), between(Int, Int), below(Int), atLeast(Int)
        }
        var range: Range
        var rangeText: String
        var label: String
        var advice: String
    }
}

/// A tiny cursor over a line's characters, counting the characters it passes.
///
/// It walks the string's own indices: every line of every quiz paragraph is tried as a marker,
/// and copying each whole line into an array of Characters first showed in profiles.
struct LineScanner {
    private let line: String
    private var index: String.Index
    /// The characters passed so far.
    private(set) var offset = 0

    init(_ text: String) {
        line = text
        index = text.startIndex
    }

    var isAtEnd: Bool { index >= line.endIndex }
    var peek: Character? { isAtEnd ? nil : line[index] }
    /// The character just passed.
    var previous: Character? { index > line.startIndex ? line[line.index(before: index)] : nil }
    var rest: String { String(line[index...]) }

    /// The characters from character `start` to here.
    func text(from start: Int) -> String {
        let from = line.index(line.startIndex, offsetBy: start)
        return String(line[from..<index])
    }

    mutating func advance() {
        guard !isAtEnd else { return }
        index = line.index(after: index)
        offset += 1
    }

    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = offset
        while let character = peek, character == " " || character == "\t" || character == "\u{00A0}" { advance() }
        return offset - start
    }

    mutating func take(_ literal: Character) -> Bool {
        guard peek == literal else { return false }
        advance()
        return true
    }

    mutating func take(caseInsensitive word: String) -> Bool {
        var probe = self
        for character in word.lowercased() {
            guard let next = probe.peek, next.lowercased() == String(character) else { return false }
            probe.advance()
        }
        self = probe
        return true
    }

    mutating func takeNumber() -> Int? {
        let start = self
        while let character = peek, character.isASCII, character.isNumber { advance() }
        guard offset > start.offset, offset - start.offset <= 6 else {
            self = start
            return nil
        }
        return Int(line[start.index..<index])
    }
}

import Foundation

extension String {
    /// The first byte that is not a space or tab, for cheap marker pre-checks.
    var firstNonSpaceByte: UInt8? {
        utf8.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// `trimmingCharacters(in: .whitespaces)` (tab, the space separators of Unicode category
    /// Zs and, as Foundation has it, the zero-width space; trimmed scalar by scalar) without
    /// Foundation's bridged CharacterSet, which showed in profiles of the quiz parser. Text
    /// with nothing to trim is returned as it is.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " "
                || (scalar.value >= 0x80 && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator))
        }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isWhitespace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    /// The text without leading and trailing spaces and tabs (cheaper than Foundation's trim).
    func trimmedOfSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(self[first...last])
    }
}
