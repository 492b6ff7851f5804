import Foundation

/// What the terminal wants: colour only on a TTY and without NO_COLOR.
enum Terminal {
    static func isTTY(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isTTY(STDOUT_FILENO) && !noColor
    }

    /// Prints problems to stderr: diagnostics and indented lines as they are, others as `error: …`.
    static func printErrors(_ lines: [String]) {
        for line in lines {
            let isDiagnostic = line.contains(": error: ") || line.contains(": warning: ") || line.hasPrefix("  ")
            FileHandle.standardError.write(Data(((isDiagnostic ? "" : "error: ") + line + "\n").utf8))
        }
    }
}
