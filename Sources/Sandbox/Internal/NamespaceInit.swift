import Foundation
import Glibc

/// The init process of a run's pid namespace, as the host sees it. The kernel kills every
/// other process of the namespace, and waits for them, before that init finishes exiting;
/// so once it is gone (or a zombie) nothing of the run is left.
enum NamespaceInit {
    /// The `child-pid` that bubblewrap writes on its `--info-fd` before the command starts.
    /// Only the first occurrence counts: anything after it may come from the command.
    static func pid(fromInfo data: Data) -> pid_t? {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let key = text.range(of: "\"child-pid\":") else { return nil }
        let digits = text[key.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return pid_t(digits)
    }

    /// Waits, at most `bound`, until the init with host pid `pid` has exited.
    static func awaitEnd(of pid: pid_t, bound: Duration = .seconds(3)) async {
        let clock = ContinuousClock()
        let deadline = clock.now + bound
        while isAlive(pid), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Whether `pid` is a live (not zombie) process that is pid 1 of its own pid namespace,
    /// so a reused pid of some unrelated process never keeps us waiting.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        var alive = false
        var namespaceInit = false
        for line in status.split(separator: "\n") {
            if line.hasPrefix("State:") {
                alive = !(line.contains("Z") || line.contains("X"))
            } else if line.hasPrefix("NSpid:") {
                namespaceInit = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last == "1"
            }
        }
        return alive && namespaceInit
    }
}
