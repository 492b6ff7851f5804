import Foundation

/// What happened to one run. Nothing in it is evidence of correctness: the command was
/// untrusted, so its exit status and its output are only what it chose to show.
public struct RunResult: Sendable {
    /// How the run ended. A limit case means the sandbox ended (or saw the end of) the run
    /// because of that limit; see ``Limits`` and the rules in ``TerminationRules``.
    public enum Termination: Sendable, Equatable, Hashable {
        /// The command exited with this status.
        case exited(Int32)
        /// The command was killed by this signal, for no limit of the sandbox's.
        case signaled(Int32)
        case wallTimeLimit
        case cpuTimeLimit
        case memoryLimit
        case outputLimit
        case diskLimit
        case processLimit

        /// Whether the command exited by itself with status 0.
        public var isSuccess: Bool { self == .exited(0) }

        /// Whether a limit of the sandbox ended the run.
        public var isLimit: Bool {
            switch self {
            case .exited, .signaled: false
            default: true
            }
        }
    }

    public var termination: Termination
    /// Stdout, at most ``Limits/outputBytes``.
    public var stdout: Data
    public var stdoutTruncated: Bool
    /// Stderr, at most ``Limits/outputBytes``.
    public var stderr: Data
    public var stderrTruncated: Bool
    /// What the command wrote to file descriptor 3, at most ``Limits/outputBytes``
    /// (empty unless ``RunRequest/observationChannel``).
    public var channel: Data
    public var channelTruncated: Bool
    /// The files of ``RunRequest/collect`` that existed as regular files after the run.
    public var collected: [String: Data]
    /// Wall time from start to the end of the run, sandbox setup included.
    public var wallTime: Duration
    /// CPU time (user + system) used by every process of the run that ended.
    public var cpuTime: Duration

    public init(
        termination: Termination,
        stdout: Data = Data(), stdoutTruncated: Bool = false,
        stderr: Data = Data(), stderrTruncated: Bool = false,
        channel: Data = Data(), channelTruncated: Bool = false,
        collected: [String: Data] = [:],
        wallTime: Duration = .zero, cpuTime: Duration = .zero
    ) {
        self.termination = termination
        self.stdout = stdout
        self.stdoutTruncated = stdoutTruncated
        self.stderr = stderr
        self.stderrTruncated = stderrTruncated
        self.channel = channel
        self.channelTruncated = channelTruncated
        self.collected = collected
        self.wallTime = wallTime
        self.cpuTime = cpuTime
    }
}
