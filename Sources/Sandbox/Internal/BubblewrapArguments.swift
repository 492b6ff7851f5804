import Foundation
import Glibc

/// bubblewrap's options for one run: namespaces, the read-only runtime, the bounded tmpfs,
/// the staged input, and the clean environment. See ``Bubblewrap`` for the layout.
struct BubblewrapArguments {
    static let root = "/sandbox"
    static let work = "/sandbox/work"
    static let home = "/sandbox/home"
    static let tmp = "/sandbox/tmp"
    static let staging = "/run/lectern"
    /// Places of the sandbox's own that a request's read-only path may not cover.
    static let reserved = ["/sandbox", "/run", "/proc", "/dev", "/tmp"]

    let arguments: [String]

    init(configuration: Bubblewrap.Configuration, limits: Limits, environment: [String: String],
         readOnlyPaths: [String], staging: String) {
        var options = [
            "--unshare-all", "--unshare-user", "--disable-userns", "--cap-drop", "ALL",
            "--die-with-parent", "--new-session", "--as-pid-1",
            "--uid", "\(configuration.sandboxUser)", "--gid", "\(configuration.sandboxUser)",
            "--hostname", "lectern",
        ]
        for path in configuration.runtimePaths where Self.exists(path) {
            options += ["--ro-bind", path, path]
        }
        // Merged-/usr systems have /bin, /lib … as links into /usr; older ones as directories.
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = Self.symbolicLinkTarget(top) {
                options += ["--symlink", target, top]
            } else if Self.exists(top) {
                options += ["--ro-bind", top, top]
            }
        }
        for path in configuration.etcPaths + readOnlyPaths where Self.exists(path) {
            options += ["--ro-bind", path, path]
        }
        options += [
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", "\(max(limits.diskBytes, 4096))", "--perms", "0755", "--tmpfs", Self.root,
            "--dir", Self.work, "--dir", Self.home, "--dir", Self.tmp,
            "--symlink", String(Self.tmp.dropFirst()), "/tmp",
            "--ro-bind", staging, Self.staging,
            "--remount-ro", "/dev",
            "--remount-ro", "/",
            "--chdir", Self.work,
            "--clearenv",
        ]
        var variables = environment
        variables["PATH"] = configuration.searchPath
        variables["HOME"] = Self.home
        variables["LANG"] = "C.UTF-8"
        variables["TMPDIR"] = Self.tmp
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) {
            options += ["--setenv", key, value]
        }
        arguments = options
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func symbolicLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        return try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }
}
