/// The letters options are shown with: A-Z, then AA, AB, … as a spreadsheet's columns, so a
/// letter is never a stray character past Z.
public enum OptionLetters {
    /// The letter of the option at `index` (0 → "A", 25 → "Z", 26 → "AA").
    public static func letter(at index: Int) -> String {
        var index = max(index, 0)
        var letters: [Character] = []
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(65 + index % 26))))
            index = index / 26 - 1
        } while index >= 0
        return String(letters.reversed())
    }
}
