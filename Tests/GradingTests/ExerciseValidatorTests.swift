import Course
import Foundation
import Sandbox
import Testing
@testable import Grading

@Suite("lectern check runs the hidden tests against references and mutants")
struct ExerciseValidatorTests {
    /// A copy of the fixture exercise, to break on purpose.
    func copyOfFixture() throws -> URL {
        let root = try Fixture.temporaryDirectory()
        let copy = root.appendingPathComponent("adder")
        try FileManager.default.copyItem(at: Fixture.adder, to: copy)
        return copy
    }

    @Test func aSoundExerciseHasNoDiagnosticsAndAFullMutationScore() async throws {
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([try Fixture.exercise()])
        #expect(findings.diagnostics.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes == [
            "adder/python: reference passes 5/5 tests; mutation score 2/2 (100%)",
            "adder/swift: reference passes 3/3 tests; mutation score 1/1 (100%)",
        ])
    }

    @Test func aReferenceFailingATestIsAnErrorNamingTheTest() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try Data("def add(a, b):\n    return int(a + b)\n".utf8).write(to: copy.appendingPathComponent("python/reference/adder.py"))
        var exercise = try Fixture.exercise(copy)
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        let errors = findings.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.path == "adder/python/reference/adder.py")
        #expect(errors.first?.message.contains("fails hidden test 'floats' (Floats add up to within rounding)") == true)
    }

    @Test func aSurvivingMutantIsAnErrorNamingItAndItsBug() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try Data("# Adds in the other order, which is no bug at all.\ndef add(a, b):\n    return b + a\n".utf8)
            .write(to: copy.appendingPathComponent("python/mutants/commuted.py"))
        var exercise = try Fixture.exercise(copy)
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        let error = try #require(findings.diagnostics.first { $0.severity == .error })
        #expect(error.path == "adder/python/mutants/commuted.py")
        #expect(error.message == "mutant 'commuted.py' survives: it passes every hidden test (its bug: Adds in the other order, which is no bug at all.)")
        #expect(findings.notes == ["adder/python: reference passes 5/5 tests; mutation score 2/3 (67%)"])
    }

    /// The real exercise, Python track: 40-odd scenarios against the reference and every mutant.
    @Test func theCircuitBreakerPythonTrackIsSound() async throws {
        var exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        #expect(findings.diagnostics.filter { $0.severity == .error }.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes.first?.contains("(100%)") == true, "\(findings.notes)")
    }

    /// The real exercise, Swift track: one compile per mutant, the slowest test here (about a
    /// minute on two cores). LECTERN_SKIP_SWIFT_MUTANTS=1 skips it for quick local runs.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LECTERN_SKIP_SWIFT_MUTANTS"] != "1"))
    func theCircuitBreakerSwiftTrackIsSound() async throws {
        var exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        exercise.tracks = exercise.tracks.filter { $0.name == "swift" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        #expect(findings.diagnostics.filter { $0.severity == .error }.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes.first?.contains("(100%)") == true, "\(findings.notes)")
    }
}
