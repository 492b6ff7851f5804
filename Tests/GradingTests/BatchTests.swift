import Foundation
import Sandbox
import Testing
@testable import Grading

@Suite("Batch grading writes summaries and reports, resumes, shards and merges")
struct BatchTests {
    /// A class of four Python submissions in a fresh folder.
    func makeClass() throws -> URL {
        let root = try Fixture.temporaryDirectory()
        let folder = root.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, source) in [("alice.py", "python/reference/adder.py"), ("bob.py", "wrong.py"),
                               ("carol.py", "syntax_error.py"), ("dave.py", "crash.py")] {
            let from = source.contains("/") ? Fixture.adder.appendingPathComponent(source) : Fixture.submission(source)
            try FileManager.default.copyItem(at: from, to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func batch(_ folder: URL, format: ReportFormat = .json, shard: (Int, Int)? = nil, force: Bool = false) async throws -> BatchSummary {
        let options = BatchOptions(submissions: folder, output: nil, track: nil, format: format, jobs: 2,
                                   shard: shard.map { (index: $0.0, count: $0.1) }, force: force)
        return try await BatchGrader(exercise: try Fixture.exercise(), sandbox: Unsandboxed(), options: options).run()
    }

    @Test func gradesEverySubmissionAndWritesSummariesAndReports() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let summary = try await batch(folder)
        #expect(summary.rows.map(\.id) == ["alice.py", "bob.py", "carol.py", "dave.py"])
        #expect(summary.rows.map(\.status) == [.graded, .graded, .error, .graded])
        #expect(summary.rows.map(\.score) == [100, 60, 0, 90])
        let output = folder.deletingLastPathComponent().appendingPathComponent("class-grading")
        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "id,track,status,score,max_score,basic,edge,passed,failed,errors,duration_s,sha256,report")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("bob.py,python,graded,60,100,20,40,4,1,0,"))
        let saved = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: output.appendingPathComponent("summary.json")))
        #expect(saved.rows == summary.rows)
        for row in summary.rows {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(row.report).path))
        }
    }

    @Test func reRunningSkipsUnchangedSubmissionsAndRegradesChangedOnes() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let first = try await batch(folder)
        #expect(first.graded == 4 && first.skipped == 0)
        let second = try await batch(folder)
        #expect(second.graded == 0 && second.skipped == 4)
        #expect(second.rows == first.rows)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("bob.py"))
        try FileManager.default.copyItem(at: Fixture.reference("python", "adder.py"), to: folder.appendingPathComponent("bob.py"))
        let third = try await batch(folder)
        #expect(third.graded == 1 && third.skipped == 3)
        #expect(third.rows.first { $0.id == "bob.py" }?.score == 100)
    }

    @Test func forceRegradesEverything() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = try await batch(folder)
        let forced = try await batch(folder, force: true)
        #expect(forced.graded == 4 && forced.skipped == 0)
    }

    @Test func aDifferentFormatIsNotUpToDate() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = try await batch(folder, format: .json)
        let junit = try await batch(folder, format: .junit)
        #expect(junit.graded == 4)
        #expect(junit.rows.allSatisfy { $0.report.isEmpty || $0.report.hasSuffix(".xml") })
    }

    @Test func aDifferentFormatWithTheSameExtensionIsNotUpToDate() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = try await batch(folder, format: .json)
        let gradescope = try await batch(folder, format: .gradescope)
        #expect(gradescope.graded == 4)
        #expect(gradescope.format == .gradescope)
    }

    @Test func shardsPartitionTheClassAndMergeBackIntoTheWhole() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let whole = try await batch(folder)
        var shardFolders: [URL] = []
        var ids: [String] = []
        for index in 1...3 {
            let summary = try await batch(folder, shard: (index, 3))
            #expect(summary.shard == "\(index)/3")
            ids += summary.rows.map(\.id)
            shardFolders.append(folder.deletingLastPathComponent().appendingPathComponent("class-grading/shard-\(index)-of-3"))
        }
        #expect(ids.sorted() == whole.rows.map(\.id))
        let mergedFolder = folder.deletingLastPathComponent().appendingPathComponent("merged")
        let merged = try BatchSummary.merge(shardFolders, into: mergedFolder)
        #expect(merged.rows.map(\.id) == whole.rows.map(\.id))
        #expect(merged.rows.map(\.score) == whole.rows.map(\.score))
        for row in merged.rows where !row.report.isEmpty {
            #expect(FileManager.default.fileExists(atPath: mergedFolder.appendingPathComponent(row.report).path))
        }
    }

    @Test func shardAssignmentIsStable() {
        #expect(BatchGrader.shard(of: "alice.py", count: 7) == BatchGrader.shard(of: "alice.py", count: 7))
        let counts = (0..<700).reduce(into: [Int: Int]()) { $0[BatchGrader.shard(of: "student-\($1)", count: 7), default: 0] += 1 }
        #expect(counts.count == 7)
        #expect(counts.values.allSatisfy { $0 > 50 })
    }

    @Test func mergingTheSameSubmissionTwiceIsRefused() async throws {
        let folder = try makeClass()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = try await batch(folder)
        let output = folder.deletingLastPathComponent().appendingPathComponent("class-grading")
        #expect(throws: BatchError.self) {
            try BatchSummary.merge([output, output], into: folder.deletingLastPathComponent().appendingPathComponent("m"))
        }
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data(String(repeating: "a", count: 1000).utf8))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
