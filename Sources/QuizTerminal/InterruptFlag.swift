#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; read by the line reader. A plain C integer, as only
/// async-signal-safe writes are allowed in a handler.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0
/// The write end of the self-pipe the handler wakes the reader through; -1 until installed.
nonisolated(unsafe) private var wakeWriteEnd: Int32 = -1
nonisolated(unsafe) private var wakeReadEnd: Int32 = -1

/// Catches Ctrl-C while a quiz runs, so it can end the attempt cleanly (restore the
/// terminal, print and save what was answered) instead of dying mid-line.
///
/// The signal may land on any thread of the process, so a blocked `read` is not relied on
/// to return EINTR: the handler also writes a byte to a pipe that the reader polls beside
/// the terminal (the self-pipe trick).
public enum InterruptFlag {
    /// Installs the SIGINT handler and its wake-up pipe. Call once, before reading.
    public static func install() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            wakeReadEnd = ends[0]
            wakeWriteEnd = ends[1]
            _ = fcntl(wakeWriteEnd, F_SETFL, fcntl(wakeWriteEnd, F_GETFL) | O_NONBLOCK)
        }
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { _ in
            interruptReceived = 1
            if wakeWriteEnd >= 0 {
                var byte: UInt8 = 1
                _ = write(wakeWriteEnd, &byte, 1)
            }
        }
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask survives exec); unblock
        // it on this thread, the one that reads, so Ctrl-C is delivered here.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether Ctrl-C was pressed since the handler was installed.
    public static var isSet: Bool {
        interruptReceived != 0
    }

    /// The descriptor that becomes readable on Ctrl-C; -1 when not installed.
    static var wakeDescriptor: Int32 {
        wakeReadEnd
    }
}
