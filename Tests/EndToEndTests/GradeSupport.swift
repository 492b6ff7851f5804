import Foundation
import Testing
import TestSupport

/// Helpers of the `lectern grade` end-to-end tests.
enum GradeSupport {
    /// Whether bubblewrap can create its namespaces here. Where it cannot (some CI
    /// containers), the grading tests are skipped, visibly, with this reason: they never fall
    /// back to `--no-sandbox`, which would test another path than the one users run.
    static let sandboxWorks: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bwrap")
        process.arguments = ["--ro-bind", "/", "/", "--unshare-all", "--dev", "/dev", "--proc", "/proc", "true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The trait of a test or suite that grades through the real sandbox.
    static let needsSandbox = ConditionTrait.enabled(if: sandboxWorks, "bubblewrap cannot create namespaces on this machine")

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-grade-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the mutant that `patch` (a `mutants/*.patch` of the repository) makes of
    /// `reference` to `output`, with GNU patch as `lectern check` applies it (no fuzz).
    static func applyMutant(_ patch: String, to reference: String, output: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        process.arguments = ["--quiet", "--force", "--fuzz=0", "--no-backup-if-mismatch", "--reject-file=-",
                             "--output=\(output.path)", reference, patch]
        process.currentDirectoryURL = LecternProcess.repository
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PatchError(patch: patch) }
    }

    struct PatchError: Error { var patch: String }

    /// The Python reference of the circuit-breaker exercise.
    static let pythonReference = "exercises/circuit-breaker/python/reference/circuit_breaker.py"
}
