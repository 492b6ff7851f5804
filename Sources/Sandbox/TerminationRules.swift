import Foundation
import Glibc

/// How a run's end is classified, in this order (the first rule that applies wins):
///
/// 1. The sandbox killed the run at its wall-time deadline: ``RunResult/Termination/wallTimeLimit``.
/// 2. A stream (stdout, stderr, the channel) passed ``Limits/outputBytes``: `outputLimit`.
/// 3. The command died of `SIGXCPU`, or of `SIGKILL` having used at least ``Limits/cpuSeconds``
///    of CPU (the hard limit, one second past the soft one): `cpuTimeLimit`.
/// 4. The command died of `SIGXFSZ` (a file past ``Limits/diskBytes``), or did not succeed while
///    its writable file system was full (less than 64 KiB left): `diskLimit`.
/// 5. The command did not succeed and its stderr tells of a failed allocation (Python's
///    `MemoryError`, `Cannot allocate memory`, `std::bad_alloc`, `out of memory`, Swift's
///    "could not allocate"): `memoryLimit`. An address-space limit shows only as failed
///    allocations, which a program may report any way it likes or catch and survive, so this
///    rule reads the program's own words; a program can make itself look out of memory, never
///    better off.
/// 6. The command did not succeed and its stderr tells of a failed fork or thread creation
///    (`Resource temporarily unavailable`, `BlockingIOError`, `can't start new thread`,
///    `fork: retry`): `processLimit`, by the same reasoning.
/// 7. Otherwise ``RunResult/Termination/exited(_:)`` or ``RunResult/Termination/signaled(_:)``.
public enum TerminationRules {
    /// Free bytes below which a run's writable file system counts as full.
    public static let fullDiskSlack = 64 << 10

    static let memoryMarkers = [
        "MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory",
        "Out of memory", "could not allocate", "failed to allocate",
    ]
    static let processMarkers = [
        "Resource temporarily unavailable", "BlockingIOError", "can't start new thread",
        "fork: retry", "Cannot fork", "cannot fork",
    ]

    static func classify(
        status: RawStatus, killed: KillReason?, cpuTime: Duration,
        stderr: Data, diskFull: Bool, limits: Limits
    ) -> RunResult.Termination {
        switch killed {
        case .wallTime, .cancelled: return .wallTimeLimit
        case .output: return .outputLimit
        case nil: break
        }
        if case .signaled(let signal) = status {
            if signal == SIGXCPU { return .cpuTimeLimit }
            if signal == SIGKILL && cpuTime >= .seconds(limits.cpuSeconds) { return .cpuTimeLimit }
            if signal == SIGXFSZ { return .diskLimit }
        }
        if status == .exited(0) { return .exited(0) }
        if diskFull { return .diskLimit }
        let text = String(decoding: stderr.suffix(64 << 10), as: UTF8.self)
        if memoryMarkers.contains(where: text.contains) { return .memoryLimit }
        if processMarkers.contains(where: text.contains) { return .processLimit }
        switch status {
        case .exited(let code): return .exited(code)
        case .signaled(let signal): return .signaled(signal)
        }
    }
}
