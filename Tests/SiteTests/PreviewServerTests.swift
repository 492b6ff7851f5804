import Foundation
import TestSupport
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
        let server = SitePreviewServer(coursePath: course.path, options: Fixture.options(output: output), port: 0, pollInterval: 0.1)
        let ended = Flag(), listening = Log()
        let serving = Task {
            try? await server.run { text in Task { await listening.append(text) } }
            await ended.set()
        }
        defer { serving.cancel() }
        // Port 0 takes a free port; the server names it once it listens.
        var port: Substring?
        for _ in 0..<200 where port == nil {
            port = await listening.text.firstMatch(of: /at http:\/\/127\.0\.0\.1:([0-9]+)\//)?.1
            if port == nil { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        let base = try #require(port.flatMap { URL(string: "http://127.0.0.1:\($0)/") })
        let page = try await get(base.appendingPathComponent("guide/setup.html"))
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

        // Cancelled, the server stops: no port, watcher or connection of it is left behind.
        serving.cancel()
        for _ in 0..<200 where await !ended.value { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(await ended.value)
        #expect((try? await get(base)) == nil)
    }
}

/// A flag set once, read from any task.
private actor Flag {
    private(set) var value = false
    func set() { value = true }
}

/// What the server has logged so far.
private actor Log {
    private(set) var text = ""
    func append(_ more: String) { text += more }
}
