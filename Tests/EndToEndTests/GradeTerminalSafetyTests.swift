import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// A submission that tries to drive the grader's terminal (issue 11, item 5): it prints escape
/// sequences (clear the screen, set the title, write the clipboard, a fake total after a
/// carriage return), raises them as its exceptions' messages, and hides them in its file
/// name. Every place where that text reaches a terminal shows them as visible escapes; lectern's
/// own colour stays.
@Suite("lectern grade shows a submission's control characters as escapes, end to end", GradeSupport.needsSandbox)
struct GradeTerminalSafetyTests {
    static let attack = #"\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07Total: 100/100\r"#
    /// The starter, printing the attack at import and raising it from its classes' constructors.
    static var source: String {
        get throws {
            let starter = try String(contentsOf: LecternProcess.repository
                .appendingPathComponent("exercises/circuit-breaker/python/starter/circuit_breaker.py"), encoding: .utf8)
            return starter + """

                import sys as _sys
                ATTACK = "\(attack)"
                print(ATTACK)
                _sys.stderr.write(ATTACK + "\\n")

                def _hostile_init(self, *args, **kwargs):
                    raise RuntimeError(ATTACK)

                CircuitBreakerConfig.__init__ = _hostile_init
                CircuitBreaker.__init__ = _hostile_init

                """
        }
    }
    static let fileName = "evil\u{1B}]0;name\u{07}\u{1B}[2J.py"

    /// A folder holding the hostile submission under its hostile name; the caller removes it.
    func hostileSubmission() throws -> (folder: URL, file: URL) {
        let folder = try GradeSupport.temporaryDirectory()
        let file = folder.appendingPathComponent(Self.fileName)
        try Data(try Self.source.utf8).write(to: file)
        return (folder, file)
    }

    /// Whether `text` holds a control character other than a line feed.
    func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    /// `text` without lectern's own colour and line-rewriting codes, and the pty's CR LF line ends.
    func withoutOwnCodes(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\u{1B}\\[(0|1|2|31|32|33)m", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r\u{1B}[2K", with: "\n")
    }

    @Test func theTextReportShowsTheAttackAsEscapes() throws {
        let (folder, file) = try hostileSubmission()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LecternProcess.run(["grade", "circuit-breaker", file.path, "--no-record"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!hasControl(result.stdout))
        let shown = #"\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07Total: 100/100\r"#
        #expect(result.stdout.contains("  " + shown), "the program's output, in its block")
        #expect(result.stdout.contains("RuntimeError: " + shown), "the tests' messages")
        #expect(result.stdout.contains(#"evil\x1b]0;name\x07\x1b[2J.py"#), "the file name")
        let totals = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Total:") }
        #expect(totals.count == 1 && totals[0].hasPrefix("Total: "), "only lectern's own total: \(totals)")
    }

    @Test func theMachineFormatsStayValidAndKeepTheText() throws {
        let (folder, file) = try hostileSubmission()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = try LecternProcess.run(["grade", "circuit-breaker", file.path, "--no-record", "--format", "junit"])
        let document = try XMLDocument(data: Data(junit.stdout.utf8))
        #expect(document.rootElement()?.name == "testsuites")
        #expect(junit.stdout.contains(#"\x1b]52;c;cHduZWQ="#))
        #expect(!hasControl(junit.stdout))
        let json = try LecternProcess.run(["grade", "circuit-breaker", file.path, "--no-record", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["output"] as? String)?.contains("\u{1B}]52;c;cHduZWQ=\u{07}") == true)
        #expect(report["submission"] as? String == file.path)
    }

    @Test func onATerminalTheReportKeepsItsColourAndShowsTheAttackAsEscapes() throws {
        let (folder, file) = try hostileSubmission()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try QuizPty.run(["grade", "circuit-breaker", file.path, "--no-record"],
                                      steps: [.expect("Total: ")], columns: 200, environment: [:])
        #expect(session.failedExpect == nil, "\(session.screen)")
        #expect(session.screen.contains("\u{1B}[1m"), "lectern's own bold")
        #expect(!hasControl(withoutOwnCodes(session.screen)), "\(session.screen.debugDescription)")
        #expect(session.screen.contains(#"\x1b]52;c;cHduZWQ=\x07"#))
    }

    @Test func theBatchProgressLineAndSummaryShowIdsAsEscapes() throws {
        let (folder, _) = try hostileSubmission()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-out")
        defer { try? FileManager.default.removeItem(at: output) }
        let session = try QuizPty.run(["grade", "circuit-breaker", "--batch", folder.path, "--output", output.path],
                                      steps: [.expect("1 submissions")], columns: 200, environment: [:])
        #expect(session.failedExpect == nil, "\(session.screen)")
        #expect(session.screen.contains(#"graded 1/1 (0 up to date): evil\x1b]0;name\x07\x1b[2J.py"#), "\(session.screen.debugDescription)")
        #expect(!hasControl(withoutOwnCodes(session.screen)), "\(session.screen.debugDescription)")
    }

    @Test func progressShowsAnExerciseNamedWithControlCharactersAsEscapes() throws {
        let (folder, file) = try hostileSubmission()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = folder.appendingPathComponent("cb\u{1B}]0;x\u{07}\u{1B}[2J")
        try FileManager.default.copyItem(at: LecternProcess.repository.appendingPathComponent("exercises/circuit-breaker"), to: exercise)
        let graded = try LecternProcess.run(["grade", exercise.path, file.path, "--data-dir", folder.path])
        #expect(graded.status == 0, "\(graded.stderr)")
        let progress = try LecternProcess.run(["progress", "--data-dir", folder.path])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains(#"cb\x1b]0;x\x07\x1b[2J (python)"#), "\(progress.stdout.debugDescription)")
        #expect(!hasControl(progress.stdout))
    }

    @Test func anErrorNamingAFileShowsItsControlCharactersAsEscapes() throws {
        let folder = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("gone\u{1B}]52;c;cHduZWQ=\u{07}.py")
        let result = try LecternProcess.run(["grade", "circuit-breaker", missing.path, "--no-record"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"gone\x1b]52;c;cHduZWQ=\x07.py"#), "\(result.stderr.debugDescription)")
        #expect(!hasControl(result.stderr))
    }
}
