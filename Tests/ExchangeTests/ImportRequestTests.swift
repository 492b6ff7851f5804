import Testing
@testable import Exchange

@Suite("The request lectern hands to lectern-import")
struct ImportRequestTests {
    @Test("arguments read back as the same request", arguments: [false, true])
    func roundTrip(force: Bool) throws {
        let request = ImportRequest(file: "--odd name.gift", format: .moodleXML, output: "out dir", force: force)
        #expect(try ImportRequest(arguments: request.arguments) == request)
    }

    @Test("anything else is refused", arguments: [[], ["bank.gift"], ["--format", "qti", "--output", "o", "--", "b"], ["--output", "o", "--", "b"]])
    func refused(arguments: [String]) {
        #expect(throws: ImportRequestError.self) { try ImportRequest(arguments: arguments) }
    }
}
