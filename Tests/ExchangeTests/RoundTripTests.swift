import Foundation
import Testing
@testable import Exchange
@testable import ExchangeImport

/// export → import → export gives the same file, for the shipped course and for a fixture
/// quiz with an image, code, lists, links, line breaks and GIFT's special characters.
@Suite("Export, import, export again")
struct RoundTripTests {
    static let courses = [
        ExchangeFixtures.repository.appendingPathComponent("content").path,
        ExchangeFixtures.folder.appendingPathComponent("course-with-image").path,
    ]

    @Test("GIFT and Moodle XML are stable through import", arguments: [ExchangeFormat.gift, .moodleXML], courses)
    func stable(format: ExchangeFormat, course: String) throws {
        let first = try ExchangeFixtures.export(course, format)
        let imported = try ExchangeFixtures.importIntoFolder(first.data, format)
        defer { try? FileManager.default.removeItem(at: imported) }
        if format == .gift, course.hasSuffix("course-with-image") {
            // GIFT keeps an image's path but not the image: the author copies it beside the page.
            try FileManager.default.copyItem(at: URL(fileURLWithPath: course).appendingPathComponent("chart.png"),
                                             to: imported.appendingPathComponent("exchange-fixture-quiz/chart.png"))
        }
        let second = try ExchangeFixtures.export(imported.path, format)
        #expect(String(decoding: second.data, as: UTF8.self) == String(decoding: first.data, as: UTF8.self))
        #expect(second.questionCount == first.questionCount)
    }

    @Test("the imported pages are quizzes lectern check accepts, with the same answer key")
    func importedPagesAreQuizzes() throws {
        let course = ExchangeFixtures.folder.appendingPathComponent("course-with-image").path
        let original = try ExchangeFixtures.sources(course)
        let imported = try ExchangeFixtures.importIntoFolder(try ExchangeFixtures.export(course, .moodleXML).data, .moodleXML)
        defer { try? FileManager.default.removeItem(at: imported) }
        let reloaded = try ExchangeFixtures.sources(imported.path)
        #expect(reloaded.map(\.quiz.answerKey) == original.map(\.quiz.answerKey))
        #expect(reloaded.map(\.title) == original.map(\.title))
        #expect(reloaded[0].quiz.questions.map(\.title) == original[0].quiz.questions.map(\.title))
        #expect(FileManager.default.fileExists(atPath: imported.appendingPathComponent("exchange-fixture-quiz/images/chart.png").path))
    }

    @Test("Moodle XML embeds the image as base64 and refers to it by @@PLUGINFILE@@")
    func moodleEmbedsImages() throws {
        let output = try ExchangeFixtures.export(ExchangeFixtures.folder.appendingPathComponent("course-with-image").path, .moodleXML)
        let xml = String(decoding: output.data, as: UTF8.self)
        let png = try Data(contentsOf: ExchangeFixtures.folder.appendingPathComponent("course-with-image/chart.png"))
        #expect(xml.contains("<img src=\"@@PLUGINFILE@@/chart.png\" alt=\"A bar chart of request latency\" title=\"Latency by endpoint\" />"))
        #expect(xml.contains("<file name=\"chart.png\" path=\"/\" encoding=\"base64\">\(png.base64EncodedString())</file>"))
        #expect(output.imageCount == 1)
    }

    @Test("GIFT cannot carry images and says so; the other formats package them")
    func giftWarnsAboutImages() throws {
        let output = try ExchangeFixtures.export(ExchangeFixtures.folder.appendingPathComponent("course-with-image").path, .gift)
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics[0].message.contains("GIFT cannot carry the image chart.png"))
        #expect(output.diagnostics[0].line == 6)
    }
}
