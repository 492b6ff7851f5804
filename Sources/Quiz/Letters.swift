import Course

/// Option letters: the n-th option shows as "A", "B", …
public enum Letters {
    /// The letter of the option at `index` (0 → "A").
    public static func letter(at index: Int) -> String {
        OptionLetters.letter(at: index)
    }

    /// The index of a letter, either case (A/a → 0); nil for anything that is not one letter A-Z.
    public static func index(of text: Substring) -> Int? {
        guard text.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII else { return nil }
        let value = scalar.value
        switch value {
        case 65...90: return Int(value - 65)
        case 97...122: return Int(value - 97)
        default: return nil
        }
    }

    /// "A-D" for four options.
    public static func range(count: Int) -> String {
        count <= 1 ? "A" : "A-\(letter(at: count - 1))"
    }
}
