import Course
import Foundation
import Testing
@testable import Grading

/// Traces of differential scenarios are compared outside the sandbox, step by step and key by
/// key in the reference's order; the first difference is what the learner sees.
@Suite struct DifferentialTraceTests {
    func trace(_ steps: [[(String, JSONValue)]]) -> Trace {
        Trace(steps: steps.map { Trace.Step(see: $0.map { Trace.Observation($0.0, $0.1) }) })
    }

    @Test func equalTracesHaveNoDivergence() {
        let reference = trace([[("call #1", .string("returned r1"))], [("state", .string("open"))]])
        #expect(reference.firstDivergence(from: reference) == nil)
    }

    @Test func theFirstDifferingValueInTheReferencesOrderIsTheDivergence() {
        let reference = trace([[("call #1", .string("returned r1")), ("f1 calls", .number(1))],
                               [("state", .string("open")), ("failure_count", .number(2))]])
        let actual = trace([[("f1 calls", .number(1)), ("call #1", .string("returned r1"))],
                            [("failure_count", .number(3)), ("state", .string("closed"))]])
        #expect(reference.firstDivergence(from: actual)
            == Divergence(step: 1, key: "state", expected: .string("open"), actual: .string("closed")))
    }

    @Test func aMissingObservationDivergesWithNothing() {
        let reference = trace([[("call #1", .string("running"))]])
        let actual = trace([[]])
        #expect(reference.firstDivergence(from: actual) == Divergence(step: 0, key: "call #1", expected: .string("running"), actual: nil))
    }

    @Test func anObservationTheReferenceDidNotMakeDiverges() {
        let reference = trace([[("state", .string("open"))]])
        let actual = trace([[("state", .string("open")), ("error", .string("AttributeError: x"))]])
        #expect(reference.firstDivergence(from: actual) == Divergence(step: 0, key: "error", expected: nil, actual: .string("AttributeError: x")))
    }

    @Test func aShorterTraceDivergesAtItsFirstMissingStep() {
        let reference = trace([[("state", .string("open"))], [("state", .string("half_open"))]])
        let actual = trace([[("state", .string("open"))]])
        #expect(reference.firstDivergence(from: actual) == Divergence(step: 1, key: nil, expected: nil, actual: nil))
    }

    @Test func anOpaqueValueEqualsNothingNotEvenItself() {
        let opaque = JSONValue.object(["$repr": .string("<Everything>"), "$type": .string("Everything")])
        let reference = trace([[("value", opaque)]])
        #expect(reference.firstDivergence(from: reference)?.key == "value")
    }

    @Test func aTraceIsReadFromTheHarnessRecordWithItsAnnotations() throws {
        let record = #"{"trace": [{"see": [["call #1", "raised f1's ValueError"], ["f1 calls", 1]], "do": "call #1", "test": "below_threshold"}], "program": {"ops": []}, "breaker": "breaker = …", "ambiguous": false}"#
        guard case .object(let observations)? = JSONValue.parse(Data(record.utf8)) else { throw FixtureError("not JSON") }
        let parsed = try #require(Trace(observations: observations))
        #expect(parsed.steps.count == 1)
        #expect(parsed.steps[0].see.map(\.key) == ["call #1", "f1 calls"])
        #expect(parsed.steps[0].text == "call #1")
        #expect(parsed.steps[0].test == "below_threshold")
        #expect(parsed.setup == "breaker = …")
        #expect(parsed.ambiguous == false)
    }

    @Test func aRecordWithoutATraceIsNoTrace() {
        #expect(Trace(observations: ["trace": .string("nope")]) == nil)
        #expect(Trace(observations: ["trace": .array([.object(["see": .array([.string("not a pair")])])])]) == nil)
    }
}

/// Which programs a grading runs, and what the shrinker tries.
@Suite struct DifferentialPlanTests {
    let settings: DifferentialSettings = {
        var settings = DifferentialSettings(group: "core")
        settings.fixedSeeds = 4
        return settings
    }()

