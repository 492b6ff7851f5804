import Foundation
import Testing
@testable import Sandbox

/// The --no-sandbox runner keeps the request's semantics without isolation.
@Suite struct UnsandboxedTests {
    let sandbox = Unsandboxed()

    @Test func runsTheCommandInAWorkDirHoldingOnlyTheRequestFiles() async throws {
        let result = try await sandbox.run(RunRequest(
            argv: ["python3", "-I", "main.py"],
            files: ["main.py": .data(Data("import os; print(sorted(os.listdir('.')))".utf8))]
        ))
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "['main.py']\n")
    }

    @Test func passesStdinAndReturnsTheObservationChannel() async throws {
        let script = "import os, sys; os.write(3, sys.stdin.readline().strip().encode()[::-1])"
        let result = try await sandbox.run(RunRequest(
            argv: ["python3", "-I", "-c", script], stdin: Data("abc\n".utf8), observationChannel: true
        ))
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.channel, as: UTF8.self) == "cba")
    }

    @Test func endsARunPastItsWallTime() async throws {
        var limits = Limits.standard
        limits.wallSeconds = 0.5
        let result = try await sandbox.run(RunRequest(argv: ["sleep", "30"], limits: limits))
        #expect(result.termination == .wallTimeLimit)
        #expect(result.wallTime < .seconds(1.5))
    }
}
