import Foundation
import Glibc

/// Runs the command inside bubblewrap: the sandbox every grading run uses.
///
/// Inside, the command sees a read-only runtime (`/usr`, the Swift toolchain, a few files of
/// `/etc`) and one writable tmpfs of ``Limits/diskBytes`` at `/sandbox` holding its work dir
/// (`/sandbox/work`, the cwd, with only the request's files), its home and its `/tmp`. It runs
/// as uid/gid 65534 in new user, pid, network, IPC and UTS namespaces, with no capabilities,
/// no way to make further user namespaces, in a new session, with only the request's
/// environment. When the sandbox ends, every process in it ends: the launcher shell is the pid
/// namespace's init (the command cannot signal it); it kills every other process once the
/// command has exited, and the namespace dies with it. At the wall-time limit bubblewrap is
/// killed, and the launcher with it. A run returns only once that init is gone.
///
/// When the grader itself runs as root, bubblewrap is started as the unprivileged user 65534
/// (via `setpriv`), so that the sandbox's uid 65534 is uid 65534 on the host too. Otherwise it
/// would be the host's root outside its namespaces, and root-owned files of the read-only
/// runtime that only their owner may read would be readable inside.
///
/// Limits: CPU, address space, file size, processes and open files are set by `prlimit` just
/// before the command starts; wall time and output are enforced by the grader; disk by the
/// tmpfs size. The run's files are staged in a private host directory, bound read-only at
/// `/run/lectern/input` and copied into the tmpfs, so the disk limit covers them. Collected
/// files are read back through the launcher after every other process of the run is killed.
/// A run folder left behind by a grader that was killed is removed by a later run
/// (``ScratchDirectory``, ``StaleRuns``).
public struct Bubblewrap: Sandbox {
    public var name: String { "bubblewrap" }
    public var isolates: Bool { true }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Where the sandbox finds its tools and runtime on the host.
    public struct Configuration: Sendable, Equatable {
        public var bwrapPath = "/usr/bin/bwrap"
        /// Used inside the sandbox (from the read-only `/usr`) to set the limits.
        public var prlimitPath = "/usr/bin/prlimit"
        /// Used on the host to drop from root to ``sandboxUser`` before starting bubblewrap.
        public var setprivPath = "/usr/bin/setpriv"
        /// Host directories bound read-only at the same place, when they exist.
        public var runtimePaths = ["/usr", "/opt/swift"]
        /// Host files and directories of `/etc` the runtime reads, bound read-only when present.
        public var etcPaths = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives"]
        /// The command's `PATH`.
        public var searchPath = "/opt/swift/usr/bin:/usr/bin:/bin"
        /// The uid and gid inside the sandbox, and outside when the grader is root.
        public var sandboxUser: UInt32 = 65534
        /// Open files per process.
        public var openFiles = 256

        public init() {}
    }

