import Foundation

/// Values a command keeps until the process exits instead of tearing them down.
///
/// Freeing a large course's node trees (hundreds of thousands of nodes) took about 11 ms of
/// a 160 ms site build, on one thread, after all the work was done. A command that exits
/// right after its work hands its large values here, as compilers skip freeing at exit.
/// Long-running processes (the preview server) must not use it.
public enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits.
    public static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
