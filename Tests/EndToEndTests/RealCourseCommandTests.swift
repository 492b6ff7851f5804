import Foundation
import Testing
import TestSupport

/// The real binary on courses shaped like real ones: an MkDocs course whose lesson quiz is
/// keyed by its solutions page and whose practice page has mkdocs-quiz blocks with several
/// right answers, an mdBook, and the drift fixtures of the pairing tests.
@Suite("lectern on real-course shapes")
struct RealCourseCommandTests {
    static let mkdocs = LecternProcess.repository.appendingPathComponent("Tests/SiteTests/Fixtures/mkdocs").path
    static let pairing = LecternProcess.repository.appendingPathComponent("Tests/CourseTests/Fixtures/pairing")

    @Test("check reads mkdocs.yml, keys the lesson from its solutions page and reports pairing drift with both places")
    func check() throws {
        let course = try LecternProcess.run(["check", Self.mkdocs, "--no-exercises"])
        #expect(course.status == 0)
        #expect(course.stdout.contains("Session 4 (01_frameworks-Session4_Production_MCP_Deployment): 10 questions, 5 bands, answers A, A, D, D, B, B, A, C, D, B, key from 01_frameworks/Session4_Test_Solutions.md"))
        #expect(course.stdout.contains("Practice checks (quizzes-practice): 3 questions (2 scored), 0 bands, answers A+C+D, B, -"))

        let drift = try LecternProcess.run(["check", Self.pairing.appendingPathComponent("options-differ").path, "--format", "json"])
        #expect(drift.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(drift.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let error = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect((error["message"] as? String)?.hasPrefix("question 6 cannot take its key") == true)
        #expect((error["related"] as? [[String: Any]])?.first?["line"] as? Int == 72)
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.first?["scored"] as? Int == 9)
        #expect(sessions.first?["solutions"] as? String == "Session4_Test_Solutions.md")
    }

    @Test("quiz takes a lesson keyed by its solutions page, in the lesson's own letters")
    func pairedLesson() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let lesson = Self.pairing.appendingPathComponent("reordered-options/Session4_Production_MCP_Deployment.md").path
        let run = try LecternProcess.run(["quiz", lesson, "--answers", "A,A,D,D,B,B,A,C,D,B", "--format", "json", "--data-dir", data.path])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["score"] as? Int == 10)
        #expect((json["band"] as? [String: Any])?["label"] as? String == "Expert level")
    }

    @Test("quiz takes mkdocs-quiz blocks with A+C for several right answers and skips the self-check item")
    func mkdocsQuizBlocks() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let page = Self.mkdocs + "/docs-content/quizzes/practice.md"
        let run = try LecternProcess.run(["quiz", page, "--answers", "A+C+D,B", "--review", "all", "--data-dir", data.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Score: 2/2 (100%)"))
        #expect(run.stdout.contains("1 self-check item was not scored"))
        #expect(run.stdout.contains("Answer:\n    A server that answers 200 while its database is down is not healthy"))
        let partly = try LecternProcess.run(["quiz", page, "--answers", "A+C,B", "--data-dir", data.path])
        #expect(partly.stdout.contains("Score: 1/2 (50%)"))
        let usage = try LecternProcess.run(["quiz", page, "--answers", "A,B,C", "--data-dir", data.path])
        #expect(usage.status == 2)
        #expect(usage.stderr == "error: --answers has 3 answers but the quiz has 2 scored questions (1 self-check item takes no answer)\n")
    }

    @Test("quiz runs a partly keyed lesson, scoring the keyed questions and saying which are not")
    func partlyKeyed() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let lesson = Self.pairing.appendingPathComponent("missing-counterpart/Session4_Production_MCP_Deployment.md").path
        let run = try LecternProcess.run(["quiz", lesson, "--answers", "D,D,A,A,C,C,D,B,A,C", "--data-dir", data.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Score: 10/10 (100%)"))
        #expect(run.stdout.contains("1 self-check item was not scored"))
        let other = Self.pairing.appendingPathComponent("other-lesson/Session3_CrewAI_Team_Orchestration.md").path
        let refused = try LecternProcess.run(["quiz", other, "--answers", "A,B,B", "--data-dir", data.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is keyed for other questions"))
        #expect(refused.stderr.contains("the quiz cannot be taken: no question has a key"))
    }

    @Test("site build of the MkDocs course publishes what mkdocs.yml says, quizzes in place")
    func siteBuild() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try LecternProcess.run(["site", "build", Self.mkdocs, "--output", output.path])
        #expect(run.status == 0)
        #expect((run.stdout + run.stderr).contains("Built 8 pages"))
        let lesson = try String(contentsOf: output.appendingPathComponent("01_frameworks/Session4_Production_MCP_Deployment.html"), encoding: .utf8)
        #expect(lesson.contains(#"<form id="quiz" class="quiz""#))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("01_frameworks/Session4_Production_MCP_Deployment-quiz.html").path))
    }
}
