import Foundation

/// The course's language, as the site's `<html lang>` gives it to browsers and screen readers.
enum LanguageTag {
    /// `value` when it is shaped like a BCP 47 tag (`en`, `de-CH`, `pt-BR`, `zh-Hant`): letters
    /// and digits in parts of 1 to 8 joined by `-`, the first of 2 or 3 letters. Otherwise a
    /// warning at `position` and `en`, so a typo never reaches the page as an invalid `lang`.
    static func checked(_ value: String, path: String, position: (line: Int, column: Int),
                        diagnostics: inout [Diagnostic]) -> String {
        let tag = value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let wellFormed = !parts.isEmpty
            && (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
            && parts.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard wellFormed else {
            diagnostics.append(.warning(path, position, "language '\(value)' is not a language tag such as en, de or pt-BR; the site says en"))
            return "en"
        }
        return tag
    }
}
