import Course
import Foundation
import Grading
import Sandbox

/// Grading hostile submissions of the circuit-breaker exercise with the real sandbox.
///
/// The limits are the exercise's, tightened so a bomb costs seconds, not the default ten;
/// the reference still passes every test under them (RedTeamBaselineTests).
enum RedTeam {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exerciseFolder = repository.appendingPathComponent("exercises/circuit-breaker")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A secret in the grader's environment that no report may ever show.
    static let secret: String = {
        let value = "lectern-redteam-secret-\(UUID().uuidString)"
        setenv("LECTERN_REDTEAM_SECRET", value, 1)
        return value
    }()

    /// The name attacks give to processes they try to leave behind, and the file name they
    /// try to create everywhere. Each grading replaces them with names of its own, so checks
    /// of one attack never see another's.
    static let markerPlaceholder = "lectern-redteam-marker"
    static let canaryPlaceholder = "lectern-redteam-pwned"

    static let limits: ExerciseLimits = {
        var limits = ExerciseLimits()
        limits.wallSeconds = 4
        limits.cpuSeconds = 2
        limits.memoryMB = 256
        limits.processes = 32
        limits.outputKB = 64
        limits.diskMB = 8
        limits.compileWallSeconds = 45
        limits.compileMemoryMB = 2048
        return limits
    }()

    static func exercise() throws -> Exercise {
        var exercise = try ExerciseLocator.locate(exerciseFolder.path, course: repository.appendingPathComponent("content").path)
        exercise.limits = limits
        return exercise
    }

    /// Grades the file at `url` on the track its extension names, in bubblewrap.
    static func grade(_ url: URL) async throws -> GradingReport {
        _ = secret
        let exercise = try exercise()
        let submission = try Submission(url)
        let track = try ExerciseLocator.track(nil, of: exercise, for: submission)
        let grader = try Grader(exercise: exercise, track: track, sandbox: Bubblewrap())
        return try await grader.grade(submission)
    }

    /// A fixture's grading, with its own marker and canary names.
    struct Graded {
        var report: GradingReport
        var marker: String
        var canary: String
    }

    static func grade(fixture name: String) async throws -> Graded {
        let unique = UUID().uuidString.prefix(8).lowercased()
        let marker = "\(markerPlaceholder)-\(unique)"
        let canary = "\(canaryPlaceholder)-\(unique)"
        let source = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: markerPlaceholder, with: marker)
            .replacingOccurrences(of: canaryPlaceholder, with: canary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-redteam-\(unique)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent((name as NSString).lastPathComponent)
        try Data(source.utf8).write(to: file)
        return Graded(report: try await grade(file), marker: marker, canary: canary)
    }

    static func starter(_ track: String) -> URL {
        exerciseFolder.appendingPathComponent(track == "python" ? "python/starter/circuit_breaker.py" : "swift/starter/CircuitBreaker.swift")
    }

    static func reference(_ track: String) -> URL {
        exerciseFolder.appendingPathComponent(track == "python" ? "python/reference/circuit_breaker.py" : "swift/reference/CircuitBreaker.swift")
    }

    /// The honest empty submission's score on `track`: the unchanged starter, which implements
    /// nothing. Graded once per track and remembered.
    static func emptyScore(_ track: String) async throws -> Double {
        try await Baselines.shared.score(track)
    }

    /// The whole report as JSON, the way `--format json` prints it, for searching.
    static func text(of report: GradingReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// Starter scores, computed once.
actor Baselines {
    static let shared = Baselines()
    private var scores: [String: Task<Double, any Error>] = [:]

    func score(_ track: String) async throws -> Double {
        if let task = scores[track] { return try await task.value }
        let task = Task { try await RedTeam.grade(RedTeam.starter(track)).score }
        scores[track] = task
        return try await task.value
    }
}
