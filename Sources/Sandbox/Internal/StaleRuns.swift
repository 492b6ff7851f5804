import Foundation
import Glibc

/// The name of a run's host folder, `lectern-run-<pid>-<start>-XXXXXX`: the pid and start time
/// (clock ticks after boot, `/proc/<pid>/stat`) of the lectern that owns it, so any later run
/// can tell whether that owner still lives, and a pid reused by another process is not taken
/// for it. Inside, the owner keeps the file ``lockName`` locked (`flock`) for the run's life.
struct RunFolderName: Equatable {
    static let prefix = "lectern-run-"
    static let lockName = "lock"

    var pid: pid_t
    var start: UInt64

    /// The mkdtemp template of a folder owned by this process.
    static func template(in base: String) -> String? {
        let pid = getpid()
        guard let start = startTime(of: pid) else { return nil }
        return "\(base)/\(prefix)\(pid)-\(start)-XXXXXX"
    }

    /// Parses a folder name; nil for anything else (including folders of older lecterns,
    /// named `lectern-run-XXXXXX`, whose owners cannot be told).
    init?(_ name: String) {
        guard name.hasPrefix(Self.prefix) else { return nil }
        let parts = name.dropFirst(Self.prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let pid = pid_t(parts[0]), pid > 0, let start = UInt64(parts[1]),
              parts[2].count == 6, parts[2].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        self.pid = pid
        self.start = start
    }

    /// Whether the owner is a running process (not a zombie, whose descriptors and locks are gone).
    var ownerIsAlive: Bool {
        guard let (state, start) = Self.stat(of: pid) else { return false }
        return start == self.start && state != "Z" && state != "X"
    }

    /// When `pid` started, in clock ticks after boot.
    static func startTime(of pid: pid_t) -> UInt64? {
        stat(of: pid)?.start
    }

    /// Fields 3 (state) and 22 (start time) of `/proc/<pid>/stat`, read after the command
    /// name, which may itself hold spaces and parentheses.
    private static func stat(of pid: pid_t) -> (state: Character, start: UInt64)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let start = UInt64(fields[19]) else { return nil }
        return (state, start)
    }
}

/// Removes the folders of runs whose lectern died without removing them (`kill -9`, a crash),
/// which hold a run's hidden harness and submissions, and kills whatever still uses them.
///
/// A folder is stale only when its owner is dead (its named process is gone, or the pid now
/// belongs to a process started at another time) and its lock is free: a live run, in this
/// process, in another lectern, or in another pid namespace sharing the temporary directory,
/// holds its lock. Folders of older lecterns, whose names carry no owner, and folders of other
/// users are left alone. Nothing is followed through a link.
enum StaleRuns {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var swept: Set<String> = []

    /// Sweeps `base` the first time this process makes a run folder in it.
    static func sweepOnce(in base: String) {
        let first = lock.withLock { swept.insert(base).inserted }
        if first { sweep(in: base) }
    }

    /// Removes the stale run folders in `base`; their paths, sorted.
    @discardableResult
    static func sweep(in base: String) -> [String] {
        var removed: [String] = []
        for entry in FileTree.names(in: base).sorted() {
            guard let name = RunFolderName(entry), !name.ownerIsAlive else { continue }
            let path = base + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else { continue }
            let lock = open(path + "/" + RunFolderName.lockName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if lock < 0 && errno != ENOENT { continue }
            defer { if lock >= 0 { close(lock) } }
            if lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0 { continue }
            LeftoverProcesses.kill(using: path)
            FileTree.remove(path)
            removed.append(path)
        }
        return removed
    }
}

/// Processes still using a dead run's folder: a bubblewrap orphaned before it could arm
/// `--die-with-parent` (its argv binds a path of the folder at `/run/lectern`), or an
/// unsandboxed run's command (its working directory is the folder's `work/`). Nothing else
/// that merely names the folder (someone listing it) is touched.
enum LeftoverProcesses {
    static func kill(using folder: String) {
        let me = getpid()
        for entry in FileTree.names(in: "/proc") {
            guard let pid = pid_t(entry), pid > 0, pid != me else { continue }
            // Held by a pidfd from before the check, the pid cannot be reused in between.
            let handle = LibcExtras.pidfdOpen.map { $0(pid, 0) } ?? -1
            defer { if handle >= 0 { close(handle) } }
            guard uses(pid, folder) else { continue }
            if handle >= 0, let send = LibcExtras.pidfdSendSignal {
                _ = send(handle, SIGKILL, nil, 0)
            } else {
                Glibc.kill(pid, SIGKILL)
            }
        }
    }

    private static func uses(_ pid: pid_t, _ folder: String) -> Bool {
        func inside(_ path: String, _ root: String) -> Bool { path == root || path.hasPrefix(root + "/") }
        if let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") {
            let argv = raw.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if zip(argv, argv.dropFirst()).contains(where: { inside($0, folder) && $1 == BubblewrapArguments.staging }) {
                return true
            }
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/\(pid)/cwd", &buffer, buffer.count - 1)
        guard count > 0 else { return false }
        return inside(String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self), folder + "/work")
    }
}
