import Foundation
import Glibc

/// How a child's own process ended, as `wait4` saw it.
enum RawStatus: Equatable {
    case exited(Int32)
    case signaled(Int32)
}

/// Why the pump killed the child, if it did.
enum KillReason: Equatable {
    case wallTime
    case output
    case cancelled
}

/// What one pumped child left: its status, its bounded streams, and its cost.
struct PumpOutcome {
    var status: RawStatus
    var killed: KillReason?
    var streams: [BoundedBuffer]
    var wallTime: Duration
    var cpuTime: Duration
}

/// Reads a child's pipes until it ends, killing its whole process group when the deadline
/// passes, when a stream exceeds its bound, or when `cancel` becomes readable. Blocking: run
/// it on its own thread. Never waits past the deadline plus the time the kernel takes to reap
/// a SIGKILLed process.
struct Pump {
    var pid: pid_t
    /// Read ends of the child's output pipes; the pump owns and closes them.
    var streams: [(fd: CInt, bound: Int)]
    var wallSeconds: Double
    var cancel: CInt?
    var started: ContinuousClock.Instant

    func run() -> PumpOutcome {
        let clock = ContinuousClock()
        let deadline = started + .milliseconds(Int64((wallSeconds * 1000).rounded(.up)))
        var buffers = streams.map { BoundedBuffer(bound: $0.bound) }
        var open = streams.map { $0.fd }
        for fd in open { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        defer { for fd in open where fd >= 0 { close(fd) } }

        var killed: KillReason?
        var status: RawStatus?
        var usage = rusage()
        var idle: Int32 = 1
        var exitedAt: ContinuousClock.Instant?
        var killedAt: ContinuousClock.Instant?

        func kill(_ reason: KillReason) {
            if killed == nil { killed = reason }
            if killedAt == nil { killedAt = clock.now }
            Glibc.kill(-pid, SIGKILL)
            Glibc.kill(pid, SIGKILL)
        }

        func drain(_ index: Int) {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while open[index] >= 0 {
                let count = chunk.withUnsafeMutableBytes { read(open[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    chunk.withUnsafeBytes { buffers[index].append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                    // Past the bound: kill the run, and keep reading (and dropping) what is left
                    // so a full pipe neither blocks the writer nor makes poll spin.
                    if buffers[index].overflowed && killed == nil && status == nil { kill(.output) }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(open[index])
                    open[index] = -1
                } else {
                    return
                }
            }
        }

        while true {
            if status == nil && hasExited() {
                // Anything of the run still in its process group (only possible unsandboxed)
                // goes too; killed while the leader is an unreaped zombie, so the group's id
                // cannot have been reused.
                Glibc.kill(-pid, SIGKILL)
                var raw: Int32 = 0
                if wait4(pid, &raw, 0, &usage) == pid {
                    status = decode(raw)
                    exitedAt = clock.now
                }
            }
            let streamsOpen = open.contains { $0 >= 0 }
            if let exitedAt, !streamsOpen || clock.now - exitedAt > .milliseconds(200) { break }
            // A SIGKILLed process the kernel has not reaped within 5 s is stuck in the kernel;
            // stop waiting rather than hang the grader.
            if status == nil, let killedAt, clock.now - killedAt > .seconds(5) { break }
            if status == nil && clock.now >= deadline && killed == nil { kill(.wallTime) }

            var polled = open.enumerated().filter { $0.element >= 0 }.map { pollfd(fd: $0.element, events: Int16(POLLIN), revents: 0) }
            if let cancel { polled.append(pollfd(fd: cancel, events: Int16(POLLIN), revents: 0)) }
            let remaining = max(Duration.zero, deadline - clock.now)
            let wait: Int32
            if status != nil || killed != nil {
                wait = 5
            } else if streamsOpen {
                wait = Int32(min(25, max(1, remaining.milliseconds)))
            } else {
                // Streams closed but the process lives on: back off gently up to 25 ms.
                wait = Int32(min(Int64(idle), max(1, remaining.milliseconds)))
                idle = min(25, idle * 2)
            }
            _ = poll(&polled, nfds_t(polled.count), wait)
            if let cancel, let last = polled.last, last.fd == cancel, last.revents != 0, killed == nil {
                kill(.cancelled)
            }
            for index in open.indices where open[index] >= 0 { drain(index) }
        }
        let finished = clock.now
        return PumpOutcome(
            status: status ?? .signaled(SIGKILL),
            killed: killed,
            streams: buffers,
            wallTime: finished - started,
            cpuTime: duration(usage.ru_utime) + duration(usage.ru_stime)
        )
    }

    /// Whether the child has ended, without reaping it.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    private func decode(_ raw: Int32) -> RawStatus {
        let signal = raw & 0x7f
        if signal == 0 { return .exited((raw >> 8) & 0xff) }
        return .signaled(signal)
    }

    private func duration(_ time: timeval) -> Duration {
        .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
    }
}

extension Duration {
    /// Whole milliseconds, rounded up.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
