import Foundation
import Testing
import TestSupport

/// `lectern grade --merge` with the real binary on shards it graded (issue 11, item 13).
@Suite("lectern grade --merge refuses an incomplete or damaged set of shards, end to end", GradeSupport.needsSandbox)
struct GradeMergeTests {
    /// A class of three quick submissions (two do not load, one is the starter) graded as
    /// three shards by the real binary; the root and the shard folders.
    func gradeThreeShards() throws -> (root: URL, shards: [URL]) {
        let root = try GradeSupport.temporaryDirectory()
        let submissions = root.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try Data("def broken(:\n".utf8).write(to: submissions.appendingPathComponent("ann.py"))
        try Data("import nothing_like_this\n".utf8).write(to: submissions.appendingPathComponent("ben.py"))
        try FileManager.default.copyItem(at: LecternProcess.repository.appendingPathComponent("exercises/circuit-breaker/python/starter/circuit_breaker.py"),
                                         to: submissions.appendingPathComponent("cat.py"))
        var shards: [URL] = []
        for index in 1...3 {
            let shard = root.appendingPathComponent("shard-\(index)")
            let result = try LecternProcess.run(["grade", "circuit-breaker", "--batch", submissions.path, "--shard", "\(index)/3",
                                                 "--output", shard.path])
            #expect(result.status == 0, "\(result.stderr)")
            shards.append(shard)
        }
        return (root, shards)
    }

    @Test func aMissingShardFailsNamingItUnlessPartialIsAllowed() throws {
        let (root, shards) = try gradeThreeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("all")
        let two = shards.prefix(2).map(\.path)
        let refused = try LecternProcess.run(["grade", "--merge"] + two + ["--output", output.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("shard 3/3 is missing"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("summary.csv").path))

        let partial = try LecternProcess.run(["grade", "--merge"] + two + ["--output", output.path, "--allow-partial"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("warning: a partial merge: shard 3/3 missing"), "\(partial.stdout)")

        let whole = try LecternProcess.run(["grade", "--merge"] + shards.map(\.path) + ["--output", output.path])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("3 submissions"), "\(whole.stdout)")
    }

    @Test func anOutputThatIsAShardAndDeletedReportsAreRefused() throws {
        let (root, shards) = try gradeThreeShards()
        defer { try? FileManager.default.removeItem(at: root) }
        let intoAShard = try LecternProcess.run(["grade", "--merge"] + shards.map(\.path) + ["--output", shards[0].path])
        #expect(intoAShard.status == 2)
        #expect(intoAShard.stderr.contains("is one of the folders being merged"), "\(intoAShard.stderr)")

        let withReports = try #require(shards.first { shard in
            !((try? FileManager.default.contentsOfDirectory(atPath: shard.appendingPathComponent("reports").path)) ?? []).isEmpty
        })
        try FileManager.default.removeItem(at: withReports.appendingPathComponent("reports"))
        let noReports = try LecternProcess.run(["grade", "--merge"] + shards.map(\.path) + ["--output", root.appendingPathComponent("all").path])
        #expect(noReports.status == 2)
        #expect(noReports.stderr.contains(withReports.appendingPathComponent("reports/").path), "\(noReports.stderr)")
        #expect(noReports.stderr.contains("missing"), "\(noReports.stderr)")
    }
}
