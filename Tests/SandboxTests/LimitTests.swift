import Foundation
import Testing
import Sandbox

/// Each limit ends a run with its own termination, within the limit plus a second.
@Suite struct LimitTests {
    static let tight = Limits.standard.with {
        $0.wallSeconds = 5
        $0.cpuSeconds = 1
        $0.memoryBytes = 256 << 20
        $0.processes = 16
        $0.outputBytes = 64 << 10
        $0.diskBytes = 4 << 20
    }

    @Test func sleepingPastTheWallTimeEndsAtTheWallTimeLimit() async throws {
        let limits = Self.tight.with { $0.wallSeconds = 1 }
        let result = try await runPython("import time; time.sleep(60)", limits: limits)
        #expect(result.termination == .wallTimeLimit)
        #expect(result.wallTime < .seconds(2))
    }

    // CPU limits are measured in CPU time, which other tests running at once on the same
    // cores stretch in wall time; so these give the wall clock room and check the CPU used.
    @Test func spinningPastTheCPUTimeEndsAtTheCPULimit() async throws {
        let result = try await runPython("while True: pass", limits: Self.tight.with { $0.wallSeconds = 20 })
        #expect(result.termination == .cpuTimeLimit)
        #expect(result.cpuTime < .seconds(2))
    }

    @Test func spinningWhileIgnoringSIGXCPUEndsAtTheCPULimit() async throws {
        let result = try await runPython(
            "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True: pass",
            limits: Self.tight.with { $0.wallSeconds = 20 }
        )
        #expect(result.termination == .cpuTimeLimit)
        #expect(result.cpuTime < .seconds(2.5))
    }

    @Test func allocatingPastTheMemoryEndsAtTheMemoryLimit() async throws {
        let result = try await runPython("x = bytearray(1 << 30)", limits: Self.tight)
        #expect(result.termination == .memoryLimit)
        #expect(result.wallTime < .seconds(6))
    }

    @Test func growingAListPastTheMemoryEndsAtTheMemoryLimit() async throws {
        let result = try await runPython("x = []\nwhile True: x.append(' ' * 100000)", limits: Self.tight)
        #expect(result.termination == .memoryLimit)
    }

    @Test func forkingPastTheProcessCountEndsAtTheProcessLimit() async throws {
        let result = try await runPython("""
            import os, time
            while True:
                if os.fork() == 0:
                    time.sleep(30)
                    os._exit(0)
            """, limits: Self.tight)
        #expect(result.termination == .processLimit)
        #expect(result.wallTime < .seconds(6))
    }

    @Test func printingPastTheOutputBoundEndsAtTheOutputLimit() async throws {
        let result = try await runPython("while True: print('x' * 1000)", limits: Self.tight)
        #expect(result.termination == .outputLimit)
        #expect(result.stdoutTruncated)
        #expect(result.stdout.count == Self.tight.outputBytes)
        #expect(result.wallTime < .seconds(6))
    }

    @Test func writingStderrPastTheOutputBoundEndsAtTheOutputLimit() async throws {
        let result = try await runPython("import sys\nwhile True: sys.stderr.write('x' * 1000)", limits: Self.tight)
        #expect(result.termination == .outputLimit)
        #expect(result.stderrTruncated)
        #expect(result.stderr.count == Self.tight.outputBytes)
    }

    @Test func floodingTheChannelEndsAtTheOutputLimit() async throws {
        let result = try await runPython("import os\nwhile True: os.write(3, b'x' * 1000)", limits: Self.tight, channel: true)
        #expect(result.termination == .outputLimit)
        #expect(result.channelTruncated)
        #expect(result.channel.count == Self.tight.outputBytes)
    }

    @Test func oneFilePastTheDiskSizeEndsAtTheDiskLimit() async throws {
        let result = try await runPython("""
            with open('big', 'wb') as f:
                while True: f.write(b'x' * 65536)
            """, limits: Self.tight)
        #expect(result.termination == .diskLimit)
        #expect(result.wallTime < .seconds(6))
    }

    @Test func manyFilesFillingTheTmpfsEndAtTheDiskLimit() async throws {
        let result = try await runPython("""
            import itertools
            for i in itertools.count():
                with open(f'/tmp/f{i}', 'wb') as f: f.write(b'x' * 100000)
            """, limits: Self.tight)
        #expect(result.termination == .diskLimit)
    }

    @Test func submissionFilesLargerThanTheDiskEndAtTheDiskLimit() async throws {
        let result = try await runPython("print('never')", limits: Self.tight, files: ["big.bin": .data(Data(count: 5 << 20))])
        #expect(result.termination == .diskLimit)
        #expect(result.stdout.isEmpty)
    }

    @Test func aRunWithinEveryLimitExitsNormally() async throws {
        let result = try await runPython("import sys; print('fine'); sys.exit(3)", limits: Self.tight)
        #expect(result.termination == .exited(3))
        #expect(result.stdoutText == "fine\n")
    }

    @Test func aCrashIsReportedAsItsSignal() async throws {
        let result = try await runPython("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", limits: Self.tight)
        #expect(result.termination == .signaled(SIGSEGV))
    }
}
