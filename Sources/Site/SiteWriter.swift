import Foundation
import Support

/// Writes a built site to its output folder all at once, or not at all.
///
/// Files are handed over one by one, from any thread, as the build makes them: pages are
/// written while other pages still render. Each goes into a temporary folder beside the
/// output, swapped in at the end by two renames, so an interrupted or failed build leaves the
/// previous site as it was. A file whose bytes did not change is hard-linked from the
/// previous site rather than written, and when nothing changed at all the output is not
/// touched: a second build with no change rewrites nothing (timestamps stay, file watchers
/// stay quiet).
public final class SiteWriter: @unchecked Sendable {
    /// The file marking a folder as a site lectern built, so lectern never replaces anything else.
    public static let marker = ".lectern-site"

    /// What a write did.
    public struct Summary: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
    }

    /// An output folder lectern refuses to replace, or an I/O failure.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let output: URL
    private let exists: Bool
    /// The previous site's regular files: site path → absolute path.
    private let previous: [String: String]
    private let staging: URL

    // Shared between the threads that hand files over; guarded by `lock`.
    private let lock = NSLock()
    private var stagingMade = false
    private var foldersMade = Set<String>()
    private var given = Set<String>()
    private var unchanged = Set<String>()
    private var written = 0

    /// Opens `output` for a new site: checks that lectern may replace it and clears what an
    /// interrupted build left beside it. Nothing is written yet.
    public init(output: URL) throws {
        let fileManager = FileManager.default
        self.output = output.standardizedFileURL
        var isDirectory: ObjCBool = false
        exists = fileManager.fileExists(atPath: self.output.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw Failure(description: "\(self.output.path) exists and is not a folder") }
            let contents = try fileManager.contentsOfDirectory(atPath: self.output.path)
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw Failure(description: "refusing to replace \(self.output.path): it is not empty and is not a site lectern built (no \(Self.marker) file); choose another --output")
            }
        }
        Self.removeLeftovers(of: self.output)
        let base = self.output.path
        previous = exists ? Dictionary(uniqueKeysWithValues: DirectoryListing.regularFiles(under: base).map { ($0, base + "/" + $0) }) : [:]
        staging = self.output.deletingLastPathComponent()
            .appendingPathComponent(".\(self.output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Hands over the file at site path `path`. Safe to call from several threads at once;
    /// each path is given once.
    public func put(_ path: String, _ data: Data) throws {
        try data.withUnsafeBytes { try put(path, bytes: $0) }
    }

    /// Hands over a text file: its UTF-8 is written from the string's own storage, so a page
    /// is not copied into a `Data` first (15 MB of copies, and their page faults, on a
    /// 270-page course).
    public func put(_ path: String, text: String) throws {
        var text = text
        try text.withUTF8 { try put(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    private func put(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        if let old = previous[path], Self.file(old, holds: bytes) {
            lock.withLock {
                given.insert(path)
                unchanged.insert(path)
            }
            return
        }
        let target = try lock.withLock {
            given.insert(path)
            written += 1
            return try prepareFolder(of: path)
        }
        try Self.writeFile(bytes, to: target)
    }

    /// Puts the new site in place of the old, or leaves the old one as it is when nothing changed.
    public func commit() throws -> Summary {
        try lock.withLock {
            let removed = previous.keys.filter { !given.contains($0) }.count
            let summary = Summary(written: written, unchanged: unchanged.count, removed: removed)
            if exists && written == 0 && removed == 0 { return summary }
            let fileManager = FileManager.default
            do {
                _ = try prepareFolder(of: Self.marker)
                for path in unchanged {
                    let target = try prepareFolder(of: path)
                    if let old = previous[path], link(old, target) != 0 {
                        try Data(contentsOf: URL(fileURLWithPath: old)).withUnsafeBytes { try Self.writeFile($0, to: target) }
                    }
                }
                if exists {
                    let retired = output.deletingLastPathComponent()
                        .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                    try? fileManager.removeItem(at: retired)
                    try fileManager.moveItem(at: output, to: retired)
                    do {
                        try fileManager.moveItem(at: staging, to: output)
                    } catch {
                        try? fileManager.moveItem(at: retired, to: output)
                        throw error
                    }
                    try? fileManager.removeItem(at: retired)
                } else {
                    try fileManager.moveItem(at: staging, to: output)
                }
            } catch let failure as Failure {
                try? fileManager.removeItem(at: staging)
                throw failure
            } catch {
                try? fileManager.removeItem(at: staging)
                throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
            }
            return summary
        }
    }

    /// Drops what was written so far; the previous site stays as it was.
    public func abandon() {
        lock.withLock {
            if stagingMade { try? FileManager.default.removeItem(at: staging) }
        }
    }

    /// The staging path of `path`, with its folders made. Called with `lock` held.
    private func prepareFolder(of path: String) throws -> String {
        let fileManager = FileManager.default
        do {
            if !stagingMade {
                try fileManager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? fileManager.removeItem(at: staging)
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
                stagingMade = true
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !foldersMade.contains(folder) {
                try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                foldersMade.insert(folder)
            }
        } catch {
            throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
        }
        return staging.path + "/" + path
    }

    /// Whether the file at `path` holds exactly `expected`. Read in chunks into one buffer rather
    /// than mapped: unmapping on many threads interrupts every core the process runs on.
    static func file(_ path: String, holds expected: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == expected.count else { return false }
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < expected.count {
            let count = read(descriptor, buffer, min(chunk, expected.count - offset))
            if count < 0, errno == EINTR { continue }
            guard count > 0, memcmp(buffer, expected.baseAddress! + offset, count) == 0 else { return false }
            offset += count
        }
        return true
    }

    /// Writes a file with plain POSIX calls: no fsync per file (the swap-in is what makes the
    /// site appear whole), which keeps a 300-page build fast.
    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Staging and retired folders an interrupted build left beside the output.
    private static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).tmp-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: { name.hasPrefix($0) }) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
