import Course
import Foundation
import Sandbox
import Testing
@testable import Grading

@Suite("lectern check runs the hidden tests against references and mutants")
struct ExerciseValidatorTests {
    /// A validator of the hand-written mutants only (the generated ones have tests of their own
    /// below), with no cache shared between runs.
    func validator(patchPath: String = "/usr/bin/patch") -> ExerciseValidator {
        var validator = ExerciseValidator(sandbox: Unsandboxed(), patchPath: patchPath)
        validator.generatedMutants = false
        validator.cache = .none
        return validator
    }

    /// A copy of the fixture exercise, to break on purpose.
    func copyOfFixture() throws -> URL {
        let root = try Fixture.temporaryDirectory()
        let copy = root.appendingPathComponent("adder")
        try FileManager.default.copyItem(at: Fixture.adder, to: copy)
        return copy
    }

    @Test func aSoundExerciseHasNoDiagnosticsAndAFullMutationScore() async throws {
        let findings = await validator().validate([try Fixture.exercise()])
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
        let findings = await validator().validate([exercise])
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
        let findings = await validator().validate([exercise])
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
        let findings = await validator().validate([exercise])
        let errors = findings.diagnostics.filter { $0.severity == .error }.sorted()
        #expect(errors.map(\.path) == ["adder/python/mutants/ignores_floats.patch", "adder/python/mutants/subtracts_negatives.patch"])
        #expect(errors.first?.line == 5, "the failing hunk's @@ line")
        #expect(errors.first?.message == "mutant 'ignores_floats.patch' no longer applies to the reference: Hunk #1 FAILED at 1; 1 out of 1 hunk FAILED")
        #expect(findings.notes == ["adder/python: reference passes 5/5 tests; mutation score 0/2 (0%)"])
    }

    @Test func withoutGNUPatchTheMutantsAreAnErrorSayingWhatToInstall() async throws {
        var exercise = try Fixture.exercise()
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        let findings = await validator(patchPath: "/nonexistent/patch").validate([exercise])
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

    /// Generated mutants of the fixture's references: Python's from the `ast` script, Swift's
    /// compiled together as one schema; the fixture's tests kill them all.
    @Test func theGeneratedMutantsOfEachReferenceAreGradedAndScored() async throws {
        var validator = ExerciseValidator(sandbox: Unsandboxed())
        validator.cache = .none
        let findings = await validator.validate([try Fixture.exercise()])
        #expect(findings.diagnostics.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes.contains("adder/python: generated mutants: 2 killed of 2 (100.0%)"), "\(findings.notes)")
        #expect(findings.notes.contains("adder/swift: generated mutants: 1 killed of 1 (100.0%)"), "\(findings.notes)")
    }

    @Test func aSurvivingGeneratedMutantIsAnErrorWithItsDiffUnlessMarkedEquivalent() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        // A reference with a statement no test can see: its mutants survive.
        try Data("def add(a, b):\n    \"\"\"The sum of a and b.\"\"\"\n    unused = 1\n    return a + b\n".utf8)
            .write(to: copy.appendingPathComponent("python/reference/adder.py"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("python/mutants"))
        var exercise = try Fixture.exercise(copy)
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        var validator = ExerciseValidator(sandbox: Unsandboxed())
        validator.cache = .none
        let findings = await validator.validate([exercise])
        let survivors = findings.diagnostics.filter { $0.severity == .error }
        #expect(survivors.map(\.message).contains("generated mutant survives: statement in add: unused = 1 ⇒ pass — add a test that kills it, or mark it in mutants/equivalent.txt with the reason it behaves like the reference"), "\(survivors)")
        #expect(survivors.allSatisfy { $0.path == "adder/python/reference/adder.py" && $0.line == 3 })
        #expect(findings.notes.contains { $0.contains("-    unused = 1") && $0.contains("+    pass") }, "\(findings.notes)")

        try FileManager.default.createDirectory(at: copy.appendingPathComponent("python/mutants"), withIntermediateDirectories: true)
        let keys = survivors.compactMap { $0.message.split(separator: ": ", maxSplits: 1).last?.components(separatedBy: " — ").first }
        try Data(keys.map { "mutant: \($0)\nreason: unused is never read.\n" }.joined(separator: "\n").utf8)
            .write(to: copy.appendingPathComponent("python/mutants/equivalent.txt"))
        let marked = await validator.validate([try Fixture.exercise(copy)].map { var e = $0; e.tracks = e.tracks.filter { $0.name == "python" }; return e })
        #expect(marked.diagnostics.filter { $0.severity == .error && $0.message.contains("generated") }.isEmpty, "\(marked.diagnostics)")
        #expect(marked.notes.contains { $0.contains("marked equivalent") }, "\(marked.notes)")
    }

    /// The real exercise, Python track: 40-odd scenarios and the fixed seeds' random sequences
    /// against the reference, every hand-written mutant and every generated one.
    @Test func theCircuitBreakerPythonTrackIsSound() async throws {
        var exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        exercise.tracks = exercise.tracks.filter { $0.name == "python" }
        var validator = ExerciseValidator(sandbox: Unsandboxed())
        validator.cache = .none
        let findings = await validator.validate([exercise])
        #expect(findings.diagnostics.filter { $0.severity == .error }.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes.first?.contains("(100%)") == true, "\(findings.notes)")
        #expect(findings.notes.contains { $0.contains("generated mutants:") && $0.contains("(100.0%)") }, "\(findings.notes)")
    }

    /// The real exercise, Swift track: one compile per hand-written mutant and one for the
    /// generated mutants' schema, the slowest test here (a few minutes on two cores).
    /// LECTERN_SKIP_SWIFT_MUTANTS=1 skips it for quick local runs.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LECTERN_SKIP_SWIFT_MUTANTS"] != "1"))
    func theCircuitBreakerSwiftTrackIsSound() async throws {
        var exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        exercise.tracks = exercise.tracks.filter { $0.name == "swift" }
        var validator = ExerciseValidator(sandbox: Unsandboxed())
        validator.cache = .none
        validator.skipGenerated = []
        let findings = await validator.validate([exercise])
        #expect(findings.diagnostics.filter { $0.severity == .error }.isEmpty, "\(findings.diagnostics)")
        #expect(findings.notes.first?.contains("(100%)") == true, "\(findings.notes)")
        #expect(findings.notes.contains { $0.contains("generated mutants:") && $0.contains("(100.0%)") }, "\(findings.notes)")
    }
}
