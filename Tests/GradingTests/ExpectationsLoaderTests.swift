import Course
import Foundation
import Testing
@testable import Grading

@Suite("expectations.json is read with every problem reported at its line")
struct ExpectationsLoaderTests {
    let groups = [TestGroup(id: "core", title: "Core", points: 70)]

    func parse(_ text: String) -> (Expectations?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let result = ExpectationsLoader.parse(Data(text.utf8), displayPath: "x/expectations.json", groups: groups, diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    @Test func readsTestsInFileOrderWithDefaults() {
        let (expectations, diagnostics) = parse("""
            {"version": 1, "tests": [
              {"id": "b", "name": "B", "checks": [{"key": "k", "expect": {"$range": [1, 2]}}]},
              {"id": "a", "name": "A", "group": "core", "weight": 3, "checks": [{"key": "k", "expect": 1, "what": "k's value"}]}
            ]}
            """)
        #expect(diagnostics.isEmpty)
        #expect(expectations?.ids == ["b", "a"])
        #expect(expectations?.tests[0].group == "core")
        #expect(expectations?.tests[0].checks[0].what == "k")
        #expect(expectations?.tests[0].checks[0].expect == .range(1, 2))
        #expect(expectations?.tests[1].weight == 3)
    }

    @Test func invalidJSONIsOneError() {
        let (expectations, diagnostics) = parse("{\"version\": 1,")
        #expect(expectations == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.hasPrefix("not valid JSON"))
    }

    @Test func problemsOfEachTestAreNamedAtTheTestsLine() {
        let (expectations, diagnostics) = parse("""
            {"version": 1, "tests": [
              {"id": "a", "name": "A", "checks": [{"key": "k", "expect": 1}]},
              {"id": "a", "name": "A again", "group": "nope", "checks": [{"key": "k", "expect": {"$oneOf": []}}]}
            ]}
            """)
        #expect(expectations == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("test 'a': the id is used twice"))
        #expect(messages.contains { $0.contains("group 'nope' is not one of exercise.yml's groups") })
        #expect(messages.contains { $0.contains("'$oneOf' takes a non-empty list") })
        #expect(diagnostics.allSatisfy { $0.line == 2 || $0.line == 3 })
    }

    @Test func theVersionMustBeOne() {
        let (_, diagnostics) = parse(#"{"version": 2, "tests": []}"#)
        #expect(diagnostics.map(\.message) == ["\"version\" must be 1"])
    }

    @Test func theRealExercisesExpectationsLoad() throws {
        let exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        for track in exercise.tracks {
            var diagnostics: [Diagnostic] = []
            let expectations = ExpectationsLoader.load(track.expectations, displayPath: track.name, groups: exercise.groups, diagnostics: &diagnostics)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect((expectations?.tests.count ?? 0) >= 15)
        }
    }
}
