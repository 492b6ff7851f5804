import Foundation
import Testing
import TestSupport

/// Every command's `--help`, as users read it, against HelpSnapshots/<command>.txt: a change
/// to an option's name, default or wording shows up in review. The commands are found by
/// walking `lectern --help`'s SUBCOMMANDS, so a new command without a snapshot fails.
@Suite struct HelpSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")

    /// `lectern <path> --help` at 80 columns.
    static func help(_ path: [String]) throws -> LecternProcess.Result {
        try LecternProcess.run(path + ["--help"], environment: ["COLUMNS": "80"])
    }

    /// The subcommand names a help text lists.
    static func subcommands(of help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                  name != "See" else { return nil }
            return String(name)
        }
    }

    /// Every command path: [], ["check"], ["site"], ["site", "build"], …
    static func commandPaths() throws -> [[String]] {
        var paths: [[String]] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            paths.append(path)
            let result = try help(path)
            pending += subcommands(of: result.stdout).map { path + [$0] }
        }
        return paths.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    @Test func everyCommandsHelpMatchesItsSnapshot() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count > 10, "found only \(paths)")
        for path in paths {
            let result = try Self.help(path)
            #expect(result.status == 0, "lectern \(path.joined(separator: " ")) --help: \(result.stderr)")
            let name = path.isEmpty ? "lectern" : path.joined(separator: "-")
            Snapshot.expect(result.stdout, matches: Self.snapshots.appendingPathComponent("\(name).txt"))
        }
    }
}
