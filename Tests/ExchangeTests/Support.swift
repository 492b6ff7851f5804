import Course
import Foundation
@testable import Exchange
@testable import ExchangeImport

/// Loading fixture courses and exporting them, as the commands do.
enum ExchangeFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every quiz of the course at `path` as export sources.
    static func sources(_ path: String) throws -> [ExportSource] {
        var diagnostics: [Diagnostic] = []
        guard let course = CourseLoader.load(path, diagnostics: &diagnostics) else { throw FixtureError(message: "no course at \(path)") }
        switch ExportSelection.sources(course, references: [], diagnostics: diagnostics) {
        case .success(let sources): return sources
        case .failure(let error): throw FixtureError(message: error.lines.joined(separator: "\n"))
        }
    }

    static func export(_ path: String, _ format: ExchangeFormat) throws -> ExportOutput {
        let sources = try sources(path)
        return try Exchange.export(sources, format: format, header: "Exported by Lectern: " + sources.map(\.title).joined(separator: ", "))
    }

    /// Imports `data` into a fresh folder (as `lectern import` writes it) and returns the folder.
    static func importIntoFolder(_ data: Data, _ format: ExchangeFormat) throws -> URL {
        let result = Importer.read(data, format: format, path: "bank", defaultCategory: "bank")
        let (pages, _) = Importer.pages(result, path: "bank")
        let root = try temporaryDirectory()
        for page in pages {
            let folder = root.appendingPathComponent(page.folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
            try Data(page.markdown.utf8).write(to: folder.appendingPathComponent("quiz.md"))
            for asset in page.assets { try Data(asset.data).write(to: folder.appendingPathComponent("images/" + asset.name)) }
        }
        return root
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
