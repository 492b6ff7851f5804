import Foundation
import Testing
import Sandbox

/// After a run, however it ended, no process of it is left on the machine.
@Suite struct CleanupTests {
    /// Host processes whose command line contains `marker`.
    static func processes(containing marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.contains(marker) ? "\(pid): \(line)" : nil
        }
    }

    /// Python that leaves a detached, signal-ignoring grandchild named by `marker` running,
    /// then does `ending`.
    static func leaveBehind(_ marker: String, then ending: String) -> String {
        """
        import os, signal, subprocess, time
        subprocess.Popen(['python3', '-c', 'import signal, time\\nfor s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT): signal.signal(s, signal.SIG_IGN)\\ntime.sleep(300)', '\(marker)'],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.2)
        \(ending)
        """
    }

    @Test(arguments: [
        ("exits at once", "os._exit(0)"),
        ("sleeps past the wall time", "time.sleep(60)"),
        ("spins past the CPU time", "while True: pass"),
        ("floods stdout", "while True: print('x' * 1000, flush=True)"),
        ("is killed by a signal", "os.kill(os.getpid(), signal.SIGKILL)"),
    ])
    func aDetachedGrandchildDoesNotOutliveTheRun(_ name: String, _ ending: String) async throws {
        let marker = "lectern-marker-\(UUID().uuidString)"
        let limits = Limits.standard.with {
            $0.wallSeconds = 2
            $0.cpuSeconds = 1
            $0.outputBytes = 32 << 10
        }
        let result = try await runPython(Self.leaveBehind(marker, then: ending), limits: limits)
        #expect(result.wallTime < .seconds(3), "\(name)")
        #expect(Self.processes(containing: marker).isEmpty, "\(name): \(result.stderrText)")
    }

    @Test func aCancelledRunIsKilledAndLeavesNothing() async throws {
        let marker = "lectern-marker-\(UUID().uuidString)"
        let task = Task { try await runPython(Self.leaveBehind(marker, then: "time.sleep(60)"), limits: Limits.standard.with { $0.wallSeconds = 90 }) }
        let clock = ContinuousClock()
        // Generous: with the whole suite running on two cores, the run itself may wait to start
        // (tests that block on a process hold the test runner's threads; a minute was seen).
        let giveUp = clock.now + .seconds(300)
        while Self.processes(containing: marker).isEmpty && clock.now < giveUp {
            try await Task.sleep(for: .milliseconds(20))
        }
        try #require(!Self.processes(containing: marker).isEmpty, "the marker must be running for this test to mean anything")
        task.cancel()
        await #expect(throws: SandboxError.cancelled) { try await task.value }
        #expect(Self.processes(containing: marker).isEmpty)
    }
}
