import Foundation

/// A folder of files keyed by content hashes: the reference's traces for fixed seeds and its
/// compiled program, so a grading need not run or compile the reference again. Every entry
/// came from actually running (or compiling) the reference; its key hashes everything that
/// went into it (the reference, the harness, the seed or the compile command), so an edit to
/// any of them misses the cache instead of reading a stale entry. Failing to read or write
/// the cache only costs time.
public struct TraceCache: Sendable {
    /// Nil: no cache.
    public var directory: URL?

    public init(directory: URL?) {
        self.directory = directory
    }

    /// `LECTERN_CACHE_DIR`, else `$XDG_CACHE_HOME/lectern`, else `~/.cache/lectern`.
    public static var standard: TraceCache {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["LECTERN_CACHE_DIR"], !explicit.isEmpty {
            return TraceCache(directory: URL(fileURLWithPath: explicit))
        }
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return TraceCache(directory: URL(fileURLWithPath: base).appendingPathComponent("lectern"))
        }
        return TraceCache(directory: FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/lectern"))
    }

    public static let none = TraceCache(directory: nil)

    func read(_ kind: String, key: String) -> Data? {
        guard let url = url(kind, key: key) else { return nil }
        return try? Data(contentsOf: url)
    }

    func write(_ data: Data, _ kind: String, key: String) {
        guard let url = url(kind, key: key) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: url)
    }

    private func url(_ kind: String, key: String) -> URL? {
        directory?.appendingPathComponent(kind).appendingPathComponent(key)
    }
}
