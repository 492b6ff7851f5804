import Foundation

/// How the commands print problems (colour and terminal facts are `TerminalInfo`'s).
enum Terminal {
    /// Prints problems to stderr: diagnostics and indented lines as they are, others as `error: …`.
    static func printErrors(_ lines: [String]) {
        for line in lines {
            let isDiagnostic = line.contains(": error: ") || line.contains(": warning: ") || line.hasPrefix("  ")
            FileHandle.standardError.write(Data(((isDiagnostic ? "" : "error: ") + line + "\n").utf8))
        }
    }
}
