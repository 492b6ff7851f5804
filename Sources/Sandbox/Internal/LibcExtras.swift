import Glibc

/// GNU extensions of glibc that Swift's Glibc module does not declare, resolved once at run
/// time. Each is optional so an older C library degrades (less hygiene) instead of failing.
enum LibcExtras {
    typealias FileActionsFD = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt
    typealias FileActionsPath = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> CInt
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<CInt>, CInt) -> CInt

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): close every fd from n up in the child.
    static let addCloseFrom: FileActionsFD? = symbol("posix_spawn_file_actions_addclosefrom_np")
    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29): the child's working directory.
    static let addChdir: FileActionsPath? = symbol("posix_spawn_file_actions_addchdir_np")
    static let pipe2: Pipe2? = symbol("pipe2")

    typealias PidfdOpen = @convention(c) (pid_t, CUnsignedInt) -> CInt
    typealias PidfdSendSignal = @convention(c) (CInt, CInt, UnsafeMutablePointer<siginfo_t>?, CUnsignedInt) -> CInt
    /// `pidfd_open` (glibc 2.36): a descriptor that keeps naming one process, never a reused pid.
    static let pidfdOpen: PidfdOpen? = symbol("pidfd_open")
    /// `pidfd_send_signal` (glibc 2.36).
    static let pidfdSendSignal: PidfdSendSignal? = symbol("pidfd_send_signal")

    /// `POSIX_SPAWN_SETSID` (glibc 2.26): the child leads a new session and process group.
    static let spawnSetSID: Int32 = 0x80

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: T.self)
    }
}
