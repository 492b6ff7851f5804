import Foundation
import Testing
@testable import Grading

@Suite("The channel keeps only the run's own first record per requested scenario")
struct ChannelParserTests {
    let nonce = "9f2c00aa"
    let requested: Set<String> = ["a", "b"]

    func parse(_ lines: [String]) -> ChannelReading {
        ChannelParser.parse(Data(lines.joined(separator: "\n").utf8), nonce: nonce, requested: requested)
    }

    @Test func acceptsObservationsWithTheNonce() {
        let reading = parse([#"{"nonce": "9f2c00aa", "id": "a", "obs": {"state": "open"}}"#])
        #expect(reading.outcomes["a"] == .observed(["state": .string("open")]))
        #expect(reading.dropped == 0)
    }

    @Test func dropsRecordsWithAWrongOrMissingNonce() {
        let reading = parse([
            #"{"nonce": "deadbeef", "id": "a", "obs": {"state": "open"}}"#,
            #"{"id": "b", "obs": {"state": "open"}}"#,
        ])
        #expect(reading.outcomes.isEmpty)
        #expect(reading.dropped == 2)
    }

    @Test func dropsScenariosNotAskedFor() {
        let reading = parse([#"{"nonce": "9f2c00aa", "id": "zzz", "obs": {}}"#])
        #expect(reading.outcomes.isEmpty)
        #expect(reading.dropped == 1)
    }

    @Test func dropsMalformedLines() {
        let reading = parse(["not json", #"{"nonce": "9f2c00aa", "id": "a"}"#, #"{"nonce": "9f2c00aa", "id": "a", "obs": 3}"#])
        #expect(reading.outcomes.isEmpty)
        #expect(reading.dropped == 3)
    }

    @Test func theFirstRecordCountsAndADuplicateMarksTampering() {
        let reading = parse([
            #"{"nonce": "9f2c00aa", "id": "a", "obs": {"n": 1}}"#,
            #"{"nonce": "9f2c00aa", "id": "a", "obs": {"n": 2}}"#,
        ])
        #expect(reading.outcomes["a"] == .observed(["n": .number(1)]))
        #expect(reading.duplicated == ["a"])
        #expect(reading.isTampered)
    }

    @Test func readsErrorRecordsWithTheLearnersLine() {
        let reading = parse([#"{"nonce": "9f2c00aa", "id": "a", "error": {"type": "AttributeError", "message": "no call", "line": 42}}"#])
        #expect(reading.outcomes["a"] == .raised(ScenarioError(type: "AttributeError", message: "no call", line: 42)))
    }

    @Test func anImportFailureOfEveryScenarioIsTheRunsFailure() {
        let failure = #"{"type": "SyntaxError", "message": "invalid syntax", "line": 3, "col": 7, "phase": "import"}"#
        let reading = parse([
            #"{"nonce": "9f2c00aa", "id": "a", "error": \#(failure)}"#,
            #"{"nonce": "9f2c00aa", "id": "b", "error": \#(failure)}"#,
        ])
        #expect(reading.importFailure(of: ["a", "b"])?.line == 3)
        #expect(reading.importFailure(of: ["a", "b"])?.column == 7)
    }

    @Test func anImportFailureOfSomeScenariosOnlyIsNotTheRunsFailure() {
        let reading = parse([
            #"{"nonce": "9f2c00aa", "id": "a", "error": {"type": "X", "message": "", "phase": "import"}}"#,
            #"{"nonce": "9f2c00aa", "id": "b", "obs": {}}"#,
        ])
        #expect(reading.importFailure(of: ["a", "b"]) == nil)
    }
}

/// The parser the channel and the trace cache use reads JSON as JSONDecoder does.
@Suite struct JSONParserTests {
    @Test(arguments: [
        #"{"a": [1, 2.5, -3e2, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {}}"#,
        "[]", "0", "-0.5", #""""#, " [ 1 , { } ] ",
    ])
    func agreesWithJSONDecoder(_ text: String) throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(JSONValue.parse(Data(text.utf8)) == decoded)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"", "tru", "[1] 2", "nan"])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(JSONValue.parse(Data(text.utf8)) == nil)
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(JSONValue.parse(Data(text.utf8)) == nil)
    }
}
