import Foundation

/// One untrusted command and everything it may see.
public struct RunRequest: Sendable {
    /// The command; `argv[0]` is looked up on the sandbox's `PATH`. It starts in the work dir.
    public var argv: [String]
    /// The work dir's contents: a relative path (no `..`, not absolute) to its source.
    public var files: [String: FileSource]
    /// Relative paths of regular files read back after the run (e.g. a compiled binary).
    /// A path missing after the run, or not a regular file, is absent from ``RunResult/collected``.
    public var collect: [String]
    /// The only variables inside, besides `PATH`, `HOME`, `LANG` and `TMPDIR`, which the sandbox sets.
    public var environment: [String: String]
    /// What the command reads on stdin (e.g. the per-run nonce line).
    public var stdin: Data
    /// Open file descriptor 3 as a pipe and return what was written to it, bounded by
    /// ``Limits/outputBytes``.
    public var observationChannel: Bool
    /// The limits of this run.
    public var limits: Limits
    /// Extra host paths bound read-only at the same place (the toolchain is bound by default).
    public var readOnlyPaths: [String]

    public init(
        argv: [String],
        files: [String: FileSource] = [:],
        collect: [String] = [],
        environment: [String: String] = [:],
        stdin: Data = Data(),
        observationChannel: Bool = false,
        limits: Limits = .standard,
        readOnlyPaths: [String] = []
    ) {
        self.argv = argv
        self.files = files
        self.collect = collect
        self.environment = environment
        self.stdin = stdin
        self.observationChannel = observationChannel
        self.limits = limits
        self.readOnlyPaths = readOnlyPaths
    }
}
