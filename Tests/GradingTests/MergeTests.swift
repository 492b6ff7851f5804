import Foundation
import Sandbox
import Testing
@testable import Grading

/// `lectern grade --merge` joins shard summaries only when they make one whole, valid batch
/// (issue 11, item 13): every shard K of N, rows within their bounds, reports that exist, one
/// report format, and an output that is not one of its inputs.
@Suite("Merging shards checks that they make one whole, valid batch")
struct MergeTests {
    /// A class of six Python submissions of the fixture exercise, graded as three shards
    /// (`formats` gives each shard's report format); the shard folders, in order.
    func gradeShards(_ formats: [ReportFormat] = [.json, .json, .json]) async throws -> (root: URL, shards: [URL]) {
        let root = try Fixture.temporaryDirectory()
        let folder = root.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sources = [Fixture.reference("python", "adder.py"), Fixture.submission("wrong.py"), Fixture.submission("crash.py")]
        for index in 0..<6 {
            try FileManager.default.copyItem(at: sources[index % sources.count], to: folder.appendingPathComponent("student\(index).py"))
        }
        var shards: [URL] = []
        for (index, format) in formats.enumerated() {
            let options = BatchOptions(submissions: folder, output: nil, track: nil, format: format, jobs: 2,
                                       shard: (index: index + 1, count: formats.count), force: false)
            _ = try await BatchGrader(exercise: try Fixture.exercise(), sandbox: Unsandboxed(), options: options).run()
            shards.append(options.outputFolder)
        }
        return (root, shards)
    }

    /// Rewrites a shard's summary.json through `change` (its JSON object).
    func edit(_ shard: URL, _ change: (inout [String: Any]) -> Void) throws {
        let file = shard.appendingPathComponent("summary.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: file)
    }

    /// Changes the first row of a shard's summary that has a report.
    func editFirstRow(_ shard: URL, _ change: @escaping (inout [String: Any]) -> Void) throws {
        try edit(shard) { object in
            var rows = object["rows"] as? [[String: Any]] ?? []
            if let index = rows.firstIndex(where: { !($0["report"] as? String ?? "").isEmpty }) { change(&rows[index]) }
            object["rows"] = rows
        }
    }

    func mergeError(_ folders: [URL], into output: URL) -> String? {
        do {
            _ = try BatchSummary.merge(folders, into: output)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func allShardsMergeIntoTheWholeClass() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let merged = try BatchSummary.merge(shards, into: root.appendingPathComponent("all"))
        #expect(merged.rows.count == 6)
    }

    @Test func aMissingShardIsRefusedByName() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("all")
        let error = mergeError(Array(shards.prefix(2)), into: output)
        #expect(error?.contains("3/3") == true, "\(error ?? "merged")")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("summary.json").path))
    }

    @Test func aShardOfAnotherCountIsRefused() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        try edit(shards[2]) { $0["shard"] = "3/4" }
        let error = mergeError(shards, into: root.appendingPathComponent("all"))
        #expect(error?.contains("3/4") == true, "\(error ?? "merged")")
    }

    @Test func theSameShardTwiceIsRefused() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        try edit(shards[2]) { $0["shard"] = "2/3"; $0["rows"] = [] }
        let error = mergeError(shards, into: root.appendingPathComponent("all"))
        #expect(error?.contains("2/3") == true, "\(error ?? "merged")")
    }

    /// One field of a row set to a value it may not have.
    struct BadRow: Sendable, CustomTestStringConvertible {
        var what: String
        var key: String
        var number: Double?
        var text: String?
        var testDescription: String { what }
        var value: Any { number.map { $0 as Any } ?? text ?? "" }
    }

    @Test(arguments: [
        BadRow(what: "a score above the maximum", key: "score", number: 150),
        BadRow(what: "a negative score", key: "score", number: -1),
        BadRow(what: "an id with a slash", key: "id", text: "../../etc/passwd"),
        BadRow(what: "an id that is ..", key: "id", text: ".."),
        BadRow(what: "an empty id", key: "id", text: ""),
        BadRow(what: "a report outside the shard", key: "report", text: "../../outside.json"),
        BadRow(what: "an absolute report path", key: "report", text: "/etc/passwd"),
    ])
    func anInvalidRowIsRefused(_ bad: BadRow) async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        try editFirstRow(shards[0]) { $0[bad.key] = bad.value }
        let error = mergeError(shards, into: root.appendingPathComponent("all"))
        #expect(error?.contains(shards[0].appendingPathComponent("summary.json").path) == true, "\(bad.what): \(error ?? "merged")")
    }

    @Test func groupPointsAboveTheGroupsMaximumAreRefused() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        try editFirstRow(shards[0]) { $0["groups"] = ["basic": 500.0, "edge": 0.0] }
        #expect(mergeError(shards, into: root.appendingPathComponent("all")) != nil)
    }

    @Test func deletedReportsAreRefusedByName() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        func reports(_ shard: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: shard.appendingPathComponent("reports").path)) ?? []).sorted()
        }
        let shard = try #require(shards.first { !reports($0).isEmpty })
        let report = try #require(reports(shard).first)
        try FileManager.default.removeItem(at: shard.appendingPathComponent("reports"))
        let error = mergeError(shards, into: root.appendingPathComponent("all"))
        #expect(error?.contains(shard.appendingPathComponent("reports/\(report)").path) == true, "\(error ?? "merged")")
    }

    @Test func anOutputThatIsOneOfTheInputsIsRefused() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Data(contentsOf: shards[1].appendingPathComponent("summary.json"))
        #expect(mergeError(shards, into: shards[1]) != nil)
        let link = root.appendingPathComponent("link-to-shard-2")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: shards[1])
        #expect(mergeError(shards, into: link) != nil)
        #expect(mergeError(shards, into: shards[1].appendingPathComponent("../" + shards[1].lastPathComponent)) != nil)
        #expect(try Data(contentsOf: shards[1].appendingPathComponent("summary.json")) == before)
    }

    @Test(arguments: [[ReportFormat.json, .junit, .json], [.json, .gradescope, .json], [.text, .text, .exercism]])
    func mixedReportFormatsAreRefused(_ formats: [ReportFormat]) async throws {
        let (root, shards) = try await gradeShards(formats)
        defer { try? FileManager.default.removeItem(at: root) }
        let error = mergeError(shards, into: root.appendingPathComponent("all"))
        #expect(error?.contains("format") == true, "\(formats): \(error ?? "merged")")
    }
}

extension MergeTests {
    @Test func allowPartialMergesTheShardsGivenAndNamesTheMissingOnes() async throws {
        let (root, shards) = try await gradeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("all")
        let merged = try BatchSummary.merge(Array(shards.prefix(2)), into: output, allowPartial: true)
        let expected = try shards.prefix(2).reduce(0) { count, shard in
            count + (try #require(BatchSummary.read(shard.appendingPathComponent("summary.json")))).rows.count
        }
        #expect(merged.rows.count == expected)
        #expect(merged.missingShards == ["3/3"])
        #expect(merged.text.contains("warning: a partial merge: shard 3/3 missing"))
        #expect(BatchSummary.read(output.appendingPathComponent("summary.json"))?.missingShards == ["3/3"])
    }

    @Test func theMergedSummaryRecordsTheShardsFormat() async throws {
        let (root, shards) = try await gradeShards([.gradescope, .gradescope, .gradescope])
        defer { try? FileManager.default.removeItem(at: root) }
        let merged = try BatchSummary.merge(shards, into: root.appendingPathComponent("all"))
        #expect(merged.format == .gradescope)
        #expect(merged.missingShards == nil)
    }
}
