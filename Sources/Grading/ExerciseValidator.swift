import Course
import Foundation
import Sandbox

/// The exercise part of `lectern check`: every track's hidden tests must pass the reference
/// (else an error naming the test) and fail every mutant (else an error naming the mutant
/// that survives). Runs go through the sandbox like any grading.
public struct ExerciseValidator: Sendable {
    public var sandbox: any Sandbox
    /// Gradings run at once.
    public var jobs: Int

    public init(sandbox: any Sandbox, jobs: Int = 2) {
        self.sandbox = sandbox
        self.jobs = max(1, jobs)
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
        let mutantNames = ((try? FileManager.default.contentsOfDirectory(atPath: track.mutants.path)) ?? [])
            .filter { !$0.hasPrefix(".") && ($0 as NSString).pathExtension == track.fileExtension }.sorted()
        let subjects = [track.reference] + mutantNames.map { track.mutants.appendingPathComponent($0) }
        let reports = try await gradeAll(subjects, with: grader)

        let referencePath = "\(display)/reference/\(track.entry)"
        let reference = reports[0]
        if reference.status == .error {
            findings.diagnostics.append(.error(referencePath, "the reference does not compile or load: \(reference.message ?? "")"))
        } else if reference.status != .graded {
            findings.diagnostics.append(.error(referencePath, "the reference hit a limit: \(reference.message ?? reference.status.rawValue)"))
        }
        for test in reference.tests where test.status != .pass && reference.status != .error {
            findings.diagnostics.append(.error(referencePath, "the reference fails hidden test '\(test.id)' (\(test.name)): \(test.message ?? test.status.rawValue)"))
        }
        var killed = 0
        for (name, report) in zip(mutantNames, reports.dropFirst()) {
            let path = "\(display)/mutants/\(name)"
            if report.isFullMarks {
                findings.diagnostics.append(.error(path, "mutant '\(name)' survives: it passes every hidden test (its bug: \(Self.bug(of: track.mutants.appendingPathComponent(name))))"))
                continue
            }
            killed += 1
            if report.status == .error {
                findings.diagnostics.append(.warning(path, "mutant '\(name)' does not compile or load, so it shows nothing about the tests: \(report.message?.split(separator: "\n").first.map(String.init) ?? "")"))
            }
        }
        let percent = mutantNames.isEmpty ? 0 : Int((Double(killed) / Double(mutantNames.count) * 100).rounded())
        findings.notes.append("\(exercise.slug)/\(track.name): reference passes \(reference.passedCount)/\(reference.tests.count) tests; "
            + "mutation score \(killed)/\(mutantNames.count) (\(percent)%)")
    }

    /// Grades the files `jobs` at a time; the reports in the files' order.
    private func gradeAll(_ files: [URL], with grader: Grader) async throws(GradingError) -> [GradingReport] {
        let results: [Result<GradingReport, GradingError>] = await withTaskGroup(of: (Int, Result<GradingReport, GradingError>).self) { group in
            var next = 0
            func start() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask {
                    do throws(GradingError) {
                        return (index, .success(try await grader.grade(try Submission(files[index]))))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for _ in 0..<jobs { start() }
            var collected = [Result<GradingReport, GradingError>?](repeating: nil, count: files.count)
            while let (index, result) = await group.next() {
                collected[index] = result
                start()
            }
            return collected.map { $0! }
        }
        return try results.map { (result) throws(GradingError) in try result.get() }
    }

    /// A mutant's first line, its comment saying what the bug is.
    static func bug(of file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let stripped = first.drop { "#/ ".contains($0) }
        return stripped.isEmpty ? "not described" : String(stripped)
    }
}
