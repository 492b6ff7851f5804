import Foundation
import Glibc

/// Runs the command directly on the host, for an explicit `--no-sandbox` only: it isolates
/// nothing. The command sees the whole file system, the network and the grader's user.
///
/// It keeps the sandbox's semantics where a plain process can: a fresh work dir holding only
/// the request's files, a clean environment, the fd-3 channel, wall time (the command's whole
/// process group is killed), CPU, memory and file-size limits through `prlimit`, bounded
/// output, and collected files. It cannot cap the number of processes (`RLIMIT_NPROC` counts
/// every process of the grader's user, and not at all for root), nor the total disk used
/// (only the size of any one file); a run that leaves more than ``Limits/diskBytes`` in its
/// directories still ends as ``RunResult/Termination/diskLimit``. A process that starts its
/// own session escapes the kill.
public struct Unsandboxed: Sandbox {
    public var name: String { "none (--no-sandbox)" }
    public var isolates: Bool { false }

    /// `prlimit` from util-linux, which sets the limits and then runs the command.
    public var prlimitPath: String
    /// The `PATH` the command gets.
    public var searchPath: String

    public init(
        prlimitPath: String = "/usr/bin/prlimit",
        searchPath: String = "/opt/swift/usr/bin:/usr/bin:/bin"
    ) {
        self.prlimitPath = prlimitPath
        self.searchPath = searchPath
    }

    public func run(_ request: RunRequest) async throws(SandboxError) -> RunResult {
        guard !request.argv.isEmpty else { throw .invalidRequest("empty argv") }
        guard access(prlimitPath, X_OK) == 0 else { throw .toolMissing(path: prlimitPath, package: "util-linux") }
        let collect = try request.collect.map { (path) throws(SandboxError) in try validateRelativePath(path) }
        try validateEnvironment(request.environment)

        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let work = try scratch.subdirectory("work")
        let home = try scratch.subdirectory("home")
        let tmp = try scratch.subdirectory("tmp")
        try stage(request.files, into: work)
        let stdin = try stdinFile(request.stdin, in: scratch.url)
        defer { close(stdin) }

        let limits = request.limits
        var environment = request.environment
        environment["PATH"] = searchPath
        environment["HOME"] = home.path
        environment["LANG"] = "C.UTF-8"
        environment["TMPDIR"] = tmp.path
        let spec = ChildSpec(
            executable: prlimitPath,
            argv: ["prlimit"] + Self.rlimitArguments(limits, processes: false) + ["--"] + request.argv,
            environment: environment,
            workingDirectory: work.path,
            descriptors: [:]
        )
        let pipes = try RunPipes(channel: request.observationChannel, control: false)
        var withDescriptors = spec
        withDescriptors.descriptors = pipes.descriptors(stdin: stdin)
        let (outcome, streams) = try await execute(
            withDescriptors, pipes: pipes, wallSeconds: limits.wallSeconds,
            outputBound: limits.outputBytes, controlBound: 0
        )
        if outcome.killed == .cancelled { throw .cancelled }

        let used = diskUsage(of: scratch.url, stoppingPast: limits.diskBytes)
        let diskFull = used + TerminationRules.fullDiskSlack > limits.diskBytes
        var collected: [String: Data] = [:]
        for path in collect {
            if let bytes = readRegularFile(work.appendingPathComponent(path).path, bound: limits.diskBytes) {
                collected[path] = bytes
            }
        }
        return RunResult(
            termination: TerminationRules.classify(
                status: outcome.status, killed: outcome.killed, cpuTime: outcome.cpuTime,
                stderr: streams.stderr.data, diskFull: diskFull, limits: limits
            ),
            stdout: streams.stdout.data, stdoutTruncated: streams.stdout.overflowed,
            stderr: streams.stderr.data, stderrTruncated: streams.stderr.overflowed,
            channel: streams.channel.data, channelTruncated: streams.channel.overflowed,
            collected: collected,
            wallTime: outcome.wallTime, cpuTime: outcome.cpuTime
        )
    }

    /// `prlimit` options for `limits`: soft and hard CPU one second apart (SIGXCPU, then
    /// SIGKILL), address space, largest file, no core dumps, and optionally processes.
    static func rlimitArguments(_ limits: Limits, processes: Bool, extraProcesses: Int = 0) -> [String] {
        var arguments = [
            "--cpu=\(limits.cpuSeconds):\(limits.cpuSeconds + 1)",
            "--as=\(limits.memoryBytes)",
            "--fsize=\(limits.diskBytes)",
            "--core=0",
        ]
        if processes { arguments.append("--nproc=\(limits.processes + extraProcesses)") }
        return arguments
    }
}

/// Bytes used by the files under `directory`, counting no further than just past `bound`.
func diskUsage(of directory: URL, stoppingPast bound: Int) -> Int {
    var total = 0
    FileTree.walk(directory.path) { _, info in
        total += Int(info.st_blocks) * 512
        return total <= bound
    }
    return total
}

/// The contents of the regular file at `path` (not a link, FIFO or device), if it has at
/// most `bound` bytes.
func readRegularFile(_ path: String, bound: Int) -> Data? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= bound else { return nil }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while data.count <= bound {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        data.append(contentsOf: chunk[0..<count])
    }
    return data.count <= bound ? data : nil
}