    public func run(_ request: RunRequest) async throws(SandboxError) -> RunResult {
        let config = configuration
        guard !request.argv.isEmpty else { throw .invalidRequest("empty argv") }
        guard access(config.bwrapPath, X_OK) == 0 else { throw .bwrapMissing(path: config.bwrapPath) }
        guard access(config.prlimitPath, X_OK) == 0 else { throw .toolMissing(path: config.prlimitPath, package: "util-linux") }
        let dropPrivileges = getuid() == 0
        if dropPrivileges && access(config.setprivPath, X_OK) != 0 {
            throw .toolMissing(path: config.setprivPath, package: "util-linux")
        }
        let collect = try Self.validate(request)

        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // What bubblewrap binds at /run/lectern; the run folder's lock stays outside it.
        let staging = try scratch.subdirectory("stage")
        chmod(staging.path, 0o700)
        let input = staging.appendingPathComponent("input")
        try makeDirectories(input.path)
        try stage(request.files, into: input)
        try writeFile(Data((collect.joined(separator: "\n") + (collect.isEmpty ? "" : "\n")).utf8),
                  to: staging.appendingPathComponent("collect"), mode: 0o644)
        if dropPrivileges {
            // The sandbox user reaches its own 0700 staging folder through the run folder,
            // which stays the grader's, so no one else can replace the lock.
            try giveAway(staging, to: config.sandboxUser)
            chmod(scratch.url.path, 0o711)
        }
        let stdin = try stdinFile(request.stdin, in: scratch.url)
        defer { close(stdin) }

        let limits = request.limits
        let bwrap = BubblewrapArguments(
            configuration: config, limits: limits, environment: request.environment,
            readOnlyPaths: request.readOnlyPaths, staging: staging.path
        )
        let launcher = Launcher.arguments(
            prlimit: config.prlimitPath,
            limits: Unsandboxed.rlimitArguments(limits, processes: true, extraProcesses: Launcher.processesOfItsOwn)
                + ["--nofile=\(config.openFiles)"],
            argv: request.argv
        )
        var argv = ["--info-fd", "5"] + bwrap.arguments + launcher
        var executable = config.bwrapPath
        if dropPrivileges {
            let user = config.sandboxUser
            argv = ["setpriv", "--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", config.bwrapPath] + argv
            executable = config.setprivPath
        } else {
            argv = ["bwrap"] + argv
        }
        let pipes = try RunPipes(channel: request.observationChannel, control: true)
        let spec = ChildSpec(
            executable: executable, argv: argv, environment: [:], workingDirectory: nil,
            descriptors: pipes.descriptors(stdin: stdin)
        )
        let (outcome, streams) = try await execute(
            spec, pipes: pipes, wallSeconds: limits.wallSeconds,
            outputBound: limits.outputBytes, controlBound: limits.diskBytes + (64 << 10)
        )
        if outcome.killed == .cancelled { throw .cancelled }

        if let initPID = NamespaceInit.pid(fromInfo: streams.info.data) {
            await NamespaceInit.awaitEnd(of: initPID)
        }
        let report = LauncherReport(parsing: streams.control.data, collect: collect)
        let cpuTime = report.cpuTime ?? outcome.cpuTime
        if !report.started && outcome.killed == nil {
            throw Self.setupFailure(streams.stderr.data, status: outcome.status)
        }
        let status = report.started ? Launcher.commandStatus(outcome.status) : outcome.status
        var termination = TerminationRules.classify(
            status: status, killed: outcome.killed, cpuTime: cpuTime,
            stderr: streams.stderr.data,
            diskFull: report.setupFailed || (report.freeBytes.map { $0 < TerminationRules.fullDiskSlack } ?? false),
            limits: limits
        )
        if report.setupFailed && outcome.killed == nil { termination = .diskLimit }
        if streams.control.overflowed && outcome.killed == .output
            && !streams.stdout.overflowed && !streams.stderr.overflowed && !streams.channel.overflowed {
            termination = .outputLimit
        }
        return RunResult(
            termination: termination,
            stdout: streams.stdout.data, stdoutTruncated: streams.stdout.overflowed,
            stderr: streams.stderr.data, stderrTruncated: streams.stderr.overflowed,
            channel: streams.channel.data, channelTruncated: streams.channel.overflowed,
            collected: report.collected,
            wallTime: outcome.wallTime, cpuTime: cpuTime
        )
    }

    /// Checks what the request asks to pass in and out; returns its collect paths, normalised.
    private static func validate(_ request: RunRequest) throws(SandboxError) -> [String] {
        try validateEnvironment(request.environment)
        for path in request.readOnlyPaths {
            let reserved = BubblewrapArguments.reserved
            guard path.hasPrefix("/"), !path.split(separator: "/").contains(".."),
                  !reserved.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else {
                throw .invalidRequest("'\(path)' cannot be bound read-only: it must be an absolute host path outside \(reserved.joined(separator: ", "))")
            }
            guard access(path, R_OK) == 0 else {
                throw .unreadableFile(path: path, reason: "a read-only path of the request: \(errnoText())")
            }
        }
        return try request.collect.map { (path) throws(SandboxError) in
            let relative = try validateRelativePath(path)
            guard !relative.contains(where: { $0.isNewline }) else {
                throw .invalidRequest("collected path '\(path)' contains a line break")
            }
            return relative
        }
    }

    /// Why bubblewrap could not set the sandbox up, from its own message: the namespaces
    /// (the usual cause, with how to enable them), or anything else it said.
    private static func setupFailure(_ stderr: Data, status: RawStatus) -> SandboxError {
        let text = String(decoding: stderr.prefix(2048), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let namespaceWords = ["namespace", "uid map", "gid map", "unshare", "clone", "setgroups", "Operation not permitted"]
        if text.isEmpty {
            switch status {
            case .exited(let code):
                return .namespacesUnavailable("bwrap exited with status \(code) before starting the command, saying nothing")
            case .signaled(let signal):
                return .namespacesUnavailable("bwrap was killed by signal \(signal) before starting the command")
            }
        }
        if namespaceWords.contains(where: { text.localizedCaseInsensitiveContains($0) }) {
            return .namespacesUnavailable(text)
        }
        return .hostFailure("bubblewrap could not set the sandbox up: \(text)")
    }
}

/// Hands the staging tree to the unprivileged sandbox user, so bubblewrap running as that
/// user can read it. Links are changed themselves, never followed.
private func giveAway(_ directory: URL, to user: UInt32) throws(SandboxError) {
    var failure: String?
    FileTree.walk(directory.path) { path, _ in
        if lchown(path, user, user) != 0 {
            failure = "cannot hand \(path) to uid \(user): \(errnoText())"
            return false
        }
        return true
    }
    if let failure { throw .hostFailure(failure) }
}
