import Course
import Foundation

/// The exchange formats `lectern export` writes and `lectern import` reads.
public enum ExchangeFormat: String, CaseIterable, Sendable {
    case gift
    case moodleXML = "moodle-xml"
    /// An IMS QTI 2.1 content package (zip).
    case qti
    /// An IMS QTI 1.2 package as Canvas Classic Quizzes and Common Cartridge read it (zip).
    case qti12

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .gift: return "gift.txt"
        case .moodleXML: return "xml"
        case .qti, .qti12: return "zip"
        }
    }

    /// Whether `lectern import` reads it.
    public var isImportable: Bool { self == .gift || self == .moodleXML }

    var imagePlacement: ImagePlacement {
        switch self {
        case .gift: return .unpackaged
        case .moodleXML: return .moodlePluginFile
        case .qti, .qti12: return .packageFolder
        }
    }
}

/// What an export made: the file's bytes and what was noticed on the way.
public struct ExportOutput: Sendable {
    public var data: Data
    public var questionCount: Int
    public var imageCount: Int
    public var diagnostics: [Diagnostic]
}

/// Exports quizzes to a format, and reads question banks back into quiz pages.
public enum Exchange {
    /// The quizzes of `sources` in `format`. `header` is a line naming what was exported.
    public static func export(_ sources: [ExportSource], format: ExchangeFormat, header: String) throws -> ExportOutput {
        var assets: [BankAsset] = []
        var diagnostics: [Diagnostic] = []
        let banks = sources.map { QuizExport.bank($0, placement: format.imagePlacement, assets: &assets, diagnostics: &diagnostics) }
        let packageID = "LECTERN_" + String(sources.map(\.quiz.contentHash).joined().prefix(16))
        let data: Data
        switch format {
        case .gift: data = Data(GIFTWriter.write(banks, header: header).utf8)
        case .moodleXML: data = Data(MoodleXMLWriter.write(banks, assets: assets, header: header).utf8)
        case .qti: data = try ZipPackage.zip(QTI21Package.files(banks, assets: assets, packageID: packageID))
        case .qti12: data = try ZipPackage.zip(QTI12Package.files(banks, assets: assets, packageID: packageID))
        }
        return ExportOutput(data: data, questionCount: banks.reduce(0) { $0 + $1.questions.count },
                            imageCount: format == .gift ? 0 : assets.count, diagnostics: diagnostics)
    }

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
