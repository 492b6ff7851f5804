import Foundation

/// Rewrites what a compiler or interpreter said into the learner's terms: their own file
/// names and line numbers, and nothing of the harness (no paths, frames or code).
public enum CompilerMessages {
    /// swiftc's diagnostics (`-diagnostic-style=llvm`): diagnostics in the submission keep
    /// their position, renamed to the learner's file, and their source excerpt; diagnostics in
    /// harness files keep only their message, since the hidden code must not show.
    ///
    /// - Parameter names: the learner's name for each `submission/<path>` of the run.
    public static func swift(_ stderr: String, names: [String: String]) -> String {
        var out: [String] = []
        var keepExcerpt = false
        var hiddenShown = false
        var hiddenMessages = 0
        let hiddenLimit = 5
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let diagnostic = SwiftDiagnosticLine(line) {
                if diagnostic.severity == "warning" { keepExcerpt = false; continue }
                if let name = names[diagnostic.path] {
                    out.append("\(name):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity): \(diagnostic.message)")
                    keepExcerpt = true
                } else {
                    keepExcerpt = false
                    guard diagnostic.severity == "error" else { continue }
                    if !hiddenShown {
                        out.append("error: the hidden tests cannot use your code as it is; check the names and signatures README.md asks for:")
                        hiddenShown = true
                    }
                    let text = "  \(diagnostic.message)"
                    guard !out.contains(text) else { continue }
                    hiddenMessages += 1
                    if hiddenMessages <= hiddenLimit { out.append(text) }
                }
            } else if line.hasPrefix("<unknown>:0: ") {
                keepExcerpt = false
                out.append(String(line.dropFirst("<unknown>:0: ".count)))
            } else if line.hasPrefix("error: ") {
                keepExcerpt = false
                out.append(firstClause(line))
            } else if keepExcerpt, !line.isEmpty {
                out.append(line)
            }
        }
        if hiddenMessages > hiddenLimit {
            out.append("  … and \(hiddenMessages - hiddenLimit) more")
        }
        let text = out.joined(separator: "\n")
        return text.isEmpty ? "the submission did not compile" : text
    }

    /// A Python import failure reported on the channel: `file:line:col: Type: message`.
    public static func python(_ error: ScenarioError, learnerFile: String) -> String {
        var location = learnerFile
        if let line = error.line {
            location += ":\(line)"
            if let column = error.column { location += ":\(column)" }
        }
        let what = error.message.isEmpty ? error.type : "\(error.type): \(error.message)"
        return "\(location): error: \(what)"
    }

    /// The learner's own output with Python traceback frames of the harness removed, and the
    /// work dir's paths shortened to the learner's file names.
    public static func sanitizeOutput(_ text: String, names: [String: String]) -> String {
        var out: [String] = []
        var skipCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if skipCode {
                skipCode = false
                if line.hasPrefix("    ") { continue }
            }
            if let frame = PythonFrame(line) {
                if let name = names.first(where: { frame.path.hasSuffix("/" + $0.key) || frame.path == $0.key })?.value {
                    out.append("  File \"\(name)\", line \(frame.rest)")
                } else {
                    skipCode = true
                }
                continue
            }
            if line.contains("harness/") { continue }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    private static func firstClause(_ line: String) -> String {
        guard let range = line.range(of: " (use -v to see invocation)") else { return line }
        return String(line[..<range.lowerBound])
    }
}

/// `path:line:col: severity: message`, as swiftc prints it in llvm style.
struct SwiftDiagnosticLine {
    var path: String
    var line: Int
    var column: Int
    var severity: String
    var message: String

    init?(_ text: String) {
        for severity in ["error", "warning", "note"] {
            guard let marker = text.range(of: ": \(severity): ") else { continue }
            let location = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let line = Int(location[location.count - 2]),
                  let column = Int(location[location.count - 1]) else { continue }
            path = location.dropLast(2).joined(separator: ":")
            self.line = line
            self.column = column
            self.severity = severity
            message = String(text[marker.upperBound...])
            return
        }
        return nil
    }
}

/// `  File "path", line N, in name` of a Python traceback.
struct PythonFrame {
    var path: String
    /// `N, in name`
    var rest: String

    init?(_ text: String) {
        let trimmed = text.drop { $0 == " " }
        guard trimmed.hasPrefix("File \""), let close = trimmed.dropFirst(6).firstIndex(of: "\"") else { return nil }
        path = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 6)..<close])
        let after = trimmed[trimmed.index(after: close)...]
        guard after.hasPrefix(", line ") else { return nil }
        rest = String(after.dropFirst(7))
    }
}
