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

    public var imagePlacement: ImagePlacement {
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
}

