import Course
import Foundation
import Grading
import Sandbox
import Testing

/// A submission that never finishes loading has two clocks racing to stop it (issue 11,
/// item 14): the harness's own import budget (5 s, a SIGALRM inside the sandbox) and the
/// sandbox's wall time. Whichever stops it, the run ends as `timeout`, so a fork bomb, which
/// lets either win depending on where Python handles the alarm, ends the same way every run.
///
/// The wall time here (7 s) is longer than the import budget, as the exercise's own 10 s is,
/// so both clocks can fire; the red team's 4 s would let only the sandbox's.
@Suite(.serialized) struct HangAtImportTests {
    static var limits: ExerciseLimits {
        var limits = RedTeam.limits
        limits.wallSeconds = 7
        limits.cpuSeconds = 10
        return limits
    }

    func grade(_ source: String) async throws -> GradingReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("circuit_breaker.py")
        try Data(source.utf8).write(to: file)
        var exercise = try RedTeam.exercise()
        exercise.limits = Self.limits
        let submission = try Submission(file)
        let track = try ExerciseLocator.track(nil, of: exercise, for: submission)
        return try await Grader(exercise: exercise, track: track, sandbox: Bubblewrap()).grade(submission)
    }

    @Test func aLoopAtImportStoppedByTheHarnessImportBudgetIsTimeout() async throws {
        let report = try await grade("while True:\n    pass\n")
        #expect(report.status == .timeout, "\(report.status): \(report.message ?? "")")
        // The harness's message, not the sandbox's: its budget, not the wall, stopped the run.
        let message = report.message ?? ""
        #expect(message.hasPrefix("circuit_breaker.py:"), "the learner's line: \(message)")
        #expect(message.contains("importing the submission took longer than"), "\(message)")
        #expect(report.score == 0)
    }

    @Test func aLoopAtImportThatSwallowsTheHarnessAlarmIsTimeoutAtTheWall() async throws {
        let report = try await grade("import time\nwhile True:\n    try:\n        time.sleep(1)\n    except BaseException:\n        pass\n")
        #expect(report.status == .timeout, "\(report.status): \(report.message ?? "")")
        #expect(report.duration >= Self.limits.wallSeconds)
        #expect(report.score == 0)
    }

    @Test func aForkBombEndsWithTheSameStatusEveryRun() async throws {
        let bomb = try String(contentsOf: RedTeam.fixtures.appendingPathComponent("python/fork_flood.py"), encoding: .utf8)
        var seen: [GradeStatus: Int] = [:]
        for _ in 0..<4 {
            let report = try await grade(bomb)
            seen[report.status, default: 0] += 1
            #expect(report.score == 0)
        }
        #expect(seen == [.timeout: 4], "statuses of 4 runs: \(seen)")
    }
}
