import Foundation
import Sandbox

/// Judging differential scenarios (docs/grading-protocol.md, Differential scenarios): each
/// submission trace is compared with the reference's, outside the sandbox; a diverging
/// program is shrunk to a minimal one and fails the test its first difference breaks (the
/// reference's harness names it for each step), else the exercise's differential test.
extension Grader {
    /// What the differential scenarios decided.
    struct DifferentialJudgement: Sendable {
        /// Verdicts for the tests the differences break (and the differential test's own).
        var verdicts: [String: TestVerdict] = [:]
        var warnings: [String] = []
        var compared = 0
        var diverged = 0
    }

    /// One scenario on which the submission differs from the reference.
    struct Finding: Sendable {
        /// The seed it came from (the report names it so it can be replayed).
        var seed: UInt64?
        /// The reference's trace of the (possibly shrunk) program.
        var reference: Trace
        var problem: Problem
        /// Steps of the program before shrinking.
        var originalSteps: Int

        enum Problem: Sendable, Equatable {
            /// The traces differ here.
            case differs(Divergence)
            /// The submission's run of the program ended in an error record (a hang, say).
            case raised(String)
        }

        /// The hidden test the first difference breaks, as the reference's step names it.
        var test: String? {
            guard case .differs(let divergence) = problem, divergence.step < reference.steps.count else { return nil }
            return reference.steps[divergence.step].test
        }
    }

    /// The reference's traces for a plan, or none when there is no plan.
    func referenceTraces(_ plan: DifferentialPlan?) async -> Result<[String: ReferenceOracle.Outcome], GradingError> {
        guard let plan else { return .success([:]) }
        return await oracle.traces(of: plan, grader: self)
    }

    /// `failing`: the tests that fail on their own checks; a difference they explain costs
    /// nothing more and is not reported again. At most `differential.reported` differences
    /// are reported, each failing a different test, the first ones in seed order.
    func judgeDifferential(_ plan: DifferentialPlan, reading: ChannelReading, references: [String: ReferenceOracle.Outcome],
                           prepared: PreparedRun, limited: Bool, failing: Set<String>, learnerFile: String)
        async throws(GradingError) -> DifferentialJudgement {
        guard let settings = exercise.differential else { return DifferentialJudgement() }
        var judgement = DifferentialJudgement()
        var findings: [Finding] = []
        var referenceFailures: [String] = []
        for item in plan.items {
            guard case .trace(let reference)? = references[item.id] else {
                if case .failed(let why)? = references[item.id] { referenceFailures.append(why) }
                continue
            }
            guard !reference.ambiguous else { continue }
            let seed: UInt64? = if case .seed(let seed) = item.source { seed } else { nil }
            let problem: Finding.Problem
            switch reading.outcomes[item.id] {
            case .observed(let observations)?:
                judgement.compared += 1
                guard let trace = Trace(observations: observations) else {
                    findings.append(Finding(seed: seed, reference: reference, problem: .raised("the run's record of this sequence holds no trace"),
                                            originalSteps: reference.steps.count))
                    continue
                }
                guard let divergence = reference.firstDivergence(from: trace) else { continue }
                problem = .differs(divergence)
            case .raised(let error)?:
                judgement.compared += 1
                problem = .raised(Judge.describe(error, learnerFile: learnerFile))
            case nil:
                // A run stopped by a limit: the named tests already say so.
                if limited { continue }
                problem = .raised("the run reported nothing for this sequence")
            }
            findings.append(Finding(seed: seed, reference: reference, problem: problem, originalSteps: reference.steps.count))
        }
        if let first = referenceFailures.first {
            judgement.warnings.append("the reference gave no trace for \(referenceFailures.count) random sequence(s), which were left out: \(first)")
        }
        judgement.diverged = findings.count
        let known = Set(expectations.ids)
        func target(_ finding: Finding) -> String {
            finding.test.flatMap { known.contains($0) ? $0 : nil } ?? settings.testID
        }
        var reported: Set<String> = failing
        for var finding in findings where judgement.verdicts.count < differential.reported {
            guard !reported.contains(target(finding)) else { continue }
            if differential.shrink, case .differs = finding.problem {
                finding = try await shrink(finding, prepared: prepared)
            }
            let test = target(finding)
            guard reported.insert(test).inserted else { continue }
            let text = ScenarioText(finding: finding)
            judgement.verdicts[test] = TestVerdict(status: .fail, message: text.message, scenario: text.scenario)
        }
        if judgement.verdicts[settings.testID] == nil {
            judgement.verdicts[settings.testID] = judgement.compared > 0
                ? TestVerdict(status: .pass)
                : TestVerdict(status: .error, message: "no random sequence could be compared with the reference")
        }
        return judgement
    }

