import Foundation
import Glibc
import Testing
@testable import Sandbox

/// How a run's end is named (TerminationRules), one rule per test, first match wins.
@Suite struct TerminationRulesTests {
    let limits = Limits.standard.with { $0.cpuSeconds = 2 }

    func classify(
        _ status: RawStatus, killed: KillReason? = nil, cpu: Duration = .zero,
        stderr: String = "", diskFull: Bool = false
    ) -> RunResult.Termination {
        TerminationRules.classify(status: status, killed: killed, cpuTime: cpu, stderr: Data(stderr.utf8), diskFull: diskFull, limits: limits)
    }

    @Test func aWallTimeKillWinsOverEverything() {
        #expect(classify(.signaled(SIGKILL), killed: .wallTime, cpu: .seconds(5), stderr: "MemoryError") == .wallTimeLimit)
    }

    @Test func anOutputKillIsTheOutputLimit() {
        #expect(classify(.signaled(SIGKILL), killed: .output) == .outputLimit)
    }

    @Test func sigxcpuIsTheCPULimit() {
        #expect(classify(.signaled(SIGXCPU)) == .cpuTimeLimit)
    }

    @Test func sigkillAfterTheCPULimitIsTheCPULimit() {
        #expect(classify(.signaled(SIGKILL), cpu: .seconds(3)) == .cpuTimeLimit)
    }

    @Test func sigkillBeforeTheCPULimitIsJustTheSignal() {
        #expect(classify(.signaled(SIGKILL), cpu: .milliseconds(100)) == .signaled(SIGKILL))
    }

    @Test func sigxfszIsTheDiskLimit() {
        #expect(classify(.signaled(SIGXFSZ)) == .diskLimit)
    }

    @Test func aFailureWithAFullDiskIsTheDiskLimit() {
        #expect(classify(.exited(1), stderr: "OSError: [Errno 28] No space left on device", diskFull: true) == .diskLimit)
    }

    @Test(arguments: ["MemoryError", "OSError: [Errno 12] Cannot allocate memory", "terminate called after throwing an instance of 'std::bad_alloc'",
                      "Fatal error: failed to allocate 16777248 bytes of memory with alignment 8"])
    func aFailureThatReportsAFailedAllocationIsTheMemoryLimit(_ stderr: String) {
        #expect(classify(.exited(1), stderr: stderr) == .memoryLimit)
    }

    @Test(arguments: ["BlockingIOError: [Errno 11] Resource temporarily unavailable", "sh: 0: Cannot fork",
                      "RuntimeError: can't start new thread"])
    func aFailureThatReportsAFailedForkIsTheProcessLimit(_ stderr: String) {
        #expect(classify(.exited(1), stderr: stderr) == .processLimit)
    }

    @Test func aSuccessIsASuccessWhateverItPrinted() {
        #expect(classify(.exited(0), stderr: "MemoryError", diskFull: true) == .exited(0))
    }

    @Test func anOrdinaryFailureKeepsItsStatus() {
        #expect(classify(.exited(3), stderr: "ValueError: nope") == .exited(3))
        #expect(classify(.signaled(SIGSEGV)) == .signaled(SIGSEGV))
    }
}
