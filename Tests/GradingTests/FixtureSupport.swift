import Course
import Foundation
@testable import Grading
import Sandbox

/// The fixture exercise (Fixtures/adder) and helpers to grade its submissions.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let adder = folder.appendingPathComponent("adder")
    static let submissions = folder.appendingPathComponent("submissions")
    static let goldens = folder.appendingPathComponent("goldens")
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func exercise(_ url: URL = adder) throws -> Exercise {
        var diagnostics: [Diagnostic] = []
        guard let exercise = ExerciseLoader.load(url, displayDirectory: url.lastPathComponent, diagnostics: &diagnostics),
              !diagnostics.hasErrors else {
            throw FixtureError(diagnostics.map(\.description).joined(separator: "\n"))
        }
        return exercise
    }

    /// A grader of the fixture's track. The fixture's own files are trusted, so the tests do
    /// not depend on bubblewrap working where they run.
    static func grader(_ trackName: String, sandbox: any Sandbox = Unsandboxed()) throws -> Grader {
        let exercise = try exercise()
        guard let track = exercise.track(named: trackName) else { throw FixtureError("no track \(trackName)") }
        return try Grader(exercise: exercise, track: track, sandbox: sandbox)
    }

    static func grade(_ file: URL, track: String) async throws -> GradingReport {
        try await grader(track).grade(try Submission(file))
    }

    static func submission(_ name: String) -> URL { submissions.appendingPathComponent(name) }

    static func reference(_ track: String, _ entry: String) -> URL {
        adder.appendingPathComponent("\(track)/reference/\(entry)")
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
