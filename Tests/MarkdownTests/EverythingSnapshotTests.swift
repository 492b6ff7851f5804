import Foundation
import Markdown
import Testing
import TestSupport

/// One fixture that uses every construct the parser knows (`Fixtures/everything.md`), held
/// against golden files: its tree dump (the parser's oracle), its HTML and its terminal text.
/// `RECORD_SNAPSHOTS=1` rewrites them (see `Snapshot`).
@Suite struct EverythingSnapshotTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let source = try! String(contentsOf: fixtures.appendingPathComponent("everything.md"), encoding: .utf8)

    @Test func treeDumpMatchesItsSnapshot() throws {
        try expectSnapshot(MarkdownParser().parse(Self.source).treeDump(), "everything.dump")
    }

    @Test func htmlMatchesItsSnapshot() throws {
        try expectSnapshot(HTMLRenderer(headingIDs: true).render(MarkdownParser().parse(Self.source)), "everything.html")
    }

    @Test func terminalTextMatchesItsSnapshot() throws {
        try expectSnapshot(TerminalRenderer(color: false, width: 72).render(MarkdownParser().parse(Self.source)) + "\n", "everything.txt")
    }

    @Test func tableAndFootnoteProblemsAreReportedWithTheirLines() {
        var diagnostics: [MarkdownDiagnostic] = []
        _ = MarkdownParser().parse(Self.source, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == [
            "42:1: warning: table row has 3 cells but the header has 4: the missing cells are left empty",
            "43:1: warning: table row has 5 cells but the header has 4: the extra cells are dropped",
            "68:83: warning: footnote reference [^nope] has no definition (write '[^nope]: text' at the start of a line)",
            "80:1: warning: footnote [^unused] is never referenced, so it is left out",
        ])
    }

    private func expectSnapshot(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        Snapshot.expect(actual, matches: Self.fixtures.appendingPathComponent(name), sourceLocation: sourceLocation)
    }
}
