import Foundation
import Testing
import TestSupport

/// `lectern site build` as an author runs it on the bundled course.
@Suite struct SiteBuildCommandTests {
    @Test func buildsEveryPageOfTheBundledCourseAndNothingHidden() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-site-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try LecternProcess.run(["site", "build", "content", "--output", output.path, "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("0 errors, 0 warnings"))
        for page in ["index.html", "404.html", "04-production-mcp-deployment/lesson.html",
                     "04-production-mcp-deployment/quiz.html", "exercises/circuit-breaker/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("</html>"), "\(page)")
        }
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        #expect(!files.contains { $0.contains("reference") || $0.contains("mutants") || $0.contains("tests/") || $0.hasSuffix(".patch") },
                "\(files)")
    }
}
