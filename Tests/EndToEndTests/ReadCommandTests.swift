import Foundation
import Testing
import TestSupport

/// `lectern read`: a lesson in the terminal, paged at a terminal, plain in a pipe.
@Suite("lectern read", .serialized)
struct ReadCommandTests {
    static let dialectPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("QuizFixtures/dialect/page.md").path

    @Test("in a pipe the bundled lesson is plain text, its tables drawn with box characters")
    func pipedLessonIsPlain() throws {
        let result = try LecternProcess.run(["read", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("│ Counter "))
        #expect(result.stdout.contains("┌"))
        #expect(!result.stdout.contains("| --- |"))
    }

    @Test("admonitions are labelled boxes and tabs labelled sections one after another")
    func dialectInTheTerminal() throws {
        let result = try LecternProcess.run(["read", Self.dialectPage])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("╭─ Remember ─") })
        #expect(lines.contains("│ Press [Ctrl]+[C] to stop ✓"))
        #expect(lines.contains("▌ Python"))
        #expect(lines.contains("▌ Swift"))
        #expect(lines.contains("      print(\"py\")"))
        for literal in ["!!!", "===", "++", ":material"] { #expect(!result.stdout.contains(literal), "\(literal) left in \(result.stdout)") }
    }

    @Test("an unknown session is a usage error listing the sessions")
    func unknownSession() throws {
        let result = try LecternProcess.run(["read", "99"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no session \"99\""))
    }

    @Test("at a terminal the lesson goes through less -R in colour; q leaves it")
    func pagedThroughLess() throws {
        let session = try QuizPty.run(["read", "4"], steps: [.expect("Production"), .send("q")],
                                      environment: ["TERM": "xterm"], removing: ["PAGER", "LESS", "NO_COLOR"])
        #expect(session.failedExpect == nil, "\(session.screen)")
        #expect(session.exit == 0)
        #expect(QuizPty.hasColour(session.screen))
        #expect(session.termiosRestored == true)
    }

    @Test("at a terminal $PAGER is used, and NO_COLOR leaves out colour")
    func pagerAndNoColor() throws {
        let session = try QuizPty.run(["read", Self.dialectPage], steps: [.expect("PAGED: ▌ Swift")],
                                      environment: ["TERM": "xterm", "PAGER": "sed 's/^/PAGED: /'", "NO_COLOR": "1"])
        #expect(session.failedExpect == nil, "\(session.screen)")
        #expect(session.exit == 0)
        #expect(!QuizPty.hasColour(session.screen))
        #expect(session.screen.contains("PAGED: ╭─ Remember"))
    }
}
