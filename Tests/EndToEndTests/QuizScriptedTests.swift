import Foundation
import Testing
import TestSupport

/// `lectern quiz` without a terminal: `--answers`, piped answers, JSON, exit codes, the store.
@Suite("lectern quiz, scripted")
struct QuizScriptedTests {
    static let key = "D,D,A,A,C,C,D,B,A,C"
    static let seedFile = LecternProcess.repository.appendingPathComponent("Tests/QuizTests/Fixtures/seed.txt").path

    @Test("the answer key scores 10/10, Expert level, and progress lists the attempt")
    func perfectScoreRecorded() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try QuizProcess.run(["quiz", "--answers", Self.key, "--format", "json", "--data-dir", data.path])
        #expect(run.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["score"] as? Int == 10)
        #expect(json["total"] as? Int == 10)
        #expect((json["band"] as? [String: Any])?["label"] as? String == "Expert level")
        #expect((json["session"] as? [String: Any])?["id"] as? String == "04-production-mcp-deployment")
        #expect(json["startedAt"] is String)
        #expect(json["finishedAt"] is String)
        let progress = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(progress.exitCode == 0)
        #expect(progress.stdout.contains("Session 4: Production MCP Deployment (04-production-mcp-deployment)"))
        #expect(progress.stdout.contains("1 attempt, best 10/10 (100%) Expert level, last "))
    }

    @Test("a wrong number of --answers is a usage error naming both counts")
    func wrongCount() throws {
        let run = try QuizProcess.run(["quiz", "--answers", "D,D,A", "--data-dir", QuizProcess.dataDirectory().path])
        #expect(run.exitCode == 2)
        #expect(run.stderr == "error: --answers has 3 answers but the quiz has 10 scored questions\n")
        #expect(run.stdout.isEmpty)
    }

    @Test("an invalid letter is a usage error naming its position")
    func invalidLetter() throws {
        let run = try QuizProcess.run(["quiz", "--answers", "D,D,E,A,C,C,D,B,A,C", "--data-dir", QuizProcess.dataDirectory().path])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("answer 3 is \"E\", not a letter A-D of question 3"))
    }

    @Test("answers piped on stdin run without prompts or colour codes")
    func pipedAnswers() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try QuizProcess.run(["quiz", "--data-dir", data.path], stdin: Self.key.replacingOccurrences(of: ",", with: "\n") + "\n")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("Score: 10/10 (100%)"))
        #expect(!run.stdout.contains("Your answer (A-D)"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test("answers piped with CRLF line ends and a UTF-8 byte order mark are read as plain lines")
    func crlfAndByteOrderMark() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let windows = "\u{FEFF}" + Self.key.replacingOccurrences(of: ",", with: "\r\n") + "\r\n"
        let run = try QuizProcess.run(["quiz", "--data-dir", data.path], stdin: windows)
        #expect(run.stderr == "")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("Score: 10/10 (100%)"))
    }

    @Test("input ending mid-quiz prints what was answered, saves it incomplete, exits 1")
    func endOfInputMidQuiz() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try QuizProcess.run(["quiz", "--data-dir", data.path], stdin: "D\nA\nA\n")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("Input ended before the quiz did after 3 of 10 questions."))
        #expect(run.stdout.contains("So far: 2 correct of 3 answered (10 questions)."))
        let progress = try QuizProcess.run(["progress", "--format", "json", "--data-dir", data.path])
        #expect(progress.stdout.contains(#""completeAttempts" : 0"#))
        #expect(progress.stdout.contains(#""attempts" : 1"#))
    }

    @Test("a damaged database is reported at the start; the result is still printed, also as JSON")
    func corruptDatabase() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let file = data.appendingPathComponent("progress.sqlite")
        let garbage = Data(repeating: 0x5A, count: 2048)
        try garbage.write(to: file)
        let run = try QuizProcess.run(["quiz", "--answers", Self.key, "--data-dir", data.path])
        #expect(run.exitCode == 0)
        #expect(run.stderr.hasPrefix("warning: the progress database \(file.path) is damaged or not a database"))
        #expect(run.stdout.contains("Score: 10/10 (100%)"))
        #expect(run.stdout.contains(#""score" : 10"#))
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test("a data directory that cannot be made is reported; the result is printed as JSON")
    func unwritableDataDirectory() throws {
        let parent = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let blocker = parent.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let run = try QuizProcess.run(["quiz", "--answers", Self.key, "--data-dir", blocker.appendingPathComponent("lectern").path])
        #expect(run.exitCode == 0)
        #expect(run.stderr.hasPrefix("warning: cannot write the progress database"))
        #expect(run.stdout.contains(#""score" : 10"#))
    }

    @Test("any markdown file holding a quiz can be taken by its path: the seed page")
    func seedFileByPath() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try QuizProcess.run(["quiz", Self.seedFile, "--answers", "D,D,A,A,C,C,D,B,A,A", "--data-dir", data.path])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("Score: 9/10 (90%)"))
        #expect(run.stdout.contains("Band: Proficient - Strong understanding of production operations"))
    }

    @Test("--review all reviews every question, right ones too")
    func reviewAll() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try QuizProcess.run(["quiz", "--answers", Self.key, "--review", "all", "--data-dir", data.path])
        #expect(run.stdout.contains("Review of every question"))
        #expect(run.stdout.components(separatedBy: "Correct answer:").count == 11)
    }

    @Test("--shuffle --seed gives the same order on every run, and another seed another order")
    func seededShuffle() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        func order(_ seed: String) throws -> String {
            let run = try QuizProcess.run(["quiz", "--shuffle", "--seed", seed, "--answers", "A,A,A,A,A,A,A,A,A,A", "--review", "all", "--data-dir", data.path])
            #expect(run.exitCode == 0)
            return run.stdout.split(separator: "\n").filter { $0.hasPrefix("Question ") || $0.hasPrefix("  A) ") }.joined(separator: "\n")
        }
        let first = try order("7")
        #expect(try order("7") == first)
        #expect(try order("8") != first)
    }

    @Test("a session is found by number, by id, and by the path of its quiz page")
    func sessionReferences() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        for reference in ["4", "04-production-mcp-deployment", "content/04-production-mcp-deployment/quiz.md"] {
            let run = try QuizProcess.run(["quiz", reference, "--answers", Self.key, "--format", "json", "--data-dir", data.path])
            #expect(run.exitCode == 0)
            #expect(run.stdout.contains(#""id" : "04-production-mcp-deployment""#))
        }
    }

    @Test("an unknown session is a usage error listing the sessions there are")
    func unknownSession() throws {
        let run = try QuizProcess.run(["quiz", "7", "--answers", Self.key, "--data-dir", QuizProcess.dataDirectory().path])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("error: no session \"7\" in content"))
        #expect(run.stderr.contains("4  04-production-mcp-deployment: Session 4: Production MCP Deployment"))
    }

    @Test("progress on a damaged database says so and exits 1")
    func progressOnCorruptDatabase() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 2048).write(to: data.appendingPathComponent("progress.sqlite"))
        let run = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("is damaged or not a database"))
    }

    @Test("progress before any attempt says how to start, and creates nothing")
    func progressEmpty() throws {
        let data = QuizProcess.dataDirectory()
        let run = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("No quiz attempts yet: take one with `lectern quiz`."))
        #expect(!FileManager.default.fileExists(atPath: data.path))
    }

    @Test("--resume takes up a scripted attempt that ended early: the answers go to the questions left, one attempt is kept")
    func resumeScripted() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try QuizProcess.run(["quiz", "--data-dir", data.path], stdin: "D\nD\nA\n")
        #expect(first.exitCode == 1)
        let second = try QuizProcess.run(["quiz", "--resume", "--answers", "A,C,C,D,B,A,C", "--format", "json", "--data-dir", data.path])
        #expect(second.stderr == "")
        #expect(second.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(json["score"] as? Int == 10)
        #expect(json["status"] as? String == "completed")
        #expect(json["durationSeconds"] is NSNull)  // answers given up front are not timed
        let progress = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(progress.stdout.contains("1 attempt, best 10/10 (100%) Expert level"))
    }

    @Test("--resume on a quiz with several right answers and a self-check item: the answers go to the scored questions left")
    func resumeMultipleAnswers() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mixed = LecternProcess.repository.appendingPathComponent("Tests/QuizTerminalTests/Fixtures/mixed.md").path
        let first = try QuizProcess.run(["quiz", mixed, "--data-dir", data.path], stdin: "A\r\nA,C, D\r\n")
        #expect(first.exitCode == 1)
        let tooMany = try QuizProcess.run(["quiz", mixed, "--resume", "--answers", "A,A+C", "--data-dir", data.path])
        #expect(tooMany.exitCode == 2)
        #expect(tooMany.stderr.contains("--answers has 2 answers but 1 question is left to answer"))
        let second = try QuizProcess.run(["quiz", mixed, "--resume", "--answers", "c+a", "--format", "json", "--data-dir", data.path])
        #expect(second.stderr == "")
        #expect(second.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(json["score"] as? Int == 3)
        #expect(json["total"] as? Int == 3)
        #expect(json["selfCheckItems"] as? Int == 1)
        #expect(json["status"] as? String == "completed")
        let answers = try #require(json["answers"] as? [[String: Any]])
        #expect(answers.map { $0["chosen"] as? String } == ["A", "A+C+D", nil, "A+C"])
        #expect(answers[2]["selfCheck"] as? Bool == true)
        #expect(answers[2]["revealed"] as? Bool == true)
        #expect(answers[0]["revealed"] is NSNull)
        #expect(answers[1]["seconds"] is NSNull)
        #expect(json["durationSeconds"] is NSNull)
        let progress = try QuizProcess.run(["progress", "--data-dir", data.path])
        #expect(progress.stdout.contains("1 attempt, best 3/3 (100%)"))
    }

    @Test("--resume keeps a shuffled attempt's order: shown letters over two sittings mean what they meant in one")
    func resumeShuffled() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        func result(_ run: QuizProcessResult) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        }
        let oneSitting = try result(QuizProcess.run(
            ["quiz", "--seed", "11", "--answers", "A,A,A,A,A,A,A,A,A,A", "--format", "json", "--data-dir", data.path]))
        let partial = try QuizProcess.run(["quiz", "--seed", "11", "--data-dir", data.path], stdin: "A\nA\n")
        #expect(partial.exitCode == 1)
        let resumed = try result(QuizProcess.run(
            ["quiz", "--resume", "--answers", "A,A,A,A,A,A,A,A", "--format", "json", "--data-dir", data.path]))
        #expect(resumed["shuffleSeed"] as? Int == 11)
        #expect(resumed["score"] as? Int == oneSitting["score"] as? Int)
        let chosen = { (json: [String: Any]) in (json["answers"] as? [[String: Any]])?.map { $0["chosen"] as? String } }
        #expect(chosen(resumed) == chosen(oneSitting))
        #expect(chosen(resumed)?.contains(nil) == false)
    }

    @Test("--resume with nothing cut short says so and exits 1; with --shuffle it is a usage error")
    func resumeRefused() throws {
        let data = QuizProcess.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let nothing = try QuizProcess.run(["quiz", "--resume", "--answers", Self.key, "--data-dir", data.path])
        #expect(nothing.exitCode == 1)
        #expect(nothing.stderr.contains("nothing to resume: no attempt at this course ended early"))
        let shuffled = try QuizProcess.run(["quiz", "--resume", "--shuffle", "--data-dir", data.path])
        #expect(shuffled.exitCode == 2)
        #expect(shuffled.stderr.contains("--resume takes the attempt up in its own order"))
    }

    @Test("--resume refuses an attempt on a quiz edited since, as its answers no longer apply")
    func resumeAfterEdit() throws {
        let data = QuizProcess.dataDirectory()
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-resume-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: course)
        }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: QuizSessionsPtyTests.twoSessions), to: course)
        let partial = try QuizProcess.run(["quiz", "1", "--course", course.path, "--data-dir", data.path], stdin: "B\n")
        #expect(partial.exitCode == 1)
        let quiz = course.appendingPathComponent("01-basics/quiz.md")
        let text = try String(contentsOf: quiz, encoding: .utf8).replacingOccurrences(of: "B) Four", with: "B) Five")
        try text.write(to: quiz, atomically: true, encoding: .utf8)
        let resumed = try QuizProcess.run(["quiz", "--resume", "--course", course.path, "--answers", "A", "--data-dir", data.path])
        #expect(resumed.exitCode == 1)
        #expect(resumed.stderr.contains("the quiz has changed since, so its answers no longer apply"))
    }
}
