import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Site
import SiteServer
import Testing

/// `lectern site serve`: serves the built site on 127.0.0.1 and rebuilds when a page changes.
@Suite struct PreviewServerTests {
    private func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesTheSiteAndRebuildsItWhenAPageChanges() async throws {
        let folder = TemporaryFolder()
        let course = try folder.copy(Fixture.folder, as: "course")
        let output = folder.url.appendingPathComponent("site")
        let port = UInt16.random(in: 41000...48000)
        let server = SitePreviewServer(coursePath: course.path, options: Fixture.options(output: output), port: port, pollInterval: 0.1)
        let serving = Task { try await server.run { _ in } }
        defer { serving.cancel() }
        let base = URL(string: "http://127.0.0.1:\(port)/")!
        var page = (0, "")
        for _ in 0..<100 where page.0 != 200 {
            page = (try? await get(base.appendingPathComponent("guide/setup.html"))) ?? (0, "")
            if page.0 != 200 { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        #expect(page.0 == 200)
        #expect(page.1.contains("Install things"))
        #expect(try await get(base.appendingPathComponent("no-such-page.html")).0 == 404)

        let source = course.appendingPathComponent("guide/setup.md")
        try "# Setup\n\nInstall other things.\n".write(to: source, atomically: true, encoding: .utf8)
        var rebuilt = false
        for _ in 0..<100 where !rebuilt {
            try await Task.sleep(nanoseconds: 50_000_000)
            rebuilt = try await get(base.appendingPathComponent("guide/setup.html")).1.contains("Install other things.")
        }
        #expect(rebuilt)
    }
}
