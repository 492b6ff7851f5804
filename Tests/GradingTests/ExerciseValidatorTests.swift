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
        // The mutants' patches no longer apply to this reference; they are not what is tested here.
        try FileManager.default.removeItem(at: copy.appendingPathComponent("python/mutants"))
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
        try Data("""
            Bug: Adds in the other order, which is no bug at all.

            --- reference/adder.py
            +++ mutant/adder.py
            @@ -1,3 +1,3 @@
             def add(a, b):
                 \"\"\"The sum of a and b.\"\"\"
            -    return a + b
            +    return b + a

            """.utf8).write(to: copy.appendingPathComponent("python/mutants/commuted.patch"))
        var exercise = try Fixture.exercise(copy)
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        let error = try #require(findings.diagnostics.first { $0.severity == .error })
        #expect(error.path == "adder/python/mutants/commuted.patch")
        #expect(error.message == "mutant 'commuted.patch' survives: it passes every hidden test (its bug: Adds in the other order, which is no bug at all.)")
        #expect(findings.notes == ["adder/python: reference passes 5/5 tests; mutation score 2/3 (67%)"])
    }

    @Test func aPatchThatNoLongerAppliesIsAnErrorNamingItAndItsFailingHunk() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        // A harmless change to the reference's docstring, which both mutants' hunks expect as it was.
        try Data("def add(a, b):\n    \"\"\"Adds a and b.\"\"\"\n    return a + b\n".utf8)
            .write(to: copy.appendingPathComponent("python/reference/adder.py"))
        var exercise = try Fixture.exercise(copy)
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed()).validate([exercise])
        let errors = findings.diagnostics.filter { $0.severity == .error }.sorted()
        #expect(errors.map(\.path) == ["adder/python/mutants/ignores_floats.patch", "adder/python/mutants/subtracts_negatives.patch"])
        #expect(errors.first?.line == 5, "the failing hunk's @@ line")
        #expect(errors.first?.message == "mutant 'ignores_floats.patch' no longer applies to the reference: Hunk #1 FAILED at 1; 1 out of 1 hunk FAILED")
        #expect(findings.notes == ["adder/python: reference passes 5/5 tests; mutation score 0/2 (0%)"])
    }

    @Test func withoutGNUPatchTheMutantsAreAnErrorSayingWhatToInstall() async throws {
        var exercise = try Fixture.exercise()
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await ExerciseValidator(sandbox: Unsandboxed(), patchPath: "/nonexistent/patch").validate([exercise])
        let errors = findings.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.path == "adder/exercise.yml")
        #expect(errors.first?.message == "cannot build the mutants of track 'python': mutants are built with GNU patch, "
            + "but there is no executable at /nonexistent/patch; install the Debian package `patch`")
        #expect(findings.notes == ["adder/python: reference passes 5/5 tests; mutants not built (no GNU patch)"])
    }

    /// Every patch shipped in the repository (exercises and test fixtures) applies to its
    /// reference with no fuzz, describes its bug on its first line, and changes only code:
    /// it adds no `Bug:` comment to the mutant.
    @Test func everyShippedPatchAppliesToItsReference() async throws {
        var diagnostics: [Diagnostic] = []
        let exercises = ExerciseLoader.loadAll(in: Fixture.repository.appendingPathComponent("exercises"), displayDirectory: "exercises", diagnostics: &diagnostics)
            + [try Fixture.exercise()]
        let tracks = exercises.flatMap(\.tracks)
        #expect(tracks.count >= 4)
        let builder = MutantBuilder(sandbox: Unsandboxed())
        var count = 0
        for track in tracks {
            let reference = try Data(contentsOf: track.reference)
            for patch in track.mutantPatches {
                count += 1
                let text = try String(contentsOf: patch, encoding: .utf8)
                #expect(text.hasPrefix("Bug: "), "\(patch.path) must start with its bug")
                #expect(!text.split(separator: "\n").contains { $0.hasPrefix("+") && $0.contains("Bug:") }, "\(patch.path) adds a Bug comment")
                switch try await builder.build(patch, reference: track.reference) {
                case .success(let mutant): #expect(mutant != reference, "\(patch.path) changes nothing")
                case .failure(let failure): Issue.record("\(patch.path) does not apply: \(failure)")
                }
            }
        }
        #expect(count >= 45 + 3)
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
