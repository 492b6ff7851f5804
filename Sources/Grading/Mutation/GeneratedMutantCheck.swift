import Course
import Foundation
import Sandbox

/// The generated-mutant part of `lectern check` (docs/grading-protocol.md, Generated mutants):
/// mutants derived from a track's reference by operators are graded like submissions (the
/// named tests and the differential scenarios of the fixed seeds); each must fail a test or
/// be marked equivalent, with a reason, in `mutants/equivalent.txt`. Python mutants come from
/// the standard `ast` module (a script run in the sandbox), Swift ones from the reference's
/// tokens, all compiled at once as a mutant schema.
struct GeneratedMutantCheck: Sendable {
    var grader: Grader
    var jobs: Int

    /// What became of the generated mutants of one track.
    struct Outcome: Sendable {
        var killed: [GeneratedMutant] = []
        var survivors: [GeneratedMutant] = []
        var equivalent: [(GeneratedMutant, String)] = []
        /// Mutants that did not compile or load: they show nothing about the tests.
        var stillborn: [GeneratedMutant] = []
        /// Killed mutants the equivalence file calls equivalent.
        var markedButKilled: [GeneratedMutant] = []
        var problems: [String] = []
    }

    var equivalenceFile: URL { grader.track.mutants.appendingPathComponent("equivalent.txt") }

    func run() async throws(GradingError) -> Outcome {
        var outcome = Outcome()
        let (equivalents, problems) = EquivalentMutants.load(equivalenceFile)
        outcome.problems = problems.map { "line \($0.line): \($0.message)" }
        let graded: [(GeneratedMutant, GradingReport?)]
        if grader.track.compile == nil {
            graded = try await gradeSources(GeneratedMutant.numbered(try await pythonMutants()))
        } else {
            graded = try await gradeSchema(SwiftMutants(source: referenceSource))
        }
        for (mutant, report) in graded {
            let reason = equivalents.reason(for: mutant)
            guard let report, report.status != .error else {
                outcome.stillborn.append(mutant)
                continue
            }
            if report.isFullMarks {
                if let reason { outcome.equivalent.append((mutant, reason)) } else { outcome.survivors.append(mutant) }
            } else {
                outcome.killed.append(mutant)
                if reason != nil { outcome.markedButKilled.append(mutant) }
            }
        }
        return outcome
    }

    var referenceSource: String {
        (try? String(contentsOf: grader.track.reference, encoding: .utf8)) ?? ""
    }

    /// The Python mutants of the reference, from the `ast` script run in the sandbox.
    func pythonMutants() async throws(GradingError) -> [GeneratedMutant] {
        let request = RunRequest(
            argv: ["python3", "-I", "-S", "mutants.py"], files: ["mutants.py": .data(Data(PythonMutantScript.source.utf8))],
            stdin: (try? Data(contentsOf: grader.track.reference)) ?? Data(),
            limits: Limits(wallSeconds: 60, cpuSeconds: 60, memoryBytes: 512 << 20, processes: 16, outputBytes: 64 << 20,
                           diskBytes: 32 << 20))
        let result = try await grader.run(request)
        return String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard case .object(let fields)? = JSONValue.parse(Data(line.utf8)),
                  let mutation = fields["operator"]?.string, let number = fields["line"]?.number, let scope = fields["scope"]?.string,
                  let before = fields["before"]?.string, let after = fields["after"]?.string,
                  let source = fields["source"]?.string else { return nil }
            return GeneratedMutant(mutation: mutation, scope: scope, line: Int(number), before: before, after: after, source: source)
        }
    }

    /// Grades each mutant from its own source, `jobs` at a time.
    private func gradeSources(_ mutants: [GeneratedMutant]) async throws(GradingError) -> [(GeneratedMutant, GradingReport?)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .sandbox(.hostFailure("cannot write generated mutants to \(folder.path): \(error.localizedDescription)"))
        }
        let grader = self.grader
        let reports = try await Jobs.run(mutants.count, at: jobs) { (index) async throws(GradingError) -> GradingReport? in
            let file = folder.appendingPathComponent("mutant-\(index)").appendingPathComponent(grader.track.entry)
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(mutants[index].source.utf8).write(to: file)
            } catch {
                throw .sandbox(.hostFailure("cannot write a generated mutant to \(file.path): \(error.localizedDescription)"))
            }
            return try await grader.grade(try Submission(file), id: "generated mutant \(index + 1)")
        }
        return Array(zip(mutants, reports))
    }

    /// Compiles the schema once (dropping points whose schema form does not compile, from the
    /// compiler's own line numbers), then runs every mutant by its number.
    private func gradeSchema(_ generator: SwiftMutants) async throws(GradingError) -> [(GeneratedMutant, GradingReport?)] {
        var generator = generator
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(grader.track.entry)
        var prepared: Grader.PreparedRun?
        for _ in 0..<4 {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(generator.schema.utf8).write(to: file)
            } catch {
                throw .sandbox(.hostFailure("cannot write the mutant schema to \(file.path): \(error.localizedDescription)"))
            }
            switch try await grader.prepare(try Submission(file)) {
            case .success(let run):
                prepared = run
            case .failure(let failure):
                let lines = Self.errorLines(failure.message, file: grader.track.entry)
                guard generator.dropPoints(onSchemaLines: Set(lines)) > 0 else { break }
                continue
            }
            break
        }
        let mutants = GeneratedMutant.numbered(generator.mutants)
        guard let prepared else { return mutants.map { ($0, nil) } }
        let grader = self.grader
        let start = ContinuousClock.now
        let reports = try await Jobs.run(mutants.count, at: jobs) { (index) async throws(GradingError) -> GradingReport? in
            var run = prepared
            run.environment["LECTERN_MUTANT"] = String(mutants[index].schemaID ?? 0)
            return try await grader.grade(.success(run), id: "generated mutant \(index + 1)", learnerFile: grader.track.entry,
                                          start: start)
        }
        return Array(zip(mutants, reports))
    }

    /// The schema lines (1-based) the compiler reports errors on, from its message.
    static func errorLines(_ message: String, file: String) -> [Int] {
        message.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: file + ":"), line.contains("error:") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}
