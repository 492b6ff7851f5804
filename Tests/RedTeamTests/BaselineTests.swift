import Foundation
import Grading
import Sandbox
import Testing

/// What the attacks are measured against, and that they leave the grader as it was.
@Suite(.serialized) struct BaselineTests {
    @Test(arguments: ["python", "swift"])
    func theReferenceScoresFullMarksUnderTheRedTeamLimits(_ track: String) async throws {
        let report = try await RedTeam.grade(RedTeam.reference(track))
        #expect(report.status == .graded)
        #expect(report.isFullMarks, "\(report.score): \(report.tests.filter { $0.status != .pass }.map(\.id))")
    }

    @Test(arguments: ["python", "swift"])
    func theEmptySubmissionScoresAlmostNothing(_ track: String) async throws {
        let score = try await RedTeam.emptyScore(track)
        #expect(score < 5, "the starter scored \(score)")
    }

    @Test func theNextGradingAfterEachBombIsUnaffected() async throws {
        for bomb in ["fork_flood.py", "memory_bomb.py", "disk_fill.py", "ignores_sigterm.py", "leaves_a_daemon.py"] {
            _ = try await RedTeam.grade(fixture: "python/" + bomb)
            let report = try await RedTeam.grade(RedTeam.reference("python"))
            #expect(report.isFullMarks, "after \(bomb): \(report.status) \(report.score)")
        }
    }

    @Test func aBatchWithHostileSubmissionsGradesTheOthersCorrectly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-redteam-batch-\(UUID().uuidString)")
        let submissions = folder.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let honest = ["alice.py": RedTeam.reference("python"), "bob.py": RedTeam.starter("python")]
        let hostile = ["fork_flood.py", "memory_bomb.py", "output_flood.py", "infinite_loop_at_import.py",
                       "kills_the_parent.py", "nonce_theft.py", "leaves_a_daemon.py"]
        for (name, url) in honest {
            try FileManager.default.copyItem(at: url, to: submissions.appendingPathComponent(name))
        }
        for name in hostile {
            try FileManager.default.copyItem(at: RedTeam.fixtures.appendingPathComponent("python/" + name),
                                             to: submissions.appendingPathComponent(name))
        }
        let options = BatchOptions(submissions: submissions, output: folder.appendingPathComponent("out"), track: nil,
                                   format: .json, jobs: 3, shard: nil, force: true)
        let summary = try await BatchGrader(exercise: try RedTeam.exercise(), sandbox: Bubblewrap(), options: options).run()
        let rows = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.id, $0) })
        let empty = try await RedTeam.emptyScore("python")

        #expect(rows.count == honest.count + hostile.count)
        #expect(rows["alice.py"]?.isFullMarks == true, "the reference: \(String(describing: rows["alice.py"]))")
        #expect(rows["bob.py"]?.score == empty)
        for name in hostile {
            #expect((rows[name]?.score ?? .infinity) <= empty, "\(name): \(String(describing: rows[name]))")
        }
    }
}
