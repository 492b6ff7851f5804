/// Finds where a run of explanation text (HTML, without tags) cites an option by its letter:
/// the three forms ``OptionReferences`` lists, and the letters that continue a citation. It
/// reads Unicode scalars by the rules of ICU's regular expressions, which stated the forms
/// first (`OptionReferences.Patterns`, the reference the tests hold this to):
/// - `\p{L}`, `\p{N}`, `\p{Ll}` are general categories; `\s` is the White_Space property;
/// - a word boundary (`\b`) lies between a word character and another, where word characters
///   are alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ, and
///   combining (grapheme-extending) and format characters are looked through.
struct CitationScanner {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The cited letter at scalar offset `index`, as a one-letter string.
    func letter(at index: Int) -> String {
        String(Character(scalars[index]))
    }

    /// The offsets of the letters of every citation, left to right: at each offset the forms
    /// are tried in order — `B)`, `option B`, a sentence opened by `B` — and the search goes
    /// on after the text a found citation covers.
    func citations() -> [Int] {
        var found: [Int] = []
        var index = 0
        while index < scalars.count {
            if let (letter, end) = parenthesised(at: index) ?? keyword(at: index) ?? sentence(at: index) {
                found.append(letter)
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The letter of a citation's continuation starting exactly at `start` (`) and C`,
    /// `, D`, ` or (E)`), where nothing before `start` counts as a word character.
    func continuation(at start: Int) -> Int? {
        var index = start
        if scalar(index) == ")" { index += 1 }
        index = skipSpaces(from: index)
        if let mark = scalar(index), mark == "," || mark == "/" || mark == "+" {
            index += 1
        } else if matches("&amp;", at: index) {
            index += 5
        } else if let end = word("and", at: index, from: start) ?? word("or", at: index, from: start) {
            index = end
        } else {
            return nil
        }
        index = skipSpaces(from: index)
        // `(?:,?\s*(?:and|or)\s+)?`: taken when it leads to a letter, else passed over.
        if let joined = joiner(at: index), let letter = standingLetter(at: joined) { return letter }
        return standingLetter(at: index)
    }

    // MARK: The forms

    /// `B)` where no letter, digit or underscore comes before the B.
    private func parenthesised(at index: Int) -> (Int, Int)? {
        guard isCapital(scalar(index)), scalar(index + 1) == ")" else { return nil }
        if index > 0, let previous = scalar(index - 1), isLetter(previous) || isNumber(previous) || previous == "_" { return nil }
        return (index, index + 2)
    }

    /// `option B`, `Answers: (C`, `CHOICE D` at a word boundary, the letter standing alone.
    private func keyword(at index: Int) -> (Int, Int)? {
        guard let word = keywordEnd(at: index), isBoundary(at: index, lookStart: 0) else { return nil }
        var at = skipSpaces(from: word)
        if scalar(at) == ":" {
            at += 1
            let spaced = skipSpaces(from: at)
            guard spaced > at else { return nil }
            at = spaced
        } else if at == word {
            return nil
        }
        if scalar(at) == "(", isCapital(scalar(at + 1)) { at += 1 }
        guard isCapital(scalar(at)), stands(after: at) else { return nil }
        return (at, at + 1)
    }

    /// A capital other than A and I opening the text, or after `.`, `!`, `?` or `:` and
    /// spaces, with spaces and a lowercase letter after it.
    private func sentence(at index: Int) -> (Int, Int)? {
        var letter = index
        if index > 0 || !isSentenceCapital(scalar(0)) {
            guard let mark = scalar(index), mark == "." || mark == "!" || mark == "?" || mark == ":" else { return nil }
            letter = skipSpaces(from: index + 1)
            guard letter > index + 1 else { return nil }
        }
        guard isSentenceCapital(scalar(letter)) else { return nil }
        let after = skipSpaces(from: letter + 1)
        guard after > letter + 1, let next = scalar(after), next.properties.generalCategory == .lowercaseLetter else { return nil }
        return (letter, letter + 1)
    }

    // MARK: Pieces

    /// The words a citation's letter may follow, each with its plural ending:
    /// `[Oo]ptions?`, `[Aa]nswers?`, `[Cc]hoices?`, `OPTIONS?`, `ANSWERS?`, `CHOICES?`.
    private static let keywords: [(word: String, plural: Unicode.Scalar)] = [
        ("Option", "s"), ("option", "s"), ("OPTION", "S"), ("Answer", "s"), ("answer", "s"), ("ANSWER", "S"),
        ("Choice", "s"), ("choice", "s"), ("CHOICE", "S"),
    ]

    /// Where one of `keywords` (plural or not) that starts at `index` ends.
    private func keywordEnd(at index: Int) -> Int? {
        guard let first = scalar(index), first == "O" || first == "o" || first == "A" || first == "a" || first == "C" || first == "c" else { return nil }
        for (word, plural) in Self.keywords where matches(word, at: index) {
            let end = index + word.unicodeScalars.count
            return scalar(end) == plural ? end + 1 : end
        }
        return nil
    }

    /// `,? \s* (and|or) \s+` at `index`: where it ends, when it is there.
    private func joiner(at index: Int) -> Int? {
        var at = index
        if scalar(at) == "," { at += 1 }
        at = skipSpaces(from: at)
        if matches("and", at: at) {
            at += 3
        } else if matches("or", at: at) {
            at += 2
        } else {
            return nil
        }
        let spaced = skipSpaces(from: at)
        return spaced > at ? spaced : nil
    }

    /// `\(?[A-Z]` standing alone at `index`: the letter's offset.
    private func standingLetter(at index: Int) -> Int? {
        var at = index
        if scalar(at) == "(", isCapital(scalar(at + 1)) { at += 1 }
        return isCapital(scalar(at)) && stands(after: at) ? at : nil
    }

    /// `\bword\b` at `index`, the boundaries judged as if the text began at `lookStart`.
    private func word(_ word: String, at index: Int, from lookStart: Int) -> Int? {
        let end = index + word.unicodeScalars.count
        guard matches(word, at: index), isBoundary(at: index, lookStart: lookStart), isBoundary(at: end, lookStart: lookStart) else { return nil }
        return end
    }

    /// Whether the letter at `index` stands alone: no letter, digit or underscore after it,
    /// nor a full stop and a letter (`U.S.`).
    private func stands(after index: Int) -> Bool {
        guard let next = scalar(index + 1) else { return true }
        if isLetter(next) || isNumber(next) || next == "_" { return false }
        if next == ".", let after = scalar(index + 2), isLetter(after) { return false }
        return true
    }

    private func matches(_ literal: String, at index: Int) -> Bool {
        var at = index
        for unit in literal.unicodeScalars {
            guard scalar(at) == unit else { return false }
            at += 1
        }
        return true
    }

    private func skipSpaces(from index: Int) -> Int {
        var at = index
        while let next = scalar(at), isSpace(next) { at += 1 }
        return at
    }

    private func scalar(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    // MARK: Character classes, as ICU's regular expressions have them

    private func isCapital(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 0x41 && scalar.value <= 0x5A
    }

    private func isSentenceCapital(_ scalar: Unicode.Scalar?) -> Bool {
        isCapital(scalar) && scalar != "A" && scalar != "I"
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s`: the White_Space property (a vertical tab and U+0085 included).
    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// `\w`: alphabetic, a mark, a decimal digit, connector punctuation, ZWNJ or ZWJ.
    private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isLetter(scalar) || isNumber(scalar) || scalar == "_" }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return properties.isAlphabetic
        }
    }

    /// Combining and format characters, which a word boundary looks through.
    private func isLookedThrough(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
    }

    /// `\b` before offset `index`, nothing before `lookStart` being seen.
    private func isBoundary(at index: Int, lookStart: Int) -> Bool {
        var current = false
        if let here = scalar(index) {
            if isLookedThrough(here) { return false }
            current = isWordCharacter(here)
        }
        var previous = false
        var at = index - 1
        while at >= lookStart, let before = scalar(at) {
            if !isLookedThrough(before) {
                previous = isWordCharacter(before)
                break
            }
            at -= 1
        }
        return current != previous
    }
}
