import Course
import Foundation
import Testing
@testable import Grading

/// Every README rule has a test in each track it applies to, every test names its rules, and
/// the README's listing says which tests check which rule.
@Suite struct TraceabilityTests {
    /// A copy of the circuit-breaker exercise to edit; the caller removes its parent.
    func copy() throws -> URL {
        let root = try Fixture.temporaryDirectory()
        let folder = root.appendingPathComponent("circuit-breaker")
        try FileManager.default.copyItem(at: Fixture.repository.appendingPathComponent("exercises/circuit-breaker"), to: folder)
        return folder
    }

    func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) has no \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    @Test func theCircuitBreakerExerciseTracesEveryRule() throws {
        let exercise = try Fixture.exercise(Fixture.repository.appendingPathComponent("exercises/circuit-breaker"))
        #expect(Traceability.check(exercise).map(\.description) == [])
    }

    @Test func aRuleWithoutATestIsAnErrorInEveryTrackItAppliesTo() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try edit(folder.appendingPathComponent("README.md"), "- **C4** Several calls", "- **C5** A rule nobody tests.\n- **C4** Several calls")
        let messages = Traceability.check(try Fixture.exercise(folder)).map(\.message)
        #expect(messages.contains("rule C5 has no test in track 'python': add a test that checks it, with \"rules\": [\"C5\"]"))
        #expect(messages.contains("rule C5 has no test in track 'swift': add a test that checks it, with \"rules\": [\"C5\"]"))
        #expect(messages.contains("the listing of rules and their tests has no item for C5; add: - **C5**: "))
    }

    @Test func aTestThatNamesNoRuleOrAnUnknownOneIsAnError() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let expectations = folder.appendingPathComponent("python/tests/expectations.json")
        try edit(expectations, "\"rules\": [\"PY1\"],", "")
        try edit(expectations, "\"rules\": [\"C2\"],", "\"rules\": [\"C2\", \"Z9\"],")
        let diagnostics = Traceability.check(try Fixture.exercise(folder))
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("test 'state_enum_strings' names no rule of README.md (\"rules\": [...])"))
        #expect(messages.contains("test 'success_resets' names rule Z9, which README.md does not define"))
        #expect(diagnostics.first { $0.message.contains("state_enum_strings") }?.path == "circuit-breaker/python/tests/expectations.json")
    }

    @Test func aTestOfOneTrackCannotCheckAnotherTracksRule() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try edit(folder.appendingPathComponent("swift/tests/expectations.json"), "\"rules\": [\"SW1\"],", "\"rules\": [\"SW1\", \"PY1\"],")
        let messages = Traceability.check(try Fixture.exercise(folder)).map(\.message)
        #expect(messages == ["test 'state_enum_strings' names rule PY1, which is track python's alone"])
    }

    @Test func aListingItemThatDisagreesWithTheTestsSaysHowItShouldRead() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try edit(folder.appendingPathComponent("README.md"), "- **C2**: `success_resets`\n", "- **C2**: `success_resets`, `passthrough`\n")
        let diagnostics = Traceability.check(try Fixture.exercise(folder))
        #expect(diagnostics.map(\.message) == ["the tests that check C2 are not the ones listed; the item should read: - **C2**: `success_resets`"])
        #expect(diagnostics.first?.path == "circuit-breaker/README.md")
    }

    @Test func aReadmeWithoutRuleIdsIsNotChecked() throws {
        #expect(Traceability.check(try Fixture.exercise()).isEmpty)
    }
}
