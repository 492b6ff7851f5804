import Foundation
import Testing
@testable import Exchange
@testable import ExchangeImport

/// The QTI packages: structure, a round trip that reads every item back against the quiz,
/// and QTI 1.2 validated by xmllint against IMS's own DTD (ims_qtiasiv1p2p1.dtd).
@Suite("QTI packages")
struct QTITests {
    static let imageCourse = ExchangeFixtures.folder.appendingPathComponent("course-with-image").path
    static let content = ExchangeFixtures.repository.appendingPathComponent("content").path

    static func package(_ course: String, _ format: ExchangeFormat) throws -> [String: [UInt8]] {
        try ZipPackage.unzip(try ExchangeFixtures.export(course, format).data)
    }

    static func parse(_ bytes: [UInt8]?) throws -> ParsedElement {
        let bytes = try #require(bytes)
        return try XMLTree.parse(Data(bytes)).get()
    }

    @Test("QTI 2.1: a manifest, one assessmentItem per question, a test, the image")
    func qti21Layout() throws {
        let files = try Self.package(Self.imageCourse, .qti)
        #expect(Set(files.keys) == ["imsmanifest.xml", "S1_Q1.xml", "S1_Q2.xml", "S1_Q3.xml", "S1_Q4.xml", "S1_TEST.xml", "images/chart.png"])
        let manifest = try Self.parse(files["imsmanifest.xml"])
        let resources = try #require(manifest.element("resources")).elements("resource")
        #expect(resources.map { $0.attributes["type"] } == Array(repeating: "imsqti_item_xmlv2p1", count: 4) + ["imsqti_test_xmlv2p1"])
        #expect(resources[0].elements("file").map { $0.attributes["href"] } == ["S1_Q1.xml", "images/chart.png"])
        #expect(resources[4].elements("dependency").map { $0.attributes["identifierref"] } == ["S1_Q1", "S1_Q2", "S1_Q3", "S1_Q4"])
        let png = try Data(contentsOf: URL(fileURLWithPath: Self.imageCourse).appendingPathComponent("chart.png"))
        #expect(files["images/chart.png"] == [UInt8](png))
    }

    @Test("QTI 2.1 round trip: each item's choices, correct response, shuffle and feedback match the quiz", arguments: [content, imageCourse])
    func qti21RoundTrip(course: String) throws {
        let files = try Self.package(course, .qti)
        let quiz = try ExchangeFixtures.sources(course)[0].quiz
        for question in quiz.questions {
            let item = try Self.parse(files["S1_Q\(question.number).xml"])
            #expect(item.name == "assessmentItem")
            #expect(item.attributes["title"] == question.title ?? "Question \(question.number)")
            let declaration = try #require(item.element("responseDeclaration"))
            #expect(declaration.attributes["cardinality"] == "single")
            #expect(declaration.element("correctResponse")?.elements("value").map(\.text) == [question.correctOption?.letter ?? ""])
            let interaction = try #require(item.element("itemBody")?.element("choiceInteraction"))
            #expect(interaction.attributes["shuffle"] == "true")
            #expect(interaction.attributes["maxChoices"] == "1")
            let choices = interaction.elements("simpleChoice")
            #expect(choices.map { $0.attributes["identifier"] } == question.options.map(\.letter))
            #expect(choices.map(\.text) == question.options.map(\.text))
            let feedback = item.elements("modalFeedback")
            #expect(feedback.count == question.options.count + 1)
            #expect(feedback.filter { $0.attributes["outcomeIdentifier"] == "FEEDBACK" }.map { $0.attributes["identifier"] } == question.options.map(\.letter))
            let explanation = try #require(feedback.last)
            #expect(explanation.attributes["identifier"] == "explanation")
            #expect(normalized(explanation.text) == normalized(question.explanationText))
        }
    }

