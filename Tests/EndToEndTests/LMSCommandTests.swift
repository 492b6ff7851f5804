import Foundation
import Testing
import TestSupport

/// `lectern export`, `import`, `stats`, `review` and `--learner`, run as a user runs them.
@Suite("lectern export, import, stats, review, learners: end to end")
struct LMSCommandTests {
    static let key = "D,D,A,A,C,C,D,B,A,C"

    func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-lms-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("export → import → export gives the same GIFT and Moodle XML files", arguments: ["gift", "moodle-xml"])
    func roundTrip(format: String) throws {
        let folder = try temporary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
        let export = try LecternProcess.run(["export", "4", "--format", format, "--output", first.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "Wrote 10 questions from 1 session to \(first.path) (\(format))\n")
        let imported = try LecternProcess.run(["import", first.path, "--format", format, "--output", folder.appendingPathComponent("bank").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("Imported 10 questions into 1 page\n"))
        let again = try LecternProcess.run(["export", "--course", folder.appendingPathComponent("bank").path, "--format", format,
                                            "--output", second.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: second) == Data(contentsOf: first))
    }

    @Test("the QTI packages are zips holding a manifest", arguments: ["qti", "qti12"])
    func qtiPackages(format: String) throws {
        let folder = try temporary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("quiz.zip")
        let export = try LecternProcess.run(["export", "--format", format, "--output", output.path])
        #expect(export.status == 0, "\(export.stderr)")
        let listing = try Command.run("/usr/bin/python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", output.path])
        #expect(listing.exitCode == 0, "\(listing.stderr)")
        #expect(listing.stdout.hasPrefix("imsmanifest.xml\n"))
        #expect(listing.stdout.split(separator: "\n").count == (format == "qti" ? 12 : 3))
    }

    @Test("import refuses to replace a page unless --force, and reports unsupported kinds with their line")
    func importRefusesToReplace() throws {
        let folder = try temporary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bank = folder.appendingPathComponent("bank.gift")
        try Data("::A::Is water wet?{T}\n\nName a colour.{=red =blue}\n".utf8).write(to: bank)
        let first = try LecternProcess.run(["import", bank.path, "--format", "gift", "--output", folder.appendingPathComponent("out").path])
        #expect(first.status == 0)
        #expect(first.stderr.contains("\(bank.path):3:1: warning: a short-answer question"))
        let again = try LecternProcess.run(["import", bank.path, "--format", "gift", "--output", folder.appendingPathComponent("out").path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists; nothing was written (--force replaces it)"))
        let forced = try LecternProcess.run(["import", bank.path, "--format", "gift", "--output", folder.appendingPathComponent("out").path, "--force"])
        #expect(forced.status == 0)
        let usage = try LecternProcess.run(["import", bank.path, "--format", "qti", "--output", folder.path])
        #expect(usage.status == 2)
    }

    @Test("stats reads the first complete attempt of each learner; --all-attempts reads them all")
    func stats() throws {
        let data = try temporary()
        defer { try? FileManager.default.removeItem(at: data) }
        for (learner, answers) in [("ada", Self.key), ("bob", "A,D,A,A,C,C,D,B,A,C"), ("bob", Self.key), ("cy", "D,A,B,A,C,C,D,B,A,C")] {
            let quiz = try LecternProcess.run(["quiz", "--answers", answers, "--learner", learner, "--data-dir", data.path])
            #expect(quiz.status == 0, "\(quiz.stderr)")
        }
        let first = try LecternProcess.run(["stats", "--format", "json", "--data-dir", data.path])
        #expect(first.status == 0, "\(first.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let test = try #require(json["test"] as? [String: Any])
        #expect(test["count"] as? Int == 3)
        #expect(test.keys.contains("kr20"))
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.map { $0["number"] as? Int } == Array(1...10))
        #expect(abs((questions[0]["facility"] as? Double ?? 0) - 2.0 / 3) < 1e-9)
        #expect((questions[0]["options"] as? [Any])?.count == 4)
        let all = try LecternProcess.run(["stats", "--all-attempts", "--data-dir", data.path])
        #expect(all.stdout.hasPrefix("Session 4: Production MCP Deployment (04-production-mcp-deployment): 4 complete attempts (all attempts)"))
    }

    @Test("review --list starts empty, then lists nothing due right after a quiz (learning steps)")
    func reviewList() throws {
        let data = try temporary()
        defer { try? FileManager.default.removeItem(at: data) }
        let empty = try LecternProcess.run(["review", "--list", "--learner", "ada", "--data-dir", data.path])
        #expect(empty.status == 0)
        #expect(empty.stdout.hasPrefix("Nothing to review for ada yet"))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("progress.sqlite").path))
        _ = try LecternProcess.run(["quiz", "--answers", Self.key, "--learner", "ada", "--data-dir", data.path])
        let after = try LecternProcess.run(["review", "--list", "--learner", "ada", "--format", "json", "--data-dir", data.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(json["cards"] as? Int == 10)
        #expect((json["due"] as? [Any])?.isEmpty == true)
    }

    @Test("--learner keeps each learner's history apart; a blank name is a usage error", GradeSupport.needsSandbox)
    func learners() throws {
        let data = try temporary()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LecternProcess.run(["quiz", "--answers", Self.key, "--learner", "ada", "--data-dir", data.path])
        let grade = try LecternProcess.run(["grade", "circuit-breaker", GradeSupport.pythonReference, "--learner", "bob",
                                            "--data-dir", data.path])
        #expect(grade.status == 0, "\(grade.stderr)")
        let ada = try LecternProcess.run(["progress", "--learner", "ada", "--data-dir", data.path])
        #expect(ada.stdout.contains("1 attempt, best 10/10"))
        #expect(!ada.stdout.contains("circuit-breaker"))
        let bob = try LecternProcess.run(["progress", "--learner", "bob", "--data-dir", data.path])
        #expect(bob.stdout.contains("circuit-breaker (python)"))
        #expect(bob.stdout.contains("No quiz attempts yet"))
        for command in [["quiz", "--answers", Self.key], ["progress"], ["review", "--list"]] {
            let blank = try LecternProcess.run(command + ["--learner", "  ", "--data-dir", data.path])
            #expect(blank.status == 2, "\(command)")
            #expect(blank.stderr.contains("--learner: the learner's name is empty"))
        }
    }
}
