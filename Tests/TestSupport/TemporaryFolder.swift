import Foundation

/// A fresh folder for one test, named `<prefix>-<UUID>` so tests running at once never share
/// one; removed by `remove()` or when the last reference to it goes away.
public final class TemporaryFolder: Sendable {
    public let url: URL

    public init(prefix: String = "lectern-test", in parent: URL = FileManager.default.temporaryDirectory) {
        url = parent.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    public var path: String { url.path }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