    /// The smallest program found that still makes the submission differ from the reference:
    /// the program is cut after its first difference, then each round tries, in one run of
    /// each side, every program with one operation or one block of operations left out, and
    /// keeps the shortest that still differs (the same test broken, when one does), until no
    /// single operation can go.
    func shrink(_ finding: Finding, prepared: PreparedRun) async throws(GradingError) -> Finding {
        guard case .differs(let divergence) = finding.problem, case .object(let program)? = finding.reference.program,
              case .array(let allOperations)? = program["ops"] else { return finding }
        var best = finding
        var operations = Array(allOperations.prefix(divergence.step + 1))
        best.reference.steps = Array(finding.reference.steps.prefix(divergence.step + 1))
        best.reference.program = .object(program.merging(["ops": .array(operations)]) { $1 })
        let wanted = finding.test
        for _ in 0..<12 {
            let candidates = Self.shrinkCandidates(operations)
            guard !candidates.isEmpty else { break }
            let plan = DifferentialPlan(programs: candidates.map { .object(program.merging(["ops": .array($0)]) { $1 }) })
            async let theirs = oracle.run(plan, grader: self)
            let nonce = Self.nonce()
            let mine = await settle(prepared, argv: track.run + plan.ids, stdin: nonce + "\n" + plan.requestLine(annotate: false) + "\n",
                                    programs: plan.items.count)
            let references = try await theirs.get()
            let result = try mine.get()
            let reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(plan.ids))
            var chosen: (finding: Finding, operations: [JSONValue], sameTest: Bool)?
            for (index, item) in plan.items.enumerated() {
                guard case .trace(let reference)? = references[item.id], !reference.ambiguous,
                      case .observed(let observations)? = reading.outcomes[item.id], let trace = Trace(observations: observations),
                      let found = reference.firstDivergence(from: trace) else { continue }
                var candidate = Finding(seed: finding.seed, reference: reference, problem: .differs(found), originalSteps: finding.originalSteps)
                candidate.reference.steps = Array(reference.steps.prefix(found.step + 1))
                let kept = Array(candidates[index].prefix(found.step + 1))
                candidate.reference.program = .object(program.merging(["ops": .array(kept)]) { $1 })
                let sameTest = candidate.test == wanted
                if let current = chosen, (current.sameTest && !sameTest)
                    || (current.sameTest == sameTest && current.operations.count <= kept.count) {
                    continue
                }
                chosen = (candidate, kept, sameTest)
            }
            guard let chosen, chosen.operations.count < operations.count else { break }
            best = chosen.finding
            operations = chosen.operations
        }
        return best
    }

    /// The programs one round of shrinking tries: blocks of halves, quarters, … and single
    /// operations left out, never the last operation (the one whose step differs), at most 96.
    static func shrinkCandidates(_ operations: [JSONValue]) -> [[JSONValue]] {
        let removable = operations.count - 1
        guard removable > 0 else { return [] }
        var removals: [Range<Int>] = []
        var size = removable / 2
        while size >= 2 {
            for start in stride(from: 0, to: removable, by: size) {
                removals.append(start..<min(start + size, removable))
            }
            size /= 2
        }
        removals += (0..<removable).map { $0..<($0 + 1) }
        var seen: Set<Range<Int>> = []
        return removals.filter { seen.insert($0).inserted }.prefix(96).map { range in
            Array(operations[..<range.lowerBound] + operations[range.upperBound...])
        }
    }
}
