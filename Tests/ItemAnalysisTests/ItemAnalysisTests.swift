import Foundation
import Testing
@testable import ItemAnalysis

/// The hand-computed fixture: four questions (keys A, B, C, D), six attempts.
///
///     attempt  answers   item scores  total
///     s1       A B C D   1 1 1 1      4
///     s2       A B C A   1 1 1 0      3
///     s3       A B D D   1 1 0 1      3
///     s4       A C C B   1 0 1 0      2
///     s5       B B A A   0 1 0 0      1
///     s6       C A A D   0 0 0 1      1
///
/// Totals: mean 14/6 = 2.3333, median (2 + 3)/2 = 2.5, Σ(X − X̄)² = 7.3333, V(X) = 7.3333/5
/// = 1.46667, SD = 1.21106. Item variances: Q1 and Q2 (4 of 6 right) 1.3333/5 = 0.26667,
/// Q3 and Q4 (3 of 6) 1.5/5 = 0.3; their sum 1.13333. KR-20 = 4/3 · (1 − 1.13333/1.46667)
/// = 0.30303; error ratio √(1 − 0.30303) = 0.83485; SE = 0.83485 · 1.21106 = 1.01105.
///
/// Q1: x = 1 1 1 1 0 0, rest = 3 2 2 1 1 1; C(x, rest) = 1.3333/5 = 0.26667, V(rest) =
/// 3.3333/5 = 0.66667, r = 0.26667/√(0.26667 · 0.66667) = 0.63246. Sorted, x = 0 0 1 1 1 1
/// and rest = 1 1 1 2 2 3 give the same covariance, so the efficiency is 1.
/// Q3: x = 1 1 0 1 0 0, rest = 3 2 3 1 1 1; C = 0.5/5 = 0.1, V(rest) = 4.8333/5 = 0.96667,
/// r = 0.1/√(0.3 · 0.96667) = 0.18570.
/// Q4: x = 1 0 1 0 0 1, rest = 3 3 2 2 1 0; C = −0.5/5 = −0.1, V(rest) = 6.8333/5 = 1.36667,
/// r = −0.1/√(0.3 · 1.36667) = −0.15617: negative discrimination.
/// Groups: 27% of 6 = 1.62 → 2; top s1 s2, bottom s5 s6. Q1's option D: nobody chose it.
@Suite("Item analysis")
struct ItemAnalysisTests {
    static let fixture = Responses(
        items: [
            .init(number: 1, letters: ["A", "B", "C", "D"], correct: "A"),
            .init(number: 2, letters: ["A", "B", "C", "D"], correct: "B"),
            .init(number: 3, letters: ["A", "B", "C", "D"], correct: "C"),
            .init(number: 4, letters: ["A", "B", "C", "D"], correct: "D"),
        ],
        attempts: ["ABCD", "ABCA", "ABDD", "ACCB", "BBAA", "CAAD"].map { $0.map { String($0) } })

    let analysis = ItemAnalysis(fixture)

    @Test("test statistics: count, mean, median, SD, KR-20, error ratio, standard error")
    func testStatistics() throws {
        let test = analysis.test
        #expect(test.count == 6)
        #expect(test.maximum == 4)
        #expect(close(test.mean, 2.33333))
        #expect(close(test.median, 2.5))
        #expect(close(test.standardDeviation, 1.21106))
        #expect(close(test.kr20, 0.30303))
        #expect(close(test.errorRatio, 0.83485))
        #expect(close(test.standardError, 1.01105))
    }

    @Test("facility is the share right; discrimination the correlation with the rest of the test")
    func questionStatistics() throws {
        let questions = analysis.questions
        #expect(questions.map(\.number) == [1, 2, 3, 4])
        #expect(close(questions[0].facility, 4.0 / 6))
        #expect(close(questions[2].facility, 0.5))
        #expect(close(questions[0].discrimination, 0.63246))
        #expect(close(questions[2].discrimination, 0.18570))
        #expect(close(questions[3].discrimination, -0.15617))
        #expect(close(questions[0].discriminativeEfficiency, 1))
        #expect(questions[0].randomGuessScore == 0.25)
    }

