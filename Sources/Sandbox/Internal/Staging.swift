import Foundation
import Glibc

/// A private temporary directory on the host for one run (mode 0700), removed with everything
/// in it. Its name carries this process's pid and start time, and it holds a lock file that
/// stays locked while the run lives, so that if this process is killed before it can remove
/// the folder, a later run can tell it is stale and remove it (``StaleRuns``), and never
/// mistakes a live run's folder for one.
struct ScratchDirectory {
    let url: URL
    /// The open, locked lock file; closing it (or this process dying) releases the lock.
    private let lock: CInt

    init(in base: String = FileManager.default.temporaryDirectory.path) throws(SandboxError) {
        StaleRuns.sweepOnce(in: base)
        guard let name = RunFolderName.template(in: base) else {
            throw .hostFailure("cannot read this process's start time from /proc/\(getpid())/stat")
        }
        var template = Array(name.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .hostFailure("cannot create a temporary directory in \(base): \(errnoText())")
        }
        let url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        let lock = open(url.appendingPathComponent(RunFolderName.lockName).path,
                        O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX) == 0 else {
            let reason = errnoText()
            if lock >= 0 { close(lock) }
            FileTree.remove(url.path)
            throw .hostFailure("cannot lock the run's folder \(url.path): \(reason)")
        }
        self.url = url
        self.lock = lock
    }

    func subdirectory(_ name: String) throws(SandboxError) -> URL {
        let child = url.appendingPathComponent(name, isDirectory: true)
        try makeDirectories(child.path)
        return child
    }

    /// Removes the folder, then releases its lock.
    func remove() {
        FileTree.remove(url.path)
        close(lock)
    }
}

/// Checks that `path` names a place inside a work dir: relative, no `..`, no empty name.
func validateRelativePath(_ path: String) throws(SandboxError) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
        throw .invalidRequest("'\(path)' is not a relative path inside the work dir")
    }
    return parts.joined(separator: "/")
}

/// Checks that every variable name can be passed: not empty, no `=`, no NUL.
func validateEnvironment(_ environment: [String: String]) throws(SandboxError) {
    for (key, value) in environment where key.isEmpty || key.contains("=") || key.contains("\0") || value.contains("\0") {
        throw .invalidRequest("'\(key)' cannot be passed as an environment variable")
    }
}

/// Writes a request's files into `directory`. Folders are copied recursively; symbolic links
/// are copied as links, never followed, so they cannot pull a host file in.
func stage(_ files: [String: FileSource], into directory: URL) throws(SandboxError) {
    for (path, source) in files.sorted(by: { $0.key < $1.key }) {
        let relative = try validateRelativePath(path)
        let destination = directory.appendingPathComponent(relative)
        try makeDirectories(destination.deletingLastPathComponent().path)
        switch source {
        case .data(let bytes):
            try writeFile(bytes, to: destination, mode: 0o644)
        case .executable(let bytes):
            try writeFile(bytes, to: destination, mode: 0o755)
        case .copy(let url):
            try copyTree(url.path, to: destination.path)
        }
    }
}

/// Copies a host file, link or folder: contents and permission bits, never ownership (which a
/// grader that is not root could not set), links as links.
private func copyTree(_ source: String, to destination: String) throws(SandboxError) {
    var info = stat()
    guard lstat(source, &info) == 0 else { throw .unreadableFile(path: source, reason: errnoText()) }
    let mode = Int(info.st_mode & 0o777)
    let manager = FileManager.default
    switch info.st_mode & S_IFMT {
    case S_IFLNK:
        guard let target = try? manager.destinationOfSymbolicLink(atPath: source) else {
            throw .unreadableFile(path: source, reason: "cannot read the link")
        }
        guard symlink(target, destination) == 0 else { throw .hostFailure("cannot create \(destination): \(errnoText())") }
    case S_IFDIR:
        guard mkdir(destination, 0o700) == 0 else { throw .hostFailure("cannot create \(destination): \(errnoText())") }
        guard access(source, R_OK | X_OK) == 0 else { throw .unreadableFile(path: source, reason: errnoText()) }
        for entry in FileTree.names(in: source).sorted() {
            try copyTree(source + "/" + entry, to: destination + "/" + entry)
        }
        chmod(destination, mode_t(mode | 0o700))
    case S_IFREG:
        guard let bytes = readRegularFile(source, bound: Int.max - 1) else {
            throw .unreadableFile(path: source, reason: errno == 0 ? "cannot read it" : errnoText())
        }
        try writeFile(bytes, to: URL(fileURLWithPath: destination), mode: mode | 0o600)
    default:
        // FIFOs, sockets and devices are no part of a submission; reading one could block.
        break
    }
}

/// Writes `bytes` to a new file at `url` with permission bits `mode`.
func writeFile(_ bytes: Data, to url: URL, mode: Int) throws(SandboxError) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
    guard fd >= 0 else { throw .hostFailure("cannot create \(url.path): \(errnoText())") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw .hostFailure("cannot write \(url.path): \(errnoText())") }
        offset += written
    }
    // The mode asked for, whatever the grader's umask.
    fchmod(fd, mode_t(mode))
}

/// Creates directory `path` and any missing parents (mode 0755).
func makeDirectories(_ path: String) throws(SandboxError) {
    var info = stat()
    if stat(path, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .invalidRequest("\(path) is a file, not a directory") }
        return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { try makeDirectories(parent) }
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
        throw .hostFailure("cannot create \(path): \(errnoText())")
    }
}

/// A file holding `bytes`, opened read-only at its start and already
/// unlinked: a child's stdin that never blocks the grader and never raises SIGPIPE.
func stdinFile(_ bytes: Data, in directory: URL) throws(SandboxError) -> CInt {
    let path = directory.appendingPathComponent("stdin").path
    let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .hostFailure("cannot create \(path): \(errnoText())") }
    unlink(path)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
        guard written > 0 else {
            close(fd)
            throw .hostFailure("cannot write the run's stdin: \(errnoText())")
        }
        offset += written
    }
    // Hand the child a read-only descriptor, so it cannot grow the file on the host.
    let readOnly = open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
    close(fd)
    guard readOnly >= 0 else { throw .hostFailure("cannot reopen the run's stdin: \(errnoText())") }
    return readOnly
}
