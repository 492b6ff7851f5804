import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `lectern site serve`'s watcher on a course that gains a symbolic link cycle while served:
/// it still rebuilds on a change, and it does not spin or grow while it watches.
@Suite struct SiteServeWatchTests {
    /// The served page's text once it holds `expected`, asked every 0.1 s for up to `seconds`;
    /// else the last text seen ("" while the server is not answering).
    static func fetch(_ url: URL, until expected: String, within seconds: Double = 60) async -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while true {
            if let (data, _) = try? await URLSession.shared.data(from: url) { text = String(decoding: data, as: UTF8.self) }
            if text.contains(expected) || Date() >= deadline { return text }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    /// User plus system CPU seconds of a process, from /proc.
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime field 14, stime field 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory of a process in megabytes, from /proc.
    static func residentMB(_ pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    @Test func aCycleAddedWhileServingNeitherStopsRebuildsNorSpinsTheWatcher() async throws {
        let folder = TemporaryFolder(prefix: "lectern-watch")
        defer { folder.remove() }
        let course = folder.url.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        let page = course.appendingPathComponent("index.md")
        try "# Home\n\nFirst version.\n".write(to: page, atomically: true, encoding: .utf8)

        // On a port of its own choosing, stopped (and its folder removed) when the test ends.
        let server = try await ServeProcess(course: course.path, watch: true)
        defer { server.stop() }
        let url = URL(string: "http://127.0.0.1:\(server.port)/index.html")!
        let first = await Self.fetch(url, until: "First version")
        try #require(first.contains("First version"), "\(server.log)")

        // ln -s . a; ln -s . b; then a change the watcher must notice and rebuild. Before the
        // fix, the watcher's walk went round the links and never came back to look.
        try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent("a").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent("b").path, withDestinationPath: ".")
        try "# Home\n\nSecond version.\n".write(to: page, atomically: true, encoding: .utf8)
        let second = await Self.fetch(url, until: "Second version")
        #expect(second.contains("Second version"), "the watcher did not rebuild after the cycle appeared: \(server.log)")

        // Watching a still course costs a few milliseconds a poll, not a core, and no growth.
        let pid = server.process.processIdentifier
        let cpuBefore = try #require(Self.cpuSeconds(pid))
        let memoryBefore = try #require(Self.residentMB(pid))
        try await Task.sleep(nanoseconds: 3_000_000_000)
        let cpu = try #require(Self.cpuSeconds(pid)) - cpuBefore
        let memory = try #require(Self.residentMB(pid))
        #expect(server.process.isRunning, "\(server.log)")
        #expect(cpu < 1.0, "the watcher used \(cpu) s of CPU in 3 s")
        #expect(memory < max(memoryBefore * 1.5, memoryBefore + 20), "resident memory grew from \(memoryBefore) MB to \(memory) MB")
        #expect(memory < 200)
    }
}
