#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What lectern needs to know about its terminal: is a stream a terminal, how wide is it,
/// and may it use colour.
public enum TerminalInfo {
    /// Whether the file descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's width in columns from TIOCGWINSZ; `fallback` (80) when it is not a
    /// terminal or reports no size.
    public static func columns(of descriptor: Int32, fallback: Int = 80) -> Int {
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        if ioctl(descriptor, request, &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }

    /// Colour only on a terminal, unless `--no-color`, a non-empty `NO_COLOR`
    /// (https://no-color.org) or `TERM=dumb` says no.
    public static func useColor(noColorFlag: Bool, environment: [String: String], outputIsTerminal: Bool) -> Bool {
        if noColorFlag || isDumb(environment) { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return outputIsTerminal
    }

    /// `TERM=dumb`: a terminal with no escape sequences, often one that sends whole lines
    /// (Emacs' shell), so the quiz asks for a line and Enter there.
    public static func isDumb(_ environment: [String: String]) -> Bool {
        environment["TERM"] == "dumb"
    }

    /// Whether the locale's character set is UTF-8, so symbols such as ☐ and ☑ show: the
    /// first of LC_ALL, LC_CTYPE and LANG that is set (POSIX's order) names UTF-8. With none
    /// set the locale is POSIX's "C", which is ASCII.
    public static func isUnicode(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// Whether a setting such as `LECTERN_QUIZ_CONFIRM` is switched on ("1", "yes", "true", "on").
    public static func isOn(_ name: String, in environment: [String: String]) -> Bool {
        guard let value = environment[name]?.lowercased() else { return false }
        return ["1", "yes", "true", "on"].contains(value)
    }
}
