#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; read by the line reader. A plain C integer, as only
/// async-signal-safe writes are allowed in a handler.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// Catches Ctrl-C while a quiz runs, so it can end the attempt cleanly (restore the
/// terminal, print and save what was answered) instead of dying mid-line.
///
/// The handler is installed without SA_RESTART: a `read` blocked on the terminal returns
/// EINTR at once, and the reader sees the flag.
public enum InterruptFlag {
    /// Installs the SIGINT handler.
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in interruptReceived = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in interruptReceived = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Whether Ctrl-C was pressed since the handler was installed.
    public static var isSet: Bool {
        interruptReceived != 0
    }
}
