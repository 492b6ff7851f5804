import Testing
@testable import Grading

@Suite("Matchers judge observed values exactly as the protocol says")
struct MatcherTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var matcher: Matcher
        var observed: JSONValue?
        var passes: Bool
        var testDescription: String { "\(matcher) vs \(observed?.description ?? "nothing") → \(passes)" }
    }

    static let opaque = JSONValue.object(["$repr": .string("<Liar>"), "$type": .string("Liar")])

    @Test(arguments: [
        Case(matcher: .literal(.number(5)), observed: .number(5), passes: true),
        Case(matcher: .literal(.number(5)), observed: .number(5.0000001), passes: false),
        Case(matcher: .literal(.string("open")), observed: .string("Open"), passes: false),
        Case(matcher: .literal(.bool(true)), observed: .number(1), passes: false),
        Case(matcher: .literal(.array([.string("a"), .string("b")])), observed: .array([.string("b"), .string("a")]), passes: false),
        Case(matcher: .literal(.null), observed: .null, passes: true),
        Case(matcher: .literal(.null), observed: nil, passes: false),
        Case(matcher: .oneOf([.string("ValueError"), .string("TypeError")]), observed: .string("TypeError"), passes: true),
        Case(matcher: .oneOf([.string("ValueError"), .string("TypeError")]), observed: .string("KeyError"), passes: false),
        Case(matcher: .approx(0.3, tolerance: 1e-9), observed: .number(0.30000000000000004), passes: true),
        Case(matcher: .approx(0.3, tolerance: 1e-9), observed: .number(0.31), passes: false),
        Case(matcher: .approx(0.3, tolerance: 1e-9), observed: .string("0.3"), passes: false),
        Case(matcher: .range(1, 2), observed: .number(1), passes: true),
        Case(matcher: .range(1, 2), observed: .number(2), passes: true),
        Case(matcher: .range(1, 2), observed: .number(2.01), passes: false),
        Case(matcher: .literal(opaque), observed: opaque, passes: false),
        Case(matcher: .oneOf([opaque]), observed: opaque, passes: false),
        Case(matcher: .literal(.array([opaque])), observed: .array([opaque]), passes: false),
    ])
    func judges(_ testCase: Case) {
        #expect(testCase.matcher.matches(testCase.observed) == testCase.passes)
    }

    @Test("An expect object without a $ key is a literal object")
    func plainObjectIsLiteral() throws {
        let value = JSONValue.object(["a": .number(1)])
        #expect(try Matcher.from(value).get() == .literal(value))
    }

    @Test("Malformed matchers are refused with a reason", arguments: [
        JSONValue.object(["$oneOf": .array([])]),
        JSONValue.object(["$approx": .number(1)]),
        JSONValue.object(["$approx": .number(1), "$tol": .number(-1)]),
        JSONValue.object(["$range": .array([.number(2), .number(1)])]),
        JSONValue.object(["$regex": .string(".*")]),
    ])
    func malformed(_ value: JSONValue) {
        guard case .failure(let error) = Matcher.from(value) else {
            Issue.record("accepted \(value)")
            return
        }
        #expect(!error.message.isEmpty)
    }

    @Test("Failure messages show integral numbers without a fraction and opaque values by type")
    func descriptions() {
        #expect(JSONValue.number(5).description == "5")
        #expect(JSONValue.number(-4940.5).description == "-4940.5")
        #expect(Self.opaque.description == "<Liar: <Liar>>")
        #expect(Matcher.oneOf([.string("a"), .string("b")]).description == #"one of "a", "b""#)
    }
}
