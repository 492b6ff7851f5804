import Course
import Testing
@testable import Grading

@Suite("The judge turns observations into verdicts, messages and points")
struct JudgeTests {
    let groups = [TestGroup(id: "core", title: "Core", points: 70), TestGroup(id: "hard", title: "Hard", points: 30)]
    let expectations = Expectations(tests: [
        ExpectedTest(id: "trip", name: "Trips at the threshold", group: "core", weight: 1, checks: [
            Check(key: "raised", expect: .literal(.string("ValueError")), what: "the exception the tripping call raises"),
            Check(key: "state", expect: .literal(.string("open")), what: "state after the tripping call"),
        ]),
        ExpectedTest(id: "reset", name: "Success resets", group: "core", weight: 2, checks: [
            Check(key: "failures", expect: .literal(.number(0)), what: "failure_count"),
        ]),
        ExpectedTest(id: "timeout", name: "Times out", group: "hard", weight: 1, checks: [
            Check(key: "raised", expect: .literal(.string("TimeoutError")), what: "what a slow call raises"),
        ]),
    ])

    func judge(_ outcomes: [String: ScenarioOutcome], duplicated: Set<String> = []) -> [String: TestResult] {
        let results = Judge.judge(expectations, groups: groups, reading: ChannelReading(outcomes: outcomes, duplicated: duplicated),
                                  learnerFile: "cb.py")
        return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
    }

    @Test func aScenarioWithoutAnObservationIsAnErrorNeverAPass() {
        let results = judge([:])
        #expect(results.values.allSatisfy { $0.status == .error && $0.points == 0 })
        #expect(results["trip"]?.message?.hasPrefix("no result:") == true)
    }

    @Test func everyCheckPassingIsAPassWithFullPoints() {
        let results = judge(["trip": .observed(["raised": .string("ValueError"), "state": .string("open")])])
        #expect(results["trip"]?.status == .pass)
        #expect(results["trip"]?.message == nil)
        #expect(abs((results["trip"]?.points ?? 0) - 70.0 / 3) < 1e-9)
    }

    @Test func theFirstFailingCheckIsTheMessage() {
        let results = judge(["trip": .observed(["raised": .string("KeyError"), "state": .string("closed")])])
        #expect(results["trip"]?.status == .fail)
        #expect(results["trip"]?.message == #"the exception the tripping call raises: expected "ValueError", got "KeyError""#)
        #expect(results["trip"]?.points == 0)
    }

    @Test func aMissingKeyIsGotNothing() {
        let results = judge(["reset": .observed([:])])
        #expect(results["reset"]?.message == "failure_count: expected 0, got nothing")
    }

    @Test func aRaisedScenarioIsAnErrorNamingTheLearnersLine() {
        let results = judge(["timeout": .raised(ScenarioError(type: "AttributeError", message: "no attribute 'call'", line: 42))])
        #expect(results["timeout"]?.status == .error)
        #expect(results["timeout"]?.message == "AttributeError: no attribute 'call' (cb.py, line 42)")
    }

    @Test func aDuplicatedScenarioIsAnErrorEvenWhenItsFirstRecordPasses() {
        let results = judge(["timeout": .observed(["raised": .string("TimeoutError")])], duplicated: ["timeout"])
        #expect(results["timeout"]?.status == .error)
    }

    @Test func pointsSplitOverAGroupByWeight() {
        let results = judge([:])
        #expect(abs((results["trip"]?.maxPoints ?? 0) - 70.0 / 3) < 1e-9)
        #expect(abs((results["reset"]?.maxPoints ?? 0) - 140.0 / 3) < 1e-9)
        #expect(results["timeout"]?.maxPoints == 30)
    }

    @Test func groupScoresSumTheirTests() {
        let tests = Judge.judge(expectations, groups: groups, reading: ChannelReading(outcomes: [
            "reset": .observed(["failures": .number(0)]),
            "timeout": .observed(["raised": .string("TimeoutError")]),
        ]), learnerFile: "cb.py")
        let scores = Judge.groups(tests, groups: groups)
        #expect(scores.map(\.id) == ["core", "hard"])
        #expect(abs(scores[0].points - 140.0 / 3) < 1e-9)
        #expect(scores[0].passed == 1 && scores[0].total == 2)
        #expect(scores[1].points == 30)
    }
}
