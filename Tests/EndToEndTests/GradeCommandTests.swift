import Foundation
import Testing
import TestSupport

@Suite("lectern grade, end to end", GradeSupport.needsSandbox)
struct GradeCommandTests {
    let python = "exercises/circuit-breaker/python"

    func grade(_ arguments: [String], dataDir: URL) throws -> LecternProcess.Result {
        try LecternProcess.run(["grade"] + arguments + ["--data-dir", dataDir.path])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func thePythonReferenceScoresFullMarksAndShowsInProgress() throws {
        let data = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try grade(["circuit-breaker", "\(python)/reference/circuit_breaker.py", "--require-pass"], dataDir: data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Total: 100/100"))
        let progress = try LecternProcess.run(["progress", "--data-dir", data.path])
        #expect(progress.stdout.contains("circuit-breaker (python)"), "\(progress.stdout)")
        #expect(progress.stdout.contains("best 100/100"), "\(progress.stdout)")
    }

    @Test func theSwiftReferenceScoresFullMarks() throws {
        let data = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try grade(["circuit-breaker", "exercises/circuit-breaker/swift/reference/CircuitBreaker.swift", "--format", "json", "--no-record"], dataDir: data)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["score"] as? Double == 100)
        #expect(report["status"] as? String == "graded")
    }

    @Test func theReportNamesItsRandomSequencesAndASeedCanBeReplayed() throws {
        let data = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try grade(["circuit-breaker", "\(python)/reference/circuit_breaker.py", "--seeds", "0", "--seed", "12345",
                                "--format", "json", "--no-record"], dataDir: data)
        #expect(result.status == 0, "\(result.stderr)")
        let differential = try #require(try json(result.stdout)["differential"] as? [String: Any])
        #expect(differential["freshSeeds"] as? [Int] == [12345])
        #expect(differential["fixedSeeds"] as? Int == 32)
        #expect(differential["compared"] as? Int == 33)
        #expect(differential["diverged"] as? Int == 0)
        let tooLarge = try grade(["circuit-breaker", "\(python)/reference/circuit_breaker.py", "--seed", "4294967296"], dataDir: data)
        #expect(tooLarge.status == 2)
        #expect(tooLarge.stderr.contains("--seed 4294967296 is too large"), "\(tooLarge.stderr)")
    }

    @Test func aMutantScoresLessNamesTheFailingTestAndFailsRequirePass() throws {
        let data = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let patches = try FileManager.default.contentsOfDirectory(atPath: LecternProcess.repository.appendingPathComponent("\(python)/mutants").path)
            .filter { $0.hasSuffix(".patch") }.sorted()
        let patch = try #require(patches.first)
        let mutant = data.appendingPathComponent("circuit_breaker.py")
        try GradeSupport.applyMutant("\(python)/mutants/\(patch)", to: GradeSupport.pythonReference, output: mutant)
        let result = try grade(["circuit-breaker", mutant.path, "--format", "json", "--require-pass", "--no-record"], dataDir: data)
        #expect(result.status == 1)
        let report = try json(result.stdout)
        #expect((report["score"] as? Double ?? 100) < 100)
        let tests = try #require(report["tests"] as? [[String: Any]])
        #expect(tests.contains { $0["status"] as? String != "pass" && !($0["name"] as? String ?? "").isEmpty && $0["message"] is String })
    }

    @Test func aSyntaxErrorIsStatusErrorAtTheLearnersLine() throws {
        let folder = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try String(contentsOf: LecternProcess.repository.appendingPathComponent("\(python)/reference/circuit_breaker.py"), encoding: .utf8)
        var lines = reference.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("class ") })
        lines[index] = String(lines[index].dropLast())  // drop the class line's colon
        let file = folder.appendingPathComponent("my_breaker.py")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let result = try grade(["circuit-breaker", file.path, "--format", "json", "--no-record"], dataDir: folder)
        #expect(result.status == 0)
        let report = try json(result.stdout)
        #expect(report["status"] as? String == "error")
        let message = try #require(report["message"] as? String)
        #expect(message.hasPrefix("my_breaker.py:\(index + 1):"), "\(message)")
        #expect(!message.contains("harness"))
    }

    @Test func usageErrorsExitTwo() throws {
        let data = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let missing = try grade(["circuit-breaker"], dataDir: data)
        #expect(missing.status == 2)
        let unknown = try grade(["no-such-exercise", "x.py"], dataDir: data)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no exercise 'no-such-exercise' (exercises: circuit-breaker)"))
        let noTrack = try grade(["circuit-breaker", "README.md" ], dataDir: data)
        #expect(noTrack.status == 2)
        #expect(noTrack.stderr.contains("pass --track"))
        let noCourse = try LecternProcess.run(["grade", "circuit-breaker", "x.py"], in: data)
        #expect(noCourse.status == 2)
        #expect(noCourse.stderr.contains("no exercise 'circuit-breaker' in the course at '.', which has no exercises"))
    }

    @Test func aBatchWritesSummariesResumesAndMerges() throws {
        let root = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let submissions = root.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        let repository = LecternProcess.repository
        try FileManager.default.copyItem(at: repository.appendingPathComponent("\(python)/reference/circuit_breaker.py"),
                                         to: submissions.appendingPathComponent("ada.py"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("\(python)/starter/circuit_breaker.py"),
                                         to: submissions.appendingPathComponent("bo.py"))
        try Data("def broken(:\n".utf8).write(to: submissions.appendingPathComponent("cy.py"))

        let first = try grade(["circuit-breaker", "--batch", submissions.path, "--jobs", "2", "--format", "junit"], dataDir: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 submissions (3 graded now, 0 up to date)"))
        let output = root.appendingPathComponent("class-grading")
        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv.contains("\nada.py,python,graded,100,100,70,30,"))
        #expect(csv.contains("\ncy.py,python,error,0,100,"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reports/ada.py.xml").path))

        let again = try grade(["circuit-breaker", "--batch", submissions.path, "--format", "junit", "--require-pass"], dataDir: root)
        #expect(again.status == 1)
        #expect(again.stdout.contains("(0 graded now, 3 up to date)"))

        for index in 1...2 {
            let shard = try grade(["circuit-breaker", "--batch", submissions.path, "--shard", "\(index)/2"], dataDir: root)
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = try LecternProcess.run(["grade", "--merge", output.appendingPathComponent("shard-1-of-2").path,
                                              output.appendingPathComponent("shard-2-of-2").path, "--output", root.appendingPathComponent("all").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("3 submissions"))
        let mergedCSV = try String(contentsOf: root.appendingPathComponent("all/summary.csv"), encoding: .utf8)
        #expect(mergedCSV.split(separator: "\n").count == 4)
    }
}
