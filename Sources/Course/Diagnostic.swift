/// How bad a problem is: errors make `lectern check` fail, warnings do not.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A problem found in a course, with the source position it belongs to.
///
/// Diagnostics are values: loaders collect them all and the command prints them together,
/// sorted, as `path:line:col: severity: message`.
public struct Diagnostic: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var severity: Severity
    /// The file's path as the user named it (course directory joined with the relative path).
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    /// An error at the start of a file.
    public static func error(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, message)
    }

    /// A warning at the start of a file.
    public static func warning(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, message)
    }

    public static func error(_ path: String, _ position: (line: Int, column: Int), _ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: position.line, column: position.column, message)
    }

    public static func warning(_ path: String, _ position: (line: Int, column: Int), _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: position.line, column: position.column, message)
    }

    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// Sorted by file, then position, then severity and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, rhs.severity == .warning ? 1 : 0, lhs.message)
            < (rhs.path, rhs.line, rhs.column, lhs.severity == .warning ? 1 : 0, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
