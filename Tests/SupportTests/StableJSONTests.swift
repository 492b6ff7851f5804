import Foundation
import Testing
@testable import Support

@Suite struct StableJSONTests {
    struct Sample: Encodable {
        var zebra = 1
        var apple = "a/b"
        var when = Date(timeIntervalSince1970: 0)
        var ratio = Double.nan
    }

    @Test("keys are sorted, slashes and dates readable, non-finite numbers strings, a newline ends it")
    func stableShape() {
        let json = StableJSON.encode(Sample())
        #expect(json == """
            {
              "apple" : "a/b",
              "ratio" : "nan",
              "when" : "1970-01-01T00:00:00Z",
              "zebra" : 1
            }

            """)
    }

    struct Refuses: Encodable {
        struct Nope: Error {}
        func encode(to encoder: any Encoder) throws { throw Nope() }
    }

    @Test("a value that cannot be encoded gives an error object, not a crash or an empty object")
    func failureIsNamed() throws {
        let json = StableJSON.encode(Refuses())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(object?["error"]?.hasPrefix("cannot encode as JSON") == true)
    }
}
