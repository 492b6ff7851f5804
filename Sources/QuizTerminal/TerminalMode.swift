#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the quiz reads the learner's terminal.
public enum InputStyle: Equatable, Sendable {
    /// One key answers (the terminal's non-canonical mode); with `confirm`, Enter confirms.
    case keys(confirm: Bool)
    /// A line and Enter (the terminal's own canonical mode): for terminals that send whole
    /// lines, such as Emacs' shell (TERM=dumb).
    case lines
}

/// Saves the terminal's settings on entry and puts them back on every way out, so a quiz
/// never leaves the learner's terminal in a strange state: on a normal end, on Ctrl-C,
/// SIGTERM and SIGHUP (which end the attempt through `StopSignals`), and on a crash (SIGILL,
/// SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGQUIT), whose handler restores the settings
/// and then lets the signal take its course. Ctrl-Z restores them while stopped and applies
/// the quiz's again on `fg`.
///
/// In `.keys` the terminal is non-canonical without echo (one key is read at once; the quiz
/// draws what it means); signals stay on, so Ctrl-C and Ctrl-Z work as everywhere. In
/// `.lines` it stays canonical, so editing with backspace works, and only the echo of
/// control characters is off, so Ctrl-C does not print `^C` over the prompt.
public final class TerminalMode {
    private let descriptor: Int32
    private var saved = termios()
    private var active = false

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// Saves the current settings and applies the quiz's; does nothing when not a terminal
    /// or already entered.
    public func enter(_ style: InputStyle) {
        guard !active, isatty(descriptor) == 1, tcgetattr(descriptor, &saved) == 0 else { return }
        var settings = saved
        settings.c_lflag &= ~tcflag_t(ECHOCTL)
        if case .keys = style {
            settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
            withUnsafeMutableBytes(of: &settings.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        TerminalGuard.arm(descriptor: descriptor, saved: saved, quiz: settings)
        if tcsetattr(descriptor, TCSANOW, &settings) == 0 {
            active = true
        } else {
            TerminalGuard.disarm()
        }
    }

    /// Puts the saved settings back. Safe to call more than once.
    public func restore() {
        guard active else { return }
        TerminalGuard.disarm()
        _ = tcsetattr(descriptor, TCSANOW, &saved)
        active = false
    }

    deinit {
        restore()
    }
}

// What the signal handlers need, in plain global memory (a handler may not allocate or lock).
nonisolated(unsafe) private var guardDescriptor: Int32 = -1
nonisolated(unsafe) private var guardSaved = termios()
nonisolated(unsafe) private var guardQuiz = termios()
nonisolated(unsafe) private var guardActive: sig_atomic_t = 0
/// The actions the crash handler replaced, indexed by signal number, so it can hand over.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
nonisolated(unsafe) private var handlersInstalled = false
/// Set while Ctrl-Z has put the learner's settings back, so `fg` applies the quiz's again.
nonisolated(unsafe) private var suspendedWhileActive: sig_atomic_t = 0

/// The signal handlers that keep the terminal sane while its settings are the quiz's.
enum TerminalGuard {
    static let crashSignals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGQUIT]

    static func arm(descriptor: Int32, saved: termios, quiz: termios) {
        guardDescriptor = descriptor
        guardSaved = saved
        guardQuiz = quiz
        guardActive = 1
        installHandlers()
    }

    static func disarm() {
        guardActive = 0
        suspendedWhileActive = 0
    }

    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        // Crash: restore, then give the signal back to whoever handled it before (the Swift
        // runtime's backtracer, or the default action) by re-raising it; it is blocked while
        // this handler runs, so it lands as soon as the handler returns. A fault would also
        // simply recur on return. SA_ONSTACK: run on the alternate stack when there is one,
        // so a stack overflow can still be handled.
        let crash: @convention(c) (Int32) -> Void = { signal in
            restoreFromHandler()
            sigaction(signal, previousActions.advanced(by: Int(signal)), nil)
            raise(signal)
        }
        for signal in crashSignals {
            previousActions[Int(signal)] = SignalAction.install(crash, for: signal, flags: Int32(SA_ONSTACK))
        }
        // Ctrl-Z: put the learner's settings back, stop for real, and on `fg` apply the
        // quiz's again and have the reader draw the question anew.
        let suspend: @convention(c) (Int32) -> Void = { _ in
            if guardActive != 0 {
                restoreFromHandler()
                suspendedWhileActive = 1
            }
            var original = SignalAction.install(SIG_DFL, for: SIGTSTP)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGTSTP)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(SIGTSTP)
            // Continued (or, in an orphaned process group, never stopped).
            pthread_sigmask(SIG_BLOCK, &set, nil)
            sigaction(SIGTSTP, &original, nil)
            reapplyFromHandler()
        }
        SignalAction.install(suspend, for: SIGTSTP)
        // Continued after any stop, SIGSTOP included: the quiz's settings again, and a redraw.
        let continued: @convention(c) (Int32) -> Void = { _ in
            reapplyFromHandler()
        }
        SignalAction.install(continued, for: SIGCONT)
        var set = sigset_t()
        sigemptyset(&set)
        for signal in crashSignals + [SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// Async-signal-safe: tcsetattr(3) only.
private func restoreFromHandler() {
    guard guardActive != 0 else { return }
    guardActive = 0
    _ = tcsetattr(guardDescriptor, TCSANOW, &guardSaved)
}

/// Async-signal-safe: tcsetattr(3) and a write to the wake pipe. Applies the quiz's settings
/// again when they were in force before the stop, and has the reader draw the question anew.
private func reapplyFromHandler() {
    guard guardActive != 0 || suspendedWhileActive != 0 else { return }
    suspendedWhileActive = 0
    guardActive = 1
    _ = tcsetattr(guardDescriptor, TCSANOW, &guardQuiz)
    StopSignals.noteContinued()
}
