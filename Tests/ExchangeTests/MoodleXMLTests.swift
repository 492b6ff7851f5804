import Course
import Foundation
import Testing
@testable import Exchange
@testable import ExchangeImport

@Suite("Moodle XML")
struct MoodleXMLTests {
    static func fixture() throws -> ImportResult {
        let data = try Data(contentsOf: ExchangeFixtures.folder.appendingPathComponent("moodle-constructs.xml"))
        return MoodleXMLReader.read(data, path: "bank.xml", defaultCategory: "bank")
    }

    @Test("multichoice and truefalse questions are read, with categories, feedback and embedded files")
    func reads() throws {
        let result = try Self.fixture()
        #expect(result.banks.map(\.category) == ["Networking", "Addressing"])
        let https = result.banks[0].questions[0]
        #expect(https.title == "Default HTTPS port")
        #expect(https.options.map(\.isCorrect) == [false, true, false])
        #expect(https.options[0].feedback == .html("That is plain HTTP."))
        #expect(https.generalFeedback == .html("<p>Port 443 is assigned to HTTP over TLS.</p>"))
        #expect(result.banks[0].questions[1].options.map(\.text) == [.plain("True"), .plain("False")])
        #expect(result.assets.map(\.name) == ["lock.png"])
        #expect(result.assets.first?.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("short answer, multiple answers, essay and matching are reported with their line")
    func unsupportedReported() throws {
        let result = try Self.fixture()
        let expected: [(Int, String)] = [
            (60, "a short-answer question"), (71, "\"Private ranges\" is a multiple-answer question"),
            (83, "an essay question"), (91, "a matching question"),
        ]
        #expect(result.diagnostics.count == expected.count)
        for (diagnostic, (line, phrase)) in zip(result.diagnostics, expected) {
            #expect(diagnostic.line == line && diagnostic.message.contains(phrase) && diagnostic.message.contains("left out"), "\(diagnostic)")
        }
    }

    @Test("the image is written beside the page and the question refers to it there")
    func imageBesideThePage() throws {
        let (pages, _) = Importer.pages(try Self.fixture(), path: "bank.xml")
        #expect(pages.map(\.folder) == ["networking", "addressing"])
        #expect(pages[0].markdown.contains("![a padlock](images/lock.png)"))
        #expect(pages[0].assets.map(\.name) == ["lock.png"])
        #expect(pages[0].markdown.contains("B) 443 ✅"))
    }

    @Test("a file that is not well-formed XML is one error with its line")
    func malformed() {
        let result = MoodleXMLReader.read(Data("This is a text file, not XML.\n".utf8), path: "bad.xml", defaultCategory: "c")
        #expect(result.banks.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.description.hasPrefix("bad.xml:1:1: error: not well-formed XML") == true,
                "\(result.diagnostics)")
    }
}