    @Test("QTI 2.1 items are read and scored by pyslet, a third-party QTI 2.1 implementation", arguments: [content, imageCourse])
    func qti21ScoredByPyslet(course: String) throws {
        let python = try Validator.pysletPython()
        let folder = try ExchangeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, bytes) in try Self.package(course, .qti) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let script = ExchangeFixtures.folder.appendingPathComponent("qti21_pyslet.py").path
        let output = try Validator.run(python, ["-W", "ignore", script, folder.path]).output
        let items = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]], "\(output)")
        let quiz = try ExchangeFixtures.sources(course)[0].quiz
        #expect(items.count == quiz.questions.count)
        for question in quiz.questions {
            let item = try #require(items["S1_Q\(question.number)"])
            let correct = question.correctOption?.letter ?? ""
            #expect(item["correct"] as? String == correct)
            #expect(item["choices"] as? [String] == question.options.map(\.letter))
            #expect(item["shuffle"] as? Bool == true)
            let scores = try #require(item["scores"] as? [String: Double])
            #expect(scores == Dictionary(uniqueKeysWithValues: question.options.map { ($0.letter, $0.letter == correct ? 1.0 : 0.0) }))
            #expect(item["feedback"] as? [String: String] == Dictionary(uniqueKeysWithValues: question.options.map { ($0.letter, $0.letter) }))
            #expect(item["modalFeedback"] as? Int == question.options.count + 1)
        }
    }

    @Test("QTI 1.2: a manifest, the assessment with Canvas's metadata, the image in web_resources")
    func qti12Layout() throws {
        let files = try Self.package(Self.imageCourse, .qti12)
        let assessments = files.keys.filter { $0.hasSuffix(".xml") && !$0.hasSuffix("assessment_meta.xml") && $0 != "imsmanifest.xml" }
        #expect(assessments.count == 1)
        #expect(files.keys.contains("web_resources/chart.png"))
        let root = try Self.parse(files[assessments[0]])
        let items = try #require(root.element("assessment")?.element("section")).elements("item")
        #expect(items.count == 4)
        let first = items[0]
        let type = first.element("itemmetadata")?.element("qtimetadata")?.elements("qtimetadatafield")
            .first { $0.element("fieldlabel")?.text == "question_type" }?.element("fieldentry")?.text
        #expect(type == "multiple_choice_question")
        let html = first.element("presentation")?.element("material")?.element("mattext")?.text ?? ""
        #expect(html.contains("src=\"$IMS-CC-FILEBASE$/web_resources/chart.png\""))
    }

    @Test("QTI 1.2 round trip: the correct label scores 100, every option and the explanation have feedback", arguments: [content, imageCourse])
    func qti12RoundTrip(course: String) throws {
        let files = try Self.package(course, .qti12)
        let quiz = try ExchangeFixtures.sources(course)[0].quiz
        let path = try #require(files.keys.first { $0.hasSuffix(".xml") && !$0.hasSuffix("assessment_meta.xml") && $0 != "imsmanifest.xml" })
        let items = try #require(try Self.parse(files[path]).element("assessment")?.element("section")).elements("item")
        #expect(items.count == quiz.questions.count)
        for (item, question) in zip(items, quiz.questions) {
            let labels = try #require(item.element("presentation")?.element("response_lid")?.element("render_choice")).elements("response_label")
            #expect(labels.count == question.options.count)
            let scoring = try #require(item.element("resprocessing")).elements("respcondition").filter { $0.element("setvar") != nil }
            #expect(scoring.count == 1)
            let correctLabel = scoring.first?.element("conditionvar")?.element("varequal")?.text
            let correctIndex = labels.firstIndex { $0.attributes["ident"] == correctLabel }
            #expect(correctIndex == question.correctIndex)
            #expect(scoring.first?.element("setvar")?.text == "100")
            #expect(item.elements("itemfeedback").count == question.options.count + 1)
        }
    }

    @Test("QTI 1.2 assessments are valid against IMS's DTD (xmllint); a broken one is not", .enabled(if: Validator.xmllint != nil))
    func qti12ValidAgainstDTD() throws {
        let dtd = try Validator.qti12DTD()
        for course in [Self.content, Self.imageCourse] {
            let files = try Self.package(course, .qti12)
            let path = try #require(files.keys.first { $0.hasSuffix(".xml") && !$0.hasSuffix("assessment_meta.xml") && $0 != "imsmanifest.xml" })
            let xml = String(decoding: try #require(files[path]), as: UTF8.self)
            let result = try Validator.validate(Validator.withoutNamespaces(xml), dtd: dtd)
            #expect(result.status == 0, "\(result.output)")
        }
        let broken = try Validator.validate("<questestinterop><assessment ident=\"a\"><section ident=\"s\"><item ident=\"i\"><bogus/></item></section></assessment></questestinterop>", dtd: dtd)
        #expect(broken.status != 0)
    }

    func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// xmllint (Debian's libxml2-utils) and IMS's QTI 1.2.1 DTD, which pyslet's source
/// distribution on PyPI ships among its test data (fetched once into .build/).
enum Validator {
    static let xmllint: String? = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let cache = ExchangeFixtures.repository.appendingPathComponent(".build/qti-dtd")
    static let dtdName = "ims_qtiasiv1p2p1.dtd"

    static func qti12DTD() throws -> URL {
        let dtd = cache.appendingPathComponent(dtdName)
        if FileManager.default.fileExists(atPath: dtd.path) { return dtd }
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        _ = try run("/usr/bin/python3", ["-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", "pyslet==0.7.20170805", "-d", cache.path])
        _ = try run("/bin/tar", ["-xzf", cache.appendingPathComponent("pyslet-0.7.20170805.tar.gz").path, "-C", cache.path, "--strip-components=3",
                                 "pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/\(dtdName)"])
        return dtd
    }

    /// A venv holding pyslet 0.7.20170805 (a QTI 2.1 implementation), installed from the
    /// source distribution the DTD comes from.
    static func pysletPython() throws -> String {
        let venv = ExchangeFixtures.repository.appendingPathComponent(".build/pyslet-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if (try? run(python, ["-W", "ignore", "-c", "import pyslet.qtiv2.xml"])) != nil { return python }
        _ = try qti12DTD()
        try run("/usr/bin/python3", ["-m", "venv", venv.path])
        try run(python, ["-m", "pip", "install", "-q", cache.appendingPathComponent("pyslet-0.7.20170805.tar.gz").path])
        return python
    }

    /// The DTD predates XML namespaces: the namespace and schema-location attributes that
    /// Canvas and Common Cartridge expect are taken off before validating against it.
    static func withoutNamespaces(_ xml: String) -> String {
        var out = xml
        for pattern in [#" xmlns="[^"]*""#, #" xmlns:xsi="[^"]*""#, #" xsi:schemaLocation="[^"]*""#] {
            out = out.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return out
    }

    static func validate(_ xml: String, dtd: URL) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-qti12-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(xmllint!, ["--noout", "--dtdvalid", dtd.path, file.path], check: false)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], check: Bool = true) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if check, process.terminationStatus != 0 {
            throw ExchangeFixtures.FixtureError(message: "\(executable) \(arguments.joined(separator: " ")): \(output)")
        }
        return (process.terminationStatus, output)
    }
}
