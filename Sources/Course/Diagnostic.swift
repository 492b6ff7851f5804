import TextEscaping
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
    /// Other places the problem concerns (the solutions page's question beside the lesson's).
    public var related: [SourceLocation] = []
    /// A stable name for the kind of problem, for scripts and for front ends that treat some
    /// kinds apart (`unkeyed`: a question that cannot be scored, shown as a self-check item).
    public var code: String?

    public init(_ severity: Severity, _ path: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    /// The same diagnostic with other places it concerns and a code.
    public func with(related: [SourceLocation], code: String? = nil) -> Diagnostic {
        var copy = self
        copy.related = related
        copy.code = code ?? self.code
        return copy
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

    enum CodingKeys: String, CodingKey {
        case severity, path, line, column, message, related, code
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        path = try container.decode(String.self, forKey: .path)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        message = try container.decode(String.self, forKey: .message)
        related = try container.decodeIfPresent([SourceLocation].self, forKey: .related) ?? []
        code = try container.decodeIfPresent(String.self, forKey: .code)
    }

    /// `related` and `code` are written only when set, so most diagnostics keep five keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        if !related.isEmpty { try container.encode(related, forKey: .related) }
        try container.encodeIfPresent(code, forKey: .code)
    }

    /// The diagnostic as a terminal shows it: a file name or quoted course text holding
    /// control characters shows them as escapes (`VisibleText`), never obeys them.
    public var description: String {
        "\(VisibleText.line(path)):\(line):\(column): \(severity.rawValue): \(VisibleText.lines(message))"
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
