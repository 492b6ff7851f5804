import Foundation

/// Helpers of the `lectern grade` end-to-end tests.
enum GradeSupport {
    /// `--no-sandbox` where bubblewrap cannot create namespaces (some CI containers), so the
    /// tests still run the grading path there; nothing where the real sandbox works.
    static let sandboxArguments: [String] = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bwrap")
        process.arguments = ["--ro-bind", "/", "/", "--unshare-all", "--dev", "/dev", "--proc", "/proc", "true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return ["--no-sandbox"] }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [] : ["--no-sandbox"]
    }()

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-grade-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The Python reference of the circuit-breaker exercise.
    static let pythonReference = "exercises/circuit-breaker/python/reference/circuit_breaker.py"
}
