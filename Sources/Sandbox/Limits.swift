/// The resources one sandboxed run may use. Each limit, when reached, ends the run with its
/// own ``RunResult/Termination`` so a report can say which one it was.
public struct Limits: Sendable, Equatable, Codable {
    /// Wall-clock seconds from start to the end of the run; past it the whole sandbox is killed.
    public var wallSeconds: Double
    /// CPU seconds (user + system) of any one process of the run (`RLIMIT_CPU`).
    public var cpuSeconds: Int
    /// Address space of any one process of the run (`RLIMIT_AS`).
    public var memoryBytes: Int
    /// Processes (and threads) the run may have alive at once (`RLIMIT_NPROC` in its own user namespace).
    public var processes: Int
    /// Bytes kept of stdout, of stderr and of the observation channel each; past it the run is killed.
    public var outputBytes: Int
    /// Size of the run's writable file system (the work dir, home and /tmp together), and of any one file.
    public var diskBytes: Int

    public init(
        wallSeconds: Double, cpuSeconds: Int, memoryBytes: Int,
        processes: Int, outputBytes: Int, diskBytes: Int
    ) {
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.processes = processes
        self.outputBytes = outputBytes
        self.diskBytes = diskBytes
    }

    /// The defaults of grading-protocol.md: 10 s wall and CPU, 512 MiB, 64 processes,
    /// 256 KiB of output, 32 MiB of disk.
    public static let standard = Limits(
        wallSeconds: 10, cpuSeconds: 10, memoryBytes: 512 << 20,
        processes: 64, outputBytes: 256 << 10, diskBytes: 32 << 20
    )
}
