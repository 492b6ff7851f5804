/// Paths as diagnostics show them: the course folder as the user typed it, joined with `/`.
public enum DisplayPath {
    /// Joins display paths with `/`, treating "." as empty.
    public static func join(_ base: String, _ component: String) -> String {
        if base.isEmpty || base == "." { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// `path` with `.` and `name/..` pairs removed ("content/../exercises" → "exercises"); "."
    /// when nothing is left.
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
