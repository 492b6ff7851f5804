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

    @Test func passesOnlyTheRequestEnvironment() async throws {
        setenv("LECTERN_TEST_SECRET", "hunter2", 1)
        let result = try await runPython("import os; print(sorted(os.environ))", in: sandbox, environment: ["GIVEN": "1"])
        #expect(result.stdoutText == "['GIVEN', 'HOME', 'LANG', 'PATH', 'TMPDIR']\n")
    }

    @Test func endsASpinningRunAtTheCPULimit() async throws {
        let result = try await runPython("while True: pass", in: sandbox, limits: .standard.with {
            $0.cpuSeconds = 1
            $0.wallSeconds = 20
        })
        #expect(result.termination == .cpuTimeLimit)
    }

    @Test func endsAnAllocationPastTheMemoryLimit() async throws {
        let result = try await runPython("x = bytearray(1 << 30)", in: sandbox, limits: .standard.with { $0.memoryBytes = 256 << 20 })
        #expect(result.termination == .memoryLimit)
    }

    @Test func endsAFloodAtTheOutputLimit() async throws {
        let result = try await runPython("while True: print('x' * 1000)", in: sandbox, limits: .standard.with { $0.outputBytes = 16 << 10 })
        #expect(result.termination == .outputLimit)
        #expect(result.stdout.count == 16 << 10)
    }

    @Test func endsAFileWrittenPastTheDiskLimit() async throws {
        let result = try await runPython(
            "f = open('big', 'wb')\nwhile True: f.write(b'x' * 65536)", in: sandbox,
            limits: .standard.with { $0.diskBytes = 4 << 20 }
        )
        #expect(result.termination == .diskLimit)
    }

    @Test func collectsFilesAndRemovesItsScratchDirectory() async throws {
        let result = try await runPython(
            "import os; open('out.txt', 'w').write(os.getcwd())", in: sandbox, collect: ["out.txt"]
        )
        let workDir = try #require(result.collected["out.txt"].map { String(decoding: $0, as: UTF8.self) })
        #expect(workDir.hasSuffix("/work"))
        #expect(!FileManager.default.fileExists(atPath: workDir))
    }
}
