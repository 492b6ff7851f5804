#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves the terminal's settings on entry and puts them back on every way out, so an
/// interrupted quiz never leaves the learner's terminal in a strange state.
///
/// The quiz reads whole lines in the terminal's own (canonical) mode, so editing with
/// backspace works as usual; it turns off only the echo of control characters, so Ctrl-C
/// does not print `^C` over the prompt.
public final class TerminalMode {
    private let descriptor: Int32
    private var saved = termios()
    private var active = false

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// Saves the current settings and applies the quiz's; does nothing when not a terminal.
    public func enter() {
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &saved) == 0 else { return }
        var settings = saved
        settings.c_lflag &= ~tcflag_t(ECHOCTL)
        if tcsetattr(descriptor, TCSANOW, &settings) == 0 { active = true }
    }

    /// Puts the saved settings back. Safe to call more than once.
    public func restore() {
        guard active else { return }
        _ = tcsetattr(descriptor, TCSANOW, &saved)
        active = false
    }

    deinit {
        restore()
    }
}
