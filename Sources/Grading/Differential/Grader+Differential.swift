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
        /// Whether the program is a shrunk one.
        var shrunk = false

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
                           prepared: PreparedRun, limited: Bool, failing: Set<String>, learnerFile: String,
                           deadline: ContinuousClock.Instant) async throws(GradingError) -> DifferentialJudgement {
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
                finding = try await shrink(finding, prepared: prepared, deadline: deadline)
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
    /// each side, every program with one operation or one block of operations left out, keeps
    /// the shortest that still differs (the same test broken, when one does), and tries at
    /// once leaving out every single operation that could go alone; until no single operation
    /// can go, eight rounds, or the `deadline` (each run gets only the time left until it, and
    /// a run the submission does not finish ends the shrinking).
    func shrink(_ finding: Finding, prepared: PreparedRun, deadline: ContinuousClock.Instant) async throws(GradingError) -> Finding {
        guard case .differs(let divergence) = finding.problem, case .object(let program)? = finding.reference.program,
              case .array(let allOperations)? = program["ops"] else { return finding }
        var best = finding
        best.shrunk = true
        var operations = Array(allOperations.prefix(divergence.step + 1))
        best.reference.steps = Array(finding.reference.steps.prefix(divergence.step + 1))
        best.reference.program = .object(program.merging(["ops": .array(operations)]) { $1 })
        let wanted = finding.test
        /// Runs candidate programs on both sides; those that still differ, as findings with
        /// their programs cut after the difference, and whether they break the same test.
        var exhausted = false
        func attempt(_ candidates: [[JSONValue]]) async throws(GradingError) -> [Int: (finding: Finding, operations: [JSONValue])] {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .milliseconds(200) else {
                exhausted = true
                return [:]
            }
            let plan = DifferentialPlan(programs: candidates.map { .object(program.merging(["ops": .array($0)]) { $1 }) })
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            async let theirs = oracle.run(plan, grader: self, wallSeconds: seconds)
            let nonce = Self.nonce()
            let mine = await settle(prepared, argv: track.run + plan.ids, stdin: nonce + "\n" + plan.requestLine(annotate: false) + "\n",
                                    programs: plan.items.count, wallSeconds: seconds)
            let references = try await theirs.get()
            let result = try mine.get()
            if !result.termination.isSuccess { exhausted = true }
            let reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(plan.ids))
            var found: [Int: (finding: Finding, operations: [JSONValue])] = [:]
            for (index, item) in plan.items.enumerated() {
                guard case .trace(let reference)? = references[item.id], !reference.ambiguous,
                      case .observed(let observations)? = reading.outcomes[item.id], let trace = Trace(observations: observations),
                      let difference = reference.firstDivergence(from: trace) else { continue }
                var candidate = Finding(seed: finding.seed, reference: reference, problem: .differs(difference),
                                        originalSteps: finding.originalSteps, shrunk: true)
                candidate.reference.steps = Array(reference.steps.prefix(difference.step + 1))
                let kept = Array(candidates[index].prefix(difference.step + 1))
                candidate.reference.program = .object(program.merging(["ops": .array(kept)]) { $1 })
                found[index] = (candidate, kept)
            }
            return found
        }
        func better(_ one: (finding: Finding, operations: [JSONValue]), than other: (finding: Finding, operations: [JSONValue])?) -> Bool {
            guard let other else { return true }
            let (mine, theirs) = (one.finding.test == wanted, other.finding.test == wanted)
            return mine != theirs ? mine : one.operations.count < other.operations.count
        }
        for _ in 0..<8 where !exhausted {
            let removals = Self.shrinkRemovals(operations.count)
            guard !removals.isEmpty else { break }
            let candidates = removals.map { Array(operations[..<$0.lowerBound] + operations[$0.upperBound...]) }
            let found = try await attempt(candidates)
            var chosen: (finding: Finding, operations: [JSONValue])?
            for index in found.keys.sorted() where better(found[index]!, than: chosen) { chosen = found[index] }
            // Every operation that could go alone (and keeps the same test broken), all at once.
            let alone = found.filter { removals[$0.key].count == 1 && $0.value.finding.test == wanted }.map { removals[$0.key].lowerBound }
            if alone.count >= 2, !exhausted {
                let gone = Set(alone)
                let together = operations.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
                if let union = try await attempt([together])[0], better(union, than: chosen) { chosen = union }
            }
            guard let chosen, chosen.operations.count < operations.count else { break }
            best = chosen.finding
            operations = chosen.operations
        }
        return best
    }

    /// What one round of shrinking leaves out of a program of `count` operations: blocks of
    /// halves, quarters, … and single operations, never the last operation (the one whose step
    /// differs), at most 96.
    static func shrinkRemovals(_ count: Int) -> [Range<Int>] {
        let removable = count - 1
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
        return Array(removals.filter { seen.insert($0).inserted }.prefix(96))
    }

    /// The programs one round of shrinking tries (see ``shrinkRemovals(_:)``).
    static func shrinkCandidates(_ operations: [JSONValue]) -> [[JSONValue]] {
        shrinkRemovals(operations.count).map { Array(operations[..<$0.lowerBound] + operations[$0.upperBound...]) }
    }
}