    @Test func theFixedSeedsAreTheSameOnEveryRunAndChangeWithTheVersion() {
        let first = DifferentialPlan(settings: settings, exercise: "circuit-breaker", track: "python", fresh: [])
        let again = DifferentialPlan(settings: settings, exercise: "circuit-breaker", track: "python", fresh: [])
        var next = settings
        next.version = "2"
        let other = DifferentialPlan(settings: next, exercise: "circuit-breaker", track: "python", fresh: [])
        #expect(first.fixedSeeds.count == 4)
        #expect(first.fixedSeeds == again.fixedSeeds)
        #expect(Set(first.fixedSeeds).isDisjoint(with: other.fixedSeeds))
        #expect(first.fixedSeeds.allSatisfy { $0 < DifferentialPlan.seedLimit })
    }

    @Test func freshSeedsFollowTheFixedOnesAndTheReportNamesThem() {
        let plan = DifferentialPlan(settings: settings, exercise: "x", track: "python", fresh: [7, 8])
        #expect(plan.ids.suffix(2) == ["diff:7", "diff:8"])
        #expect(plan.freshSeeds == [7, 8])
        #expect(DifferentialPlan.drawSeeds(3).count == 3)
    }

    @Test func theRequestLineNamesEachScenariosSeedOrProgram() throws {
        let plan = DifferentialPlan(programs: [.object(["ops": .array([])])])
        let line = plan.requestLine(annotate: true)
        #expect(!line.contains("\n"))
        #expect(JSONValue.parse(Data(line.utf8)) == .object([
            "annotate": .bool(true), "differential": .object(["diff:p0": .object(["program": .object(["ops": .array([])])])]),
        ]))
    }

    @Test func shrinkingNeverLeavesOutTheLastOperation() {
        let operations = (0..<9).map { JSONValue.number(Double($0)) }
        let candidates = Grader.shrinkCandidates(operations)
        #expect(!candidates.isEmpty)
        #expect(candidates.allSatisfy { $0.last == .number(8) && $0.count < 9 })
        #expect(candidates.contains([4, 5, 6, 7, 8].map { JSONValue.number($0) }), "a half can go at once")
        #expect(candidates.contains { $0.count == 8 }, "every single operation can go")
        #expect(Grader.shrinkCandidates([.number(1)]).isEmpty)
    }

    @Test func aScenarioShowsTheStepsAndExpectedAndActualAtTheFirstDifference() {
        let reference = Trace(steps: [
            Trace.Step(see: [Trace.Observation("call #1", .string("raised f1's ValueError"))], text: "call #1: f1 raises ValueError"),
            Trace.Step(see: [], text: "time passes: 5 s"),
            Trace.Step(see: [Trace.Observation("get_stats()['state']", .string("half_open"))], text: "breaker.get_stats()"),
        ], setup: "breaker = CircuitBreaker(…)")
        let finding = Grader.Finding(seed: 42, reference: reference,
                                     problem: .differs(Divergence(step: 2, key: "get_stats()['state']", expected: .string("half_open"), actual: .string("open"))),
                                     originalSteps: 30, shrunk: true)
        let text = ScenarioText(finding: finding)
        #expect(text.message == "differs from the reference at step 3 of a random sequence (seed 42): get_stats()['state']: expected \"half_open\", got \"open\"")
        #expect(text.scenario == """
            A sequence of operations on which your code differs from the reference (seed 42; shrunk from 30 steps to 3):
              breaker = CircuitBreaker(…)
              1. call #1: f1 raises ValueError
                   call #1: raised f1's ValueError
              2. time passes: 5 s
              3. breaker.get_stats()
                   get_stats()['state']: expected "half_open", got "open"
            """)
    }

    @Test func anUnshrunkScenarioStopsAtItsFirstDifference() {
        let step = Trace.Step(see: [Trace.Observation("state", .string("open"))], text: "breaker.state")
        let finding = Grader.Finding(seed: 7, reference: Trace(steps: [step, step, step, step]),
                                     problem: .differs(Divergence(step: 1, key: "state", expected: .string("open"), actual: .string("closed"))),
                                     originalSteps: 4)
        let scenario = ScenarioText(finding: finding).scenario
        #expect(scenario.hasPrefix("A sequence of operations on which your code differs from the reference (seed 7; its first 2 of 4 steps):"))
        #expect(!scenario.contains("3. "), "\(scenario)")
    }
}
