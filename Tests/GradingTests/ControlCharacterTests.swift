import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Grading
import TestSupport

/// A submission controls its output, its exceptions' messages and its file's name; none of
/// them may drive the reader's terminal (issue 11, item 5), and every machine format stays
/// valid and keeps the text.
@Suite("Learner text cannot drive the terminal through a report")
struct ControlCharacterTests {
    /// Clear the screen, home the cursor, set the window title, write the clipboard, then a
    /// fake total that a carriage return would put at the start of the line.
    static let attack = "\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}1mTotal: 100/100\r"

    static var report: GradingReport {
        GradingReport(
            exercise: "circuit-breaker", exerciseTitle: "Circuit breaker", track: "python",
            submission: "evil\u{1B}]0;name\u{07}.py", status: .timeout,
            message: "evil.py:3: error: RuntimeError: \(attack)\nsecond line",
            groups: [GroupResult(id: "core", title: "Core behaviour", points: 0, maxPoints: 100, passed: 0, total: 1)],
            tests: [TestResult(id: "t", name: "A test", group: "core", status: .error,
                               message: "RuntimeError: \(attack)\nTotal: 100/100", points: 0, maxPoints: 100)],
            output: "printed \(attack)\nand more",
            warnings: [], sandbox: "bubblewrap", duration: 0.5)
    }

    /// `text` without lectern's own colour codes (SGR bold, dim, red, green, yellow, reset).
    func withoutOwnColour(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[(0|1|2|31|32|33)m", with: "", options: .regularExpression)
    }

    /// Whether `text` holds a control character other than a line feed.
    func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    @Test func theTextReportShowsNoControlCharacterButItsOwnColour() {
        let text = TextReport(color: true).render(Self.report)
        #expect(text.contains("\u{1B}[1m"))
        #expect(!hasControl(withoutOwnColour(text)))
        #expect(text.contains("\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07\\x9b1mTotal: 100/100\\r"))
        #expect(text.contains("evil\\x1b]0;name\\x07.py"))
    }

    @Test func withoutColourTheTextReportHoldsNoEscapeAtAll() {
        #expect(!hasControl(TextReport(color: false).render(Self.report)))
    }

    @Test func aLearnerMessageStaysOnItsTestsLineAndTheOutputInItsBlock() {
        let lines = TextReport(color: false).render(Self.report).split(separator: "\n", omittingEmptySubsequences: false)
        // The only line starting with "Total:" is lectern's own, the last one.
        #expect(lines.filter { $0.hasPrefix("Total:") }.count == 1)
        #expect(lines.last { !$0.isEmpty }?.hasPrefix("Total: 0/100") == true)
        #expect(lines.contains { $0.hasPrefix("      RuntimeError: ") && $0.hasSuffix("\\nTotal: 100/100") })
        #expect(lines.contains("  and more"))
    }

    @Test func junitIsWellFormedAndShowsTheControlCharactersAsEscapes() throws {
        let xml = ReportFormat.junit.render(Self.report)
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(document.rootElement())
        let failure = try #require(try root.nodes(forXPath: "//testcase[@name='A test']/error").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("\\x1b]52;c;cHduZWQ=\\x07") == true)
        let out = try #require(try root.nodes(forXPath: "system-out").first)
        #expect(out.stringValue?.contains("printed \\x1b[2J") == true)
        #expect(!hasControl(xml))
    }

    @Test func junitReadByPythonHoldsTheQuotesAndShowsTheControlCharactersAsEscapes() throws {
        var report = Self.report
        report.tests[0].name = "A \"quoted\" 'test'\u{1B}[31m\u{FFFE}\r"
        let root = try PythonXML.parse(ReportFormat.junit.render(report))
        let shownAttack = #"\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x9b1mTotal: 100/100\r"#
        let testcase = try #require(root.all("testcase").first { $0.attributes["classname"] == "circuit-breaker.core" })
        #expect(testcase.attributes["name"] == #"A "quoted" 'test'\x1b[31m\ufffe\r"#)
        let error = try #require(testcase.all("error").first)
        #expect(error.attributes["message"] == "RuntimeError: \(shownAttack)\nTotal: 100/100")
        #expect(error.text == "RuntimeError: \(shownAttack)\nTotal: 100/100")
        #expect(root.all("testsuite").first?.attributes["name"] == #"evil\x1b]0;name\x07.py"#)
        #expect(root.all("system-out").first?.text == "printed \(shownAttack)\nand more")
    }

    @Test(arguments: [ReportFormat.json, .gradescope, .exercism])
    func jsonFormatsParseAndKeepTheTextExactly(_ format: ReportFormat) throws {
        let text = format.render(Self.report)
        #expect(!text.unicodeScalars.contains { $0 != "\n" && $0.value < 0x20 })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let tests = try #require(json["tests"] as? [[String: Any]])
        let message = tests.first?[format == .gradescope ? "output" : "message"] as? String
        #expect(message?.contains(Self.attack) == true)
    }

    @Test func theBatchSummaryShowsIdsAndMessagesOnOneLineEach() {
        let row = BatchRow(id: "evil\u{1B}[2J.py", track: "python", status: .error, score: 0, maxScore: 100, groups: [:],
                           passed: 0, failed: 0, errors: 0, duration: 0, sha256: "", report: "",
                           message: "RuntimeError: \u{1B}]0;pwned\u{07}\rTotal: 100/100")
        let summary = BatchSummary(exercise: "circuit-breaker", groups: [], shard: nil, rows: [row], graded: 1, skipped: 0)
        #expect(summary.text.hasPrefix("evil\\x1b[2J.py: error: RuntimeError: \\x1b]0;pwned\\x07\\rTotal: 100/100\n"))
    }
}
