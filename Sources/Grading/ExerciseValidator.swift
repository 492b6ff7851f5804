import Course
import Foundation
import Sandbox

/// The exercise part of `lectern check`: every track's hidden tests must pass the reference
/// (else an error naming the test) and fail every mutant (else an error naming the mutant
/// that survives). A mutant is a patch against the reference (`mutants/*.patch`), built with
/// ``MutantBuilder``; one that no longer applies is an error naming it. Runs go through the
/// sandbox like any grading.
public struct ExerciseValidator: Sendable {
    public var sandbox: any Sandbox
    /// Gradings run at once.
    public var jobs: Int
    /// GNU patch, which builds each mutant from its patch (see ``MutantBuilder``).
    public var patchPath: String

    public init(sandbox: any Sandbox, jobs: Int = 2, patchPath: String = "/usr/bin/patch") {
        self.sandbox = sandbox
        self.jobs = max(1, jobs)
        self.patchPath = patchPath
    }

    /// What validation found: diagnostics, and one note line per track with its mutation score.
    public struct Findings: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var notes: [String] = []

        public init() {}
    }

    public func validate(_ exercises: [Exercise]) async -> Findings {
        var findings = Findings()
        for exercise in exercises {
            for track in exercise.tracks.sorted(by: { $0.name < $1.name }) {
                do throws(GradingError) {
                    try await validate(track, of: exercise, into: &findings)
                } catch {
                    let path = "\(exercise.displayDirectory)/exercise.yml"
                    findings.diagnostics.append(.error(path, "cannot check track '\(track.name)': \(error)"))
                    if case .sandbox = error { return findings }
                }
            }
        }
        return findings
    }

    private func validate(_ track: Track, of exercise: Exercise, into findings: inout Findings) async throws(GradingError) {
        let display = "\(exercise.displayDirectory)/\(track.name)"
        let required = [track.reference, track.harness, track.expectations]
        guard required.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else { return }
        var diagnostics: [Diagnostic] = []
        guard let expectations = ExpectationsLoader.load(track.expectations, displayPath: "\(display)/tests/expectations.json",
                                                         groups: exercise.groups, diagnostics: &diagnostics) else {
            findings.diagnostics += diagnostics
            return
        }
        let grader = Grader(exercise: exercise, track: track, expectations: expectations, sandbox: sandbox)
        let builder = MutantBuilder(sandbox: sandbox, patchPath: patchPath)
        var patches = track.mutantPatches
        let unbuilt = !patches.isEmpty && !builder.isAvailable
        if unbuilt {
            findings.diagnostics.append(.error("\(exercise.displayDirectory)/exercise.yml",
                "cannot build the mutants of track '\(track.name)': \(MutantBuilder.Failure.patchMissing(path: patchPath))"))
            patches = []
        }
        let outcomes = try await gradeAll([.file(track.reference)] + patches.map(Subject.mutant), with: grader, builder: builder)

        let referencePath = "\(display)/reference/\(track.entry)"
        guard case .graded(let reference) = outcomes[0] else { return }
        if reference.status == .error {
            findings.diagnostics.append(.error(referencePath, "the reference does not compile or load: \(reference.message ?? "")"))
        } else if reference.status != .graded {
            findings.diagnostics.append(.error(referencePath, "the reference hit a limit: \(reference.message ?? reference.status.rawValue)"))
        }
        for test in reference.tests where test.status != .pass && reference.status != .error {
            findings.diagnostics.append(.error(referencePath, "the reference fails hidden test '\(test.id)' (\(test.name)): \(test.message ?? test.status.rawValue)"))
        }
        var killed = 0
        for (patch, outcome) in zip(patches, outcomes.dropFirst()) {
            let name = patch.lastPathComponent
            let path = "\(display)/mutants/\(name)"
            switch outcome {
            case .notBuilt(let failure):
                let line = if case .doesNotApply(_, let line) = failure { line } else { 1 }
                findings.diagnostics.append(.error(path, (line, 1), "mutant '\(name)' no longer applies to the reference: \(failure)"))
            case .graded(let report) where report.isFullMarks:
                findings.diagnostics.append(.error(path, "mutant '\(name)' survives: it passes every hidden test (its bug: \(MutantBuilder.bug(of: patch)))"))
            case .graded(let report):
                killed += 1
                if report.status == .error {
                    findings.diagnostics.append(.warning(path, "mutant '\(name)' does not compile or load, so it shows nothing about the tests: \(report.message?.split(separator: "\n").first.map(String.init) ?? "")"))
                }
            }
        }
        let percent = patches.isEmpty ? 0 : Int((Double(killed) / Double(patches.count) * 100).rounded())
        findings.notes.append("\(exercise.slug)/\(track.name): reference passes \(reference.passedCount)/\(reference.tests.count) tests; "
            + (unbuilt ? "mutants not built (no GNU patch)" : "mutation score \(killed)/\(patches.count) (\(percent)%)"))
    }

    /// What is graded: the reference itself, or the mutant a patch makes of it.
    private enum Subject: Sendable {
        case file(URL)
        case mutant(URL)
    }

    /// What became of a subject: its report, or why its patch gave no mutant.
    private enum Outcome: Sendable {
        case graded(GradingReport)
        case notBuilt(MutantBuilder.Failure)
    }

    /// Builds and grades the subjects `jobs` at a time; the outcomes in the subjects' order.
    private func gradeAll(_ subjects: [Subject], with grader: Grader, builder: MutantBuilder) async throws(GradingError) -> [Outcome] {
        let results: [Result<Outcome, GradingError>] = await withTaskGroup(of: (Int, Result<Outcome, GradingError>).self) { group in
            var next = 0
            func start() {
                guard next < subjects.count else { return }
                let index = next
                next += 1
                // The child never builds its tuple around a `try await`: Swift 6.3.1's LLVM dead
                // store elimination dropped the store of `index` into such a closure's result
                // in release builds, so every outcome came back as index 0 (the SIGILL of
                // `lectern check` in release). `settle` returns a Result and cannot throw.
                group.addTask {
                    (index, await Self.settle(subjects[index], with: grader, builder: builder))
                }
            }
            for _ in 0..<jobs { start() }
            var collected = [Result<Outcome, GradingError>?](repeating: nil, count: subjects.count)
            while let (index, result) = await group.next() {
                collected[index] = result
                start()
            }
            return collected.map { $0! }
        }
        return try results.map { (result) throws(GradingError) in try result.get() }
    }

    /// ``grade(_:with:builder:)`` with its error as a value.
    private static func settle(_ subject: Subject, with grader: Grader, builder: MutantBuilder) async -> Result<Outcome, GradingError> {
        do throws(GradingError) {
            return .success(try await grade(subject, with: grader, builder: builder))
        } catch {
            return .failure(error)
        }
    }

    /// Grades one subject; a mutant is first built into a temporary folder, as
    /// `<patch name>.<ext>` so compiler messages name the mutant, and removed after.
    private static func grade(_ subject: Subject, with grader: Grader, builder: MutantBuilder) async throws(GradingError) -> Outcome {
        switch subject {
        case .file(let url):
            return .graded(try await grader.grade(try Submission(url)))
        case .mutant(let patch):
            switch try await builder.build(patch, reference: grader.track.reference) {
            case .failure(let failure):
                return .notBuilt(failure)
            case .success(let source):
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-mutant-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent(patch.deletingPathExtension().lastPathComponent)
                    .appendingPathExtension(grader.track.fileExtension)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try source.write(to: file)
                } catch {
                    throw .sandbox(.hostFailure("cannot write the mutant \(file.path): \(error.localizedDescription)"))
                }
                return .graded(try await grader.grade(try Submission(file)))
            }
        }
    }
}
