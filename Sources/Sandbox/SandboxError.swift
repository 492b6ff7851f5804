/// Why a run could not take place. Each description says what is wrong and how to fix it.
public enum SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bubblewrap executable at this path.
    case bwrapMissing(path: String)
    /// bubblewrap is there but cannot create the namespaces it needs; its own message.
    case namespacesUnavailable(String)
    /// A host program the sandbox relies on (e.g. `prlimit`) is missing.
    case toolMissing(path: String, package: String)
    /// The request itself is unusable (an empty argv, a path escaping the work dir, …).
    case invalidRequest(String)
    /// A file of the request could not be read.
    case unreadableFile(path: String, reason: String)
    /// The host refused something the sandbox needs (a temporary directory, a pipe, a spawn).
    case hostFailure(String)
    /// The task running the sandbox was cancelled; the run was killed.
    case cancelled

    public var description: String {
        switch self {
        case .bwrapMissing(let path):
            "the sandbox needs bubblewrap, but there is no executable at \(path); "
                + "install it (Debian/Ubuntu: `apt-get install bubblewrap`, Fedora: `dnf install bubblewrap`), "
                + "or grade without isolation with --no-sandbox"
        case .namespacesUnavailable(let detail):
            "bubblewrap cannot create the sandbox's namespaces here (\(detail)); "
                + "unprivileged user namespaces must be enabled: `sysctl -w kernel.unprivileged_userns_clone=1` "
                + "(Debian kernels) or `sysctl -w user.max_user_namespaces=15000`, "
                + "`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (Ubuntu 24.04+); "
                + "in a container, run it with `--security-opt seccomp=unconfined` or `--privileged`; "
                + "or grade without isolation with --no-sandbox"
        case .toolMissing(let path, let package):
            "the sandbox needs \(path), which is missing; install the Debian package `\(package)`"
        case .invalidRequest(let detail):
            "invalid sandbox request: \(detail)"
        case .unreadableFile(let path, let reason):
            "\(path): cannot read it into the sandbox: \(reason)"
        case .hostFailure(let detail):
            "the sandbox could not run: \(detail)"
        case .cancelled:
            "the run was cancelled and killed"
        }
    }
}
