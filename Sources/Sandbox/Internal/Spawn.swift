import Glibc

/// A child process to start: an absolute executable, its argv and environment, and which of
/// the parent's descriptors become which of the child's. Every other descriptor is closed.
struct ChildSpec {
    var executable: String
    var argv: [String]
    var environment: [String: String]
    var workingDirectory: String?
    /// Child descriptor number -> parent descriptor it is a copy of.
    var descriptors: [CInt: CInt]
}

/// Starts `spec` with `posix_spawn` as the leader of a new session (so its process group can
/// be killed as one), with default signal dispositions and an empty signal mask, whatever the
/// grader's own are.
func spawn(_ spec: ChildSpec) throws(SandboxError) -> pid_t {
    guard !spec.argv.isEmpty else { throw .invalidRequest("empty argv") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }

    // Lift every source above the child's descriptor numbers first, so no dup2 overwrites a
    // source that a later dup2 still needs.
    let firstFree = (spec.descriptors.keys.max() ?? 2) + 1
    var lifted: [CInt] = []
    defer { for fd in lifted { close(fd) } }
    for (target, source) in spec.descriptors.sorted(by: { $0.key < $1.key }) {
        let high = fcntl(source, F_DUPFD_CLOEXEC, firstFree)
        guard high >= 0 else { throw .hostFailure("cannot duplicate a descriptor: \(errnoText())") }
        lifted.append(high)
        posix_spawn_file_actions_adddup2(&actions, high, target)
    }
    // Every descriptor the table does not name is closed in the child: those above it at
    // once, and those below it (3 when only 4 and 5 are named) one by one, so a descriptor
    // another thread left inheritable for a moment never reaches the command.
    for unnamed in CInt(3)..<firstFree where spec.descriptors[unnamed] == nil {
        posix_spawn_file_actions_addclose(&actions, unnamed)
    }
    if let closeFrom = LibcExtras.addCloseFrom {
        _ = closeFrom(&actions, firstFree)
    }
    if let directory = spec.workingDirectory {
        guard let addChdir = LibcExtras.addChdir else {
            throw .hostFailure("this C library cannot set a child's working directory")
        }
        _ = directory.withCString { addChdir(&actions, $0) }
    }

    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(
        &attributes,
        Int16(LibcExtras.spawnSetSID | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF))
    )

    let argv = spec.argv.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let environment = spec.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in environment { free(p) } }

    var pid: pid_t = 0
    let status = posix_spawn(&pid, spec.executable, &actions, &attributes, argv, environment)
    guard status == 0 else {
        throw .hostFailure("cannot start \(spec.executable): \(errnoText(status))")
    }
    return pid
}
