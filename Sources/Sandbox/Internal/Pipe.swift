import Glibc

/// A pipe whose both ends are close-on-exec; a child gets an end only by an explicit dup2.
struct Pipe {
    let readEnd: CInt
    let writeEnd: CInt

    init() throws(SandboxError) {
        var fds: [CInt] = [-1, -1]
        let status: CInt
        if let pipe2 = LibcExtras.pipe2 {
            status = fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) }
        } else {
            status = Glibc.pipe(&fds)
            if status == 0 {
                _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            }
        }
        guard status == 0 else { throw .hostFailure("cannot create a pipe: \(errnoText())") }
        readEnd = fds[0]
        writeEnd = fds[1]
    }
}

/// The text of the current `errno`.
func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
