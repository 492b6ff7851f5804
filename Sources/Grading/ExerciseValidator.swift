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
    /// Also derive mutants from each reference by operators and grade them (``GeneratedMutantCheck``).
    public var generatedMutants = true
    /// Tracks whose generated mutants are skipped (`LECTERN_SKIP_SWIFT_MUTANTS=1` skips Swift's).
    public var skipGenerated: Set<String> = ProcessInfo.processInfo.environment["LECTERN_SKIP_SWIFT_MUTANTS"] == "1" ? ["swift"] : []
    /// Where the reference's traces and compiled program are kept between checks.
    public var cache: TraceCache = .standard

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
        var grader = Grader(exercise: exercise, track: track, expectations: expectations, sandbox: sandbox)
        // The check is the same on every run: the fixed seeds only, and no shrinking (a
        // mutant either differs from the reference or not).
        grader.differential.freshSeeds = []
        grader.differential.shrink = false
        grader.differential.cache = cache
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
        guard generatedMutants, reference.isFullMarks else { return }
        if skipGenerated.contains(track.name) {
            findings.notes.append("\(exercise.slug)/\(track.name): generated mutants skipped (LECTERN_SKIP_SWIFT_MUTANTS=1)")
            return
        }
        let check = GeneratedMutantCheck(grader: grader, jobs: jobs)
        report(try await check.run(), of: check, display: display, into: &findings)
    }

    /// The generated-mutant score as a note, each survivor's diff after it, and a diagnostic
    /// per survivor (an error), per stale or wrong equivalence entry (a warning).
    private func report(_ outcome: GeneratedMutantCheck.Outcome, of check: GeneratedMutantCheck, display: String,
                        into findings: inout Findings) {
        let track = check.grader.track
        let referencePath = "\(display)/reference/\(track.entry)"
        let equivalencePath = "\(display)/mutants/equivalent.txt"
        let counted = outcome.killed.count + outcome.survivors.count
        let percent = counted == 0 ? 100 : Double(outcome.killed.count) / Double(counted) * 100
        var note = "\(check.grader.exercise.slug)/\(track.name): generated mutants: \(outcome.killed.count) killed of \(counted) "
            + "(\(String(format: "%.1f", percent))%)"
        if !outcome.equivalent.isEmpty { note += ", \(outcome.equivalent.count) marked equivalent" }
        if !outcome.stillborn.isEmpty { note += ", \(outcome.stillborn.count) did not compile or load (not counted)" }
        findings.notes.append(note)
        let reference = check.referenceSource
        for mutant in outcome.survivors {
            findings.notes.append("  survivor, line \(mutant.line) (\(mutant.mutation)):\n"
                + mutant.diff(reference: reference, path: referencePath).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            findings.diagnostics.append(.error(referencePath, (mutant.line, 1),
                "generated mutant survives: \(mutant.key) — add a test that kills it, or mark it in mutants/equivalent.txt with the reason it behaves like the reference"))
        }
        for mutant in outcome.markedButKilled {
            findings.diagnostics.append(.warning(equivalencePath, "'\(mutant.key)' is marked equivalent, but a test kills it: remove the entry"))
        }
        let (equivalents, _) = EquivalentMutants.load(check.equivalenceFile)
        let generated = Set((outcome.killed + outcome.survivors + outcome.stillborn + outcome.equivalent.map(\.0)).map(\.key))
        for entry in equivalents.entries where !generated.contains(entry.key) {
            findings.diagnostics.append(.warning(equivalencePath, (entry.line, 1), "no generated mutant is '\(entry.key)' any more: remove the entry"))
        }
        for problem in outcome.problems {
            findings.diagnostics.append(.error(equivalencePath, problem))
        }
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
        try await Jobs.run(subjects.count, at: jobs) { (index) async throws(GradingError) -> Outcome in
            try await Self.grade(subjects[index], with: grader, builder: builder)
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
