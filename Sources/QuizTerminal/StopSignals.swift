#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the learner's session stopped before the quiz did, and the exit code that says so
/// (128 + the signal's number, as shells report it).
public enum StopReason: Equatable, Sendable {
    /// Ctrl-C (SIGINT).
    case interrupt
    /// SIGTERM: the system or a supervisor asked the process to end.
    case terminate
    /// SIGHUP, or the terminal went away (its window was closed).
    case hangup

    public var exitCode: Int32 {
        switch self {
        case .interrupt: return 130
        case .terminate: return 143
        case .hangup: return 129
        }
    }

    init?(signal: Int32) {
        switch signal {
        case SIGINT: self = .interrupt
        case SIGTERM: self = .terminate
        case SIGHUP: self = .hangup
        default: return nil
        }
    }
}

/// The first stop signal received; 0 until one is. A plain C integer, as only
/// async-signal-safe writes are allowed in a handler.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0
/// Set when the process was continued after a stop (Ctrl-Z then `fg`), so the screen is drawn again.
nonisolated(unsafe) private var continuedFlag: sig_atomic_t = 0
/// The self-pipe the handlers wake the reader through; -1 until installed.
nonisolated(unsafe) private var wakeWriteEnd: Int32 = -1
nonisolated(unsafe) private var wakeReadEnd: Int32 = -1

/// Catches Ctrl-C, SIGTERM and SIGHUP while a quiz runs, so each ends the attempt cleanly
/// (terminal restored, answers printed and saved) instead of killing the process mid-line.
///
/// A signal may land on any thread of the process, so a blocked `read` is not relied on to
/// return EINTR: the handler also writes a byte to a pipe that the readers poll beside the
/// terminal (the self-pipe trick). The same pipe tells the reader when the process was
/// continued after a stop, so it can draw the question again.
public enum StopSignals {
    /// Installs the handlers and their wake-up pipe. Call once, before reading.
    public static func install() {
        guard wakeReadEnd < 0 else { return }
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            wakeReadEnd = ends[0]
            wakeWriteEnd = ends[1]
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        }
        let handler: @convention(c) (Int32) -> Void = { signal in
            if receivedSignal == 0 { receivedSignal = signal }
            wakeReader()
        }
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            SignalAction.install(handler, for: signal)
            sigaddset(&set, signal)
        }
        // A parent may have started us with these blocked (the mask survives exec); unblock
        // them on this thread, the one that reads, so they are delivered here.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The stop signal received since the handlers were installed, if any.
    public static var received: StopReason? {
        StopReason(signal: receivedSignal)
    }

    /// Whether the process was continued after a stop since the last call; clears the note.
    static func takeContinued() -> Bool {
        guard continuedFlag != 0 else { return false }
        continuedFlag = 0
        return true
    }

    /// Notes that the process was continued and wakes the reader (called from a handler).
    static func noteContinued() {
        continuedFlag = 1
        wakeReader()
    }

    /// Empties the wake pipe once its news has been read.
    static func drainWakePipe() {
        guard wakeReadEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &buffer, buffer.count) > 0 {}
    }

    /// The descriptor that becomes readable when a stop signal arrives or the process is
    /// continued; -1 when not installed.
    static var wakeDescriptor: Int32 {
        wakeReadEnd
    }
}

/// Async-signal-safe: one write(2) to the self-pipe.
private func wakeReader() {
    if wakeWriteEnd >= 0 {
        var byte: UInt8 = 1
        _ = write(wakeWriteEnd, &byte, 1)
    }
}

/// sigaction(2) with a C handler, for the few signals the quiz handles.
enum SignalAction {
    /// Installs `handler` (or `SIG_DFL`) for `signal`; `flags` as sigaction's sa_flags.
    /// Returns the action it replaced. Async-signal-safe: it allocates nothing.
    @discardableResult
    static func install(_ handler: (@convention(c) (Int32) -> Void)?, for signal: Int32, flags: Int32 = 0) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        var previous = sigaction()
        sigaction(signal, &action, &previous)
        return previous
    }
}