    @Test("options: share overall and in the top and bottom 27%")
    func optionShares() throws {
        #expect(analysis.groupSize == 2)
        let options = analysis.questions[0].options
        #expect(options.map(\.count) == [4, 1, 1, 0])
        #expect(close(options[0].share, 4.0 / 6))
        #expect(options[0].topShare == 1)
        #expect(options[0].bottomShare == 0)
        #expect(options[1].bottomShare == 0.5)
        #expect(options[2].bottomShare == 0.5)
        #expect(options.map(\.isCorrect) == [true, false, false, false])
    }

    @Test("flags: negative discrimination, and a distractor nobody picks")
    func flags() {
        #expect(analysis.questions[3].flags.contains("negative-discrimination"))
        #expect(analysis.questions[0].flags == ["unpicked-distractor:D"])
        #expect(!analysis.questions[0].flags.contains("negative-discrimination"))
    }

    @Test("without spread the statistics that need it are null, not a division by zero")
    func degenerate() throws {
        let one = ItemAnalysis(Responses(items: Self.fixture.items, attempts: [["A", "B", "C", "D"]]))
        #expect(one.test.count == 1)
        #expect(one.test.standardDeviation == nil)
        #expect(one.test.kr20 == nil)
        #expect(one.questions[0].discrimination == nil)
        let none = ItemAnalysis(Responses(items: Self.fixture.items, attempts: []))
        #expect(none.test.mean == nil)
        #expect(none.groupSize == 0)
        #expect(none.questions[0].flags.isEmpty)
        let json = ItemAnalysisReport(analysis: one, sessionID: "s", sessionTitle: "S", allAttempts: false).json()
        #expect(json.contains("\"kr20\" : null"))
    }

    @Test("the JSON names what the report promises: questions[].number, facility, discrimination, options[], test.kr20")
    func jsonNames() throws {
        let json = ItemAnalysisReport(analysis: analysis, sessionID: "s", sessionTitle: "S", allAttempts: false).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let test = try #require(object["test"] as? [String: Any])
        #expect(close(test["kr20"] as? Double, 0.30303))
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.map { $0["number"] as? Int } == [1, 2, 3, 4])
        #expect(close(questions[0]["facility"] as? Double, 4.0 / 6))
        #expect(close(questions[3]["discrimination"] as? Double, -0.15617))
        #expect((questions[0]["options"] as? [[String: Any]])?.count == 4)
    }

    @Test("random responses agree with Python's statistics module (an independent implementation)")
    func agreesWithPythonStatistics() throws {
        var generator = LinearCongruential(seed: 20_261_129)
        let items = (1...6).map { Responses.Item(number: $0, letters: ["A", "B", "C", "D"], correct: ["A", "B", "C", "D"][$0 % 4]) }
        let attempts: [[String?]] = (0..<40).map { _ in
            let ability = Double(generator.next() % 100) / 100
            return items.map { item in
                Double(generator.next() % 100) / 100 < ability ? item.correct : ["A", "B", "C", "D"][Int(generator.next() % 4)]
            }
        }
        let analysis = ItemAnalysis(Responses(items: items, attempts: attempts))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reference.py")
        let input = try JSONSerialization.data(withJSONObject: [
            "keys": items.map(\.correct), "attempts": attempts.map { $0.map { $0 ?? "" } },
        ])
        let reference = try runPython(script: script.path, input: input)
        let test = try #require(reference["test"] as? [String: Double])
        #expect(close(analysis.test.mean, test["mean"]))
        #expect(close(analysis.test.median, test["median"]))
        #expect(close(analysis.test.standardDeviation, test["sd"]))
        #expect(close(analysis.test.kr20, test["kr20"]))
        let questions = try #require(reference["questions"] as? [[String: Double]])
        for (ours, theirs) in zip(analysis.questions, questions) {
            #expect(close(ours.facility, theirs["facility"]), "question \(ours.number)")
            #expect(close(ours.discrimination, theirs["discrimination"]), "question \(ours.number)")
            #expect(close(ours.discriminativeEfficiency, theirs["efficiency"]), "question \(ours.number)")
        }
    }

    func close(_ value: Double?, _ expected: Double?, tolerance: Double = 1e-4) -> Bool {
        guard let value, let expected else { return false }
        return abs(value - expected) <= tolerance
    }

    func runPython(script: String, input: Data) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// A small seeded generator, so the random responses are the same on every run.
struct LinearCongruential {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
