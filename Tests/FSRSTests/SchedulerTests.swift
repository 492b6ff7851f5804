import Foundation
import Testing
@testable import FSRS

@Suite("FSRS-6 scheduler")
struct SchedulerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let scheduler = Scheduler()

    @Test("a new card rated Good: S = w2, D = w4 − e^(2·w5) + 1, next learning step in 10 minutes")
    func firstGood() {
        let card = scheduler.review(Card(due: start), rating: .good, at: start)
        #expect(card.stability == 2.3065)
        #expect(abs(card.difficulty! - (6.4133 - exp(2 * 0.8334) + 1)) < 1e-12)
        #expect(card.state == .learning)
        #expect(card.step == 1)
        #expect(card.due == start.addingTimeInterval(600))
    }

    @Test("a new card rated Again stays at the first learning step, due in a minute")
    func firstAgain() {
        let card = scheduler.review(Card(due: start), rating: .again, at: start)
        #expect(card.stability == 0.212)
        #expect(card.step == 0)
        #expect(card.due == start.addingTimeInterval(60))
    }

    @Test("graduating from the last learning step schedules whole days at 90% retention")
    func graduates() {
        var card = scheduler.review(Card(due: start), rating: .good, at: start)
        card = scheduler.review(card, rating: .good, at: start.addingTimeInterval(600))
        #expect(card.state == .review)
        #expect(card.step == nil)
        let days = card.due.timeIntervalSince(start.addingTimeInterval(600)) / 86_400
        #expect(days == days.rounded() && days >= 1)
        // At the due day the predicted recall is the desired retention (within a day's rounding).
        #expect(abs(scheduler.retrievability(of: card, at: card.due) - 0.9) < 0.02)
    }

    @Test("the scheduler agrees with the reference implementation (PyPI fsrs 6.3.2) over random histories")
    func agreesWithReference() throws {
        let python = try ReferencePython.interpreter()
        var generator = SplitMix(seed: 42)
        let gaps: [TimeInterval] = [30, 60, 300, 600, 3_600, 20_000, 86_400, 2 * 86_400, 5 * 86_400, 17 * 86_400, 60 * 86_400, 400 * 86_400]
        var histories: [[(Rating, Date)]] = []
        for _ in 0..<200 {
            var when = start.addingTimeInterval(Double(generator.next() % 86_400))
            var history: [(Rating, Date)] = []
            for _ in 0..<(1 + Int(generator.next() % 14)) {
                // Mostly Again and Good, as lectern rates answers; Hard and Easy too.
                let draw = generator.next() % 10
                let rating: Rating = draw < 4 ? .again : draw < 8 ? .good : draw == 8 ? .hard : .easy
                history.append((rating, when))
                when = when.addingTimeInterval(gaps[Int(generator.next() % UInt64(gaps.count))] + Double(generator.next() % 3_600))
            }
            histories.append(history)
        }
        let input = try JSONSerialization.data(withJSONObject: [
            "histories": histories.map { $0.map { [$0.0.rawValue, $0.1.timeIntervalSince1970] } },
        ])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reference.py")
        let reference = try #require(try ReferencePython.run(python, script: script.path, input: input) as? [[[String: Any]]])
        #expect(reference.count == histories.count)
        var compared = 0
        for (history, expectedSteps) in zip(histories, reference) {
            var card = Card(due: history[0].1)
            for ((rating, when), expected) in zip(history, expectedSteps) {
                card = scheduler.review(card, rating: rating, at: when)
                compared += 1
                #expect(card.state.rawValue == expected["state"] as? Int)
                #expect(card.step == expected["step"] as? Int)
                #expect(relativelyClose(card.stability, expected["stability"] as? Double))
                #expect(relativelyClose(card.difficulty, expected["difficulty"] as? Double))
                #expect(abs(card.due.timeIntervalSince1970 - ((expected["due"] as? Double) ?? 0)) < 0.001)
            }
        }
        #expect(compared > 1_000)
    }

    func relativelyClose(_ value: Double?, _ expected: Double?) -> Bool {
        guard let value, let expected else { return value == nil && expected == nil }
        return abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }
}

/// A seeded generator for the random histories.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The reference implementation in a venv under .build/ (made by scripts/test, or here on
/// first use): PyPI's `fsrs`, pinned to 6.3.2, which implements FSRS-6.
enum ReferencePython {
    static let version = "6.3.2"
    static let venv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/fsrs-venv")

    static func interpreter() throws -> URL {
        let python = venv.appendingPathComponent("bin/python")
        if FileManager.default.isExecutableFile(atPath: python.path),
           (try? run(python, arguments: ["-c", "import fsrs"])) != nil {
            return python
        }
        _ = try run(URL(fileURLWithPath: "/usr/bin/python3"), arguments: ["-m", "venv", venv.path])
        _ = try run(python, arguments: ["-m", "pip", "install", "-q", "fsrs==\(version)"])
        return python
    }

    static func run(_ python: URL, script: String, input: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: try run(python, arguments: [script], input: input))
    }

    @discardableResult
    static func run(_ executable: URL, arguments: [String], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceError(message: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return data
    }

    struct ReferenceError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
