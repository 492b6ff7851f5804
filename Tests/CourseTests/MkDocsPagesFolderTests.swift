import Foundation
import Testing
@testable import Course

/// Which pages an MkDocs course loads. The loader reads MkDocs' default `docs` folder while
/// it parses mkdocs.yml (`EarlyPages`), so these hold that what it then takes is exactly what
/// the configuration says: the folder `docs_dir` names, less what `exclude_docs` leaves out.
@Suite struct MkDocsPagesFolderTests {
    /// A session page that links to another page of the course.
    static let lesson = ScratchCourse.quizPage + "See [the notes](notes.md).\n"

    static func load(_ scratch: ScratchCourse) -> (course: Course?, diagnostics: [String]) {
        var diagnostics: [Diagnostic] = []
        let course = CourseLoader.load(scratch.course.path, diagnostics: &diagnostics)
        return (course, diagnostics.map { $0.description.replacingOccurrences(of: scratch.course.path, with: "[ROOT]") })
    }

    @Test func pagesComeFromTheFolderDocsDirNamesNotFromDocs() throws {
        let scratch = try ScratchCourse()
        try scratch.file("mkdocs.yml", "site_name: Pages\ndocs_dir: content\n")
        try scratch.file("docs/index.md", "# Stale\n\n[broken](gone.md)\n")
        try scratch.file("content/index.md", "# Current\n")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.title) == ["Current"])
        #expect(diagnostics.isEmpty)
    }

    @Test func anExcludedPageIsNeitherLoadedNorReported() throws {
        let scratch = try ScratchCourse()
        try scratch.file("mkdocs.yml", "site_name: Pages\nexclude_docs: |\n  drafts.md\n")
        try scratch.file("docs/index.md", Self.lesson)
        try scratch.file("docs/notes.md", "# Notes\n")
        try scratch.file("docs/drafts.md", "# Drafts\n\n[broken](gone.md)\n")
        let (course, diagnostics) = Self.load(scratch)
        #expect(course?.pages.map(\.relativePath) == ["index.md", "notes.md"])
        #expect(diagnostics.isEmpty)
    }

    /// The same pages in `docs` (read early) and in another folder (read after mkdocs.yml):
    /// the same course, the same diagnostics in the same order (links broken, a link out of
    /// the course, a cycle, the navigation's own).
    @Test func theDefaultFolderLoadsAsTheSameFolderUnderAnotherName() throws {
        var loads: [(pages: [String], sessions: [String], diagnostics: [String])] = []
        for folder in ["docs", "pages"] {
            let scratch = try ScratchCourse()
            try scratch.file("mkdocs.yml", "site_name: Pages\ndocs_dir: \(folder)\nnav:\n  - index.md\n  - missing.md\n")
            try scratch.file("\(folder)/index.md", Self.lesson)
            try scratch.file("\(folder)/b.md", "# B\n\n[broken](gone.md)\n")
            try scratch.file("\(folder)/sub/index.md", "# Sub\n\n[up](../nowhere.md)\n")
            try scratch.link("\(folder)/secret.md", to: scratch.outside.appendingPathComponent("secret.md").path)
            try scratch.link("\(folder)/sub/loop", to: "..")
            let (course, diagnostics) = Self.load(scratch)
            loads.append((course?.pages.map(\.relativePath) ?? [], course?.sessions.map(\.id) ?? [],
                          diagnostics.map { $0.replacingOccurrences(of: "[ROOT]/\(folder)", with: "[PAGES]")
                                             .replacingOccurrences(of: scratch.outside.path, with: "[OUTSIDE]") }))
        }
        #expect(loads[0].pages == ["index.md", "b.md", "sub/index.md"])
        #expect(loads[0].pages == loads[1].pages)
        #expect(loads[0].sessions == loads[1].sessions)
        #expect(loads[0].diagnostics.count == 7)
        #expect(loads[0].diagnostics == loads[1].diagnostics)
    }
}
