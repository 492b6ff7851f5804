import Course
import Foundation
import Sandbox
import Testing
@testable import Grading

/// Fixtures/independent-bugs: a circuit breaker written from the exercise README alone, and
/// copies of it that each break one rule the README states (a small change each, chosen rule
/// by rule, not from the hidden tests). None may score full marks; the correct one must, with
/// the reference's random sequences and all. The fixed seeds only, so the result is the same
/// on every run.
@Suite(.serialized) struct IndependentBugsTests {
    static let corpus = Fixture.folder.appendingPathComponent("independent-bugs")

    static func files(_ track: String, _ ext: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(track).path)) ?? [])
            .filter { $0.hasSuffix("." + ext) && $0 != "correct.\(ext)" }.sorted()
    }

    /// A grader of the fixed seeds only; shrinking only where a test looks at the scenario.
    static func grader(_ track: String, differential: Bool = true, shrink: Bool = false) throws -> Grader {
        let exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        var grader = try Grader(exercise: exercise, track: try #require(exercise.track(named: track)), sandbox: Unsandboxed())
        grader.differential.freshSeeds = []
        grader.differential.enabled = differential
        grader.differential.shrink = shrink
        grader.differential.cache = .none
        return grader
    }

    static func grade(_ track: String, _ name: String, with grader: Grader) async throws -> GradingReport {
        try await grader.grade(try Submission(corpus.appendingPathComponent(track).appendingPathComponent(name)))
    }

    @Test func thereAreAtLeastFifteenPythonBugsAndTenSwiftOnes() {
        #expect(Self.files("python", "py").count >= 15)
        #expect(Self.files("swift", "swift").count >= 10)
    }

    @Test func theCorrectPythonSolutionScoresFullMarks() async throws {
        let report = try await Self.grade("python", "correct.py", with: try Self.grader("python"))
        #expect(report.isFullMarks, "\(report.tests.filter { $0.status != .pass }.map { "\($0.id): \($0.message ?? "")" })")
        #expect(report.differential?.diverged == 0)
    }

    @Test(arguments: files("python", "py"))
    func noPythonBugScoresFullMarks(_ name: String) async throws {
        let report = try await Self.grade("python", name, with: try Self.grader("python"))
        #expect(report.status == .graded)
        #expect(!report.isFullMarks, "\(name) scored \(report.score)")
    }

    /// A bug only a random sequence shows is reported as a short sequence, step by step, and
    /// fails the test of the rule it breaks (here H1, probe admission).
    @Test func aDifferenceIsShrunkToAFewStepsAndFailsTheTestOfItsRule() async throws {
        let report = try await Self.grade("python", "03_probe_slots_ignore_successes.py", with: try Self.grader("python", shrink: true))
        let failed = report.tests.filter { $0.status != .pass }
        #expect(failed.map(\.id) == ["half_open_probe_limit"])
        let scenario = try #require(failed.first?.scenario)
        let steps = scenario.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }
        #expect(scenario.contains("shrunk from"), "\(scenario)")
        #expect((2...10).contains(steps.count), "\(scenario)")
        #expect(failed.first?.message?.contains("expected \"raised CircuitBreakerError\", got \"running\"") == true, "\(failed)")
    }

    /// What the differential scenarios add: the named tests alone let some of these bugs through.
    @Test func theNamedTestsAloneMissSomePythonBugs() async throws {
        let grader = try Self.grader("python", differential: false)
        var missed: [String] = []
        for name in Self.files("python", "py") where try await Self.grade("python", name, with: grader).isFullMarks {
            missed.append(name)
        }
        #expect(!missed.isEmpty, "every bug is caught without random sequences too")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LECTERN_SKIP_SWIFT_MUTANTS"] != "1"))
    func theCorrectSwiftSolutionScoresFullMarksAndNoSwiftBugDoes() async throws {
        let grader = try Self.grader("swift")
        let correct = try await Self.grade("swift", "correct.swift", with: grader)
        #expect(correct.isFullMarks, "\(correct.tests.filter { $0.status != .pass }.map { "\($0.id): \($0.message ?? "")" })")
        for name in Self.files("swift", "swift") {
            let report = try await Self.grade("swift", name, with: grader)
            #expect(report.status == .graded, "\(name): \(report.message ?? "")")
            #expect(!report.isFullMarks, "\(name) scored \(report.score)")
        }
    }
}
