import Foundation
import TestSupport
import Testing
@testable import Site

/// Hidden tests, expectations, references and mutants never reach the site: no line of them
/// appears in any output file, unless the same line is public (in the starter or README). A
/// mutant is a patch; its lines count as the source they hold.
@Suite struct NoLeakTests {
    struct Case: Sendable, CustomStringConvertible {
        let course: String
        let exercises: String
        var description: String { URL(fileURLWithPath: course).lastPathComponent }
    }

    static let cases = [
        Case(course: Fixture.course, exercises: Fixture.directory.appendingPathComponent("exercises").path),
        Case(course: Fixture.repository.appendingPathComponent("content").path,
             exercises: Fixture.repository.appendingPathComponent("exercises").path),
    ]

    @Test(arguments: cases)
    func noHiddenLineAppearsInTheOutput(_ example: Case) throws {
        let hidden = files(under: example.exercises) { path in
            let parts = path.split(separator: "/")
            return parts.contains("tests") || parts.contains("reference") || parts.contains("mutants")
        }
        #expect(!hidden.isEmpty, "the fixture must have hidden files to check")
        // Lines the site may legitimately show: the starters, READMEs and the course's own pages.
        let publicFiles = files(under: example.exercises) { path in
            path.contains("/starter/") || path.hasSuffix("README.md") || path.hasSuffix("exercise.yml")
        } + files(under: example.course) { $0.hasSuffix(".md") }
        let publicText = publicFiles.flatMap(lines).joined(separator: "\n")
        let secrets = Set(hidden.flatMap(lines)).filter { $0.count >= 12 && !publicText.contains($0) }
        #expect(secrets.count >= 5, "too few hidden lines to make the check meaningful")
        // Mutants are patches: the lines they add (the mutant's own source) are among the secrets.
        let patches = hidden.filter { $0.pathExtension == "patch" }
        #expect(!patches.isEmpty, "the fixture must have mutant patches to check")
        #expect(!secrets.isDisjoint(with: patches.flatMap(lines)), "no line of a mutant is checked")
        if example.course == Fixture.course {
            #expect(secrets.contains(#"return f"Hello, {name}!!"  # mutant-secret-line"#), "\(secrets.sorted())")
        }
        let folder = TemporaryFolder()
        let site = BuiltSite(course: example.course, into: folder)
        #expect(site.report.succeeded)
        let output = site.files.values.compactMap { url -> String? in
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return String(data: data, encoding: .utf8)
        }.joined(separator: "\n")
        let escapedOutput = output.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let leaked = secrets.filter { output.contains($0) || escapedOutput.contains($0) }.sorted()
        #expect(leaked == [])
    }

    private func files(under root: String, where include: (String) -> Bool) -> [URL] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter(include).map { URL(fileURLWithPath: root).appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// A file's lines, trimmed. A mutant's patch gives the source lines it holds (without
    /// the diff's `+`, `-` or space in front, and without its `---`, `+++` and `@@` lines),
    /// so a leak of the mutant's code is caught, not just a leak of the patch text.
    private func lines(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n")
        guard url.pathExtension == "patch" else { return lines.map { $0.trimmingCharacters(in: .whitespaces) } }
        return lines.filter { !$0.hasPrefix("--- ") && !$0.hasPrefix("+++ ") && !$0.hasPrefix("@@") }
            .map { line in
                let code = line.first.map { "+- ".contains($0) } == true ? line.dropFirst() : line[...]
                return code.trimmingCharacters(in: .whitespaces)
            }
    }
}
