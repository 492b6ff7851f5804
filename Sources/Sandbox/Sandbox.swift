/// Runs one untrusted command and reports what happened. The only way Lectern compiles or
/// runs learner code.
///
/// A conforming type never hangs (every wait has a bound), leaves no process of the run
/// behind, and throws only when the run could not be started or observed at all; anything
/// the command does, including crashing or hitting a limit, is a ``RunResult``.
public protocol Sandbox: Sendable {
    /// A short name for reports and `lectern doctor`, e.g. "bubblewrap".
    var name: String { get }
    /// Whether runs are isolated from the host (false only for ``Unsandboxed``).
    var isolates: Bool { get }
    func run(_ request: RunRequest) async throws(SandboxError) -> RunResult
}
