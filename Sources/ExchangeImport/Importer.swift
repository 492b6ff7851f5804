import Course
import Exchange
import Foundation

/// Reads question banks (GIFT, Moodle XML) into quiz pages. Kept apart from `Exchange`:
/// reading XML links libxml2 (and ICU), which only `lectern-import` loads.
public enum Importer {
    /// Reads a GIFT or Moodle XML file. `path` names it in diagnostics; questions before any
    /// category go in `defaultCategory`.
    public static func read(_ data: Data, format: ExchangeFormat, path: String, defaultCategory: String) -> ImportResult {
        switch format {
        case .gift:
            guard let text = String(data: data, encoding: .utf8) else {
                return ImportResult(banks: [], diagnostics: [.error(path, "the file is not UTF-8 text")])
            }
            return GIFTReader.read(text, path: path, defaultCategory: defaultCategory)
        case .moodleXML:
            return MoodleXMLReader.read(data, path: path, defaultCategory: defaultCategory)
        case .qti, .qti12:
            return ImportResult(banks: [], diagnostics: [.error(path, "lectern imports GIFT and Moodle XML, not \(format.rawValue)")])
        }
    }

    /// The quiz pages an import becomes: one folder per bank (named from its category), its
    /// `quiz.md` and the images it uses.
    public static func pages(_ result: ImportResult, path: String) -> (pages: [ImportedPage], diagnostics: [Diagnostic]) {
        var pages: [ImportedPage] = []
        var diagnostics: [Diagnostic] = []
        var taken: Set<String> = []
        for bank in result.banks {
            let (markdown, notes) = QuizPageWriter.page(bank, path: path)
            diagnostics += notes
            var folder = slug(bank.category)
            var counter = 2
            while taken.contains(folder) {
                folder = slug(bank.category) + "-\(counter)"
                counter += 1
            }
            taken.insert(folder)
            let used = result.assets.filter { markdown.contains("(" + QuizPageWriter.imagesFolder + "/" + $0.name) }
            pages.append(ImportedPage(folder: folder, markdown: markdown, assets: used, questionCount: bank.questions.count))
        }
        return (pages, diagnostics)
    }

    /// A folder name from a category: lower case letters, digits and dashes.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                out.append(character)
            } else if !out.hasSuffix("-"), !out.isEmpty {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "imported" : String(out.prefix(60))
    }
}

/// One quiz page an import writes: `<folder>/quiz.md` and `<folder>/images/…`.
public struct ImportedPage: Sendable {
    public var folder: String
    public var markdown: String
    public var assets: [BankAsset]
    public var questionCount: Int
}
