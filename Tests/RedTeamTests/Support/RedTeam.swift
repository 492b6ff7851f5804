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
        var grader = try Grader(exercise: exercise, track: track, sandbox: Bubblewrap())
        grader.differential.freshSeeds = []  // the fixed seeds' random sequences only: the same run every time
        return try await grader.grade(submission)
    }

    /// A fixture's grading, with its own marker and canary names.
    struct Graded {
        var report: GradingReport
        var marker: String
        var canary: String
    }

    /// Grades the fixture `name` ("swift/memory_bomb.patch", "python/fork_flood.py"). A `.patch`
    /// fixture is an attack planted in its track's starter: it is applied to the starter the way
    /// a mutant is built (``MutantBuilder``, GNU patch with no fuzz, in bubblewrap) and the
    /// result is graded as the track's entry file (`CircuitBreaker.swift`); any other fixture is
    /// graded as it is.
    static func grade(fixture name: String) async throws -> Graded {
        let unique = UUID().uuidString.prefix(8).lowercased()
        let marker = "\(markerPlaceholder)-\(unique)"
        let canary = "\(canaryPlaceholder)-\(unique)"
        let (text, fileName) = try await submission(fixture: name)
        let source = text
            .replacingOccurrences(of: markerPlaceholder, with: marker)
            .replacingOccurrences(of: canaryPlaceholder, with: canary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-redteam-\(unique)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        try Data(source.utf8).write(to: file)
        return Graded(report: try await grade(file), marker: marker, canary: canary)
    }

    /// Why a `.patch` fixture gave no submission.
    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    /// The source a fixture submits and the name of its file: a `.patch` fixture applied to
    /// the starter of the track its folder names, under the track's entry name; any other
    /// fixture as it is, under its own name.
    static func submission(fixture name: String) async throws -> (source: String, fileName: String) {
        let url = fixtures.appendingPathComponent(name)
        guard url.pathExtension == "patch" else {
            return (try String(contentsOf: url, encoding: .utf8), url.lastPathComponent)
        }
        let trackName = url.deletingLastPathComponent().lastPathComponent
        guard let track = try exercise().tracks.first(where: { $0.name == trackName }) else {
            throw FixtureError(description: "red-team fixture \(name): the exercise has no track '\(trackName)' to patch")
        }
        switch try await MutantBuilder(sandbox: Bubblewrap()).build(url, reference: track.starter) {
        case .success(let data):
            return (String(decoding: data, as: UTF8.self), track.entry)
        case .failure(let failure):
            throw FixtureError(description: "red-team fixture \(name) does not apply to the \(trackName) starter: \(failure)")
        }
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
